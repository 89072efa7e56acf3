import Foundation

/// Hands out job indices to concurrent workers and keeps what each job made, under a lock; after
/// a failure it hands out no more. Shared by `sweep` (runs of variants) and `simulate --seeds`
/// (the counterfactual and further seeds).
package final class WorkQueue<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var nextIndex = 0
    private var finishedCount = 0
    private let count: Int
    /// Per job, what it made (nil until it finishes).
    package private(set) var results: [Result?]
    /// The failures, in the order they happened.
    package private(set) var failures: [any Error] = []

    /// A queue of `count` jobs.
    package init(count: Int) {
        self.count = count
        results = Array(repeating: nil, count: count)
    }

    /// The next job, or nil when all are handed out or one failed.
    package func next() -> Int? {
        lock.withLock {
            guard nextIndex < count, failures.isEmpty else { return nil }
            defer { nextIndex += 1 }
            return nextIndex
        }
    }

    /// Keeps a finished job's result; returns how many jobs have finished.
    @discardableResult
    package func finished(_ index: Int, _ result: Result) -> Int {
        lock.withLock {
            results[index] = result
            finishedCount += 1
            return finishedCount
        }
    }

    /// Keeps a failure; no job is handed out after it.
    package func failed(_ error: any Error) { lock.withLock { failures.append(error) } }
}
