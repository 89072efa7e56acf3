import Foundation
import RunRecords
import RunStore
import Runs
import Simulation
import SocialCredit
import Society
import Testing

/// What a run told its delegate, in order.
final class CollectingDelegate: RunDriverDelegate {
    var began: [RunPhase] = []
    var ended: [RunPhase] = []
    var months: [RunMonth] = []
    var days: [Int] = []

    func runDriver(began phase: RunPhase) { began.append(phase) }
    func runDriver(simulatedDays done: Int, of total: Int) { days.append(done) }
    func runDriver(finished month: RunMonth) { months.append(month) }
    func runDriver(ended phase: RunPhase) { ended.append(phase) }
}

/// Ignores what a direct simulation reports.
struct Ignoring: SimulationObserver {
    mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {}
}

@Suite struct RunDriverTests {
    /// The shipped seed scenario, read from the repository.
    static let scenarioText: String = {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return try! String(contentsOf: root.appendingPathComponent("scenarios/seed-article.yaml"), encoding: .utf8)
    }()

    /// 1,500 people over the first quarter of 2016 (a leap year), one seed, no counterfactual.
    static func info(checkpointEvery: Int = 0) -> RunInfo {
        RunInfo(
            scenarioID: "seed-article",
            scenarioText: scenarioText,
            population: 1_500,
            seed: 7,
            start: "2016-01-01",
            end: "2016-03-31",
            threads: 2,
            checkpointEvery: checkpointEvery,
            version: "test",
            traceEvery: 50,
            seeds: 1
        )
    }

    static func folder() -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("runs-\(UUID().uuidString)/run")
    }

    @Test func reportsEachMonthAndGivesTheSimulationsOwnDigest() throws {
        let info = Self.info()
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        let delegate = CollectingDelegate()
        var driver = try RunDriver(
            info: info,
            store: RunStore.create(directory: directory, info: info),
            threads: 2,
            counterfactual: false,
            delegate: delegate
        )
        guard case let .finished(summary, report) = try driver.runToEnd() else {
            Issue.record("the run stopped before its end")
            return
        }
        #expect(delegate.months.map(\.daysDone) == [31, 60, 91])
        #expect(delegate.months.map(\.lastDay.description) == ["2016-01-31", "2016-02-29", "2016-03-31"])
        #expect(delegate.months.allSatisfy { $0.checkpoint == nil })
        #expect(delegate.days == Array(1...91))
        #expect(delegate.began == [.society(people: 1_500, seed: 7), .simulate(days: 91), .report])
        #expect(delegate.ended == delegate.began)
        #expect(FileManager.default.fileExists(atPath: report))

        // The same run made directly with the engine, on one thread: one semantics.
        let policy = try Policy(Scenario.parse(info.scenarioText, file: "seed-article.yaml"))
        let generator = try PopulationGenerator()
        let population = generator.generate(size: info.population, seed: info.seed, threads: 1)
        var simulation = Simulation(
            policy: policy,
            population: population,
            census: generator.census,
            config: SimulationConfig(
                period: Period(start: Day(iso: info.start)!, end: Day(iso: info.end)!),
                seed: info.seed,
                threads: 1,
                traceEvery: info.effectiveTraceEvery
            )
        )
        var ignoring = Ignoring()
        simulation.run(observer: &ignoring)
        #expect(summary.digest == simulation.digest())
        #expect(try RunStore.openReadOnly(directory: directory).progress().digest == summary.digest)
    }

    @Test func stopsResumableAtTheFirstMonthEndPastStopAfter() throws {
        let info = Self.info(checkpointEvery: 30)
        let directory = Self.folder()
        defer { try? FileManager.default.removeItem(atPath: (directory as NSString).deletingLastPathComponent) }
        let delegate = CollectingDelegate()
        var driver = try RunDriver(
            info: info,
            store: RunStore.create(directory: directory, info: info),
            threads: 2,
            counterfactual: false,
            delegate: delegate
        )
        guard case let .stopped(daysDone) = try driver.runToEnd(stopAfter: 40) else {
            Issue.record("the run did not stop")
            return
        }
        #expect(daysDone == 60)
        #expect(delegate.months.map(\.checkpoint) == ["checkpoints/day-31.bin", "checkpoints/day-60.bin"])
        #expect(delegate.ended == [.society(people: 1_500, seed: 7), .simulate(days: 91)])
    }
}
