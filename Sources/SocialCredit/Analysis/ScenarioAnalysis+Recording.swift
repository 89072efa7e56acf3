/// Behaviours that no source records within the period: no source observes
/// them, or those that do are never in force, have coverage 0, or deliver only after the end.
extension ScenarioAnalysis {
    func recordingWarnings() -> [StaticWarning] {
        scenario.behaviors.indices.compactMap { index -> StaticWarning? in
            let behavior = scenario.behaviors[index]
            let missing = unrecorded(index)
            guard !missing.isEmpty else { return nil }
            return StaticWarning(
                .unrecorded,
                path: "behaviors[\(index)]",
                message: "behaviour '\(behavior.id)' is never recorded: \(missing.joined(separator: "; "))",
                hint: observers[index].isEmpty ? "add it to a source's 'observes'" : nil
            )
        }
    }

    /// Why no record of behaviour `index` can arrive within the period, one phrase per observing
    /// source; empty when some source records it.
    func unrecorded(_ index: Int) -> [String] {
        let sources = observers[index]
        guard !sources.isEmpty else { return ["no source observes it"] }
        var reasons: [String] = []
        for k in sources {
            let source = scenario.sources[k]
            let open = sourceOpen(k, behavior: index)
            if Self.arrivals(source, open: open, period: period) != nil { return [] }
            if open == nil {
                reasons.append("source '\(source.id)' is never in force within the period")
            } else if source.coverage <= 0 {
                reasons.append("source '\(source.id)' has coverage 0")
            } else {
                reasons.append(
                    "source '\(source.id)' delivers only after the period ends (delay_days \(source.delayDays))"
                )
            }
        }
        return reasons
    }
}
