import Foundation
import Hummingbird
import HummingbirdTesting
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Observatory

/// One record judged by two rules whose appeals went different ways: the web app (its JSON
/// report, its page and "try an action") and `sclab explain` must give the same, hand-computed
/// score. Before the Observatory read traces through Impact's `TracedRecords`, it collapsed the
/// record's two appeals into the first one found, so rule A's overturning struck out rule B's
/// upheld judgement too, and the web app said 1000 where `sclab explain` said 980.
@Suite("One reader of traced records")
struct AppealedRuleTests {
    /// Two rules on one behaviour; coverage 0, so the simulation makes no record of its own and
    /// the hand-written traces are person 0's only records.
    static let scenario = """
        scenario: {name: Two rules on one record, start: 2016-01-01, end: 2016-12-31}
        score: {initial: 1000, minimum: 0, maximum: 2000, tiers: [{id: A, min: 960}, {id: B, min: 850}, {id: C, min: 0}]}
        behaviors:
          - {id: offence, conduct: contradictory, who: everyone, rate: 12}
        sources:
          - {id: watcher, observes: offence, coverage: 0}
        rules:
          - {id: rule_a, behavior: offence, delta: -30}
          - {id: rule_b, behavior: offence, delta: -20}
        actions:
          - {id: buy_flight, who: everyone, rate: 1}
        measures:
          - {id: flight_ban, kind: block, action: buy_flight, when: {tier_at_most: C}}
        appeals: {contest: {true_records: 0, false_records: 0}, success: {true_records: 0, false_records: 0}, days_to_decide: 20}
        """

    static let runID = "two-rules"

    /// Person 0's record #1, as the simulation traces it: one trace per rule. Rule A's
    /// judgement (-30) was overturned on appeal on 2016-04-01; rule B's (-20) was upheld.
    static func traces() -> [RecordTrace] {
        [(0, "rule_a", -30, "overturned"), (1, "rule_b", -20, "upheld")].map { rule, id, delta, outcome in
            RecordTrace(
                id: TraceID(record: 1, rule: rule).rawValue,
                subject: 0,
                subjectKind: .people,
                behavior: "offence",
                source: "watcher",
                occurred: "2016-03-01",
                recorded: "2016-03-05",
                misattributed: false,
                actualSubject: nil,
                rule: id,
                delta: delta,
                judgedOtherwise: false,
                listed: nil,
                appealFiled: "2016-03-10",
                appealDecided: "2016-04-01",
                appealOutcome: outcome
            )
        }
    }

    /// The run, stored as `sclab simulate` stores it, with the hand-written traces; the runs folder.
    static let root: Result<String, any Error> = Result {
        let scenario = try Scenario.parse(Self.scenario, file: "two-rules.yaml")
        let period = scenario.period
        let generator = Societies.generator
        let size = 200
        let seed: UInt64 = 5
        let society = generator.generate(size: size, seed: seed, threads: 2)
        let root = TemporaryFolder.unusedPath("sclab-two-rules")
        let info = RunInfo(
            scenarioID: scenario.id,
            scenarioText: Self.scenario,
            population: size,
            seed: seed,
            start: period.start.description,
            end: period.end.description,
            threads: 2,
            checkpointEvery: 0,
            version: "test",
            traceEvery: 1
        )
        let store = try RunStore.create(directory: (root as NSString).appendingPathComponent(runID), info: info)
        var simulation = Simulation(
            policy: try Policy(scenario),
            population: society,
            census: generator.census,
            config: SimulationConfig(period: period, seed: seed, threads: 2, traceEvery: 1)
        )
        var collector = Collector()
        simulation.run(observer: &collector)
        #expect(collector.traces.isEmpty, "coverage 0 makes no record")
        try store.commitPeriod(
            daysDone: period.days,
            lastDay: period.end.description,
            metrics: collector.metrics,
            traces: traces(),
            checkpoint: nil,
            listings: collector.listings
        )
        try store.finish(
            snapshots: simulation.finalSnapshots(census: generator.census),
            digest: simulation.digest(),
            summaryJSON: "{}",
            groups: simulation.groupTallies(census: generator.census)
        )
        try store.close()
        return root
    }

    /// The score by hand: 1000 initial, rule A's -30 struck out on appeal, rule B's -20 stands.
    static let expected = 1000 - 20

    @Test("Rule A overturned and rule B upheld on one record: the web app and sclab explain both give 980")
    func sameScore() async throws {
        let root = try Self.root.get()
        let explain = try CreditReport.load(
            directory: (root as NSString).appendingPathComponent(Self.runID),
            person: 0,
            threads: 2
        )
        #expect(explain.engine?.score == Self.expected)
        #expect(explain.text.contains("score \(Self.expected)"))
        #expect(explain.records.map(\.appealOutcome) == ["overturned", "upheld"])

        let observatory = Observatory(runsDirectory: root)
        let view = try observatory.catalog.run(Self.runID)
        let file = try #require(try view.personFile(0))
        #expect(policyScore(view, file) == Self.expected)
        let app = Application(router: observatory.router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/api/runs/\(Self.runID)/people/0", method: .get) { response in
                #expect(response.status.code == 200)
                let report = try JSONDecoder().decode(CreditReport.self, from: Data(String(buffer: response.body).utf8))
                #expect(report.run.directory == Self.runID, "the server's path is not shown")
                #expect(report.attributes.identityNumber.contains("********"))
                var served = explain
                served.attributes.identityNumber = report.attributes.identityNumber
                #expect(report.engine?.score == Self.expected)
                #expect(report.engine == served.engine)
                #expect(report.records == served.records)
            }
            try await client.execute(uri: "/api/runs/\(Self.runID)/people/0/decisions/buy_flight", method: .get) {
                response in
                #expect(response.status.code == 200)
                let decision = try #require(
                    try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8)) as? [String: Any]
                )
                #expect(decision["score"] as? Int == Self.expected)
                #expect(decision["allowed"] as? Bool == true)
            }
            try await client.execute(uri: "/runs/\(Self.runID)/people/0", method: .get) { response in
                #expect(response.status.code == 200)
                #expect(String(buffer: response.body).contains("<b>980</b>score"))
            }
        }
    }

    /// The engine's score for the person the web app's `PersonFile` rebuilt.
    func policyScore(_ view: RunView, _ file: PersonFile) -> Int? {
        view.policy.assess(file.subject, on: view.day, relations: file.relations).score
    }
}
