import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit

/// A baseline run and a variant run side by side, as the Observatory's comparison page and its
/// JSON show them: what changed in the scenario (`ScenarioDiff`, as `sclab diff`), the key
/// metrics with their differences and uncertainty over seeds (the `Comparison` that `sclab
/// compare` prints, so the figures are the same), both runs' monthly series on shared axes,
/// each group's listed and punished shares in each run, and the people whose fate changed most.
/// Plain data built from two runs in memory, so a page, an API answer and a test read the same.
public struct RunPairComparison: Sendable, Codable, Equatable {
    /// One changed parameter of the scenario, by the path `sclab sweep --vary` takes.
    public struct ScenarioChange: Sendable, Codable, Equatable {
        /// The parameter path.
        public var path: String
        /// `changed`, `added` or `removed`.
        public var kind: String
        /// The baseline's value (absent when added) and the variant's (absent when removed).
        public var old: String?
        public var new: String?
    }

    /// The baseline run, then the variant run.
    public var baseline: RunLine
    public var variant: RunLine
    /// What changed in the scenario, in `sclab diff`'s order; empty when the scenarios are one.
    public var scenarioChanges: [ScenarioChange]
    /// The key metrics, each as `sclab compare` gives it for these two runs.
    public var metrics: [MetricDifference]
    /// Things to keep in mind: `Comparison`'s notes (different societies or periods, unfinished
    /// runs, how the intervals over seeds were made), and a scenario diff that could not be made.
    public var notes: [String]
    /// The key monthly series of both runs, month by month.
    public var series: [PairSeries]
    /// Each group's listed and punished shares in both runs.
    public var groups: [GroupComparison]
    /// The people listed in one run and not the other.
    public var people: FateChanges

    /// Compares `variant` with `baseline`. Runs of different societies are compared too (the
    /// notes say the differences mix the systems' effects with the societies', and people are
    /// not matched), as `sclab compare --allow-different-societies` compares them.
    /// - Throws: `ImpactError` only if `Comparison` refuses the pair, which it does not for two runs.
    public init(baseline: ComparedRun, variant: ComparedRun) throws {
        let comparison = try Comparison([baseline.data, variant.data], allowDifferentSocieties: true)
        self.baseline = comparison.runs[0]
        self.variant = comparison.runs[1]
        notes = comparison.notes
        do {
            scenarioChanges = try ScenarioDiff(
                from: baseline.data.info.scenarioText,
                to: variant.data.info.scenarioText
            ).differences.map {
                ScenarioChange(path: $0.path, kind: $0.kind.rawValue, old: $0.old, new: $0.new)
            }
        } catch {
            scenarioChanges = []
            notes.append("The scenarios could not be compared: \(error).")
        }
        metrics = comparison.rows.map { MetricDifference($0) }
        series = PairSeries.keySeries(baseline.data, variant.data)
        groups = GroupComparison.all(baseline.data, variant.data)
        people = FateChanges(baseline, variant)
    }

    /// Compares two stored runs, read now.
    /// - Throws: `RunStoreError` for a run that cannot be read, `ImpactError` for a stored
    ///   scenario that does not read any more.
    public init(baseline: RunStore, variant: RunStore) throws {
        try self.init(baseline: ComparedRun.load(store: baseline), variant: ComparedRun.load(store: variant))
    }
}

/// One side of a `RunPairComparison`: a run's data and the people it stores (final snapshots of
/// the traced and of everyone ever on a rule-filled, black or published list; every listing).
public struct ComparedRun: Sendable {
    /// Everything the report reads.
    public var data: RunData
    /// People's final snapshots, by index.
    public var people: [Int: SubjectSnapshot]
    /// People's listings, by index.
    public var listings: [Int: [Listing]]

    /// A side from a run already in memory (the Observatory's).
    public init(data: RunData, people: [Int: SubjectSnapshot], listings: [Int: [Listing]]) {
        self.data = data
        self.people = people
        self.listings = listings
    }

    /// Reads a run's data, people's snapshots and listings from its store.
    /// - Throws: `RunStoreError` for a run that cannot be read, `ImpactError` for a stored
    ///   scenario that does not read any more.
    public static func load(store: RunStore) throws -> ComparedRun {
        let data = try RunData.load(store: store)
        let people = try store.snapshots().filter { $0.subjectKind == .people }
        let listings = try store.listings().filter { $0.subjectKind == .people }
        return ComparedRun(
            data: data,
            people: Dictionary(people.map { ($0.subject, $0) }, uniquingKeysWith: { first, _ in first }),
            listings: Dictionary(grouping: listings, by: \.subject)
        )
    }
}
