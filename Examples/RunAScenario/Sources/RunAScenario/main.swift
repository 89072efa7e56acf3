// Runs the shipped seed scenario on 2,000 people over its first year, stores it like
// `sclab simulate` (run.sqlite and report.html in the folder given, or a temporary one), and
// prints the digest and a headline figure. Usage: RunAScenario [FOLDER]
import Foundation
import RunRecords
import RunStore
import Runs
import SocialCredit

/// Says which phase the run is in, on standard error.
final class PhaseLog: RunDriverDelegate {
    func runDriver(began phase: RunPhase) { FileHandle.standardError.write(Data("\(phase)\n".utf8)) }
}

// The scenario, found by name in the repository's scenarios/ folder (or $SCLAB_SCENARIOS).
let path = try ScenarioCatalog.discover().resolve("seed-article").get()
let text = try String(contentsOfFile: path, encoding: .utf8)
let scenario = try Scenario.parse(text, file: path)
let info = RunInfo(
    scenarioID: scenario.id,
    scenarioText: text,
    population: 2_000,
    seed: 1,
    start: scenario.period.start.description,
    end: scenario.period.start.adding(days: 364).description,
    threads: 2,
    checkpointEvery: 0,
    version: "example",
    seeds: 1
)

let folder =
    CommandLine.arguments.dropFirst().first
    ?? (NSTemporaryDirectory() as NSString).appendingPathComponent("run-a-scenario-\(UUID().uuidString)")
var driver = try RunDriver(
    info: info,
    store: RunStore.create(directory: folder, info: info),
    threads: 2,
    delegate: PhaseLog()
)
if case let .finished(summary, report) = try driver.runToEnd() {
    print("digest: \(summary.digest)")
    print("records: \(Int(summary.totals["records.total"] ?? 0)) in \(summary.days) days")
    print("report: \(report)")
}
