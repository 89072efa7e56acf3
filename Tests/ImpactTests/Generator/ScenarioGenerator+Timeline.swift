import Foundation

/// The timeline, rollouts and regions, conditions and calibration.
extension GenScenarioBuilder {
    // MARK: timeline

    /// The phases, before the parts that roll out by phase refer to them: a pilot in some
    /// regions early in the period, then wider phases within the first year.
    mutating func planTimeline() {
        guard rng.chance(0.65) else { return }
        var day = start.adding(rng.chance(0.4) ? 0 : rng.int(1...60))
        let names = ["pilot", "expansion", "national"]
        let count = rng.int(1...3)
        for index in 0..<count {
            let last = index == count - 1
            var regions: GenPart?
            if !last || rng.chance(0.3) {
                regions = regionSet(allowAll: last)
            } else if rng.chance(0.4) {
                regions = GenPart(text: "all", uses: ["regions=all"])
            }
            var subjects: [String]?
            if last && companies && rng.chance(0.85) {
                subjects = ["people", "companies"]
            } else if companies && rng.chance(0.15) {
                subjects = ["companies"]
            } else if rng.chance(0.4) {
                subjects = ["people"]
            }
            phases.append(GenPhase(id: names[index], start: day, regions: regions, subjects: subjects))
            day = day.adding(rng.chance(0.15) ? 0 : rng.int(30...150))
        }
    }

    /// `timeline`: the planned phases, in date order.
    mutating func writeTimeline() {
        var items: [[GenField]] = []
        for phase in phases {
            var fields = [GenField("id", phase.id)]
            if rng.chance(0.4) { fields.append(GenField("label", yamlQuoted("Phase \(phase.id)"))) }
            fields.append(GenField("start", phase.start.text))
            if let regions = phase.regions { fields.append(GenField("regions", regions.text, uses: regions.uses)) }
            if let subjects = phase.subjects {
                fields.append(
                    GenField("subjects", yamlList(subjects), uses: Set(subjects.map { "timeline[].subjects=\($0)" }))
                )
            }
            items.append(fields)
        }
        document.sequence("timeline", items)
    }

    // MARK: rollout and regions

    /// A `rollout` for a part of section `base` (e.g. `rules[]`): from a phase (perhaps with an
    /// end), or from a date, to a date, in some regions.
    mutating func rollout(base: String) -> GenField {
        var pairs: [(String, String)] = []
        var uses: Set<String> = []
        let choice = phases.isEmpty ? rng.int(2...7) : rng.int(0...7)
        let lateEnd = end.adding(-rng.int(0...90))
        switch choice {
        case 0, 1:
            pairs.append(("phase", rng.element(phases)?.id ?? "pilot"))
            if choice == 1 { pairs.append(("end", lateEnd.text)) }
        case 2, 3:
            let from = start.adding(rng.int(0...180))
            pairs.append(("start", from.text))
            if choice == 3 { pairs.append(("end", max(lateEnd, from).text)) }
        case 4, 5:
            let regions = regionSet(allowAll: true)
            if choice == 5 { pairs.append(("start", start.adding(rng.int(0...120)).text)) }
            pairs.append(("regions", regions.text))
            uses.formUnion(regions.uses)
        case 6:
            pairs.append(("end", lateEnd.text))
        default:
            let regions = regionSet(allowAll: false)
            let from = start.adding(rng.int(0...90))
            pairs += [("start", from.text), ("end", max(lateEnd, from).text), ("regions", regions.text)]
            uses.formUnion(regions.uses)
        }
        for (key, _) in pairs { uses.insert("\(base).rollout.\(key)") }
        return GenField("rollout", yamlFlow(pairs), uses: uses)
    }

    /// A set of regions holding a good share of the population: a macro-region or two, and
    /// large provinces named in English, pinyin, by code or in Han characters.
    mutating func regionSet(allowAll: Bool) -> GenPart {
        if allowAll && rng.chance(0.15) { return GenPart(text: "all", uses: ["regions=all"]) }
        var names: [String] = []
        var uses: Set<String> = []
        let macros = rng.subset(["East", "Central", "West", "Northeast"], count: rng.int(0...2))
        if !macros.isEmpty {
            names += macros
            uses.insert("regions=macro")
        }
        let provinces: [(english: String, code: String, han: String)] = [
            ("Guangdong", "44", "广东"), ("Shandong", "37", "山东"), ("Henan", "41", "河南"), ("Jiangsu", "32", "江苏"),
            ("Sichuan", "51", "四川"), ("Hebei", "13", "河北"), ("Hunan", "43", "湖南"), ("Zhejiang", "33", "浙江"),
        ]
        let count = macros.isEmpty ? rng.int(2...4) : rng.int(0...2)
        for province in rng.subset(provinces, count: count) {
            switch rng.below(4) {
            case 0:
                names.append(province.english)
                uses.insert("regions=province")
            case 1:
                names.append(province.english.lowercased())
                uses.insert("regions=province")
            case 2:
                names.append(yamlQuoted(province.code))
                uses.insert("regions=code")
            default:
                names.append(province.han)
                uses.insert("regions=han")
            }
        }
        // The provinces whose pinyin differs from their English name are small: add them to others.
        if rng.chance(0.15) {
            names.append(rng.pick("Nei Menggu", "Xizang"))
            uses.insert("regions=pinyin")
        }
        return GenPart(text: yamlList(names), uses: uses)
    }

    // MARK: conditions

    /// A condition for a subject kind and a polarity: one key, several keys in one mapping, or
    /// `any` / `all` of further conditions (two levels at most). `lists` are the lists it may test.
    mutating func condition(
        _ scope: GenScope,
        _ polarity: GenPolarity,
        lists available: [GenList],
        depth: Int = 0
    ) -> GenPart {
        let roll = rng.below(100)
        if depth < 2 && roll < 30 {
            return composite(roll < 18 ? "any" : "all", scope, polarity, lists: available, depth: depth)
        }
        let candidates = atoms(scope, polarity, lists: available)
        var chosen = [rng.element(candidates) ?? GenAtom(key: "clean_days", value: "90")]
        if roll < 42, let second = rng.element(candidates.filter { $0.key != chosen[0].key }) {
            chosen.append(second)
        }
        var uses = Set(chosen.map { "condition.\($0.key)" })
        if chosen.count > 1 { uses.insert("condition.multiple_keys") }
        if chosen.contains(where: \.rating) { uses.insert("condition.rating_tier") }
        return GenPart(text: yamlFlow(chosen.map { ($0.key, $0.value) }), uses: uses)
    }

    /// `any` (two or three conditions) or `all` (two) of further conditions.
    mutating func composite(
        _ key: String,
        _ scope: GenScope,
        _ polarity: GenPolarity,
        lists available: [GenList],
        depth: Int
    ) -> GenPart {
        var parts: [String] = []
        var uses: Set<String> = ["condition.\(key)"]
        for _ in 0..<(key == "any" ? rng.int(2...3) : 2) {
            let part = condition(scope, polarity, lists: available, depth: depth + 1)
            parts.append(part.text)
            uses.formUnion(part.uses)
        }
        return GenPart(text: yamlFlow([(key, yamlList(parts))]), uses: uses)
    }

    /// The keys a condition can test for a subject kind, chosen to hold for a fair share of
    /// subjects: black lists, tiers below the start and scores just below it for a bad standing;
    /// red lists, the start's tier or better, scores at the start and clean records for a good one.
    mutating func atoms(_ scope: GenScope, _ polarity: GenPolarity, lists available: [GenList]) -> [GenAtom] {
        let company = scope == .companies
        var atoms: [GenAtom] = []
        for list in available where list.company == company && list.black == (polarity == .bad) {
            atoms.append(GenAtom(key: "list", value: list.id))
            atoms.append(GenAtom(key: "list", value: list.id))
        }
        if let scale = company ? companyScore : score {
            switch polarity {
            case .bad:
                atoms += nearWorseTiers(scale).map { GenAtom(key: "tier_at_most", value: $0) }
                let below = scale.initial - scale.unit * rng.int(0...2) - rng.int(1...max(1, scale.unit))
                atoms.append(GenAtom(key: "score_below", value: "\(below)"))
            case .good:
                atoms.append(GenAtom(key: "tier_at_least", value: rng.element(scale.startOrBetter) ?? scale.tiers[0]))
                let atLeast = scale.initial + rng.int(-scale.unit...scale.unit)
                atoms.append(GenAtom(key: "score_at_least", value: "\(atLeast)"))
            }
        }
        for rating in ratings where rating.company == company {
            switch polarity {
            case .bad:
                if let tier = rng.element(nearWorseTiers(rating.scale)) {
                    atoms.append(GenAtom(key: "tier_at_most", value: tier, rating: true))
                }
            case .good:
                if let tier = rng.element(rating.scale.startOrBetter) {
                    atoms.append(GenAtom(key: "tier_at_least", value: tier, rating: true))
                }
            }
        }
        if polarity == .good || atoms.isEmpty {
            atoms.append(GenAtom(key: "clean_days", value: "\(rng.int(30...365))"))
        }
        return atoms
    }

    /// Tiers below the start that a few records reach: the next one or two, rarely a lower one.
    mutating func nearWorseTiers(_ scale: GenScale) -> [String] {
        let worse = scale.worse
        var tiers = Array(worse.prefix(1)) + Array(worse.prefix(2))
        if worse.count > 2 && rng.chance(0.2), let other = rng.element(Array(worse.dropFirst(2))) {
            tiers.append(other)
        }
        return tiers
    }

    // MARK: calibration

    /// `calibration`: targets on the run's metrics and values `--fit` may change, in some scenarios.
    mutating func writeCalibration() {
        guard rng.chance(0.3) else { return }
        document.open("calibration")
        var targets: [[GenField]] = []
        for index in 1...rng.int(1...2) {
            var fields = [GenField("id", "target\(index)")]
            if rng.chance(0.5) { fields.append(GenField("label", yamlQuoted("Target \(index)"))) }
            fields.append(GenField("metric", yamlQuoted(metricExpression())))
            fields.append(GenField("value", yamlNumber(rng.hundredths(1...500))))
            fields.append(GenField("tolerance", yamlNumber(rng.hundredths(5...50))))
            fields.append(GenField("source", yamlQuoted("Made up for seed \(seed)")))
            targets.append(fields)
        }
        document.nestedSequence("targets", path: "calibration.targets", targets)
        var fits: [[GenField]] = []
        for candidate in rng.subset(fitCandidates, count: rng.int(0...2)) {
            var fields = [
                GenField("path", candidate.path), GenField("min", yamlNumber(candidate.minimum)),
                GenField("max", yamlNumber(candidate.maximum)),
            ]
            if candidate.whole || rng.chance(0.3) {
                fields.append(GenField("whole", candidate.whole ? "true" : "false"))
            }
            fits.append(fields)
        }
        if fits.isEmpty, let behavior = behaviors.first {
            fits.append([
                GenField("path", "behaviors[0].rate"), GenField("min", yamlNumber(behavior.rate / 2)),
                GenField("max", yamlNumber(behavior.rate * 2)),
            ])
        }
        document.nestedSequence("fit", path: "calibration.fit", fits)
    }

    /// A metric expression over this scenario's metrics and months.
    mutating func metricExpression() -> String {
        let first = start.month
        let later = start.adding(rng.int(31...300)).month
        switch rng.below(5) {
        case 0:
            return "total(records.total) / population.people"
        case 1:
            let list = rng.element(lists.filter { !$0.entry })?.id ?? "none"
            return "sum(list.entries.\(list), \(first), \(later)) / population.adults"
        case 2:
            return "at(tier.share.\(rng.element(score.tiers) ?? "all"), \(later))"
        case 3:
            return "mean(score.mean, \(first), \(later)) - \(score.initial / 2)"
        default:
            return "(last(blocked.total) + 1) * 2"
        }
    }
}
