import Dispatch
import Foundation

extension ParallelChunks {
    /// Calls `body` once per task of `0..<tasks` on the threads and folds each result into
    /// `initial` with `combine`, in task order, as soon as it and every earlier result are in.
    ///
    /// For work whose results are assembled into one large value: unlike `map`, the results are
    /// never all held at once. Threads take tasks in order and stay at most `2 * threads` tasks
    /// ahead of the next one to combine, so at most that many results wait. `combine` runs on one
    /// thread at a time and sees the same results in the same order whatever the thread count, so
    /// what it builds does not depend on the thread count.
    public func reduceInOrder<T: Sendable, State: Sendable>(
        _ tasks: Int,
        into initial: consuming State,
        _ body: @Sendable (Int) -> T,
        _ combine: @Sendable (inout State, _ task: Int, T) -> Void
    ) -> State {
        // The state is moved, never copied: a copy would make its first change copy its arrays.
        guard threads > 1 && tasks > 1 else {
            var state = consume initial
            for task in 0..<tasks { combine(&state, task, body(task)) }
            return state
        }
        let workers = min(threads, tasks)
        let fold = InOrderFold<T, State>(tasks: tasks, ahead: 2 * workers, state: consume initial)
        // A claimed task is always being run by a live thread, so a thread waiting to claim
        // (too far ahead) always sees progress, even if the iterations run one after another.
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let task = fold.claim() { fold.deliver(body(task), of: task, combine) }
        }
        return fold.finish()
    }
}

/// The state of an in-order fold shared by the threads; everything is behind one condition lock.
///
/// Threads claim the next task (waiting while too far ahead) and deliver results; whichever
/// thread delivers the next result in order folds it, and any waiting after it, into the state.
private final class InOrderFold<T, State>: @unchecked Sendable {
    private let condition = NSCondition()
    private let tasks: Int
    private let ahead: Int
    private var nextClaim = 0
    private var nextFold = 0
    private var waiting: [Int: T] = [:]
    private var state: State?

    init(tasks: Int, ahead: Int, state: consuming State) {
        self.tasks = tasks
        self.ahead = ahead
        self.state = state
    }

    /// The next task to run, or nil when every task is taken.
    func claim() -> Int? {
        condition.lock()
        defer { condition.unlock() }
        while nextClaim < tasks && nextClaim - nextFold >= ahead { condition.wait() }
        guard nextClaim < tasks else { return nil }
        nextClaim += 1
        return nextClaim - 1
    }

    /// Hands in a task's result; folds every result that is now next in order.
    func deliver(_ result: T, of task: Int, _ combine: (inout State, Int, T) -> Void) {
        condition.lock()
        defer { condition.unlock() }
        waiting[task] = result
        while let next = waiting.removeValue(forKey: nextFold) {
            combine(&state!, nextFold, next)
            nextFold += 1
        }
        condition.broadcast()
    }

    /// The folded state, once every thread is done.
    func finish() -> State {
        condition.lock()
        defer { condition.unlock() }
        precondition(nextFold == tasks, "an in-order fold ended with results not folded")
        let result = state!
        state = nil
        return result
    }
}
