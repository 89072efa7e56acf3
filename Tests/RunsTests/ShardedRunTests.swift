import Foundation
import GRDB
import RunRecords
import RunStore
import Runs
import Simulation
import SocialCredit
import Society
import TestSupport
import Testing

/// A run sharded over ranks (`mpirun -np K sclab simulate`), here K shards on threads: rank 0
/// writes one run.sqlite whose every table equals the run of the whole society in one process.
@Suite struct ShardedRunTests {
    /// 12,000 people from 2019-06-01 over 120 days (false records, appeals and lists at work),
    /// measured over two seeds with the counterfactual; two people named for tracing, one in
    /// each half of the society.
    static let info = RunInfo(
        scenarioID: "seed-article",
        scenarioText: RunDriverTests.scenarioText,
        population: 12_000,
        seed: 3,
        start: "2019-06-01",
        end: "2019-09-28",
        threads: 2,
        checkpointEvery: 0,
        version: "test",
        traceEvery: 9,
        tracePeople: [17, 11_000],
        seeds: 2
    )

    /// A rank's driver of a new run in `directory` (rank 0 creates the store).
    static func newRun(
        _ info: RunInfo,
        in directory: String,
        exchange: any ShardExchange,
        counterfactual: Bool
    ) throws
        -> RunDriver
    {
        try RunDriver(
            info: info,
            store: exchange.shard == 0 ? try RunStore.create(directory: directory, info: info) : nil,
            threads: 1,
            counterfactual: counterfactual,
            exchange: exchange,
            folder: directory
        )
    }

    static func run(ranks: Int, into directory: String, info: RunInfo = info) throws -> [RunSummary] {
        let outcomes: [Result<RunSummary, any Error>] = LocalShards.run(ranks) { exchange in
            Result {
                var driver = try newRun(info, in: directory, exchange: exchange, counterfactual: true)
                guard case let .finished(summary, _) = try driver.runToEnd() else {
                    throw RunError("the run stopped before its end")
                }
                return summary
            }
        }
        return try outcomes.map { try $0.get() }
    }

    @Test(arguments: [2, 3])
    func everyTableEqualsTheWholeRun(ranks: Int) throws {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sharded-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let whole = try Self.run(ranks: 1, into: "\(root)/whole")[0]
        let sharded = try Self.run(ranks: ranks, into: "\(root)/sharded")
        #expect(sharded[0].digest == whole.digest)
        #expect(sharded[0].ranks == ranks && whole.ranks == 1)
        #expect(sharded.dropFirst().allSatisfy { $0.digest.isEmpty && $0.totals == whole.totals })
        #expect(sharded[0].totals == whole.totals)
        #expect(sharded[0].everListed == whole.everListed)
        #expect(sharded[0].text.contains("on \(ranks) ranks"))
        let a = try StoredTables(path: "\(root)/whole/run.sqlite")
        let b = try StoredTables(path: "\(root)/sharded/run.sqlite")
        #expect(a.rows.keys.sorted() == b.rows.keys.sorted())
        for table in a.rows.keys.sorted() {
            #expect(a.rows[table] == b.rows[table], "table \(table) differs")
        }
        // Not empty by accident: the run kept traces, listings, snapshots, standings and seeds.
        for table in ["record_trace", "listing", "snapshot", "traced_standing", "traced_decision", "seed_outcome"] {
            #expect((a.rows[table]?.count ?? 0) > 0, "table \(table) is empty")
        }
        #expect(a.rows["record_trace"]?.contains { $0.contains("|17|") } == true)
        #expect(a.rows["traced_standing"]?.contains { $0.contains("|11000|") } == true)
    }
}

extension ShardedRunTests {
    /// The run above with a checkpoint every 30 days, one seed, no counterfactual needed.
    static let checkpointed: RunInfo = {
        var info = Self.info
        info.checkpointEvery = 30
        info.seeds = 1
        return info
    }()

    /// Stops every rank at the first month end 60 days in; returns what each rank got.
    static func stop(ranks: Int, into directory: String) -> [Result<RunOutcome, any Error>] {
        LocalShards.run(ranks) { exchange in
            Result {
                var driver = try newRun(checkpointed, in: directory, exchange: exchange, counterfactual: false)
                return try driver.runToEnd(stopAfter: 60)
            }
        }
    }

    /// Resumes on `ranks` ranks; each rank's digest (rank 0's) or error.
    static func resume(ranks: Int, in directory: String) -> [Result<String, any Error>] {
        LocalShards.run(ranks) { exchange in
            Result {
                let store = exchange.shard == 0 ? try RunStore.open(directory: directory) : nil
                var driver = try RunDriver(
                    info: checkpointed,
                    store: store,
                    threads: 1,
                    counterfactual: false,
                    exchange: exchange,
                    folder: directory
                )
                _ = try Checkpoints.restoreLatest(
                    &driver.simulation,
                    info: checkpointed,
                    directory: directory,
                    store: store,
                    progress: try store?.progress(),
                    exchange: exchange
                ) { _ in }
                guard case let .finished(summary, _) = try driver.runToEnd() else {
                    throw RunError("the resumed run stopped")
                }
                return summary.digest
            }
        }
    }

    @Test func aShardedRunStopsAndResumesOnItsRanksToTheUninterruptedDigest() throws {
        let root = (NSTemporaryDirectory() as NSString).appendingPathComponent("sharded-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let whole = try Self.run(ranks: 1, into: "\(root)/whole", info: Self.checkpointed)[0].digest
        let directory = "\(root)/sharded"
        let stopped = Self.stop(ranks: 2, into: directory)
        for outcome in stopped {
            guard case .stopped(let days) = try outcome.get() else {
                Issue.record("a rank did not stop")
                return
            }
            #expect(days == 61)  // June (30) and July (31): the first month end 60 days in
        }
        let files = try FileManager.default.contentsOfDirectory(atPath: "\(directory)/checkpoints").sorted()
        #expect(
            files == [
                "day-30.rank-0-of-2.bin", "day-30.rank-1-of-2.bin", "day-61.rank-0-of-2.bin", "day-61.rank-1-of-2.bin",
            ]
        )
        // On another number of ranks the run is refused, saying with how many it was made.
        let wrong = Self.resume(ranks: 3, in: directory)
        #expect(wrong.allSatisfy { (try? $0.get()) == nil })
        if case let .failure(error) = wrong[0] { #expect("\(error)".contains("2 ranks")) }
        // Rank 1's latest file damaged: every rank goes back to day 30, and ends at the same digest.
        let latest = "\(directory)/checkpoints/day-61.rank-1-of-2.bin"
        var bytes = try Data(contentsOf: URL(fileURLWithPath: latest))
        bytes[bytes.count - 5] ^= 0xFF
        try bytes.write(to: URL(fileURLWithPath: latest))
        let resumed = Self.resume(ranks: 2, in: directory)
        #expect(try resumed[0].get() == whole)
        #expect(try resumed[1].get() == "")
    }
}

/// Every row of every table of a run.sqlite as text, sorted; the summary's JSON without what
/// depends on the process (timings, folder, ranks).
struct StoredTables {
    var rows: [String: [String]] = [:]

    init(path: String) throws {
        let queue = try DatabaseQueue(path: path)
        try queue.read { db in
            let tables = try String.fetchAll(
                db,
                sql: "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            for table in tables {
                var lines: [String] = []
                for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table)") {
                    var values: [String] = []
                    for (column, value) in row {
                        if table == "summary" && column == "json" {
                            values.append(Self.stable(json: String.fromDatabaseValue(value) ?? ""))
                        } else {
                            values.append(value.description)
                        }
                    }
                    lines.append("|" + values.joined(separator: "|") + "|")
                }
                rows[table] = lines.sorted()
            }
        }
    }

    static func stable(json: String) -> String {
        guard var object = try? JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any] else {
            return json
        }
        for key in ["timings", "folder", "ranks", "personDaysPerSecond", "exchange", "exchangeSimulating"] {
            object[key] = nil
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
