import Foundation
import Synchronization
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

    @Test(
        "Tasks by worker: workers are min(threads, tasks) (1 on one thread), and no worker runs two tasks at once",
        arguments: [(1, 5), (2, 13), (3, 2), (8, 13)]
    )
    func byWorker(threads: Int, tasks: Int) {
        let parallel = ParallelChunks(threads: threads)
        let workers = parallel.workers(for: tasks)
        #expect(workers == (threads == 1 ? 1 : min(threads, tasks)))
        // Which task each worker is running (-1: none); a second task found there is an overlap.
        let running = Mutex([Int](repeating: -1, count: workers))
        let results = parallel.map(
            tasks,
            byWorker: { worker, task in
                let free = running.withLock { slots in
                    defer { slots[worker] = task }
                    return slots[worker] == -1
                }
                Thread.sleep(forTimeInterval: 0.005)
                running.withLock { $0[worker] = -1 }
                return (worker, task, free)
            }
        )
        #expect(results.map(\.1) == Array(0..<tasks))
        #expect(results.allSatisfy { $0.0 >= 0 && $0.0 < workers && $0.2 })
    }

    @Test("Near-equal ranges cover the count", arguments: [(10, 3), (2, 5), (0, 4)])
    func ranges(count: Int, chunks: Int) {
        let ranges = ParallelChunks.ranges(count: count, chunks: chunks)
        #expect(ranges.map(\.count).reduce(0, +) == count)
        #expect(zip(ranges, ranges.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
        #expect((ranges.map(\.count).max() ?? 0) - (ranges.map(\.count).min() ?? 0) <= 1)
    }
}
