import Foundation
import RunRecords
import Simulation
import SocialCredit
import Society
import TestSupport

/// A tiny run made once for all the Observatory's tests: the seed scenario on 3,000 people over
/// 2014-2016, everyone traced (so every listed person's decisions can be checked), stored by
/// `StoredRun` (as `sclab simulate` stores it, without the counterfactual and report) in a fresh
/// runs folder.
enum TinyRun {
    static let id = "tiny-run"
    static let population = 3_000
    /// A seed whose society has debtors on the court list in the pilot provinces by 2016 (with
    /// ringtone warnings), which the browser test shows: seed 1 lists 8, four of them there.
    static let seed: UInt64 = 1
    static let period = Period(start: Day(iso: "2014-01-01")!, end: Day(iso: "2016-12-31")!)

    /// What the simulation itself said, to check the web app's answers against.
    struct Made: Sendable {
        var root: String
        var snapshots: [SubjectSnapshot]
        var listings: [Listing]
        var totals: [String: Double]
        var population: Population
        var census: Census
        var names: NameTables
    }

    /// The run, made on first use.
    static let made: Result<Made, any Error> = Result { try make() }

    static func get() throws -> Made { try made.get() }

    private static func make() throws -> Made {
        let root = TemporaryFolder.unusedPath("sclab-observatory")
        let run = try StoredRun.seedArticle(
            size: population,
            period: period,
            seed: seed,
            traceEvery: 1,
            counterfactual: false,
            report: false,
            folder: (root as NSString).appendingPathComponent(id)
        )
        // Something that is not a run, which the catalog must not list.
        try FileManager.default.createDirectory(
            atPath: (root as NSString).appendingPathComponent("not-a-run"),
            withIntermediateDirectories: true
        )
        return Made(
            root: root,
            snapshots: run.snapshots,
            listings: run.listings,
            totals: run.totals,
            population: run.population,
            census: Societies.generator.census,
            names: Societies.generator.names
        )
    }
}
