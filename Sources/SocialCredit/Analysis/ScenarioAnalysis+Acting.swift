/// Rules, measures and spillovers in force that can never take effect, and lists in force that
/// nobody can enter. Parts never in force are left to the rollout warning.
extension ScenarioAnalysis {
    func actingWarnings() -> [StaticWarning] {
        var warnings: [StaticWarning] = []
        for (index, rule) in scenario.rules.enumerated() where ruleOpen[index] != nil && ruleActs[index] == nil {
            warnings.append(
                StaticWarning(
                    .neverActs,
                    path: "rules[\(index)]",
                    message: "rule '\(rule.id)' never takes effect: \(ruleIdle(index))"
                )
            )
        }
        for index in scenario.lists.indices where listOpen[index] != nil && !reach.entered[index] {
            warnings.append(StaticWarning(.neverActs, path: "lists[\(index)]", message: listIdle(index)))
        }
        for (index, measure) in scenario.measures.enumerated() where measureOpen[index] != nil {
            var reasons = reach.obstacles(measure.when, measure.subject)
            if let action = measure.action { reasons = reach.neverAttempted(action) + reasons }
            guard !reasons.isEmpty else { continue }
            warnings.append(
                StaticWarning(
                    .neverActs,
                    path: "measures[\(index)]",
                    message: "measure '\(measure.id)' never applies: \(reasons.joined(separator: "; "))"
                )
            )
        }
        for (index, spillover) in scenario.spillovers.enumerated()
        where spilloverOpen[index] != nil && !reach.spilloversAct[index] {
            let reasons = reach.spilloverObstacles(index)
            warnings.append(
                StaticWarning(
                    .neverActs,
                    path: "spillovers[\(index)]",
                    message: "spillover '\(spillover.id)' never acts: \(reasons.joined(separator: "; "))"
                )
            )
        }
        return warnings
    }

    /// Why a rule in force never judges a record that counts.
    private func ruleIdle(_ index: Int) -> String {
        let rule = scenario.rules[index]
        let b = policy.behaviorIndex[rule.behavior.id]!
        if rule.discretion >= 1 { return "every record is judged otherwise (discretion \(rule.discretion))" }
        if scenario.behaviors[b].rate.perYear <= 0 { return "behaviour '\(rule.behavior.id)' never occurs (rate 0)" }
        if !unrecorded(b).isEmpty { return "behaviour '\(rule.behavior.id)' is never recorded" }
        let accepted = observers[b].filter {
            policy.ruleSources[index].isEmpty || policy.ruleSources[index].contains($0)
        }
        if accepted.allSatisfy({
            Self.arrivals(scenario.sources[$0], open: sourceOpen($0, behavior: b), period: period) == nil
        }) {
            let named = rule.sources.map { "'\($0.id)'" }.joined(separator: ", ")
            return "none of its sources (\(named)) records behaviour '\(rule.behavior.id)' within the period"
        }
        return "no record of behaviour '\(rule.behavior.id)' arrives while it is in force "
            + "(\(ruleOpen[index]!.lowerBound) to \(ruleOpen[index]!.upperBound))"
    }

    /// Why a list in force is never entered.
    private func listIdle(_ index: Int) -> String {
        let list = scenario.lists[index]
        if let entry = list.entry {
            let reasons = reach.obstacles(entry, list.subject)
            return
                "nobody enters list '\(list.id)': its entry condition never holds: \(reasons.joined(separator: "; "))"
        }
        let listing = scenario.rules.filter { $0.list?.id == list.id }.map { "'\($0.id)'" }
        guard !listing.isEmpty else {
            return "list '\(list.id)' has no 'entry' condition and no rule puts anyone on it"
        }
        let acting = scenario.rules.indices.contains { scenario.rules[$0].list?.id == list.id && ruleActs[$0] != nil }
        return acting
            ? "nobody enters list '\(list.id)': the rules that list on it (\(listing.joined(separator: ", "))) take effect only while it is not in force"
            : "nobody enters list '\(list.id)': the rules that list on it (\(listing.joined(separator: ", "))) never take effect"
    }
}
