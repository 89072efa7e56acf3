import Foundation
import FuzzerDriver
import SocialCredit

// libFuzzer's driver, called from this target's main: SwiftPM links an executable's `main` to the
// target's own top-level code, so libFuzzer's `main` cannot be used.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzScenario(data, size) })

/// One fuzz input: read as a scenario (YAML and JSON), and as a calibration metric.
///
/// Anything may be refused, but nothing may crash, hang or grow without bound (libFuzzer's
/// `-timeout` and `-rss_limit_mb` catch the last two), and what is refused must say where: every
/// error carries a line and column or a key path. A scenario the reader accepts must compile into
/// a `Policy`, which is what `simulate` does next; a metric that parses must print and evaluate.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzScenario(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    guard let start, let text = String(validating: UnsafeBufferPointer(start: start, count: count), as: UTF8.self)
    else {
        return 0
    }
    for file in ["fuzz.yaml", "fuzz.json"] {
        let reading = Scenario.read(text, file: file)
        for error in reading.errors where error.location == nil && error.path.isEmpty {
            fatalError("an error without a place: \(error.description)")
        }
        if let scenario = reading.scenario {
            do {
                _ = try Policy(scenario)
            } catch {
                fatalError("a scenario the reader accepted does not compile: \(error)")
            }
        }
    }
    if let metric = try? MetricExpression.parse(text) {
        _ = metric.description
        _ = metric.seriesNames
        _ = try? metric.evaluate(on: MetricSeries(constants: ["population.adults": 1_000]))
    }
    return 0
}
