import Foundation
import RunRecords
import SocialCredit
import Society

/// What the shards of a society tell each other at month ends and at the end of a run: counts
/// summed in shard order (whole numbers, so a sharded run's figures are exactly a single
/// process's), and what the run keeps (traces, listings, standings, snapshots) gathered at
/// shard 0, which alone writes the run. A lone process (`SingleShard`) passes everything through.
extension Simulation {
    /// Whether this process holds the whole society or is shard 0 of it: the one that writes.
    public var writesRun: Bool { exchange.shard == 0 }

    /// How many shards run the society (1 for a lone process).
    public var shards: Int { exchange.shards }

    /// `values` summed element-wise over every shard, in shard order.
    func summedOverShards(_ values: [Int]) -> [Int] {
        guard exchange.shards > 1 else { return values }
        return exchange.sum(values.map { Int64($0) }).map { Int($0) }
    }

    /// Counters summed over every shard.
    func summedOverShards(_ counters: DayCounters) -> DayCounters {
        guard exchange.shards > 1 else { return counters }
        let arrays = counters.arrays
        let flat = summedOverShards(arrays.flatMap { $0 } + counters.scalars)
        var offset = 0
        var summedArrays: [[Int]] = []
        for array in arrays {
            summedArrays.append(Array(flat[offset..<(offset + array.count)]))
            offset += array.count
        }
        var summed = counters
        do {
            try summed.restore(arrays: summedArrays, scalars: Array(flat[offset...]))
        } catch {
            preconditionFailure("counters summed over shards keep their shape: \(error)")
        }
        return summed
    }

    /// Every shard's `items` at shard 0 (the others get none): people's from every shard in
    /// shard order, then companies', which is the order of a single process that lists people
    /// before companies, each by index.
    func gatheredAtFirstShard<Item: Codable>(_ items: [Item], kind: (Item) -> SubjectKind) -> [Item] {
        guard exchange.shards > 1 else { return items }
        let encoded: [UInt8]
        do {
            encoded = Array(try JSONEncoder().encode(items))
        } catch {
            preconditionFailure("the run's records always encode: \(error)")
        }
        let parts = exchange.gather(encoded)
        guard exchange.shard == 0 else { return [] }
        let all: [[Item]] = parts.enumerated().map { shard, bytes in
            do {
                return try JSONDecoder().decode([Item].self, from: Data(bytes))
            } catch {
                preconditionFailure("shard \(shard) sent records that do not decode: \(error)")
            }
        }
        return all.flatMap { $0.filter { kind($0) == .people } } + all.flatMap { $0.filter { kind($0) == .companies } }
    }

    /// The state digest of the whole society (`digest()`'s definition), assembled at shard 0
    /// from every shard's blocks; nil on the other shards. A lone process's `digest()`.
    public func gatheredDigest() -> String? {
        guard exchange.shards > 1 else { return digest() }
        let own = digestShards()
        var writer = ByteWriter()
        own.people.write(to: &writer)
        own.companies.write(to: &writer)
        let parts = exchange.gather(writer.data)
        guard exchange.shard == 0 else { return nil }
        do {
            var people: [DigestShard] = []
            var companies: [DigestShard] = []
            for bytes in parts {
                var reader = ByteReader(data: bytes)
                people.append(try DigestShard(from: &reader))
                companies.append(try DigestShard(from: &reader))
            }
            return BlockDigest.combine(
                DigestHeader(people: population.totalPeople, companies: population.totalCompanies),
                people: try BlockDigest.assemble(count: population.totalPeople, shards: people),
                companies: try BlockDigest.assemble(count: population.totalCompanies, shards: companies)
            )
        } catch {
            preconditionFailure("the shards' digest blocks do not assemble: \(error)")
        }
    }
}

extension DigestShard {
    /// The shard as bytes, for the rank that assembles the digest.
    func write(to writer: inout ByteWriter) {
        writer.int(firstBlock)
        writer.int(hashes.count)
        for hash in hashes { writer.bytes(hash.bytes) }
        writer.int(parts.count)
        for part in parts {
            writer.int(part.block)
            writer.int(part.subjects.lowerBound)
            writer.int(part.subjects.upperBound)
            writer.int(part.columns.count)
            for column in part.columns {
                writer.int(column.count)
                writer.bytes(column)
            }
        }
    }

    /// A shard as `write(to:)` wrote it.
    init(from reader: inout ByteReader) throws {
        let firstBlock = try reader.int()
        let hashCount = try reader.count()
        var hashes: [BlockHash] = []
        for _ in 0..<hashCount { hashes.append(try BlockHash(bytes: try reader.bytes(32))) }
        let partCount = try reader.count()
        var parts: [BlockPart] = []
        for _ in 0..<partCount {
            let block = try reader.int()
            let lower = try reader.int()
            let upper = try reader.int()
            guard lower <= upper else { throw DigestError("a block part's rows \(lower)..<\(upper) are reversed") }
            let columnCount = try reader.count()
            var columns: [[UInt8]] = []
            for _ in 0..<columnCount { columns.append(try reader.bytes(try reader.int())) }
            parts.append(BlockPart(block: block, subjects: lower..<upper, columns: columns))
        }
        self.init(firstBlock: firstBlock, hashes: hashes, parts: parts)
    }
}
