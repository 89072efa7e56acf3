import Society

/// The state digest: SHA-256 over fixed blocks of subjects, so that the same scenario, size and
/// seed give the same digest however the subjects are split (threads, or ranks of a sharded run
/// each holding a range of them). docs/simulation.md, "The state digest", gives the definition
/// this implements, format `sclab-digest-2`:
///
/// - The subjects of each kind (people, then companies) are cut into blocks (`cut`) of 65,536
///   consecutive subjects by *global* index; a kind's last block may be shorter, and a
///   kind with no subjects has no blocks.
/// - A block's hash is SHA-256 over, for each column of `SubjectState.stateColumns` in its fixed
///   order, the rows of the block's subjects in subject order (a record block's row is the whole
///   record, padding included; a column the kind does not have adds nothing). Values are
///   little-endian, as they lie in memory on the platforms Swift targets here (x86_64, arm64).
/// - The digest is SHA-256 over the header (`DigestHeader`: the ASCII tag `sclab-digest-2`, then
///   the people count and the company count as little-endian UInt64) followed by the people's
///   block hashes in block order and then the companies', 32 bytes each; written as 64 lowercase
///   hex digits.
///
/// A rank holding subjects `lo..<hi` of a kind hashes the blocks wholly inside its range
/// (`shard`), and hands the rows of a block straddling either end (`BlockPart`) to the block's
/// owner, the rank holding its first subject, which hashes it from the parts (`assemble`).
public enum BlockDigest {
    /// The definition's cut: blocks of 65,536 subjects.
    public static let cut = BlockCut(size: 65_536)

    /// The hash of a block from its rows, column by column in the state's fixed order: the one
    /// place the order of a block's bytes is decided. `feed(column, &hash)` adds the rows of the
    /// block's subjects in that column, in subject order.
    static func blockHash(columns: Int, feed: (Int, inout SHA256) -> Void) -> BlockHash {
        var hash = SHA256()
        for column in 0..<columns { feed(column, &hash) }
        return BlockHash(of: &hash)
    }

    /// What a state holding the subjects `globalOffset..<globalOffset + state.count` of a kind of
    /// `count` subjects contributes to the digest: the hashes of the blocks wholly inside its
    /// range, computed in parallel over a few large chunks of blocks, and the rows of the blocks
    /// it holds only part of. (`cut` is the definition's but in tests.)
    static func shard(
        of state: SubjectState,
        globalOffset: Int = 0,
        count: Int? = nil,
        threads: Int,
        cut: BlockCut = BlockDigest.cut
    ) -> DigestShard {
        let count = count ?? globalOffset + state.count
        precondition(
            globalOffset >= 0 && globalOffset + state.count <= count,
            "a state's subjects lie within its kind"
        )
        let range = globalOffset..<(globalOffset + state.count)
        let whole = cut.wholeBlocks(in: range, count: count)
        let chunks = ParallelChunks(threads: threads).mapChunks(count: whole.count) { chunk in
            let columns = state.stateColumns
            return chunk.map { index in
                let global = cut.subjects(ofBlock: whole.lowerBound + index, count: count)
                let rows = (global.lowerBound - globalOffset)..<(global.upperBound - globalOffset)
                return blockHash(columns: columns.count) { column, hash in hash.update(raw: columns[column].rows(rows))
                }
            }
        }
        let parts = cut.partialBlocks(in: range, count: count).map { block in
            BlockPart(of: state, globalOffset: globalOffset, block: block, count: count, cut: cut)
        }
        return DigestShard(firstBlock: whole.lowerBound, hashes: chunks.flatMap { $0 }, parts: parts)
    }

    /// All the block hashes of a kind of `count` subjects, from the shards of every holder of its
    /// subjects: each block comes from exactly one shard's hashes or from the parts that tile it.
    /// (`cut` is the definition's but in tests.)
    /// - Throws: `DigestError` naming a block given twice, missing, out of range, or whose parts
    ///   do not tile it.
    public static func assemble(
        count: Int,
        shards: [DigestShard],
        cut: BlockCut = BlockDigest.cut
    ) throws -> [BlockHash] {
        var hashes = [BlockHash?](repeating: nil, count: cut.blocks(count: count))
        func place(_ hash: BlockHash, at block: Int) throws {
            guard hashes.indices.contains(block) else {
                throw DigestError("block \(block) is outside the \(hashes.count) blocks of \(count) subjects")
            }
            guard hashes[block] == nil else { throw DigestError("block \(block) is given twice") }
            hashes[block] = hash
        }
        for shard in shards {
            for (index, hash) in shard.hashes.enumerated() { try place(hash, at: shard.firstBlock + index) }
        }
        let parts = Dictionary(grouping: shards.flatMap(\.parts), by: \.block)
        for (block, pieces) in parts.sorted(by: { $0.key < $1.key }) {
            try place(BlockPart.hash(pieces, count: count, cut: cut), at: block)
        }
        if let missing = hashes.firstIndex(where: { $0 == nil }) {
            throw DigestError("block \(missing) of \(hashes.count) is missing")
        }
        return hashes.map { $0! }
    }

    /// The digest from the header and every block hash of both kinds, as 64 lowercase hex digits.
    /// (`cut` is the definition's but in tests.)
    public static func combine(
        _ header: DigestHeader,
        people: [BlockHash],
        companies: [BlockHash],
        cut: BlockCut = BlockDigest.cut
    ) -> String {
        precondition(
            people.count == cut.blocks(count: header.people) && companies.count == cut.blocks(count: header.companies),
            "one hash per block of each kind"
        )
        var hash = SHA256()
        hash.update(header.bytes)
        for block in people + companies { hash.update(block.bytes) }
        return hash.hexDigest()
    }
}

/// What the digest hashes before the block hashes: the format's tag and both kinds' counts.
public struct DigestHeader: Sendable, Equatable {
    /// The format's tag, its first bytes; a change of the definition changes the tag.
    public static let tag = "sclab-digest-2"
    /// The number of people.
    public var people: Int
    /// The number of companies.
    public var companies: Int

    /// The header of a society of `people` people and `companies` companies.
    public init(people: Int, companies: Int) {
        self.people = people
        self.companies = companies
    }

    /// The tag's ASCII bytes, then both counts as little-endian UInt64.
    public var bytes: [UInt8] {
        Array(Self.tag.utf8)
            + [people, companies].flatMap { count in
                (0..<8).map { UInt8(truncatingIfNeeded: UInt64(count) >> (8 * UInt64($0))) }
            }
    }
}

/// The SHA-256 of one block of subjects.
public struct BlockHash: Sendable, Hashable {
    /// The 32 bytes of the hash.
    public let bytes: [UInt8]

    /// A hash from its 32 bytes (as received from another rank).
    /// - Throws: `DigestError` when there are not 32 bytes.
    public init(bytes: [UInt8]) throws {
        guard bytes.count == 32 else { throw DigestError("a block hash of \(bytes.count) bytes; it has 32") }
        self.bytes = bytes
    }

    /// A hash from SHA-256's result.
    init(of hash: inout SHA256) { bytes = hash.finalize() }
}

/// What a holder of a range of a kind's subjects contributes to the digest: the hashes of the
/// consecutive blocks wholly inside its range, starting at `firstBlock`, and the rows of the at
/// most two blocks it holds only part of (for their owners).
public struct DigestShard: Sendable {
    /// The index of the first block hashed (the end of the range when none is).
    public var firstBlock: Int
    /// The hashes of blocks `firstBlock...`, in block order.
    public var hashes: [BlockHash]
    /// The rows of the blocks held only in part.
    public var parts: [BlockPart]

    /// A shard from its pieces (as received from another rank).
    public init(firstBlock: Int, hashes: [BlockHash], parts: [BlockPart]) {
        self.firstBlock = firstBlock
        self.hashes = hashes
        self.parts = parts
    }
}

/// A digest that cannot be assembled from the shards given, and why.
public struct DigestError: Error, CustomStringConvertible, Sendable {
    /// What is wrong, in words.
    public let description: String

    init(_ description: String) { self.description = description }
}
