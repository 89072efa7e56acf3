/// Values at given ranks of a large column of non-negative numbers, without sorting a copy.
///
/// Income quintiles need the values at four ranks of everyone's income; sorting a copy of 100
/// million incomes would hold 400 MB more at the moment the run's state is allocated. For
/// non-negative floats the bit patterns order like the numbers, so two counting passes over the
/// column (the high 16 bits, then the low 16 bits within the chosen high values) find each rank
/// exactly, with 256 KB of counts.
enum RankSelection {
    /// The values at `ranks` (0-based, each below `values.count`) of `values` in ascending order:
    /// what `values.sorted()[rank]` would give. Negative values or NaNs fall back to sorting.
    static func values(at ranks: [Int], of values: [Float]) -> [Float] {
        guard !values.isEmpty else { return ranks.map { _ in 0 } }
        guard values.allSatisfy({ $0 >= 0 }) else {
            let sorted = values.sorted()
            return ranks.map { sorted[$0] }
        }
        var high = [Int](repeating: 0, count: 1 << 16)
        for value in values { high[Int(value.bitPattern >> 16)] += 1 }
        return ranks.map { rank in
            // The high half holding the rank, and the rank's place among values with that half.
            var below = 0
            var top = 0
            while below + high[top] <= rank {
                below += high[top]
                top += 1
            }
            var low = [Int](repeating: 0, count: 1 << 16)
            for value in values where Int(value.bitPattern >> 16) == top { low[Int(value.bitPattern & 0xFFFF)] += 1 }
            var bottom = 0
            while below + low[bottom] <= rank {
                below += low[bottom]
                bottom += 1
            }
            return Float(bitPattern: UInt32(top) << 16 | UInt32(bottom))
        }
    }
}
