import Foundation
import Society

extension ClusterSession {
    /// Runs `body` on rank 0 alone and gives its answer to every rank: for what one process
    /// must do before the others go on (name and create a run's folder, open a run to resume).
    /// When `body` throws on rank 0, every rank throws: rank 0 its own error, the others a
    /// `ClusterError.onRankZero` with its message, so that no rank waits for a rank that left.
    public func agree(_ body: () throws -> String) throws -> String {
        try exchange.agree(body)
    }
}

extension ShardExchange {
    /// `ClusterSession.agree` among this exchange's shards (a group of ranks): shard 0 runs
    /// `body` and every shard gets its answer or throws its error.
    public func agree(_ body: () throws -> String) throws -> String {
        guard shards > 1 else { return try body() }
        var answer = ""
        var failure: (any Error)?
        if shard == 0 {
            do {
                answer = "ok\n" + (try body())
            } catch {
                failure = error
                answer = "error\n\(error)"
            }
        }
        let reply = String(decoding: broadcast(Array(answer.utf8)), as: UTF8.self)
        if let failure { throw failure }
        let parts = reply.split(separator: "\n", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2, parts[0] == "ok" else {
            throw ClusterError.onRankZero(parts.count == 2 ? parts[1] : reply)
        }
        return parts[1]
    }
}
