import ArgumentParser
import Cluster
import Foundation
import RunRecords
import RunStore
import Runs
import SocialCredit
import Society

/// `sclab simulate --branch DIR@DATE`: what if the rules changed from a date.
extension SimulateCommand {
    /// The options a branch takes from its baseline, which it refuses.
    var optionsTakenFromBaseline: [String] {
        [
            ("--like", like != nil), ("--population", population != nil), ("--seed", seed != nil),
            ("--years", years != nil), ("--days", days != nil), ("--start", start != nil),
            ("--trace-every", traceEvery != nil), ("--trace-person", !tracePeople.isEmpty),
        ]
        .filter(\.1).map(\.0)
    }

    /// `--branch`'s folder and date, checked: `DIR@YYYY-MM-DD` (split at the last `@`, so a
    /// folder may hold one), the date a day a run may cover.
    static func parseBranch(_ text: String) throws -> (folder: String, date: Day) {
        guard let at = text.lastIndex(of: "@"), at != text.startIndex, text.index(after: at) != text.endIndex else {
            throw ValidationError("--branch '\(text)' is not DIR@DATE (a run folder, @, a day YYYY-MM-DD)")
        }
        let date = String(text[text.index(after: at)...])
        guard let day = try OptionBounds.day("--branch's DATE", date) else {
            throw ValidationError("--branch '\(text)' has no DATE")
        }
        return (String(text[..<at]), day)
    }

    /// Checks `--branch` and what may go with it.
    func validateBranch(_ text: String) throws {
        _ = try Self.parseBranch(text)
        let given = optionsTakenFromBaseline
        if !given.isEmpty {
            throw ValidationError(
                "--branch takes the society, seed, days and tracing from the baseline run; drop \(given.joined(separator: ", "))"
            )
        }
    }

    /// Runs a branch: plans it from the baseline (the variant is `--scenario`, by default the
    /// baseline's own scenario), creates its store, starts it from the baseline's newest
    /// checkpoint at or before the date (or the first day) and runs it to its end.
    func runBranch(_ text: String, session: ClusterSession) throws {
        guard session.ranks == 1 else {
            throw ValidationError("--branch runs in one process, not over \(session.ranks) MPI ranks")
        }
        let (baseline, date) = try Self.parseBranch(text)
        let threadCount = threads ?? ParallelChunks.defaultThreads
        let outcome = try sayingRunErrors {
            let variant: (id: String, text: String)
            if let scenario {
                let (path, loaded) = try loadScenario(scenario)
                variant = (loaded.id, try String(contentsOfFile: path, encoding: .utf8))
            } else {
                let info = try RunStore.openReadOnly(directory: baseline).info()
                variant = (info.scenarioID, info.scenarioText)
            }
            let plan = try BranchPlan(
                baseline: baseline,
                date: date,
                variantText: variant.text,
                variantID: variant.id,
                threads: threadCount,
                checkpointEvery: checkpointEvery,
                seeds: seeds,
                version: SCLab.configuration.version
            )
            try OptionBounds.checkMemory(for: plan.info, threads: threadCount, counterfactual: !noCounterfactual)
            let folder = out ?? RunFolder.fresh(scenario: plan.info.scenarioID)
            let store = try RunStore.create(directory: folder, info: plan.info)
            var (driver, start) = try RunDriver.branch(
                plan,
                store: store,
                threads: threadCount,
                counterfactual: !noCounterfactual,
                delegate: TerminalRunProgress(messages: !json)
            ) { printError($0) }
            if !json { printError("branch of \(baseline) from \(date): \(start)") }
            driver.keepCheckpoints = keepCheckpoints
            return (try driver.runToEnd(stopAfter: stopAfter), folder)
        }
        TerminalRunProgress.print(outcome.0, folder: outcome.1, json: json)
    }
}
