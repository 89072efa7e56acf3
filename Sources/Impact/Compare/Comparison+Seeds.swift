import RunRecords
import Simulation

extension Comparison {
    /// Seeds two runs share, when they are of the same size: their societies are the same, so
    /// their differences are paired seed by seed. Empty when the sizes differ or no seed is shared.
    static func sharedSeeds(_ base: RunData, _ run: RunData) -> [UInt64] {
        guard base.info.population == run.info.population else { return [] }
        let other = Set(run.seedOutcomes.map(\.seed))
        return base.seedOutcomes.map(\.seed).filter(other.contains).sorted()
    }

    /// `run − base` of key figure `id` over seeds: paired over the seeds both runs hold when they
    /// share any (same size and seed: the same societies, so each seed's difference is the
    /// systems' alone); otherwise Welch's unpaired interval over each run's own seeds, which
    /// treats the two sets of societies as independent samples. Nil when a side has no value.
    static func interval(_ base: RunData, _ run: RunData, _ id: String) -> SeedInterval? {
        let shared = sharedSeeds(base, run)
        if !shared.isEmpty {
            let a = Dictionary(uniqueKeysWithValues: base.seedOutcomes.map { ($0.seed, $0.values) })
            let b = Dictionary(uniqueKeysWithValues: run.seedOutcomes.map { ($0.seed, $0.values) })
            return SeedInterval.paired(
                shared.compactMap { seed in
                    a[seed]?[id].flatMap { first in b[seed]?[id].map { $0 - first } }
                }
            )
        }
        return SeedInterval.welch(
            base.seedOutcomes.compactMap { $0.values[id] },
            run.seedOutcomes.compactMap { $0.values[id] }
        )
    }

    /// How a run's differences from the baseline are measured over seeds, for the notes.
    static func seedNote(_ base: RunData, _ run: RunData) -> String {
        let shared = sharedSeeds(base, run)
        func list(_ seeds: [UInt64]) -> String { seeds.map(String.init).joined(separator: ", ") }
        if shared.count > 1 {
            return
                "\(run.directory) against the baseline: 95% intervals paired over seeds \(list(shared)), the societies both runs hold."
        }
        if shared.count == 1 {
            return
                "\(run.directory) against the baseline: one shared seed (\(shared[0])): no interval can be given; run both with --seeds K to measure how sure the differences are."
        }
        let a = base.seedOutcomes.map(\.seed)
        let b = run.seedOutcomes.map(\.seed)
        if a.count < 2 || b.count < 2 {
            return
                "\(run.directory) against the baseline: no shared society and one seed on a side: no interval can be given."
        }
        return
            "\(run.directory) against the baseline: no shared society, so 95% intervals are Welch's unpaired ones over seeds \(list(a)) and \(list(b))."
    }
}

extension SeedInterval {
    /// "−0.48 to +4.48", the ends as `format` writes differences; "–" with one seed.
    func range(_ format: Chart.Format) -> String { range { Comparison.difference($0, format) } }

    /// The interval's ends written by `write`, "lower to upper"; "–" with one seed.
    func range(_ write: (Double) -> String) -> String {
        guard let lower, let upper else { return "–" }
        return "\(write(lower)) to \(write(upper))"
    }
}
