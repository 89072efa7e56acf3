/// Parts whose rollout never opens within the scenario's period: a phase that
/// starts after the period ends, a rollout that ends before it starts, a phase no later phase
/// widens to the part's kind of subject.
extension ScenarioAnalysis {
    func rolloutWarnings() -> [StaticWarning] {
        var warnings: [StaticWarning] = []
        func check(
            _ open: [ClosedRange<Day>?],
            _ rollouts: [Rollout],
            section: String,
            noun: String,
            ids: [String],
            kinds: [SubjectKind]
        ) {
            for index in open.indices where open[index] == nil {
                let rollout = rollouts[index]
                let (path, location) = Self.place(rollout, base: "\(section)[\(index)].rollout")
                warnings.append(
                    StaticWarning(
                        .neverInForce,
                        path: path,
                        location: location,
                        message:
                            "\(noun) '\(ids[index])' is never in force within the scenario's period (\(periodText)): "
                            + closedBecause(rollout, kind: kinds[index]),
                        hint: "start it within the period, or end the period later"
                    )
                )
            }
        }
        let s = scenario
        // Sources are tested for the kinds of subject they observe, as the engine opens them
        // (`Policy.sourceRollout`, `companySourceRollout`); the reason names companies only for a
        // source that observes companies alone.
        check(
            sourceOpen,
            s.sources.map(\.rollout),
            section: "sources",
            noun: "source",
            ids: s.sources.map(\.id),
            kinds: s.sources.map { source in
                source.observes.allSatisfy { s.subject(ofBehavior: $0.id) == .companies } && !source.observes.isEmpty
                    ? .companies : .people
            }
        )
        check(
            ruleOpen,
            s.rules.map(\.rollout),
            section: "rules",
            noun: "rule",
            ids: s.rules.map(\.id),
            kinds: s.rules.map { s.subject(ofBehavior: $0.behavior.id) }
        )
        check(
            listOpen,
            s.lists.map(\.rollout),
            section: "lists",
            noun: "list",
            ids: s.lists.map(\.id),
            kinds: s.lists.map(\.subject)
        )
        check(
            measureOpen,
            s.measures.map(\.rollout),
            section: "measures",
            noun: "measure",
            ids: s.measures.map(\.id),
            kinds: s.measures.map(\.subject)
        )
        check(
            spilloverOpen,
            s.spillovers.map(\.rollout),
            section: "spillovers",
            noun: "spillover",
            ids: s.spillovers.map(\.id),
            kinds: s.spillovers.map { _ in .people }
        )
        return warnings
    }

    /// Where to point for a rollout: its phase, else its start, else its end.
    private static func place(_ rollout: Rollout, base: String) -> (String, SourceLocation?) {
        if let phase = rollout.phase { return (phase.path.isEmpty ? "\(base).phase" : phase.path, phase.location) }
        if rollout.start != nil { return ("\(base).start", nil) }
        if rollout.end != nil { return ("\(base).end", nil) }
        return (base, nil)
    }

    /// Why a rollout that never opens within the period does not.
    private func closedBecause(_ rollout: Rollout, kind: SubjectKind) -> String {
        let (first, last) = (period.lowerBound, period.upperBound)
        if let phase = rollout.phase, let named = scenario.timeline.firstIndex(where: { $0.id == phase.id }) {
            guard let opening = scenario.timeline[named...].first(where: { $0.subjects.contains(kind) }) else {
                return "no phase from '\(phase.id)' on covers \(kind.rawValue)"
            }
            let which =
                opening.id == phase.id
                ? "phase '\(phase.id)'"
                : "the first phase from '\(phase.id)' on that covers \(kind.rawValue), '\(opening.id)',"
            if let end = rollout.end, end < max(opening.start, first) {
                return
                    "it ends \(end), before \(opening.start > first ? "\(which) starts (\(opening.start))" : "the period starts")"
            }
            return "\(which) starts \(opening.start), after the period ends"
        }
        if let start = rollout.start, start > last { return "it starts \(start), after the period ends" }
        if let end = rollout.end, end < first { return "it ends \(end), before the period starts" }
        return "it covers no region"
    }
}
