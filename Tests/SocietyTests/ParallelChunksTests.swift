import Foundation
import Testing

@testable import Society

@Suite("Parallel chunks")
struct ParallelChunksTests {
    @Test("Every task runs once and results come back in task order", arguments: [1, 2, 3, 8])
    func taskOrder(threads: Int) {
        // Early tasks take longest, so threads finish out of order and claim unevenly.
        let results = ParallelChunks(threads: threads).map(13) { task in
            if task < 3 { Thread.sleep(forTimeInterval: 0.02 * Double(3 - task)) }
            return task * task
        }
        #expect(results == (0..<13).map { $0 * $0 })
    }

    @Test("Near-equal ranges cover the count", arguments: [(10, 3), (2, 5), (0, 4)])
    func ranges(count: Int, chunks: Int) {
        let ranges = ParallelChunks.ranges(count: count, chunks: chunks)
        #expect(ranges.map(\.count).reduce(0, +) == count)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect((ranges.map(\.count).max() ?? 0) - (ranges.map(\.count).min() ?? 0) <= 1)
    }
}
