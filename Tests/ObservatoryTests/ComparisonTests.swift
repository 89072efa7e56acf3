import Foundation
import Hummingbird
import HummingbirdTesting
import RunRecords
import RunStore
import Simulation
import SocialCredit
import TestSupport
import Testing

@testable import Impact
@testable import Observatory

/// Two small runs of one society and a third of another, made once for the comparison's tests:
/// the seed scenario, and a variant with the cameras' and the courts' coverage halved (fewer
/// court records, so fewer people on the court's list), 5,000 people over 2014-2015 measured over
/// 2 seeds; the other society has 1,000 people and seed 2.
enum PairRuns {
    static let baseline = "pair-baseline"
    static let variant = "pair-variant"
    static let other = "pair-other"
    static let period = Period(start: Day(iso: "2014-01-01")!, end: Day(iso: "2015-12-31")!)

    struct Made: Sendable {
        var root: String
        var baseline: StoredRun.Made
        var variant: StoredRun.Made
    }

    static let made: Result<Made, any Error> = Result { try make() }

    static func get() throws -> Made { try made.get() }

    static func folder(_ root: String, _ id: String) -> String { (root as NSString).appendingPathComponent(id) }

    private static func make() throws -> Made {
        let root = TemporaryFolder.unusedPath("sclab-compare")
        let (text, _) = try Societies.seedScenario()
        let changed = try ScenarioEdit.apply(
            [("sources.cctv_cameras.coverage", 0.1), ("sources.courts.coverage", 0.49)],
            to: text,
            file: "variant.yaml"
        )
        func run(_ text: String, _ id: String, size: Int, seed: UInt64, seeds: Int) throws -> StoredRun.Made {
            try StoredRun.make(
                text: text,
                file: "\(id).yaml",
                size: size,
                period: period,
                seed: seed,
                traceEvery: 10,
                counterfactual: false,
                report: false,
                folder: folder(root, id),
                seeds: seeds
            )
        }
        let a = try run(text, baseline, size: 5_000, seed: 1, seeds: 2)
        let b = try run(changed, variant, size: 5_000, seed: 1, seeds: 2)
        _ = try run(text, other, size: 1_000, seed: 2, seeds: 1)
        return Made(root: root, baseline: a, variant: b)
    }

    /// GETs a path from an observatory over the pair's runs folder.
    static func get(_ path: String) async throws -> (status: Int, type: String, body: String) {
        let app = Application(router: Observatory(runsDirectory: try get().root).router())
        return try await app.test(.router) { client in
            try await client.execute(uri: path, method: .get) { response in
                (response.status.code, response.headers[.contentType] ?? "", String(buffer: response.body))
            }
        }
    }
}

/// The comparison page and `/api/compare`, on the pair of runs: the figures are `sclab compare`'s
/// for the same folders, people are checked against the simulations' own final snapshots.
struct ComparisonTests {
    static let pair = "baseline=\(PairRuns.baseline)&variant=\(PairRuns.variant)"

    static func json(_ path: String) async throws -> [String: Any] {
        let (status, type, body) = try await PairRuns.get(path)
        #expect(status == 200, "\(path): \(status) \(body.prefix(300))")
        #expect(type == "application/json")
        return try #require(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    /// People ever on a stored list in a run, from the simulation's own snapshots.
    static func listed(_ made: StoredRun.Made) -> Set<Int> {
        Set(made.snapshots.filter { $0.subjectKind == .people && $0.reason.contains("listed") }.map(\.subject))
    }

    @Test(
        "The JSON holds the scenario diff, sclab compare's figures for the same folders, and people listed in one run only"
    )
    func json() async throws {
        let made = try PairRuns.get()
        let answer = try await Self.json("/api/compare?\(Self.pair)")
        let changes = try #require(answer["scenarioChanges"] as? [[String: String]])
        #expect(
            changes.contains {
                $0 == ["path": "sources.courts.coverage", "kind": "changed", "old": "0.98", "new": "0.49"]
            }
        )
        #expect(changes.contains { $0["path"] == "sources.cctv_cameras.coverage" && $0["old"] == "0.2" })
        #expect(changes.count == 2)
        // What `sclab compare BASELINE VARIANT` computes: the folders loaded, then one Comparison.
        let comparison = try Comparison([
            RunData.load(directory: PairRuns.folder(made.root, PairRuns.baseline)),
            RunData.load(directory: PairRuns.folder(made.root, PairRuns.variant)),
        ])
        // The server's model holds Comparison's numbers exactly; the JSON holds the same text.
        let model = try Observatory(runsDirectory: made.root).catalog
            .comparison(baseline: PairRuns.baseline, variant: PairRuns.variant)
        #expect(model.metrics.map(\.id) == comparison.rows.map(\.id))
        for (metric, row) in zip(model.metrics, comparison.rows) {
            #expect(metric.baseline == row.values[0] && metric.variant == row.values[1], "\(row.id)")
            #expect(metric.difference == row.differences[1] && metric.relative == row.relative[1], "\(row.id)")
            #expect(metric.interval == row.intervals[1], "\(row.id)")
        }
        #expect(model.metrics.compactMap(\.interval).allSatisfy { $0.method == .paired && $0.seeds == 2 })
        let metrics = try #require(answer["metrics"] as? [[String: Any]])
        #expect(metrics.map { $0["id"] as? String } == comparison.rows.map(\.id))
        for (metric, row) in zip(metrics, comparison.rows) {
            let cells = row.cells(1)
            #expect(metric["baselineText"] as? String == row.cells(0).value, "\(row.id)")
            #expect(metric["variantText"] as? String == cells.value, "\(row.id)")
            #expect(metric["differenceText"] as? String == cells.difference, "\(row.id)")
            #expect(metric["changeText"] as? String == cells.change, "\(row.id)")
            #expect(metric["meanText"] as? String == cells.mean, "\(row.id)")
            #expect(metric["intervalText"] as? String == cells.range, "\(row.id)")
            #expect(metric["verdict"] as? String == cells.verdict, "\(row.id)")
            #expect((metric["interval"] == nil) == (row.intervals[1] == nil), "\(row.id)")
        }
        // Built from the two stores instead (as a tool outside the server would), the same figures and people.
        let stores = try [PairRuns.baseline, PairRuns.variant].map {
            try RunStore.openReadOnly(directory: PairRuns.folder(made.root, $0))
        }
        let fromStores = try RunPairComparison(baseline: stores[0], variant: stores[1])
        #expect(fromStores.metrics == model.metrics && fromStores.people == model.people)
        #expect(fromStores.groups == model.groups && fromStores.series == model.series)
        #expect(fromStores.scenarioChanges == model.scenarioChanges)
        // The JSON decodes to the model itself (numbers written exactly, nothing left out).
        let (_, _, body) = try await PairRuns.get("/api/compare?\(Self.pair)")
        #expect(try JSONDecoder().decode(RunPairComparison.self, from: Data(body.utf8)) == model)
        let series = try #require(answer["series"] as? [[String: Any]])
        #expect(series.map { $0["id"] as? String }.contains("score-mean"))
        #expect((series.first?["points"] as? [Any])?.count == 24)
        let groups = try #require(answer["groups"] as? [[String: Any]])
        #expect(groups.map { $0["dimension"] as? String } == WhoItHit.dimensions.map(\.0))

        let people = try #require(answer["people"] as? [String: Any])
        let a = Self.listed(made.baseline)
        let b = Self.listed(made.variant)
        #expect(people["correspond"] as? Bool == true)
        #expect(people["count"] as? Int == a.symmetricDifference(b).count)
        let rows = try #require(people["people"] as? [[String: Any]])
        #expect(!rows.isEmpty)
        for row in rows {
            let person = try #require(row["person"] as? Int)
            let inBaseline = row["listedIn"] as? String == "baseline"
            #expect(a.contains(person) == inBaseline && b.contains(person) == !inBaseline, "person \(person)")
        }
        let days = rows.map { $0["daysListed"] as? Int ?? 0 }
        #expect(days == days.sorted(by: >))
    }

    @Test(
        "The page shows the diff, the key metrics as sclab compare writes them, charts with both runs, and both links per person"
    )
    func page() async throws {
        let (status, type, body) = try await PairRuns.get("/compare?\(Self.pair)")
        #expect(status == 200 && type.hasPrefix("text/html"))
        #expect(
            body.contains("<code>sources.courts.coverage</code>") && body.contains(">0.98<") && body.contains(">0.49<")
        )
        let made = try PairRuns.get()
        let catalog = Observatory(runsDirectory: made.root).catalog
        let comparison = try catalog.comparison(baseline: PairRuns.baseline, variant: PairRuns.variant)
        for metric in comparison.metrics {
            #expect(body.contains(e(metric.label)) && body.contains(">\(e(metric.differenceText))<"), "\(metric.id)")
        }
        #expect(body.components(separatedBy: "<svg").count - 1 == comparison.series.count)
        #expect(body.contains("baseline: \(PairRuns.baseline)") && body.contains("variant: \(PairRuns.variant)"))
        let first = try #require(comparison.people.people.first)
        let links = [
            "/runs/\(PairRuns.baseline)/people/\(first.person)", "/runs/\(PairRuns.variant)/people/\(first.person)",
        ]
        for link in links {
            #expect(body.contains("href=\"\(link)\""))
            let report = try await PairRuns.get(link)
            #expect(report.status == 200, "\(link)")
        }
        #expect(body.contains(e(comparison.people.population)))
        let runs = try await PairRuns.get("/")
        #expect(runs.body.contains("<form class=\"search\" method=\"get\" action=\"/compare\">"))
        #expect(runs.body.contains("<select name=\"baseline\">") && runs.body.contains("<select name=\"variant\">"))
    }

    @Test(
        "Missing or malformed run names are 400, unknown ones 404, in the page and the API",
        arguments: [
            ("", 400), ("?baseline=pair-baseline", 400), ("?variant=pair-variant", 400),
            ("?baseline=..&variant=pair-variant", 400), ("?baseline=a%2Fb&variant=pair-variant", 400),
            ("?baseline=pair-baseline&variant=.hidden", 400), ("?baseline=no-such-run&variant=pair-variant", 404),
            ("?baseline=pair-baseline&variant=no-such-run", 404),
        ]
    )
    func badNames(query: String, status: Int) async throws {
        let page = try await PairRuns.get("/compare" + query)
        #expect(page.status == status && page.type.hasPrefix("text/html"), "\(query): \(page.body.prefix(200))")
        let api = try await PairRuns.get("/api/compare" + query)
        #expect(api.status == status && api.type == "application/json", "\(query): \(api.body)")
        let error = try #require(JSONSerialization.jsonObject(with: Data(api.body.utf8)) as? [String: String])
        #expect(error.keys.sorted() == ["error"])
        // The message names the parameter at fault, the same in the page and the API.
        let named = query.contains("baseline=pair-baseline") ? "variant" : "baseline"
        let message = try #require(error["error"])
        #expect(
            message.contains(status == 400 ? "parameter '\(named)'" : "no run 'no-such-run'"),
            "\(query): \(message)"
        )
        #expect(page.body.contains(e(message)), "\(query)")
    }

    @Test("Runs of different societies are compared with a note, and people are said not to correspond")
    func differentSocieties() async throws {
        let answer = try await Self.json("/api/compare?baseline=\(PairRuns.baseline)&variant=\(PairRuns.other)")
        #expect((answer["notes"] as? [String])?.contains { $0.contains("different societies") } == true)
        let people = try #require(answer["people"] as? [String: Any])
        #expect(people["correspond"] as? Bool == false && (people["people"] as? [Any])?.isEmpty == true)
        let page = try await PairRuns.get("/compare?baseline=\(PairRuns.baseline)&variant=\(PairRuns.other)")
        #expect(page.status == 200 && page.body.contains("People do not correspond"))
    }
}
