import Foundation
import RunRecords
import RunStore
import Simulation
import Society

extension Checkpoints {
    /// Restores this rank's shard of a run sharded over `exchange`'s ranks from the latest
    /// checkpoint day whose file is whole on every rank, and returns rank 0's file. Rank 0 (the
    /// one with the store) names the candidate days, newest first (those the store records and
    /// its own files on disk, up to the days the store holds); every rank tries its file of each
    /// day, and the ranks go back a day until all succeed. A damaged or missing file is reported
    /// through `skipped` by the rank that has it. A run in one process is restored as
    /// `restoreLatest(_:info:store:progress:skipped:)` does.
    /// - Throws: a `RunError` saying what was tried, or with which number of ranks the run's
    ///   checkpoints were written when it is not this one.
    public static func restoreLatest(
        _ simulation: inout Simulation,
        info: RunInfo,
        directory: String,
        store: RunStore?,
        progress: RunProgress?,
        exchange: any ShardExchange,
        skipped: (String) -> Void
    ) throws -> String {
        if exchange.shards == 1, let store, let progress {
            return try restoreLatest(&simulation, info: info, store: store, progress: progress, skipped: skipped)
        }
        let place = ShardPlace(rank: exchange.shard, ranks: exchange.shards)
        var plan = RestorePlan(days: [], records: [:], problem: nil)
        if let store, let progress {
            // The store records rank 0's files: only those of this number of ranks are candidates.
            let recorded = try store.checkpoints().filter { $0.file == file(daysDone: $0.daysDone, place: place) }
            let candidates = Set(filesOnDisk(in: directory, place: place).keys).union(recorded.map(\.daysDone))
            plan.days = candidates.filter { $0 <= progress.daysDone }.sorted(by: >)
            plan.records = Dictionary(recorded.map { ($0.daysDone, $0) }, uniquingKeysWith: { $1 })
            if plan.days.isEmpty {
                plan.problem =
                    otherRanks(in: directory, than: place.ranks)
                    ?? "the run has no checkpoint of \(place.ranks) ranks to resume from (run it with --checkpoint-every DAYS)"
            }
        }
        plan = try RestorePlan.decode(exchange.broadcast(plan.encoded()))
        if let problem = plan.problem { throw RunError("\(directory): \(problem)") }
        let identity = identity(of: info, place: place)
        var tried: [String] = []
        for day in plan.days {
            let own = file(daysDone: day, place: place)
            var restored = true
            do {
                try restore(
                    &simulation,
                    path: (directory as NSString).appendingPathComponent(own),
                    day: day,
                    record: place.rank == 0 ? plan.records[day] : nil,
                    identity: identity
                )
            } catch {
                skipped("\(own): \(error), skipped")
                restored = false
            }
            if exchange.allGather([restored ? 1 : 0]).allSatisfy({ $0[0] == 1 }) {
                return file(daysDone: day, place: ShardPlace(rank: 0, ranks: place.ranks))
            }
            tried.append("day \(day)")
        }
        throw RunError("\(directory): no checkpoint whole on every rank (tried \(tried.joined(separator: ", ")))")
    }
}

extension Checkpoints {
    /// What to tell a user whose run's checkpoints were written by another number of ranks than
    /// `ranks` (nil when there are none such).
    static func otherRanks(in directory: String, than ranks: Int) -> String? {
        let others = shardCounts(in: directory).subtracting([ranks]).sorted()
        guard !others.isEmpty else { return nil }
        let counts = others.map { $0 == 1 ? "1 process" : "\($0) ranks" }.joined(separator: " or ")
        return
            "the run's checkpoints were written by \(counts), not \(ranks == 1 ? "1 process" : "\(ranks) ranks"): resume it with as many (mpirun -np K sclab resume)"
    }
}

/// What rank 0 tells the others before a sharded run is restored: the days to try, newest
/// first, the store's records of rank 0's files, or why there is nothing to try.
struct RestorePlan: Codable {
    var days: [Int]
    var records: [Int: CheckpointRecord]
    var problem: String?

    func encoded() throws -> [UInt8] { Array(try JSONEncoder().encode(self)) }

    static func decode(_ bytes: [UInt8]) throws -> RestorePlan {
        try JSONDecoder().decode(RestorePlan.self, from: Data(bytes))
    }
}
