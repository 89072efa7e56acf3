import Foundation

/// Actions, measures, spillovers, appeals and responses.
extension GenScenarioBuilder {
    // MARK: actions

    /// `actions`: what people attempt often (so that blocks and rewards are seen), what school
    /// children attempt (parents' spillovers), and with companies what companies attempt.
    mutating func writeActions() {
        var items: [[GenField]] = []
        for index in 1...rng.int(2...3) {
            let group = rng.pick("adults", "adults", "everyone", "drivers", "employees", "internet_users", "parents")
            items.append(action(id: "p_act\(index)", groups: [group], company: false, school: false))
        }
        if rng.chance(0.75) {
            items.append(action(id: "enrol_school", groups: ["school_children"], company: false, school: true))
        }
        if companies {
            for index in 1...rng.int(1...3) {
                items.append(action(id: "c_act\(index)", groups: ["companies"], company: true, school: false))
            }
        }
        document.sequence("actions", items)
    }

    /// One action, attempted one to four times a year.
    mutating func action(id: String, groups: [String], company: Bool, school: Bool) -> [GenField] {
        actions.append(GenAction(id: id, company: company, school: school))
        var fields = [GenField("id", id)]
        if rng.chance(0.4) { fields.append(GenField("label", yamlQuoted("Action \(id)"))) }
        if let who = whoText(groups) { fields.append(whoField(who, groups: groups)) }
        fields.append(GenField("rate", yamlNumber(rng.tenths(school ? 10...30 : 10...40))))
        if rng.chance(0.3) { fields.append(GenField("dispersion", yamlNumber(rng.tenths(3...15)))) }
        if !company && rng.chance(0.25) { fields.append(varies(base: "actions[]")) }
        return fields
    }

    // MARK: measures

    /// `measures`: blocks on bad standings, rewards on good ones, notices; for people and
    /// for companies.
    mutating func writeMeasures() {
        var items: [[GenField]] = []
        var blocks = 0
        var rewards = 0
        for action in actions {
            let general = !action.school && !action.company
            if rng.chance(action.school ? 0.3 : (action.company ? 0.7 : 0.6)) {
                items.append(measure(id: "m\(items.count + 1)", kind: "block", action: action))
                if general { blocks += 1 }
            }
            if rng.chance(action.school ? 0.3 : 0.45) {
                items.append(measure(id: "m\(items.count + 1)", kind: "reward", action: action))
                if general { rewards += 1 }
            }
        }
        // At least one block and one reward on what adults attempt, so that both are seen.
        if let general = actions.first(where: { !$0.company && !$0.school }) {
            if blocks == 0 { items.append(measure(id: "m\(items.count + 1)", kind: "block", action: general)) }
            if rewards == 0 { items.append(measure(id: "m\(items.count + 1)", kind: "reward", action: general)) }
        }
        for _ in 0..<(rng.chance(0.8) ? rng.int(1...2) : 0) {
            items.append(notice(id: "m\(items.count + 1)", company: false))
        }
        if companies && rng.chance(0.5) { items.append(notice(id: "m\(items.count + 1)", company: true)) }
        document.sequence("measures", items)
    }

    /// A block or reward measure on an action.
    mutating func measure(id: String, kind: String, action: GenAction) -> [GenField] {
        var fields = [GenField("id", id)]
        if rng.chance(0.3) { fields.append(GenField("label", yamlQuoted("Measure \(id)"))) }
        fields.append(GenField("kind", kind, uses: ["measures[].kind=\(kind)"]))
        fields += subjectFields(company: action.company)
        fields.append(GenField("action", action.id))
        if kind == "reward" && rng.chance(0.8) {
            let share = rng.chance(0.5)
            fields.append(GenField("benefit", share ? yamlNumber(rng.hundredths(5...50)) : "\(rng.int(1...10) * 50)"))
            if rng.chance(0.8) {
                fields.append(GenField("unit", share ? "share" : rng.pick("yuan", "points", "months")))
            }
        }
        let when = condition(action.company ? .companies : .people, kind == "block" ? .bad : .good, lists: lists)
        fields.append(GenField("when", when.text, uses: when.uses))
        if rng.chance(0.2) { fields.append(rollout(base: "measures[]")) }
        return fields
    }

    /// A notice measure on a channel.
    mutating func notice(id: String, company: Bool) -> [GenField] {
        var fields = [GenField("id", id)]
        if rng.chance(0.3) { fields.append(GenField("label", yamlQuoted("Notice \(id)"))) }
        fields.append(GenField("kind", "notice", uses: ["measures[].kind=notice"]))
        fields += subjectFields(company: company)
        fields.append(
            GenField("channel", rng.pick("ringtone_warning", "name_published", "public_screen", "sms_warning"))
        )
        let when = condition(company ? .companies : .people, rng.chance(0.7) ? .bad : .good, lists: lists)
        fields.append(GenField("when", when.text, uses: when.uses))
        if rng.chance(0.2) { fields.append(rollout(base: "measures[]")) }
        return fields
    }

    /// A measure's `subject`: always written for companies, sometimes for people (the default).
    mutating func subjectFields(company: Bool) -> [GenField] {
        if company { return [GenField("subject", "companies", uses: ["measures[].subject=companies"])] }
        return rng.chance(0.4) ? [GenField("subject", "people", uses: ["measures[].subject=people"])] : []
    }

    // MARK: spillovers

    /// `spillovers`: along parents, spouses, friends and employers, with every effect. At most 16.
    mutating func writeSpillovers() {
        var links: [String] = []
        if rng.chance(0.8) { links.append("parents") }
        if rng.chance(0.65) { links.append("spouse") }
        if rng.chance(0.65) { links.append("friends") }
        if companies && rng.chance(0.7) { links.append("employer") }
        var items: [[GenField]] = []
        for link in links {
            for _ in 0..<(rng.chance(0.35) ? 2 : 1) where items.count < 16 {
                items.append(spillover(id: "spill\(items.count + 1)", link: link))
            }
        }
        document.sequence("spillovers", items)
    }

    /// One spillover: a condition on the linked subject and an effect on the person reached.
    mutating func spillover(id: String, link: String) -> [GenField] {
        let peopleActions = actions.filter { !$0.company }
        let childActions = peopleActions.filter(\.school)
        let targets = link == "parents" && !childActions.isEmpty ? childActions : peopleActions.filter { !$0.school }
        var effects = ["delta", "tier_ceiling"]
        if !targets.isEmpty { effects += ["block", "reward", "block"] }
        let effect = rng.element(effects) ?? "delta"
        let polarity: GenPolarity = effect == "reward" || effect == "delta" && rng.chance(0.25) ? .good : .bad
        var fields = [GenField("id", id)]
        if rng.chance(0.3) { fields.append(GenField("label", yamlQuoted("Spillover \(id) through \(link)"))) }
        fields.append(GenField("link", link, uses: ["spillovers[].link=\(link)"]))
        // Few children and spouses are reached: a bad standing of either kind widens the reach.
        let broad = polarity == .bad && (link == "parents" || link == "spouse") && rng.chance(0.6)
        let scope: GenScope = link == "employer" ? .companies : .people
        let when =
            broad
            ? composite("any", scope, polarity, lists: lists, depth: 1)
            : condition(scope, polarity, lists: lists)
        fields.append(GenField("when", when.text, uses: when.uses))
        if link == "friends" {
            fields.append(
                GenField("share", yamlNumber(polarity == .bad ? rng.hundredths(5...30) : rng.hundredths(30...80)))
            )
        }
        let value: String
        switch effect {
        case "block", "reward":
            value = rng.element(targets)?.id ?? "none"
        case "tier_ceiling":
            value = ceilingTier(score) ?? score.tiers[0]
        default:
            value = polarity == .good ? "\(score.unit * rng.int(1...2))" : "-\(score.unit * rng.int(1...4))"
        }
        fields.append(GenField("effect", yamlFlow([(effect, value)]), uses: ["spillovers[].effect.\(effect)"]))
        if rng.chance(0.2) { fields.append(rollout(base: "spillovers[]")) }
        return fields
    }

    // MARK: appeals

    /// `appeals`: enough contests and successes that records are both overturned and upheld.
    mutating func writeAppeals() {
        guard rng.chance(0.85) else { return }
        var fields: [GenField] = []
        for (key, trueRange, falseRange) in [("contest", 5...40, 30...90), ("success", 10...60, 40...90)]
        where rng.chance(0.95) {
            var pairs: [(String, String)] = []
            var uses: Set<String> = []
            if rng.chance(0.85) {
                pairs.append(("true_records", yamlNumber(rng.hundredths(trueRange))))
                uses.insert("appeals.\(key).true_records")
            }
            if rng.chance(0.85) || pairs.isEmpty {
                pairs.append(("false_records", yamlNumber(rng.hundredths(falseRange))))
                uses.insert("appeals.\(key).false_records")
            }
            fields.append(GenField(key, yamlFlow(pairs), uses: uses))
        }
        if rng.chance(0.8) || fields.isEmpty { fields.append(GenField("days_to_decide", "\(rng.int(0...120))")) }
        document.mapping("appeals", fields)
    }

    // MARK: responses

    /// `responses`: one or two per trigger for most triggers, on named behaviours or a conduct.
    mutating func writeResponses() {
        var items: [[GenField]] = []
        for trigger in GenKeyCatalog.triggers where rng.chance(0.65) {
            for _ in 0..<(rng.chance(0.2) ? 2 : 1) {
                items.append(response(id: "resp\(items.count + 1)", trigger: trigger))
            }
        }
        document.sequence("responses", items)
    }

    /// One response: the behaviours whose rates it multiplies, and for how long.
    mutating func response(id: String, trigger: String) -> [GenField] {
        var fields = [GenField("id", id)]
        if rng.chance(0.3) { fields.append(GenField("label", yamlQuoted("Response \(id) to \(trigger)"))) }
        fields.append(GenField("trigger", trigger, uses: ["responses[].trigger=\(trigger)"]))
        if rng.chance(0.3) {
            let conduct = rng.chance(0.5) ? "conforming" : "contradictory"
            fields.append(GenField("conduct", conduct, uses: ["responses[].conduct=\(conduct)"]))
        } else {
            let chosen = rng.subset(behaviors.map(\.id), count: rng.int(1...3))
            fields.append(GenField("behaviors", chosen.count == 1 && rng.chance(0.5) ? chosen[0] : yamlList(chosen)))
        }
        fields.append(GenField("factor", yamlNumber(rng.tenths(3...20))))
        if trigger == "sanctioned" || trigger == "recorded" {
            fields.append(GenField("duration_days", "\(rng.int(30...365))"))
        }
        return fields
    }

}
