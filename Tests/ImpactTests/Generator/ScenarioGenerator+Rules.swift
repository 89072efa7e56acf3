import Foundation

/// Sources, lists and rules.
extension GenScenarioBuilder {
    // MARK: sources

    /// `sources`: two to five sources that together observe every behaviour, some with false
    /// attributions (for appeals against false records), delays and rollouts.
    mutating func writeSources() {
        let count = min(behaviors.count, rng.int(2...4))
        var observes = [[String]](repeating: [], count: count)
        for (index, behavior) in rng.shuffled(behaviors).enumerated() {
            let first = index < count ? index : rng.below(count)
            observes[first].append(behavior.id)
            let second = rng.below(count)
            if second != first && rng.chance(0.2) { observes[second].append(behavior.id) }
        }
        var items: [[GenField]] = []
        for index in 0..<count {
            let id = "src\(index + 1)"
            let ordered = behaviors.map(\.id).filter { observes[index].contains($0) }
            sources.append(GenSource(id: id, observes: ordered))
            var fields = [GenField("id", id)]
            if rng.chance(0.4) { fields.append(GenField("label", yamlQuoted("Source \(id)"))) }
            if rng.chance(0.8), let word = rng.element(GenKeyCatalog.operators) {
                fields.append(GenField("operator", word, uses: ["sources[].operator=\(word)"]))
            }
            let single = ordered.count == 1 && rng.chance(0.5)
            fields.append(GenField("observes", single ? ordered[0] : yamlList(ordered)))
            let coverage = rng.hundredths(60...100)
            fields.append(GenField("coverage", yamlNumber(coverage)))
            if rng.chance(0.5) { fields.append(GenField("false_attribution", yamlNumber(rng.hundredths(2...15)))) }
            if rng.chance(0.5) { fields.append(GenField("delay_days", "\(rng.int(0...45))")) }
            if rng.chance(0.25) { fields.append(rollout(base: "sources[]")) }
            if rng.chance(0.2) {
                fitCandidates.append(
                    GenFitCandidate(
                        path: "sources.\(id).coverage",
                        minimum: 0.3,
                        maximum: 1,
                        whole: false
                    )
                )
            }
            items.append(fields)
        }
        document.sequence("sources", items)
    }

    // MARK: lists

    /// The lists, before rules refer to them: black lists of people filled by rules, perhaps a
    /// red one, lists that follow an `entry` condition, and company lists. At most 8.
    mutating func planLists() {
        var planned: [GenList] = []
        for index in 0..<rng.int(1...3) {
            planned.append(GenList(id: "p_black\(index + 1)", black: true, company: false, entry: false))
        }
        if rng.chance(0.4) { planned.append(GenList(id: "p_red1", black: false, company: false, entry: false)) }
        if companies {
            for index in 0..<rng.int(0...2) {
                planned.append(GenList(id: "c_black\(index + 1)", black: true, company: true, entry: false))
            }
        }
        // Condition-filled lists come after the rule-filled ones, so that they can test them.
        for index in 0..<rng.int(0...2) {
            let black = rng.chance(0.5)
            planned.append(
                GenList(id: "p_\(black ? "low" : "high")\(index + 1)", black: black, company: false, entry: true)
            )
        }
        if companies && rng.chance(0.5) {
            planned.append(GenList(id: "c_entry1", black: rng.chance(0.5), company: true, entry: true))
        }
        lists = Array(planned.prefix(8))
    }

    /// `lists`: terms, extensions with and without a most, credit repair with delays and
    /// minimum days, entry conditions, publication and rollouts.
    mutating func writeLists() {
        var items: [[GenField]] = []
        for (index, list) in lists.enumerated() {
            var fields = [GenField("id", list.id)]
            if rng.chance(0.4) { fields.append(GenField("label", yamlQuoted("List \(list.id)"))) }
            fields.append(
                GenField("kind", list.black ? "black" : "red", uses: ["lists[].kind=\(list.black ? "black" : "red")"])
            )
            if list.company {
                fields.append(GenField("subject", "companies", uses: ["lists[].subject=companies"]))
            } else if rng.chance(0.4) {
                fields.append(GenField("subject", "people", uses: ["lists[].subject=people"]))
            }
            // Terms, extensions and repair apply to rule-filled lists; an entry list rarely has
            // them too (the engine must ignore them).
            if !list.entry || rng.chance(0.08) { fields += termFields(list) }
            if list.entry {
                let above = Array(lists.prefix(index))
                let entry = condition(list.company ? .companies : .people, list.black ? .bad : .good, lists: above)
                fields.append(GenField("entry", entry.text, uses: entry.uses))
            }
            if rng.chance(0.6) { fields.append(GenField("published", rng.chance(0.7) ? "true" : "false")) }
            if rng.chance(0.25) { fields.append(rollout(base: "lists[]")) }
            items.append(fields)
        }
        document.sequence("lists", items)
    }

    /// A rule-filled list's term, extensions and credit repair.
    mutating func termFields(_ list: GenList) -> [GenField] {
        var fields: [GenField] = []
        let hasTerm = rng.chance(0.8)
        if hasTerm { fields.append(GenField("term_days", "\(rng.int(60...540))")) }
        if rng.chance(hasTerm ? 0.6 : 0.1) {
            fields.append(GenField("extension_days", "\(rng.int(20...240))"))
            if rng.chance(0.5) { fields.append(GenField("max_extension_days", "\(rng.int(20...400))")) }
        }
        let repairs = behaviors.filter { $0.company == list.company && $0.repair }
        let fallback = behaviors.filter { $0.company == list.company && $0.conforming }
        let candidates = repairs.isEmpty ? fallback : repairs
        if !candidates.isEmpty && rng.chance(0.75) {
            let on = rng.subset(candidates.map(\.id), count: rng.int(1...2))
            var pairs: [(String, String)] = [("on", on.count == 1 && rng.chance(0.4) ? on[0] : yamlList(on))]
            var uses: Set<String> = ["lists[].removal.on"]
            if rng.chance(0.6) {
                pairs.append(("delay_days", "\(rng.int(0...30))"))
                uses.insert("lists[].removal.delay_days")
            }
            if rng.chance(0.5) {
                pairs.append(("minimum_days", "\(rng.int(0...120))"))
                uses.insert("lists[].removal.minimum_days")
            }
            fields.append(GenField("removal", yamlFlow(pairs), uses: uses))
        }
        return fields
    }

    // MARK: rules

    /// Which rules there are and which list each fills: every rule-filled list gets at least
    /// one rule, on a behaviour of its subject (black lists on contradictory behaviour, red
    /// ones on conforming behaviour).
    mutating func planRules() {
        var plans: [GenRulePlan] = []
        for behavior in behaviors {
            let count = behavior.repair ? (rng.chance(0.3) ? 1 : 0) : (rng.chance(0.35) ? 2 : 1)
            for _ in 0..<count { plans.append(GenRulePlan(id: "", behavior: behavior, list: nil, rating: nil)) }
        }
        for list in lists where !list.entry {
            let fits = plans.indices.filter {
                plans[$0].behavior.company == list.company && plans[$0].behavior.conforming != list.black
                    && !plans[$0].behavior.repair
            }
            let free = fits.filter { plans[$0].list == nil }
            if let index = rng.element(free) {
                plans[index].list = list
            } else if let index = rng.element(fits) {
                plans.append(GenRulePlan(id: "", behavior: plans[index].behavior, list: list, rating: nil))
            }
        }
        // More listing rules, so that lists have several triggers (extensions across behaviours).
        for index in plans.indices where plans[index].list == nil && !plans[index].behavior.repair && rng.chance(0.3) {
            let behavior = plans[index].behavior
            let fitting = lists.filter {
                !$0.entry && $0.company == behavior.company && $0.black != behavior.conforming
            }
            plans[index].list = rng.element(fitting)
        }
        // Every rating is moved by at least one rule, some by more.
        for rating in ratings {
            let fits = plans.indices.filter { plans[$0].behavior.company == rating.company && plans[$0].rating == nil }
            if let index = rng.element(fits) { plans[index].rating = rating }
        }
        for index in plans.indices where plans[index].rating == nil && rng.chance(0.2) {
            let behavior = plans[index].behavior
            plans[index].rating = rng.element(ratings.filter { $0.company == behavior.company })
        }
        for index in plans.indices { plans[index].id = "rule\(index + 1)" }
        rulePlans = Array(plans.prefix(63))
    }

    /// `rules`: points (or rating points), caps, lifetimes, discretion, listings with their own
    /// terms, tier ceilings, source filters and rollouts.
    mutating func writeRules() {
        var items: [[GenField]] = []
        for plan in rulePlans { items.append(rule(plan)) }
        document.sequence("rules", items)
    }

    /// One rule; it always has an effect, and its points have the sign of its behaviour.
    mutating func rule(_ plan: GenRulePlan) -> [GenField] {
        let behavior = plan.behavior
        var fields = [GenField("id", plan.id)]
        if rng.chance(0.3) { fields.append(GenField("label", yamlQuoted("Rule \(plan.id): \(behavior.id)"))) }
        fields.append(GenField("behavior", behavior.id))
        let observers = sources.filter { $0.observes.contains(behavior.id) }.map(\.id)
        if rng.chance(0.2) && !observers.isEmpty {
            let chosen = rng.subset(observers, count: rng.int(1...observers.count))
            fields.append(GenField("sources", chosen.count == 1 && rng.chance(0.5) ? chosen[0] : yamlList(chosen)))
        }
        let rating = plan.rating
        let scale = rating?.scale ?? (behavior.company ? companyScore : score)
        let unit = scale?.unit ?? 10
        let ceilingScale = behavior.company ? companyScore : score
        let ceiling = rng.chance(behavior.conforming ? 0.05 : 0.3) ? ceilingTier(ceilingScale) : nil
        // Points: most rules have them; a listing or ceiling rule may do without.
        var delta: Int?
        if plan.list == nil && ceiling == nil || rating != nil || rng.chance(0.7) {
            // Rewards are smaller than deductions, so that scores do not all drift to the top.
            let size = unit * (behavior.conforming ? rng.int(1...2) : rng.int(1...4)) + rng.int(0...max(0, unit / 2))
            delta = behavior.conforming ? size : -size
        } else if rng.chance(0.3) {
            delta = 0
        }
        if let delta { fields.append(GenField("delta", "\(delta)")) }
        if let rating { fields.append(GenField("rating", rating.id)) }
        if let delta, delta != 0 {
            if rng.chance(0.4) {
                let cap = rng.chance(0.05) ? 0 : abs(delta) * rng.int(1...3) + rng.int(0...abs(delta) - 1)
                fields.append(GenField("cap_per_year", "\(cap)"))
            }
            if delta < 0 && rng.chance(0.25) {
                fitCandidates.append(
                    GenFitCandidate(
                        path: "rules.\(plan.id).delta",
                        minimum: Double(delta * 2),
                        maximum: -1,
                        whole: true
                    )
                )
            }
        }
        if rng.chance(0.5) { fields.append(GenField("lifetime_days", "\(rng.int(60...720))")) }
        if rng.chance(0.3) { fields.append(GenField("discretion", yamlNumber(rng.hundredths(5...30)))) }
        if let list = plan.list {
            fields.append(GenField("list", list.id))
            if rng.chance(0.3) { fields.append(GenField("list_term_days", "\(rng.int(60...720))")) }
        }
        if let ceiling { fields.append(GenField("tier_ceiling", ceiling)) }
        if rng.chance(0.2) { fields.append(rollout(base: "rules[]")) }
        return fields
    }

    /// A tier for a ceiling: usually one worse than the start, so that it bites.
    mutating func ceilingTier(_ scale: GenScale?) -> String? {
        guard let scale else { return nil }
        return rng.chance(0.8) ? rng.element(scale.worse) ?? rng.element(scale.belowBest) : rng.element(scale.belowBest)
    }

}
