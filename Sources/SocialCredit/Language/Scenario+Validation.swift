/// Checks that make a scenario coherent as a whole: ids are unique, every reference names
/// something defined, tiers are ordered without gaps or overlaps, bounds hold.
///
/// Syntax and types are checked while reading; these checks need the whole scenario.
extension Scenario {
    func validate(into reader: NodeReader) {
        var check = ScenarioChecker(scenario: self, reader: reader)
        check.run()
    }
}

private struct ScenarioChecker {
    let scenario: Scenario
    let reader: NodeReader

    init(scenario: Scenario, reader: NodeReader) {
        self.scenario = scenario
        self.reader = reader
    }

    mutating func run() {
        uniqueIDs()
        limits()
        if !reader.unreadSections.contains("score") { scale(scenario.score, path: "score") }
        if let company = scenario.companyScore { scale(company, path: "company_score") }
        ratings()
        sources()
        rules()
        lists()
        listCycles()
        measures()
        spillovers()
        responses()
        timeline()
    }

    // MARK: Ids

    private func uniqueIDs() {
        duplicates(scenario.score.tiers.map(\.id), section: "score.tiers", noun: "tier")
        duplicates(scenario.companyScore?.tiers.map(\.id) ?? [], section: "company_score.tiers", noun: "tier")
        duplicates(scenario.behaviors.map(\.id), section: "behaviors", noun: "behaviour")
        duplicates(scenario.sources.map(\.id), section: "sources", noun: "source")
        duplicates(scenario.rules.map(\.id), section: "rules", noun: "rule")
        duplicates(scenario.lists.map(\.id), section: "lists", noun: "list")
        duplicates(scenario.actions.map(\.id), section: "actions", noun: "action")
        duplicates(scenario.measures.map(\.id), section: "measures", noun: "measure")
        duplicates(scenario.spillovers.map(\.id), section: "spillovers", noun: "spillover")
        duplicates(scenario.responses.map(\.id), section: "responses", noun: "response")
        duplicates(scenario.timeline.map(\.id), section: "timeline", noun: "phase")
        duplicates(scenario.ratings.map(\.id), section: "ratings", noun: "rating")
        duplicates(scenario.calibration?.targets.map(\.id) ?? [], section: "calibration.targets", noun: "target")
    }

    /// The engine keeps a subject's lists, spillovers, actions, responses and sources as bits of
    /// fixed-width words, and a record's rule in six bits; larger scenarios are refused here
    /// rather than misread later.
    private func limits() {
        let limits: [(section: String, count: Int, maximum: Int)] = [
            ("lists", scenario.lists.count, Scenario.maximumLists),
            ("spillovers", scenario.spillovers.count, Scenario.maximumSpillovers),
            ("actions", scenario.actions.count, Scenario.maximumActions),
            ("responses", scenario.responses.count, Scenario.maximumResponses),
            ("sources", scenario.sources.count, Scenario.maximumSources),
            ("rules", scenario.rules.count, Scenario.maximumRules),
            ("measures", scenario.measures.count, Scenario.maximumMeasures),
        ]
        for limit in limits where limit.count > limit.maximum {
            reader.error(
                "\(limit.count) \(limit.section), more than the engine's limit of \(limit.maximum)",
                nil,
                "\(limit.section)[\(limit.maximum)]",
                hint: "merge or remove some \(limit.section)"
            )
        }
    }

    private func duplicates(_ ids: [String], section: String, noun: String) {
        var first: [String: Int] = [:]
        for (index, id) in ids.enumerated() {
            if let earlier = first[id] {
                reader.error(
                    "duplicate \(noun) id '\(id)', already used by \(section)[\(earlier)]",
                    nil,
                    "\(section)[\(index)].id",
                    hint: "give each \(noun) its own id"
                )
            } else {
                first[id] = index
            }
        }
    }

    // MARK: Scores and tiers

    private func scale(_ scale: ScoreScale, path: String) {
        if scale.minimum >= scale.maximum {
            reader.error("minimum (\(scale.minimum)) must be below maximum (\(scale.maximum))", nil, "\(path).minimum")
        } else if !(scale.minimum...scale.maximum).contains(scale.initial) {
            reader.error(
                "initial score \(scale.initial) is outside \(scale.minimum)...\(scale.maximum)",
                nil,
                "\(path).initial"
            )
        }
        guard !scale.tiers.isEmpty else {
            reader.error("at least one tier is needed", nil, "\(path).tiers")
            return
        }
        if let first = scale.tiers.first, first.assignedOnly {
            reader.error(
                "the best tier '\(first.id)' cannot be 'assigned_only': scores above the next tier need a tier",
                nil,
                "\(path).tiers[0]",
                hint: "give it a 'min'"
            )
        }
        if scale.tiers.count > 1, let last = scale.tiers.last, last.assignedOnly {
            reader.error(
                "the worst tier '\(last.id)' cannot be 'assigned_only': the lowest scores need a tier",
                nil,
                "\(path).tiers[\(scale.tiers.count - 1)]",
                hint: "give it a 'min'"
            )
        }
        // Assigned-only tiers sit between banded ones and take no scores: bands are checked without them.
        let banded = scale.tiers.indices.filter { !scale.tiers[$0].assignedOnly }
        for (position, index) in banded.enumerated() {
            let tier = scale.tiers[index]
            let tierPath = "\(path).tiers[\(index)]"
            if let maximum = tier.maximum, maximum < tier.minimum {
                reader.error(
                    "tier '\(tier.id)' has max \(maximum) below its min \(tier.minimum)",
                    nil,
                    "\(tierPath).max"
                )
            }
            guard position > 0 else { continue }
            let better = scale.tiers[banded[position - 1]]
            if tier.minimum >= better.minimum {
                reader.error(
                    "tier '\(tier.id)' (min \(tier.minimum)) is out of order: tiers run from best to worst, "
                        + "so its min must be below that of '\(better.id)' (min \(better.minimum))",
                    nil,
                    "\(tierPath).min"
                )
            } else if let maximum = tier.maximum, maximum >= better.minimum {
                reader.error(
                    "tier '\(tier.id)' (\(tier.minimum)-\(maximum)) overlaps tier '\(better.id)' from \(better.minimum)",
                    nil,
                    "\(tierPath).max",
                    hint: "set max to \(better.minimum - 1)"
                )
            } else if let maximum = tier.maximum, maximum < better.minimum - 1 {
                reader.error(
                    "scores \(maximum + 1)-\(better.minimum - 1) fall between tier '\(tier.id)' and tier '\(better.id)'",
                    nil,
                    "\(tierPath).max",
                    hint: "set max to \(better.minimum - 1)"
                )
            }
        }
        if let lowest = scale.tiers.last, !lowest.assignedOnly, lowest.minimum > scale.minimum {
            reader.error(
                "scores \(scale.minimum)-\(lowest.minimum - 1) have no tier: the worst tier '\(lowest.id)' starts at \(lowest.minimum)",
                nil,
                "\(path).tiers[\(scale.tiers.count - 1)].min",
                hint: "set its min to \(scale.minimum)"
            )
        }
        if let top = scale.tiers.first, let maximum = top.maximum, maximum < scale.maximum {
            reader.error(
                "scores \(maximum + 1)-\(scale.maximum) have no tier: the best tier '\(top.id)' ends at \(maximum)",
                nil,
                "\(path).tiers[0].max",
                hint: "remove its max or set it to \(scale.maximum)"
            )
        }
    }

    // MARK: References

    private func resolve(_ reference: Reference, in ids: [String], noun: String, defineIn section: String) {
        guard !ids.contains(reference.id), !reference.id.isEmpty else { return }
        reader.error(
            "unknown \(noun) '\(reference.id)'",
            at: reference.location,
            reference.path,
            hint: Suggestion.hint(for: reference.id, in: ids)
                ?? (ids.isEmpty
                    ? "no \(noun) is defined: add one under '\(section)'" : "defined: \(ids.joined(separator: ", "))")
        )
    }

    private var behaviorIDs: [String] { scenario.behaviors.map(\.id) }
    private var listIDs: [String] { scenario.lists.map(\.id) }
    private var actionIDs: [String] { scenario.actions.map(\.id) }

    private func behavior(_ r: Reference) { resolve(r, in: behaviorIDs, noun: "behaviour", defineIn: "behaviors") }
    private func list(_ r: Reference) { resolve(r, in: listIDs, noun: "list", defineIn: "lists") }
    private func action(_ r: Reference) { resolve(r, in: actionIDs, noun: "action", defineIn: "actions") }

    /// Tier ids of a subject kind's ratings, with the rating that defines each.
    private func ratingTiers(of subject: SubjectKind) -> [(tier: String, rating: String)] {
        scenario.ratings.filter { $0.subject == subject }.flatMap { rating in
            rating.scale.tiers.map { ($0.id, rating.id) }
        }
    }

    /// A tier named by a condition: of the main scale or of one of the kind's ratings.
    private func anyTier(_ r: Reference, of subject: SubjectKind) {
        let ratingIDs = ratingTiers(of: subject).map(\.tier)
        if ratingIDs.contains(r.id) { return }
        let main: [String]?
        switch subject {
        case .people:
            guard !reader.unreadSections.contains("score") else { return }
            main = scenario.score.tiers.map(\.id)
        case .companies:
            guard !reader.unreadSections.contains("company_score") else { return }
            main = scenario.companyScore?.tiers.map(\.id)
        }
        guard main != nil || !ratingIDs.isEmpty else { return tier(r, of: subject) }
        resolve(
            r,
            in: (main ?? []) + ratingIDs,
            noun: subject == .people ? "tier" : "company tier",
            defineIn: subject == .people ? "score.tiers" : "company_score.tiers"
        )
    }

    private func tier(_ r: Reference, of subject: SubjectKind) {
        if let owner = ratingTiers(of: subject).first(where: { $0.tier == r.id }) {
            reader.error(
                "tier '\(r.id)' belongs to rating '\(owner.rating)': tier ceilings apply to the main score",
                at: r.location,
                r.path,
                hint: "lower the rating with a negative 'delta' instead"
            )
            return
        }
        switch subject {
        case .people:
            guard !reader.unreadSections.contains("score") else { return }
            resolve(r, in: scenario.score.tiers.map(\.id), noun: "tier", defineIn: "score.tiers")
        case .companies:
            guard !reader.unreadSections.contains("company_score") else { return }
            guard let company = scenario.companyScore else {
                reader.error(
                    "tier '\(r.id)' is a company tier, but no company_score is defined",
                    at: r.location,
                    r.path,
                    hint: "add a 'company_score' section with tiers"
                )
                return
            }
            resolve(r, in: company.tiers.map(\.id), noun: "company tier", defineIn: "company_score.tiers")
        }
    }

    private func condition(_ condition: Condition, subject: SubjectKind) {
        switch condition {
        case let .listed(r): list(r)
        case let .tierAtMost(r), let .tierAtLeast(r): anyTier(r, of: subject)
        case .scoreBelow, .scoreAtLeast, .cleanFor: break
        case let .all(parts), let .any(parts):
            for part in parts { self.condition(part, subject: subject) }
        }
    }

    private func rollout(_ rollout: Rollout) {
        if let phase = rollout.phase {
            resolve(phase, in: scenario.timeline.map(\.id), noun: "phase", defineIn: "timeline")
        }
    }

    private func subject(of behaviorID: String) -> SubjectKind {
        scenario.subject(ofBehavior: behaviorID)
    }

    // MARK: Sections

    private func ratings() {
        if scenario.ratings.count > 8 {
            reader.error("at most 8 ratings are supported, found \(scenario.ratings.count)", nil, "ratings[8]")
        }
        for (index, rating) in scenario.ratings.enumerated() {
            let path = "ratings[\(index)].scale"
            scale(rating.scale, path: path)
            duplicates(rating.scale.tiers.map(\.id), section: "\(path).tiers", noun: "tier")
            if rating.scale.tiers.count > 254 {
                reader.error("at most 254 tiers per rating, found \(rating.scale.tiers.count)", nil, "\(path).tiers")
            }
            // Conditions name tiers by id alone: ids must say which scale they belong to.
            let main =
                rating.subject == .people
                ? scenario.score.tiers.map(\.id) : scenario.companyScore?.tiers.map(\.id) ?? []
            let others = scenario.ratings[..<index].filter { $0.subject == rating.subject }
            for (t, tier) in rating.scale.tiers.enumerated() {
                let owner =
                    main.contains(tier.id)
                    ? (rating.subject == .people ? "score" : "company_score")
                    : others.first { $0.scale.tiers.contains { $0.id == tier.id } }.map { "rating '\($0.id)'" }
                if let owner {
                    reader.error(
                        "tier id '\(tier.id)' is already used by \(owner): conditions name tiers by id, so "
                            + "every tier of the \(rating.subject.rawValue)'s scales needs its own id",
                        nil,
                        "\(path).tiers[\(t)].id",
                        hint: "e.g. '\(rating.id)_\(tier.id)'"
                    )
                }
            }
            if rating.scoreWeight != nil && rating.subject == .companies && scenario.companyScore == nil {
                reader.error(
                    "'score_weight' feeds the company score, but no company_score is defined",
                    nil,
                    "ratings[\(index)].score_weight"
                )
            }
        }
    }

    private func sources() {
        for source in scenario.sources {
            source.observes.forEach(behavior)
            rollout(source.rollout)
        }
    }

    private func rules() {
        let sourceIDs = scenario.sources.map(\.id)
        for (index, rule) in scenario.rules.enumerated() {
            behavior(rule.behavior)
            for source in rule.sources { resolve(source, in: sourceIDs, noun: "source", defineIn: "sources") }
            let subject = subject(of: rule.behavior.id)
            if let listRef = rule.list {
                list(listRef)
                if scenario.lists.first(where: { $0.id == listRef.id })?.entry != nil {
                    reader.error(
                        "list '\(listRef.id)' follows its 'entry' condition, so rules cannot put anyone on it",
                        at: listRef.location,
                        listRef.path,
                        hint: "remove the rule's 'list' or the list's 'entry'"
                    )
                }
                if let target = scenario.lists.first(where: { $0.id == listRef.id }), target.subject != subject {
                    reader.error(
                        "list '\(target.id)' holds \(target.subject.rawValue), but behaviour "
                            + "'\(rule.behavior.id)' is done by \(subject.rawValue)",
                        at: listRef.location,
                        listRef.path
                    )
                }
            }
            if let ceiling = rule.tierCeiling { tier(ceiling, of: subject) }
            if let ratingRef = rule.rating {
                let ids = scenario.ratings.map(\.id)
                resolve(ratingRef, in: ids, noun: "rating", defineIn: "ratings")
                if let target = scenario.ratings.first(where: { $0.id == ratingRef.id }), target.subject != subject {
                    reader.error(
                        "rating '\(target.id)' rates \(target.subject.rawValue), but behaviour "
                            + "'\(rule.behavior.id)' is done by \(subject.rawValue)",
                        at: ratingRef.location,
                        ratingRef.path
                    )
                }
            }
            rollout(rule.rollout)
            if let judged = scenario.behaviors.first(where: { $0.id == rule.behavior.id }) {
                if judged.conduct == .conforming && rule.delta < 0 || judged.conduct == .contradictory && rule.delta > 0
                {
                    reader.warning(
                        "rule gives \(rule.delta) points for \(judged.conduct.rawValue) behaviour '\(judged.id)'",
                        at: nil,
                        "rules[\(index)].delta"
                    )
                }
            }
        }
    }

    private func lists() {
        for list in scenario.lists {
            list.removal?.on.forEach(behavior)
            if let entry = list.entry { condition(entry, subject: list.subject) }
            rollout(list.rollout)
        }
    }

    /// A list's entry may not depend on itself: who is on it would depend on the order lists are
    /// settled in. One error per cycle, at the first list's reference to the next.
    private func listCycles() {
        for cycle in scenario.listCycles() {
            let path = cycle.reference.path.isEmpty ? "lists[\(cycle.start)].entry" : cycle.reference.path
            reader.error(
                "the entry condition of list '\(scenario.lists[cycle.start].id)' depends on itself (\(cycle.names)): "
                    + "who is on it would depend on the order lists are settled in",
                at: cycle.reference.location,
                path,
                hint: "test a tier or a score instead of the list"
            )
        }
    }

    private func measures() {
        for (index, measure) in scenario.measures.enumerated() {
            if let target = measure.action {
                action(target)
                if let gated = scenario.actions.first(where: { $0.id == target.id }),
                    gated.who.contains(.companies) != (measure.subject == .companies)
                {
                    reader.error(
                        "measure for \(measure.subject.rawValue) gates action '\(gated.id)', which "
                            + "\(gated.who.contains(.companies) ? "companies" : "people") attempt",
                        nil,
                        "measures[\(index)].action"
                    )
                }
            }
            condition(measure.when, subject: measure.subject)
            rollout(measure.rollout)
        }
    }

    private func spillovers() {
        for spillover in scenario.spillovers {
            condition(spillover.when, subject: spillover.link == .employer ? .companies : .people)
            switch spillover.effect {
            case let .block(r), let .reward(r): action(r)
            case let .tierCeiling(r): tier(r, of: .people)
            case .delta: break
            }
            rollout(spillover.rollout)
        }
    }

    private func responses() {
        for response in scenario.responses { response.behaviors.forEach(behavior) }
    }

    private func timeline() {
        for index in scenario.timeline.indices.dropFirst()
        where scenario.timeline[index].start < scenario.timeline[index - 1].start {
            reader.error(
                "phase '\(scenario.timeline[index].id)' starts before the phase listed above it: "
                    + "list phases in date order",
                nil,
                "timeline[\(index)].start"
            )
        }
    }
}
