import Foundation
import Society

/// K shards run at once in one process, each on its own thread, talking through an in-process
/// `ShardExchange`: what K processes under mpirun do, for tests.
public enum LocalShards {
    /// Runs `body` once per shard (0..<count), each on its own thread with an exchange that
    /// reaches the others; the results come back in shard order.
    public static func run<T: Sendable>(_ count: Int, _ body: @escaping @Sendable (any ShardExchange) -> T) -> [T] {
        let board = ExchangeBoard(shards: count)
        let results = Results<T>(count: count)
        let finished = DispatchSemaphore(value: 0)
        // Threads of their own, not a queue's workers: every shard blocks at each exchange until
        // all have come, so all must run at once, however few cores there are.
        for shard in 0..<count {
            Thread.detachNewThread {
                results.set(shard, body(BoardExchange(board: board, shard: shard)))
                finished.signal()
            }
        }
        for _ in 0..<count { finished.wait() }
        return results.all
    }
}

/// Where the shards' threads meet: each round, every shard posts its values and waits for all.
/// A round carries one kind of payload (whole numbers or bytes); a shard that posts the other
/// kind traps, as mismatched collectives would hang a real cluster.
final class ExchangeBoard: @unchecked Sendable {
    let shards: Int
    private let condition = NSCondition()
    private var round = 0
    private var posted: [Any?]
    private var last: [Any] = []

    init(shards: Int) {
        self.shards = shards
        posted = Array(repeating: nil, count: shards)
    }

    func allGather<T>(_ values: T, shard: Int) -> [T] {
        condition.lock()
        defer { condition.unlock() }
        let myRound = round
        posted[shard] = values
        if posted.allSatisfy({ $0 != nil }) {
            last = posted.map { $0! }
            posted = Array(repeating: nil, count: shards)
            round += 1
            condition.broadcast()
        } else {
            while round == myRound { condition.wait() }
        }
        return last.map { value in
            guard let typed = value as? T else { preconditionFailure("shards called different collectives") }
            return typed
        }
    }
}

struct BoardExchange: ShardExchange {
    let board: ExchangeBoard
    let shard: Int
    var shards: Int { board.shards }
    func allGather(_ values: [Int64]) -> [[Int64]] { board.allGather(values, shard: shard) }
    func gather(_ bytes: [UInt8]) -> [[UInt8]] {
        let all = board.allGather(bytes, shard: shard)
        return shard == 0 ? all : []
    }
    func broadcast(_ bytes: [UInt8]) -> [UInt8] { board.allGather(bytes, shard: shard)[0] }
}

final class Results<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [T?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: T) { lock.withLock { values[index] = value } }
    var all: [T] { lock.withLock { values.map { $0! } } }
}
