/// What a valid scenario can do within its period, worked out once from the file for its static
/// warnings. Every answer over-approximates: "can act" may be wrong, "never acts" may not.
///
/// Windows come from the compiled `Policy`, so a part is in force here exactly when the engine
/// has it in force.
struct ScenarioAnalysis {
    let scenario: Scenario
    let policy: Policy
    /// The scenario's own period.
    let period: ClosedRange<Day>
    /// Per source, rule, list, measure and spillover: the days of the period from its first open
    /// day on (nil: never in force within the period). A source's is for the kinds of subject whose
    /// behaviours it observes (see `sourceOpen(_:behavior:)` for one behaviour's).
    let sourceOpen: [ClosedRange<Day>?]
    /// Per source, the days it is in force for people's behaviours, and for companies'.
    let peopleSourceOpen: [ClosedRange<Day>?]
    let companySourceOpen: [ClosedRange<Day>?]
    let ruleOpen: [ClosedRange<Day>?]
    let listOpen: [ClosedRange<Day>?]
    let measureOpen: [ClosedRange<Day>?]
    let spilloverOpen: [ClosedRange<Day>?]
    /// Per behaviour, the sources that observe it.
    let observers: [[Int]]
    /// Per rule, the recorded days on which a record it judges can arrive and count (nil: never).
    let ruleActs: [ClosedRange<Day>?]
    /// The least fixpoint of lists entered and spillovers acting, with the scores it allows.
    let reach: Reach

    init(_ scenario: Scenario) throws {
        self.scenario = scenario
        policy = try Policy(scenario)
        let period = scenario.period.start...scenario.period.end
        self.period = period
        let peopleOpen = policy.sourceRollout.map { $0.openSpan(within: period) }
        let companyOpen = policy.companySourceRollout.map { $0.openSpan(within: period) }
        peopleSourceOpen = peopleOpen
        companySourceOpen = companyOpen
        sourceOpen = scenario.sources.indices.map { k in
            let kinds = Set(scenario.sources[k].observes.map { scenario.subject(ofBehavior: $0.id) })
            let spans =
                (kinds.contains(.people) || kinds.isEmpty ? [peopleOpen[k]] : [])
                + (kinds.contains(.companies) ? [companyOpen[k]] : [])
            let open = spans.compactMap { $0 }
            guard let first = open.map(\.lowerBound).min(), let last = open.map(\.upperBound).max() else { return nil }
            return first...last
        }
        ruleOpen = policy.ruleRollout.map { $0.openSpan(within: period) }
        listOpen = policy.listRollout.map { $0.openSpan(within: period) }
        measureOpen = policy.measureRollout.map { $0.openSpan(within: period) }
        spilloverOpen = policy.spilloverRollout.map { $0.openSpan(within: period) }
        observers = scenario.behaviors.map { behavior in
            scenario.sources.indices.filter { scenario.sources[$0].observes.contains { $0.id == behavior.id } }
        }
        var acts: [ClosedRange<Day>?] = []
        for (index, rule) in scenario.rules.enumerated() {
            let companies = scenario.subject(ofBehavior: rule.behavior.id) == .companies
            acts.append(
                Self.acting(
                    rule,
                    open: ruleOpen[index],
                    sources: policy.ruleSources[index],
                    observers: observers[policy.behaviorIndex[rule.behavior.id]!],
                    scenario: scenario,
                    sourceOpen: companies ? companyOpen : peopleOpen,
                    period: period
                )
            )
        }
        ruleActs = acts
        reach = Reach.fixpoint(scenario: scenario, ruleActs: acts, listOpen: listOpen, spilloverOpen: spilloverOpen)
    }

    /// The days on which a source's records can arrive within the period: it records on the days
    /// it is in force (with coverage above 0), and each record arrives `delay_days` later.
    static func arrivals(_ source: Source, open: ClosedRange<Day>?, period: ClosedRange<Day>) -> ClosedRange<Day>? {
        guard source.coverage > 0, let open else { return nil }
        let first = open.lowerBound.adding(days: source.delayDays)
        let last = min(open.upperBound.adding(days: source.delayDays), period.upperBound)
        return first <= last ? first...last : nil
    }

    /// The recorded days on which a rule can judge a record that counts: the behaviour occurs,
    /// the authority does not always judge otherwise, and some accepted source's records arrive
    /// while the rule is in force.
    private static func acting(
        _ rule: Rule,
        open: ClosedRange<Day>?,
        sources accepted: Set<Int>,
        observers: [Int],
        scenario: Scenario,
        sourceOpen: [ClosedRange<Day>?],
        period: ClosedRange<Day>
    ) -> ClosedRange<Day>? {
        guard let open, rule.discretion < 1,
            scenario.behaviors.first(where: { $0.id == rule.behavior.id })!.rate.perYear > 0
        else { return nil }
        var hull: ClosedRange<Day>?
        for k in observers where accepted.isEmpty || accepted.contains(k) {
            guard let arriving = arrivals(scenario.sources[k], open: sourceOpen[k], period: period),
                arriving.overlaps(open)
            else { continue }
            let both = arriving.clamped(to: open)
            hull = hull.map { min($0.lowerBound, both.lowerBound)...max($0.upperBound, both.upperBound) } ?? both
        }
        return hull
    }

    /// The days source `source` is in force for behaviour `behavior`: its window for the kind of
    /// subject that does it.
    func sourceOpen(_ source: Int, behavior: Int) -> ClosedRange<Day>? {
        scenario.subject(ofBehavior: scenario.behaviors[behavior].id) == .companies
            ? companySourceOpen[source] : peopleSourceOpen[source]
    }

    /// "2014-01-01 to 2020-12-31", for messages.
    var periodText: String { "\(period.lowerBound) to \(period.upperBound)" }
}
