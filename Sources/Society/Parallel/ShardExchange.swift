/// What processes that each hold one shard of a society tell each other while they generate
/// and run it: small arrays of whole numbers, gathered from every shard in shard order.
///
/// Whole numbers only, combined in shard order: sums of floating-point numbers in an order that
/// depends on the split would make a sharded run differ from a single process. A process that
/// runs alone uses `SingleShard`; a cluster adapts its communicator (MPI) to this.
public protocol ShardExchange: Sendable {
    /// This process's shard, from 0.
    var shard: Int { get }
    /// How many shards take part.
    var shards: Int { get }
    /// Every shard's `values`, indexed by shard. Every shard must call it, in the same order
    /// as the others, with arrays of any length.
    func allGather(_ values: [Int64]) -> [[Int64]]
    /// Every shard's `bytes`, indexed by shard, at shard 0; the other shards get an empty array.
    /// What the shards hand the one process that writes the run (traces, listings, digest
    /// blocks). Every shard must call it, in the same order as the others.
    func gather(_ bytes: [UInt8]) -> [[UInt8]]
    /// Shard 0's `bytes`, at every shard (what the others pass is ignored). Every shard must
    /// call it, in the same order as the others.
    func broadcast(_ bytes: [UInt8]) -> [UInt8]
}

extension ShardExchange {
    /// The element-wise sum of every shard's `values` (all of the same length), added in shard
    /// order.
    public func sum(_ values: [Int64]) -> [Int64] {
        let all = allGather(values)
        var total = [Int64](repeating: 0, count: values.count)
        for part in all {
            precondition(part.count == total.count, "shards summed arrays of different lengths")
            for i in part.indices { total[i] &+= part[i] }
        }
        return total
    }

    /// The sum of `value` over the shards before this one, and over all shards.
    public func prefix(_ value: Int) -> (before: Int, total: Int) {
        let all = allGather([Int64(value)]).map { Int($0[0]) }
        return (all[..<shard].reduce(0, +), all.reduce(0, +))
    }
}

/// The exchange of a process that holds the whole society: there is no one to talk to.
public struct SingleShard: ShardExchange {
    /// A lone process.
    public init() {}
    /// Always 0.
    public var shard: Int { 0 }
    /// Always 1.
    public var shards: Int { 1 }
    /// Its own values.
    public func allGather(_ values: [Int64]) -> [[Int64]] { [values] }
    /// Its own bytes.
    public func gather(_ bytes: [UInt8]) -> [[UInt8]] { [bytes] }
    /// Its own bytes.
    public func broadcast(_ bytes: [UInt8]) -> [UInt8] { bytes }
}
