import RunRecords
import Testing

@testable import Simulation

@Suite("Rank selection")
struct RankSelectionTests {
    @Test("Ranks of a hand-made column, duplicates and zeros included")
    func handMade() {
        let values: [Float] = [5, 0, 3.5, 3.5, 12_000, 1, 0, 7.25]
        // Sorted: 0, 0, 1, 3.5, 3.5, 5, 7.25, 12000.
        #expect(
            RankSelection.values(at: [0, 1, 2, 3, 4, 5, 6, 7], of: values) == [0, 0, 1, 3.5, 3.5, 5, 7.25, 12_000]
        )
    }

    @Test(
        "The same values as sorting, on incomes spread over six orders of magnitude",
        arguments: [1, 2, 5, 1_000, 99_999]
    )
    func matchesSorting(count: Int) {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(count)
        let values: [Float] = (0..<count).map { _ in
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Float(state >> 40) / 256 * (Float(state >> 60) + 1)  // many near-duplicates
        }
        let ranks = (1...4).map { min(count - 1, count * $0 / 5) } + [0, count - 1]
        let sorted = values.sorted()
        #expect(RankSelection.values(at: ranks, of: values) == ranks.map { sorted[$0] })
    }

    @Test("A negative value falls back to sorting")
    func negative() {
        #expect(RankSelection.values(at: [0, 2], of: [3, -1, 2]) == [-1, 3])
    }
}
