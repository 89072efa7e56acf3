import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// A run made in-process and stored the way `sclab simulate` stores it, for tests that read runs
/// (reports, exports, `verify`, the web app) without launching the executable.
///
/// What it stores, as `sclab simulate` does: the run's description, every metric point, trace,
/// list entry and traced standing and decision, the final snapshots, the digest, a summary with
/// the run's totals, the group tallies, the counterfactual (the system switched off; optional) and
/// `report.html` / `report.md` (optional). What it does differently: the whole period is committed
/// at once rather than month by month, with no checkpoints, and only one seed is run.
public enum StoredRun {
    /// A stored run and what the simulation itself said, to check readers' answers against.
    public struct Made: Sendable {
        /// The run's folder (holding `run.sqlite`).
        public var folder: String
        /// The simulation, finished.
        public var simulation: Simulation
        /// The final snapshots stored.
        public var snapshots: [SubjectSnapshot]
        /// Every entry onto a list.
        public var listings: [Listing]
        /// The run's totals (`Simulation.runTotals`), as stored in the summary.
        public var totals: [String: Double]
        /// The society the run was made on.
        public var population: Population
    }

    /// Runs the scenario `text` (read as `file`) on a society of `size` people (`seed`) over
    /// `period` (the scenario's own unless told), one in `traceEvery` traced, and stores it in
    /// `folder` (a fresh temporary folder unless told). `counterfactual` and `report` say
    /// whether to add the counterfactual and the report files, as `sclab simulate` does unless
    /// told `--no-counterfactual`; tests that do not read them leave them off to save time.
    /// `seeds` K > 1 adds the key figures of seeds `seed + 1` to `seed + K − 1`, as `--seeds K` does.
    public static func make(
        text: String,
        file: String,
        size: Int,
        period: Period? = nil,
        seed: UInt64 = 3,
        traceEvery: Int = 1,
        counterfactual: Bool = true,
        report: Bool = true,
        folder: String? = nil,
        seeds: Int = 1
    ) throws -> Made {
        let scenario = try Scenario.parse(text, file: file)
        let period = period ?? scenario.period
        let population = Societies.society(size, seed: seed)
        let census = Societies.generator.census
        let folder = folder ?? TemporaryFolder.unusedPath("sclab-run")
        let info = RunInfo(
            scenarioID: scenario.id,
            scenarioText: text,
            population: size,
            seed: seed,
            start: period.start.description,
            end: period.end.description,
            threads: 2,
            checkpointEvery: 0,
            version: "test",
            traceEvery: traceEvery,
            seeds: max(1, seeds)
        )
        let store = try RunStore.create(directory: folder, info: info)
        let (simulation, collector) = try Societies.run(
            scenario,
            on: population,
            period: period,
            seed: seed,
            traceEvery: traceEvery
        )
        try store.commitPeriod(
            daysDone: period.days,
            lastDay: period.end.description,
            metrics: collector.metrics,
            traces: collector.traces,
            checkpoint: nil,
            listings: collector.listings,
            standings: collector.standings,
            decisions: collector.decisions
        )
        let off =
            counterfactual
            ? try Counterfactual.run(
                scenario: scenario,
                population: population,
                census: census,
                config: simulation.config
            )
            : []
        let snapshots = simulation.finalSnapshots(census: census)
        let totals = simulation.runTotals
        let summary = try JSONSerialization.data(withJSONObject: ["totals": totals], options: [.sortedKeys])
        // Further seeds as `sclab simulate --seeds` runs them: in memory, reduced to their key figures.
        let policy = try Policy(scenario)
        let further = try (1..<max(1, seeds)).map { k in
            try SeedReplicate.run(
                info: info,
                seed: seed + UInt64(k),
                policy: policy,
                generator: Societies.generator,
                period: period,
                threads: 2,
                counterfactual: counterfactual
            )
        }
        try store.finish(
            snapshots: snapshots,
            digest: simulation.digest(),
            summaryJSON: String(decoding: summary, as: UTF8.self),
            groups: simulation.groupTallies(census: census),
            metrics: off,
            seedOutcomes: further
        )
        if report { _ = try ReportFiles.write(store: store) }
        try store.close()
        return Made(
            folder: folder,
            simulation: simulation,
            snapshots: snapshots,
            listings: collector.listings,
            totals: totals,
            population: population
        )
    }

    /// The seed scenario as shipped, run as `make` runs it.
    public static func seedArticle(
        size: Int,
        period: Period? = nil,
        seed: UInt64 = 3,
        traceEvery: Int = 1,
        counterfactual: Bool = true,
        report: Bool = true,
        folder: String? = nil
    ) throws -> Made {
        let (text, _) = try Societies.seedScenario()
        return try make(
            text: text,
            file: "seed-article.yaml",
            size: size,
            period: period,
            seed: seed,
            traceEvery: traceEvery,
            counterfactual: counterfactual,
            report: report,
            folder: folder
        )
    }
}
