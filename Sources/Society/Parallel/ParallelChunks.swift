import Dispatch
import Foundation
import Synchronization

/// Runs work over a range in a few large chunks on several threads, with results that do not
/// depend on the thread count: chunk boundaries depend only on the range and the chunk count,
/// and partial results come back in chunk order.
public struct ParallelChunks: Sendable {
    /// Threads to use; 1 runs everything on the calling thread.
    public let threads: Int

    /// Parallelism with an explicit thread count (at least 1).
    public init(threads: Int) { self.threads = max(1, threads) }

    /// The machine's active processor count.
    public static var defaultThreads: Int { ProcessInfo.processInfo.activeProcessorCount }

    /// Splits `0..<count` into `chunks` near-equal ranges (fewer when count is small).
    public static func ranges(count: Int, chunks: Int) -> [Range<Int>] {
        let n = max(1, min(chunks, count))
        guard count > 0 else { return [] }
        return (0..<n).map { i in (count * i / n)..<(count * (i + 1) / n) }
    }

    /// Calls `body` once per item of `0..<tasks`, spread over the threads; returns results in
    /// task order.
    public func map<T: Sendable>(_ tasks: Int, _ body: @Sendable (Int) -> T) -> [T] {
        map(tasks, byWorker: { _, task in body(task) })
    }

    /// How many workers `map(_:byWorker:)` runs `tasks` tasks on.
    public func workers(for tasks: Int) -> Int { threads == 1 ? 1 : max(1, min(threads, tasks)) }

    /// Calls `body(worker, task)` once per item of `0..<tasks`, spread over the threads; returns
    /// results in task order. `worker` is below `workers(for: tasks)`, and a worker runs its tasks
    /// one after another: what a caller prepares per worker ahead of time (a context made on one
    /// thread, rather than a copy per task) can be lent to that worker's tasks in turn.
    public func map<T: Sendable>(_ tasks: Int, byWorker body: @Sendable (_ worker: Int, _ task: Int) -> T) -> [T] {
        guard tasks > 0 else { return [] }
        let results = ResultSlots<T>(count: tasks)
        let workers = workers(for: tasks)
        if workers == 1 {
            for task in 0..<tasks { results.store(body(0, task), at: task) }
        } else {
            // Each task writes only its own slot, so no two threads touch the same memory. Tasks
            // are claimed in order as threads come free, not dealt out in advance: a thread held
            // up (by the host, or by a chunk with more to do) does not leave the other waiting.
            let claims = TaskClaims()
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                while case let task = claims.next(), task < tasks {
                    results.store(body(worker, task), at: task)
                }
            }
        }
        return results.collect()
    }

    public func mapChunks<T: Sendable>(count: Int, chunks: Int? = nil, _ body: @Sendable (Range<Int>) -> T) -> [T] {
        let ranges = Self.ranges(count: count, chunks: chunks ?? threads * 4)
        return map(ranges.count) { body(ranges[$0]) }
    }
}

/// The next task to run, handed out once each to whichever thread asks first.
private final class TaskClaims: Sendable {
    private let claimed = Atomic<Int>(0)

    func next() -> Int { claimed.wrappingAdd(1, ordering: .relaxed).oldValue }
}

/// One slot per task: written once by the task that owns it, read after all tasks finish.
///
/// The slots are raw memory allocated once: tasks write through the pointer, never through an
/// array (an array's `withUnsafeMutableBufferPointer` moves the array out of the property while
/// it runs, so two tasks calling it at once would lose each other's writes).
private final class ResultSlots<T>: @unchecked Sendable {
    private let slots: UnsafeMutablePointer<T?>
    private let count: Int

    init(count: Int) {
        self.count = count
        slots = UnsafeMutablePointer<T?>.allocate(capacity: max(count, 1))
        slots.initialize(repeating: nil, count: max(count, 1))
    }

    deinit {
        slots.deinitialize(count: max(count, 1))
        slots.deallocate()
    }

    func store(_ value: T, at index: Int) { slots[index] = value }

    func collect() -> [T] { (0..<count).map { slots[$0]! } }
}

/// A mutable buffer shared by parallel chunks that write disjoint index ranges.
///
/// Swift's checker cannot see that chunks never overlap, so this one small type carries the
/// promise: callers write only indices inside the range they were given (or, for cross-index
/// writes, indices they can prove no other chunk writes). Reads of indices written by other
/// chunks are only allowed after the parallel loop ends.
public struct SharedColumn<Element>: @unchecked Sendable {
    /// The base address of the column's storage.
    public let base: UnsafeMutablePointer<Element>
    /// Number of elements.
    public let count: Int

    /// Wraps a buffer that outlives every use of this value.
    public init(_ buffer: UnsafeMutableBufferPointer<Element>) {
        base = buffer.baseAddress!
        count = buffer.count
    }

    /// Reads or writes one element.
    @inlinable
    public subscript(index: Int) -> Element {
        get { base[index] }
        nonmutating set { base[index] = newValue }
    }
}
