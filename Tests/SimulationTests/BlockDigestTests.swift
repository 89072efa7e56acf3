import Testing

@testable import Simulation

/// The state digest over fixed blocks of subjects: its definition checked against independent
/// computations, and the same digest from a state split at any points into "ranks" that hash
/// their whole blocks and hand over the rows of the blocks they straddle.
@Suite("Block digest")
struct BlockDigestTests {
    /// Blocks of 64 subjects: many blocks in a small state (a debug build hashes slowly).
    static let small = BlockCut(size: 64)

    /// A state of `count` subjects (one rule-filled list that keeps its first day, one rating)
    /// whose every byte is a deterministic function of its column and position.
    static func filledState(_ count: Int, salt: UInt64 = 1) -> SubjectState {
        let state = SubjectState(count: count, origin: 0, listed: [true], rated: [true])
        for (column, part) in state.stateColumns.enumerated() {
            let bytes = UnsafeMutableRawBufferPointer(mutating: part.bytes)
            var x = salt &* 0x9E37_79B9_7F4A_7C15 &+ UInt64(column)
            for index in bytes.indices {
                x = x &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                bytes[index] = UInt8(truncatingIfNeeded: x >> 33)
            }
        }
        return state
    }

    /// The subjects `range` of `state` as a state of their own (a rank's share).
    static func slice(_ state: SubjectState, _ range: Range<Int>) -> SubjectState {
        let part = SubjectState(count: range.count, origin: 0, listed: [true], rated: [true])
        for (source, target) in zip(state.stateColumns, part.stateColumns) where !target.bytes.isEmpty {
            UnsafeMutableRawBufferPointer(mutating: target.bytes).copyMemory(from: source.rows(range))
        }
        return part
    }

    /// A block's hash straight from the definition: SHA-256 over each column's bytes for the
    /// block's subjects, the bytes per subject taken as the column's length over the count.
    static func independentBlockHashes(_ state: SubjectState, blockSize: Int = 65_536) -> [[UInt8]] {
        stride(from: 0, to: state.count, by: blockSize).map { first in
            let last = min(state.count, first + blockSize)
            var hash = SHA256()
            for column in state.columns where !column.isEmpty {
                let perSubject = column.count / state.count
                hash.update(raw: UnsafeRawBufferPointer(rebasing: column[(first * perSubject)..<(last * perSubject)]))
            }
            return hash.finalize()
        }
    }

    /// The digest straight from the definition: the tag, both counts little-endian, the hashes.
    static func independentDigest(people: SubjectState, companies: SubjectState) -> String {
        var hash = SHA256()
        hash.update(Array("sclab-digest-2".utf8))
        for count in [people.count, companies.count] {
            hash.update((0..<8).map { UInt8(truncatingIfNeeded: count >> (8 * $0)) })
        }
        for block in independentBlockHashes(people) + independentBlockHashes(companies) { hash.update(block) }
        return hash.hexDigest()
    }

    /// A state of 15 blocks of 64 and a short 16th, hashed once for the split tests.
    static let whole = filledState(15 * 64 + 40)
    static let wholeHashes = BlockDigest.shard(of: whole, threads: 2, cut: small).hashes

    /// The block hashes of `state` assembled from "ranks" holding the ranges between `cuts`.
    static func assembled(
        _ state: SubjectState,
        cuts: [Int],
        cut: BlockCut
    ) throws -> (
        hashes: [BlockHash], shards: [DigestShard]
    ) {
        let bounds = [0] + cuts + [state.count]
        let shards = zip(bounds, bounds.dropFirst()).map { lo, hi in
            BlockDigest.shard(of: slice(state, lo..<hi), globalOffset: lo, count: state.count, threads: 2, cut: cut)
        }
        return (try BlockDigest.assemble(count: state.count, shards: shards, cut: cut), shards)
    }

    @Test("The header and block hashes combine as the definition says (known answers from Python's hashlib)")
    func combineKnownAnswers() throws {
        #expect(
            BlockDigest.combine(DigestHeader(people: 0, companies: 0), people: [], companies: [])
                == "e9afb7d7e1c21982a4300fcf52fd15d778fb01bf39b39391a15ee8ccde120caa"
        )
        let counting = try BlockHash(bytes: (0..<32).map(UInt8.init))
        #expect(
            BlockDigest.combine(DigestHeader(people: 1, companies: 0), people: [counting], companies: [])
                == "2f7c437b83c72a04d2f86a807faf444c1409278ff9319bf67e3d607e91403dea"
        )
        let second = try BlockHash(bytes: (32..<64).map(UInt8.init))
        let sevens = try BlockHash(bytes: [UInt8](repeating: 7, count: 32))
        #expect(
            BlockDigest.combine(
                DigestHeader(people: 65_537, companies: 3),
                people: [counting, second],
                companies: [sevens]
            ) == "3ba3aba028718ec2a049c73ed1a860d61380bc4d6ee7b1985a1c5df9ded2a76c"
        )
        #expect(throws: DigestError.self) { try BlockHash(bytes: [UInt8](repeating: 0, count: 31)) }
    }

    @Test("A fresh state's digest is the one Python's hashlib gives for its records and columns laid out by hand")
    func freshStateKnownAnswer() {
        let people = SubjectState(count: 2, origin: 0, listed: [])
        let companies = SubjectState(count: 1, origin: 0, listed: [])
        let digest = BlockDigest.combine(
            DigestHeader(people: 2, companies: 1),
            people: BlockDigest.shard(of: people, threads: 1).hashes,
            companies: BlockDigest.shard(of: companies, threads: 1).hashes
        )
        #expect(digest == "40d538692cf4469119467bcfb33a40be43d30e3deab94e8e742c2ac81913aec5")
    }

    @Test("Digests of filled states equal the definition computed column by column", arguments: [1, 300, 70_000])
    func independent(people count: Int) {
        let people = Self.filledState(count)
        let companies = Self.filledState(500, salt: 2)
        let digest = BlockDigest.combine(
            DigestHeader(people: people.count, companies: companies.count),
            people: BlockDigest.shard(of: people, threads: 2).hashes,
            companies: BlockDigest.shard(of: companies, threads: 2).hashes
        )
        #expect(digest == Self.independentDigest(people: people, companies: companies))
    }

    @Test("A run's digest is the definition's over its people's and companies' final state")
    func simulationDigest() throws {
        let (simulation, _) = try SimulationFixture.run(SimulationFixture.scenario(), on: SimulationFixture.adults(300))
        #expect(
            simulation.digest() == Self.independentDigest(people: simulation.people, companies: simulation.companies)
        )
    }

    @Test("Block hashes are the definition's on any thread count", arguments: [1, 3, 8])
    func threads(threads: Int) {
        let hashes = BlockDigest.shard(of: Self.whole, threads: threads, cut: Self.small).hashes
        #expect(hashes.map(\.bytes) == Self.independentBlockHashes(Self.whole, blockSize: 64))
        #expect(hashes.count == 16)
    }

    @Test(
        "Ranks split at any points give the whole state's block hashes from their blocks and handed-over parts",
        arguments: [
            [], [1], [63], [64], [65], [100], [960], [961], [999], [1, 2], [10, 20, 30], [30, 70, 128],
            [64, 128], [40, 80, 120, 130], [64, 70, 127], [70, 70], [5, 300, 301, 302, 640, 700, 980],
        ]
    )
    func split(cuts: [Int]) throws {
        let (hashes, shards) = try Self.assembled(Self.whole, cuts: cuts, cut: Self.small)
        #expect(hashes == Self.wholeHashes)
        // Every straddled block is handed over, and only those: a rank's whole blocks are hashed where it is.
        let handedOver = Set(shards.flatMap(\.parts).map(\.block))
        let straddled = Set(cuts.filter { $0 % 64 != 0 }.map { $0 / 64 })
        #expect(handedOver == straddled)
    }

    @Test("Ranks split inside and at the edges of the definition's blocks give the single-process digest")
    func splitFullBlocks() throws {
        let people = Self.filledState(65_536 + 700)
        let companies = Self.filledState(300, salt: 3)
        let header = DigestHeader(people: people.count, companies: companies.count)
        let single = BlockDigest.combine(
            header,
            people: BlockDigest.shard(of: people, threads: 2).hashes,
            companies: BlockDigest.shard(of: companies, threads: 2).hashes
        )
        for (peopleCuts, companyCuts) in [([65_535], [150]), ([65_536], [1, 299]), ([20_000, 65_600], [])] {
            let sharded = BlockDigest.combine(
                header,
                people: try Self.assembled(people, cuts: peopleCuts, cut: BlockDigest.cut).hashes,
                companies: try Self.assembled(companies, cuts: companyCuts, cut: BlockDigest.cut).hashes
            )
            #expect(sharded == single, "people cut at \(peopleCuts), companies at \(companyCuts)")
        }
    }

    @Test("A changed byte changes its block's hash alone and the digest; a changed count changes the digest")
    func sensitivity() throws {
        let state = Self.filledState(Self.whole.count)
        #expect(BlockDigest.shard(of: state, threads: 2, cut: Self.small).hashes == Self.wholeHashes)
        let records = UnsafeMutableRawBufferPointer(mutating: state.records.bytes)
        records[2 * (2 * 64 - 1)] ^= 1  // the last subject of block 1
        let changed = BlockDigest.shard(of: state, threads: 2, cut: Self.small).hashes
        #expect(changed.indices.filter { changed[$0] != Self.wholeHashes[$0] } == [1])
        let header = DigestHeader(people: state.count, companies: 0)
        let before = BlockDigest.combine(header, people: Self.wholeHashes, companies: [], cut: Self.small)
        #expect(BlockDigest.combine(header, people: changed, companies: [], cut: Self.small) != before)
        let companies = DigestHeader(people: state.count, companies: 1)
        let fresh = BlockDigest.shard(of: SubjectState(count: 1, origin: 0, listed: []), threads: 1)
        #expect(
            BlockDigest.combine(companies, people: Self.wholeHashes, companies: fresh.hashes, cut: Self.small)
                != before
        )
    }

    @Test("Shards that miss a block, give one twice or hand over parts that do not tile it are refused")
    func refused() throws {
        let count = Self.whole.count
        let cut = Self.small
        let first = BlockDigest.shard(of: Self.slice(Self.whole, 0..<100), count: count, threads: 1, cut: cut)
        let rest = BlockDigest.shard(
            of: Self.slice(Self.whole, 100..<count),
            globalOffset: 100,
            count: count,
            threads: 1,
            cut: cut
        )
        #expect(try BlockDigest.assemble(count: count, shards: [first, rest], cut: cut) == Self.wholeHashes)
        #expect(throws: DigestError.self) { try BlockDigest.assemble(count: count, shards: [first], cut: cut) }
        #expect(throws: DigestError.self) {
            try BlockDigest.assemble(count: count, shards: [first, rest, rest], cut: cut)
        }
        var short = rest
        short.parts = rest.parts.map {
            BlockPart(block: $0.block, subjects: $0.subjects.dropLast(1), columns: $0.columns)
        }
        #expect(throws: DigestError.self) { try BlockDigest.assemble(count: count, shards: [first, short], cut: cut) }
        var outside = rest
        outside.firstBlock = 14
        #expect(throws: DigestError.self) {
            try BlockDigest.assemble(count: count, shards: [first, outside], cut: cut)
        }
    }
}
