import Foundation
import GRDB
import RunRecords
import RunStore
import Runs
import Simulation
import SocialCredit
import Society
import Testing
import TestSupport

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

    static func run(ranks: Int, into directory: String) throws -> [RunSummary] {
        let outcomes: [Result<RunSummary, any Error>] = LocalShards.run(ranks) { exchange in
            Result {
                var driver = try RunDriver(
                    info: info,
                    store: exchange.shard == 0 ? try RunStore.create(directory: directory, info: info) : nil,
                    threads: 2,
                    counterfactual: true,
                    exchange: exchange
                )
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
        for key in ["timings", "folder", "ranks", "personDaysPerSecond", "exchange"] { object[key] = nil }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}
