import ArgumentParser
import Runs
import SocialCredit

/// `simulate` and `resume`'s view of a run (the run library prints nothing): the society and
/// companion messages and the progress bar on standard error, and the outcome on standard output.
final class TerminalRunProgress: RunDriverDelegate {
    /// Whether to say what is being generated and run (not with `--json`); the bar shows anyway.
    private let messages: Bool
    private var bar: ProgressReporter?

    init(messages: Bool) { self.messages = messages }

    func runDriver(began phase: RunPhase) {
        switch phase {
        case let .society(people, seed):
            if messages { printError("generating \(grouped(people)) people (seed \(seed))...") }
        case let .simulate(days):
            bar = ProgressReporter(label: "simulate", total: Double(days), unit: "days")
        case let .companions(counterfactual, seeds, atOnce):
            guard messages else { return }
            let what = [
                counterfactual ? "the counterfactual (the same society with the system switched off)" : nil,
                seeds.isEmpty
                    ? nil : "\(seeds.count) further seeds (\(seeds.map(String.init).joined(separator: ", ")))",
            ]
            printError("\(what.compactMap { $0 }.joined(separator: " and ")), \(atOnce) at a time...")
        case .report:
            break
        }
    }

    func runDriver(simulatedDays done: Int, of total: Int) { bar?.update(done: Double(done)) }

    func runDriver(ended phase: RunPhase) {
        if case .simulate = phase {
            bar?.finish()
            bar = nil
        }
    }

    /// Prints how the run ended: where to resume a stopped run, or the summary and the report.
    static func print(_ outcome: RunOutcome, folder: String, json: Bool) {
        switch outcome {
        case let .stopped(daysDone):
            if json {
                Swift.print("{\"stopped\": true, \"daysDone\": \(daysDone), \"folder\": \"\(folder)\"}")
            } else {
                Swift.print("stopped after \(daysDone) days; continue with: sclab resume \(folder)")
            }
        case let .finished(summary, report):
            Swift.print(json ? summary.json : summary.text + "\nreport: \(report)")
        }
    }
}

/// Runs `body`, saying a run library error as the command line says its other errors.
func sayingRunErrors<T>(_ body: () throws -> T) throws -> T {
    do { return try body() } catch let error as RunError { throw ValidationError(error.description) }
}
