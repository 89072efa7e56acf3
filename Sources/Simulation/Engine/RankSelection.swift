import Society

/// Values at given ranks of a large column of non-negative numbers, without sorting a copy.
///
/// Income quintiles need the values at four ranks of everyone's income; sorting a copy of 100
/// million incomes would hold 400 MB more at the moment the run's state is allocated. For
/// non-negative floats the bit patterns order like the numbers, so two counting passes over the
/// column (the high 16 bits, then the low 16 bits within the chosen high values) find each rank
/// exactly, with 256 KB of counts.
///
/// A society split into shards finds the ranks of the whole society's column: each counting
/// pass adds every shard's counts (`ShardExchange.sum`) before choosing.
enum RankSelection {
    /// The values at `ranks` (0-based, each below the total count) of `values` (this shard's
    /// part of the column) in ascending order: what `values.sorted()[rank]` would give over all
    /// shards. Negative values or NaNs fall back to sorting, which only a whole column can do.
    static func values(at ranks: [Int], of values: [Float], exchange: any ShardExchange = SingleShard()) -> [Float] {
        let total = exchange.prefix(values.count).total
        guard total > 0 else { return ranks.map { _ in 0 } }
        let unordered = exchange.prefix(values.count(where: { !($0 >= 0) })).total
        guard unordered == 0 else {
            precondition(exchange.shards == 1, "negative or undefined values cannot be ranked across shards")
            let sorted = values.sorted()
            return ranks.map { sorted[$0] }
        }
        var high = [Int64](repeating: 0, count: 1 << 16)
        for value in values { high[Int(value.bitPattern >> 16)] += 1 }
        high = exchange.sum(high)
        return ranks.map { position in
            let rank = Int64(position)
            // The high half holding the rank, and the rank's place among values with that half.
            var below: Int64 = 0
            var top = 0
            while below + high[top] <= rank {
                below += high[top]
                top += 1
            }
            var low = [Int64](repeating: 0, count: 1 << 16)
            for value in values where Int(value.bitPattern >> 16) == top { low[Int(value.bitPattern & 0xFFFF)] += 1 }
            low = exchange.sum(low)
            var bottom = 0
            while below + low[bottom] <= rank {
                below += low[bottom]
                bottom += 1
            }
            return Float(bitPattern: UInt32(top) << 16 | UInt32(bottom))
        }
    }
}
