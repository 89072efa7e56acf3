import RunRecords
import Simulation
import SocialCredit

extension RunData {
    /// This run's key figures as one seed's outcome, the same names a further seed stores: the
    /// key metrics by id, each behaviour's total with the system (`behavior.<id>`) and, when the
    /// run has a counterfactual, switched off (`counterfactual.behavior.<id>`), and the change of
    /// each conduct against the counterfactual (`change.<conduct>`). A further seed's outcome is
    /// this same property of that seed's run held in memory (`SeedReplicate`), so both are one
    /// computation.
    public var outcome: SeedOutcome {
        var values: [String: Double] = [:]
        for metric in keyMetrics { if let value = metric.value, value.isFinite { values[metric.id] = value } }
        for behavior in scenario.behaviors {
            values["behavior.\(behavior.id)"] = sum("behavior.\(behavior.id)")
            let off = Counterfactual.prefix + "behavior.\(behavior.id)"
            if series[off] != nil { values[off] = sum(off) }
        }
        for conduct in Behavior.Conduct.allCases {
            if let change = behaviourChange(conduct), change.isFinite { values["change.\(conduct.rawValue)"] = change }
        }
        return SeedOutcome(seed: info.seed, values: values)
    }

    /// Every seed the run is measured over, its own first, then the further seeds stored with it.
    public var seedOutcomes: [SeedOutcome] { [outcome] + replicates.filter { $0.seed != info.seed } }

    /// The paired interval over seeds of `figure(seed) with the system − figure(seed) switched
    /// off`, for figures read from each seed's outcome; nil when no seed has both sides.
    /// - Parameter difference: One seed's difference from its outcome's values, nil when undefined.
    public func counterfactualInterval(_ difference: ([String: Double]) -> Double?) -> SeedInterval? {
        SeedInterval.paired(seedOutcomes.compactMap { difference($0.values) })
    }

    /// Over seeds: behaviour `id` with the system minus switched off (a count over the run).
    public func behaviourDifferenceInterval(_ id: String) -> SeedInterval? {
        counterfactualInterval { values in
            values[Counterfactual.prefix + "behavior.\(id)"].map { (values["behavior.\(id)"] ?? 0) - $0 }
        }
    }

    /// Over seeds: the relative change of people's behaviours of one conduct against the
    /// counterfactual (`behaviourChange` of each seed).
    public func conductChangeInterval(_ conduct: Behavior.Conduct) -> SeedInterval? {
        counterfactualInterval { $0["change.\(conduct.rawValue)"] }
    }
}
