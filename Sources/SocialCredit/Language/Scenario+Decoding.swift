/// Turns a document tree into a `Scenario`, section by section. Every problem is logged and
/// reading carries on, so one pass reports all of a file's errors.
extension NodeReader {
    func scenario(_ root: DocumentNode, defaultID: String) -> Scenario? {
        guard let top = fields(root, "", ScenarioFields.scenario) else { return nil }
        let header = top.required("scenario") { node, path in self.header(node, path, defaultID: defaultID) }
        let score = top.required("score", scoreScale)
        let companyScore = top.optional("company_score", scoreScale)
        let ratings = top.optional("ratings", default: []) { self.list($0, $1, self.rating) }
        let enrolment = top.optional("enrolment", default: Enrolment(), enrolment)
        let behaviors = top.required("behaviors") { self.list($0, $1, self.behavior) } ?? []
        let sources = top.optional("sources", default: []) { self.list($0, $1, self.source) }
        let rules = top.optional("rules", default: []) { self.list($0, $1, self.rule) }
        let lists = top.optional("lists", default: []) { self.list($0, $1, self.creditList) }
        let actions = top.optional("actions", default: []) { self.list($0, $1, self.action) }
        let measures = top.optional("measures", default: []) { self.list($0, $1, self.measure) }
        let spillovers = top.optional("spillovers", default: []) { self.list($0, $1, self.spillover) }
        let appeals = top.optional("appeals", default: AppealPolicy(), appealPolicy)
        let responses = top.optional("responses", default: []) { self.list($0, $1, self.response) }
        let timeline = top.optional("timeline", default: []) { self.list($0, $1, self.phase) }
        let calibration = top.optional("calibration", calibration)
        top.finish()
        // Carry on with placeholders when a section failed, so that the rest is still checked;
        // the failure itself has been logged, and checks that need the section are skipped.
        if score == nil { unreadSections.insert("score") }
        if companyScore == nil && top.has("company_score") { unreadSections.insert("company_score") }
        let placeholderDay = Day(year: 2014, month: 1, day: 1)!
        let header_ =
            header
            ?? Header(
                id: defaultID,
                name: defaultID,
                summary: "",
                basis: "",
                period: Period(start: placeholderDay, end: placeholderDay)
            )
        var scenario = Scenario(
            id: header_.id,
            name: header_.name,
            summary: header_.summary,
            basis: header_.basis,
            period: header_.period,
            enrolment: enrolment,
            score: score ?? ScoreScale(initial: 0, minimum: 0, maximum: 1, tiers: []),
            companyScore: companyScore,
            behaviors: behaviors,
            sources: sources,
            rules: rules,
            lists: lists,
            actions: actions,
            measures: measures,
            spillovers: spillovers,
            appeals: appeals,
            responses: responses,
            timeline: timeline
        )
        scenario.ratings = ratings
        scenario.calibration = calibration
        if let calibration { checkFitPaths(calibration, in: root) }
        return scenario
    }

    private struct Header {
        var id: String, name: String, summary: String, basis: String, period: Period
    }

    private func header(_ node: DocumentNode, _ path: String, defaultID: String) -> Header? {
        guard let f = fields(node, path, ScenarioFields.header) else { return nil }
        let id = f.optional("id", default: defaultID, identifier)
        let name = f.required("name", string)
        let summary = f.optional("summary", default: "", string)
        let basis = f.optional("basis", default: "", string)
        let start = f.required("start", day)
        let end = f.required("end", day)
        f.finish()
        let placeholder = Day(year: 2014, month: 1, day: 1)!
        let start_ = start ?? placeholder
        let end_ = end ?? start ?? placeholder
        if let start, let end, end < start {
            error("the period ends (\(end)) before it starts (\(start))", f.node("end"), f.path("end"))
        }
        for (key, day) in [("start", start), ("end", end)] {
            if let day, !Period.dates.contains(day) {
                error(
                    "\(day) is outside the dates a run may cover, \(Period.dates.lowerBound) to \(Period.dates.upperBound)",
                    f.node(key),
                    f.path(key)
                )
            }
        }
        if let start, let end, start.days(to: end) + 1 > Period.maximumDays {
            error(
                "the period lasts \(start.days(to: end) + 1) days; a run covers at most \(Period.maximumDays) (about 87 years)",
                f.node("end"),
                f.path("end")
            )
        }
        return Header(
            id: id,
            name: name ?? id,
            summary: summary,
            basis: basis,
            period: Period(start: start_, end: end_)
        )
    }

    private func enrolment(_ node: DocumentNode, _ path: String) -> Enrolment? {
        guard let f = fields(node, path, ScenarioFields.enrolment) else { return nil }
        let mode = f.word("mode", as: Enrolment.Mode.self, default: .mandatory)
        let share = f.number("share", default: 1)
        f.finish()
        return Enrolment(mode: mode, share: share)
    }

    func scoreScale(_ node: DocumentNode, _ path: String) -> ScoreScale? {
        guard let f = fields(node, path, ScenarioFields.scoreScale) else { return nil }
        let initial = f.whole("initial")
        let minimum = f.whole("minimum")
        let maximum = f.whole("maximum")
        let tiers = f.required("tiers") { self.list($0, $1, self.tier) }
        f.finish()
        // A tier that could not be read leaves the scale unread: ordering checks on the rest
        // would only repeat the error.
        guard let initial, let minimum, let maximum, let tiers, tiers.count == itemCount(f.node("tiers")) else {
            return nil
        }
        return ScoreScale(initial: initial, minimum: minimum, maximum: maximum, tiers: tiers)
    }

    private func tier(_ node: DocumentNode, _ path: String) -> Tier? {
        guard let f = fields(node, path, ScenarioFields.tier) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let assigned = f.optional("assigned_only", default: false, bool)
        let minimum = f.whole("min", required: !assigned)
        let maximum = f.whole("max")
        f.finish()
        guard let id, assigned || minimum != nil, maximum != nil || !f.has("max") else { return nil }
        if assigned {
            if minimum != nil || maximum != nil {
                let key = minimum != nil ? "min" : "max"
                error(
                    "a tier with 'assigned_only' has no band of scores: remove '\(key)'",
                    f.node(key),
                    f.path(key),
                    hint: "it is reached only through a tier ceiling"
                )
            }
            return .assigned(id: id, label: label)
        }
        return Tier(id: id, label: label, minimum: minimum ?? Int.min / 2, maximum: maximum)
    }

    private func rating(_ node: DocumentNode, _ path: String) -> Rating? {
        guard let f = fields(node, path, ScenarioFields.rating) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let subject = f.word("subject", as: SubjectKind.self, default: .people)
        let sectors = f.optional("sectors", default: []) { node, path in
            self.list(node, path) { self.word($0, $1, as: Sector.self) }
        }
        let scale = f.required("scale", scoreScale)
        let weight = f.number("score_weight")
        f.finish()
        guard let id else { return nil }
        if !sectors.isEmpty && subject != .companies {
            error(
                "'sectors' only applies to company ratings; add 'subject: companies'",
                f.node("sectors"),
                f.path("sectors")
            )
        }
        return Rating(
            id: id,
            label: label,
            subject: subject,
            sectors: sectors,
            scale: scale ?? ScoreScale(initial: 0, minimum: 0, maximum: 1, tiers: [Tier(id: id, minimum: 0)]),
            scoreWeight: weight
        )
    }

    private func calibration(_ node: DocumentNode, _ path: String) -> Calibration? {
        guard let f = fields(node, path, ScenarioFields.calibration) else { return nil }
        let targets = f.required("targets") { self.list($0, $1, self.calibrationTarget) } ?? []
        let fit = f.optional("fit", default: []) { self.list($0, $1, self.fitParameter) }
        f.finish()
        if targets.isEmpty, let list = f.node("targets"), case let .sequence(items) = list.value, items.isEmpty {
            error("a calibration needs at least one target", f.node("targets"), f.path("targets"))
        }
        return Calibration(targets: targets, fit: fit)
    }

    private func calibrationTarget(_ node: DocumentNode, _ path: String) -> CalibrationTarget? {
        guard let f = fields(node, path, ScenarioFields.calibrationTarget) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let metric = f.required("metric") { node, path -> MetricExpression? in
            guard let text = self.string(node, path) else { return nil }
            do {
                return try MetricExpression.parse(text)
            } catch let problem as MetricSyntaxError {
                var at = node.location
                // Point at the character, when the scalar is plain and on one line.
                if let location = at, case let .scalar(raw, plain) = node.value, !raw.contains("\n") {
                    at = SourceLocation(line: location.line, column: location.column + (plain ? 0 : 1) + problem.offset)
                }
                self.error("\(problem.message)", at: at, path)
                return nil
            } catch {
                self.error("\(error)", node, path)
                return nil
            }
        }
        let value = f.number("value")
        let tolerance = f.number("tolerance")
        let source = f.required("source", string)
        f.finish()
        guard let id, let metric, let value, let tolerance, let source else { return nil }
        if value == 0 {
            error(
                "a published value of 0 has no relative error: targets need a non-zero value",
                f.node("value"),
                f.path("value")
            )
            return nil
        }
        if tolerance >= 1, let node = f.node("tolerance") {
            warning(
                "tolerance \(format(tolerance)) allows errors of \(format(tolerance * 100))% or more",
                at: node.location,
                f.path("tolerance"),
                hint: "tolerance is relative: 0.1 means within 10%"
            )
        }
        return CalibrationTarget(
            id: id,
            label: label,
            metric: metric,
            value: value,
            tolerance: tolerance,
            source: source
        )
    }

    private func fitParameter(_ node: DocumentNode, _ path: String) -> FitParameter? {
        guard let f = fields(node, path, ScenarioFields.fitParameter) else { return nil }
        let target = f.required("path") { node, path -> ScenarioPath? in
            guard let text = self.string(node, path) else { return nil }
            guard let parsed = ScenarioPath(text) else {
                self.error(
                    "'\(text)' is not a path: write keys and ids separated by dots, e.g. behaviors.loan_arrears.rate",
                    node,
                    path
                )
                return nil
            }
            return parsed
        }
        let minimum = f.number("min")
        let maximum = f.number("max")
        let whole = f.optional("whole", default: false, bool)
        f.finish()
        guard let target, let minimum, let maximum else { return nil }
        guard minimum < maximum else {
            error(
                "the range is empty: min (\(format(minimum))) must be below max (\(format(maximum)))",
                f.node("max"),
                f.path("max")
            )
            return nil
        }
        return FitParameter(path: target, minimum: minimum, maximum: maximum, whole: whole)
    }

    private func behavior(_ node: DocumentNode, _ path: String) -> Behavior? {
        guard let f = fields(node, path, ScenarioFields.behavior) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let conduct = f.word("conduct", as: Behavior.Conduct.self)
        let who = f.optional("who", default: [.adults], groups)
        let sectors = f.optional("sectors", default: []) { node, path in
            self.list(node, path) { self.word($0, $1, as: Sector.self) }
        }
        let rate = rateModel(f)
        f.finish()
        guard let id else { return nil }
        if !sectors.isEmpty && !who.contains(.companies) {
            error(
                "'sectors' only applies to company behaviours; add 'companies' to 'who'",
                f.node("sectors"),
                f.path("sectors")
            )
        }
        return Behavior(
            id: id,
            label: label,
            conduct: conduct ?? .contradictory,
            who: who,
            sectors: sectors,
            rate: rate ?? RateModel(perYear: 0)
        )
    }

    private func groups(_ node: DocumentNode, _ path: String) -> [Group]? {
        let read: (DocumentNode, String) -> Group? = { self.word($0, $1, as: Group.self) }
        if case .scalar = node.value { return read(node, path).map { [$0] } }
        return list(node, path, read)
    }

    /// `rate`, `varies` and `dispersion`, shared by behaviours and actions.
    private func rateModel(_ f: Fields) -> RateModel? {
        let perYear = f.number("rate")
        let dispersion = f.number("dispersion", default: 0)
        var model = RateModel(perYear: perYear ?? 0, dispersion: dispersion)
        if let varies = f.mapping("varies") {
            if let quintiles = varies.optional(
                "income_quintile",
                { self.list($0, $1, self.number(varies.kind("income_quintile"))) }
            ) {
                // Fewer read than written: a factor could not be read, and that is logged.
                if quintiles.count == itemCount(varies.node("income_quintile")) {
                    if quintiles.count == 5 {
                        model.incomeQuintile = quintiles
                    } else {
                        error(
                            "expected 5 factors, one per income quintile (poorest first), found \(quintiles.count)",
                            varies.node("income_quintile"),
                            varies.path("income_quintile")
                        )
                    }
                }
            }
            model.age = varies.optional("age", default: []) { self.list($0, $1, self.ageBand) }
            model.urban = varies.number("urban", default: 1)
            model.rural = varies.number("rural", default: 1)
            model.male = varies.number("male", default: 1)
            model.female = varies.number("female", default: 1)
            varies.finish()
        }
        return perYear == nil ? nil : model
    }

    private func ageBand(_ node: DocumentNode, _ path: String) -> AgeBand? {
        guard let f = fields(node, path, ScenarioFields.ageBand) else { return nil }
        let from = f.whole("from")
        let to = f.whole("to")
        let factor = f.number("factor")
        f.finish()
        guard let from, let factor else { return nil }
        if let to, to < from {
            error("the band ends at age \(to) before it starts at \(from)", f.node("to"), f.path("to"))
        }
        return AgeBand(from: from, to: to, factor: factor)
    }

    private func source(_ node: DocumentNode, _ path: String) -> Source? {
        guard let f = fields(node, path, ScenarioFields.source) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let operator_ = f.word("operator", as: Source.Operator.self, default: .government)
        let observes = f.required("observes", idList)
        let coverage = f.number("coverage")
        let falseAttribution = f.number("false_attribution", default: 0)
        let delay = f.whole("delay_days", default: 0)
        let rollout = f.optional("rollout", default: Rollout(), rollout)
        f.finish()
        guard let id else { return nil }
        return Source(
            id: id,
            label: label,
            operator_: operator_,
            observes: observes ?? [],
            coverage: coverage ?? 0,
            falseAttribution: falseAttribution,
            delayDays: delay,
            rollout: rollout
        )
    }

    func rollout(_ node: DocumentNode, _ path: String) -> Rollout? {
        guard let f = fields(node, path, ScenarioFields.rollout) else { return nil }
        let phase = f.optional("phase", reference)
        let start = f.optional("start", day)
        let end = f.optional("end", day)
        let regions = f.optional("regions", default: .all, regionSet)
        f.finish()
        if phase != nil && (start != nil || regions != .all) {
            error("give either 'phase' or 'start'/'regions', not both", node, path)
        }
        if let start, let end, end < start {
            error("the rollout ends (\(end)) before it starts (\(start))", f.node("end"), f.path("end"))
        }
        return Rollout(phase: phase, start: start, end: end, regions: regions)
    }

    func regionSet(_ node: DocumentNode, _ path: String) -> RegionSet? {
        if case let .scalar(text, _) = node.value, text.lowercased() == "all" { return .all }
        guard
            let names = list(
                node,
                path,
                { node, path -> (String, DocumentNode, String)? in
                    self.string(node, path).map { ($0, node, path) }
                }
            )
        else { return nil }
        var codes = Set<Int>()
        for (name, node, path) in names {
            if name.lowercased() == "all" { return .all }
            guard let found = Province.codes(named: name) else {
                error(
                    "unknown region '\(name)'",
                    node,
                    path,
                    hint: Suggestion.hint(for: name, in: Province.knownNames)
                        ?? "use a province name (e.g. Shandong), a GB/T 2260 code, East, Central, West, Northeast or all"
                )
                continue
            }
            codes.formUnion(found)
        }
        return .provinces(codes)
    }

    private func rule(_ node: DocumentNode, _ path: String) -> Rule? {
        guard let f = fields(node, path, ScenarioFields.rule) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let behavior = f.required("behavior", reference)
        let sources = f.optional("sources", default: [], idList)
        let delta = f.whole("delta", default: 0)
        let rating = f.optional("rating", reference)
        let cap = f.whole("cap_per_year")
        let lifetime = f.whole("lifetime_days")
        let discretion = f.number("discretion", default: 0)
        let list = f.optional("list", reference)
        let listTerm = f.whole("list_term_days")
        let ceiling = f.optional("tier_ceiling", reference)
        let rollout = f.optional("rollout", default: Rollout(), rollout)
        f.finish()
        guard let id else { return nil }
        if listTerm != nil && list == nil {
            error("'list_term_days' needs a 'list'", f.node("list_term_days"), f.path("list_term_days"))
        }
        if delta == 0 && list == nil && ceiling == nil && f.node("delta") == nil {
            warning("the rule has no effect: give it a 'delta', a 'list' or a 'tier_ceiling'", at: node.location, path)
        }
        var rule = Rule(
            id: id,
            label: label,
            behavior: behavior ?? Reference(id: ""),
            sources: sources,
            delta: delta,
            capPerYear: cap,
            lifetimeDays: lifetime,
            discretion: discretion,
            list: list,
            listTermDays: listTerm,
            tierCeiling: ceiling,
            rollout: rollout
        )
        rule.rating = rating
        return rule
    }

    private func creditList(_ node: DocumentNode, _ path: String) -> CreditList? {
        guard let f = fields(node, path, ScenarioFields.list) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let kind = f.word("kind", as: CreditList.Kind.self)
        let subject = f.word("subject", as: SubjectKind.self, default: .people)
        let term = f.whole("term_days")
        let extensionDays = f.whole("extension_days", default: 0)
        let maxExtension = f.whole("max_extension_days")
        let removal = f.optional("removal", removal)
        let entry = f.optional("entry", condition)
        let published = f.optional("published", default: false, bool)
        let rollout = f.optional("rollout", default: Rollout(), rollout)
        f.finish()
        guard let id else { return nil }
        return CreditList(
            id: id,
            label: label,
            kind: kind ?? .black,
            subject: subject,
            termDays: term,
            extensionDays: extensionDays,
            maxExtensionDays: maxExtension,
            removal: removal,
            entry: entry,
            published: published,
            rollout: rollout
        )
    }

    private func removal(_ node: DocumentNode, _ path: String) -> Removal? {
        guard let f = fields(node, path, ScenarioFields.removal) else { return nil }
        let on = f.required("on", idList)
        let delay = f.whole("delay_days", default: 0)
        let minimum = f.whole("minimum_days", default: 0)
        f.finish()
        return on.map { Removal(on: $0, delayDays: delay, minimumDays: minimum) }
    }

    func condition(_ node: DocumentNode, _ path: String) -> Condition? {
        guard let f = fields(node, path, ScenarioFields.condition) else { return nil }
        var parts: [Condition] = []
        if let id = f.optional("list", reference) { parts.append(.listed(id)) }
        if let id = f.optional("tier_at_most", reference) { parts.append(.tierAtMost(id)) }
        if let id = f.optional("tier_at_least", reference) { parts.append(.tierAtLeast(id)) }
        if let value = f.whole("score_below") { parts.append(.scoreBelow(value)) }
        if let value = f.whole("score_at_least") { parts.append(.scoreAtLeast(value)) }
        if let value = f.whole("clean_days") { parts.append(.cleanFor(days: value)) }
        if let any = f.optional("any", { self.list($0, $1, self.condition) }) { parts.append(.any(any)) }
        if let all = f.optional("all", { self.list($0, $1, self.condition) }) { parts.append(.all(all)) }
        f.finish()
        switch parts.count {
        case 0
        where ["list", "tier_at_most", "tier_at_least", "score_below", "score_at_least", "clean_days", "any", "all"]
            .contains(where: f.has):
            return nil  // a key is there, and why its value could not be read is logged
        case 0:
            error(
                "a condition needs one of: list, tier_at_most, tier_at_least, score_below, score_at_least, clean_days, any, all",
                node,
                path
            )
            return nil
        case 1: return parts[0]
        default: return .all(parts)
        }
    }

    private func action(_ node: DocumentNode, _ path: String) -> Action? {
        guard let f = fields(node, path, ScenarioFields.action) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let who = f.optional("who", default: [.adults], groups)
        let rate = rateModel(f)
        f.finish()
        guard let id else { return nil }
        return Action(id: id, label: label, who: who, rate: rate ?? RateModel(perYear: 0))
    }

    private func measure(_ node: DocumentNode, _ path: String) -> Measure? {
        guard let f = fields(node, path, ScenarioFields.measure) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let kind = f.word("kind", as: Measure.Kind.self)
        let subject = f.word("subject", as: SubjectKind.self, default: .people)
        let action = f.optional("action", reference)
        let benefit = f.number("benefit")
        let unit = f.optional("unit", string)
        let channel = f.optional("channel", identifier)
        let when_ = f.required("when", condition)
        let rollout = f.optional("rollout", default: Rollout(), rollout)
        f.finish()
        guard let id, let kind else { return nil }
        let when = when_ ?? .all([])
        switch kind {
        case .block, .reward:
            if action == nil { error("a \(kind.rawValue) measure needs an 'action'", node, path) }
            if channel != nil { error("'channel' is for notices only", f.node("channel"), f.path("channel")) }
        case .notice:
            if channel == nil { error("a notice needs a 'channel', e.g. ringtone_warning", node, path) }
            if action != nil { error("a notice gates no action; remove 'action'", f.node("action"), f.path("action")) }
        }
        if benefit != nil && kind != .reward {
            error("'benefit' is for rewards only", f.node("benefit"), f.path("benefit"))
        }
        if unit != nil && benefit == nil {
            error("'unit' says what 'benefit' counts: give the measure a 'benefit' too", f.node("unit"), f.path("unit"))
        }
        return Measure(
            id: id,
            label: label,
            kind: kind,
            subject: subject,
            action: action,
            benefit: benefit,
            unit: unit,
            channel: channel,
            when: when,
            rollout: rollout
        )
    }

    private func spillover(_ node: DocumentNode, _ path: String) -> Spillover? {
        guard let f = fields(node, path, ScenarioFields.spillover) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let link = f.word("link", as: Spillover.Link.self)
        let when_ = f.required("when", condition)
        let share = f.number("share")
        let effect = f.required("effect", spilloverEffect)
        let rollout = f.optional("rollout", default: Rollout(), rollout)
        f.finish()
        guard let id, let link, let effect else { return nil }
        let when = when_ ?? .all([])
        if link == .friends && share == nil {
            error("a friends spillover needs a 'share': the share of friends that must meet 'when'", node, path)
        }
        if link != .friends && share != nil {
            error("'share' applies to friends spillovers only", f.node("share"), f.path("share"))
        }
        return Spillover(
            id: id,
            label: label,
            link: link,
            when: when,
            share: share ?? 0,
            effect: effect,
            rollout: rollout
        )
    }

    private func spilloverEffect(_ node: DocumentNode, _ path: String) -> Spillover.Effect? {
        guard let f = fields(node, path, ScenarioFields.spilloverEffect) else { return nil }
        var effects: [Spillover.Effect] = []
        if let action = f.optional("block", reference) { effects.append(.block(action)) }
        if let action = f.optional("reward", reference) { effects.append(.reward(action)) }
        if let delta = f.whole("delta") { effects.append(.delta(delta)) }
        if let tier = f.optional("tier_ceiling", reference) { effects.append(.tierCeiling(tier)) }
        f.finish()
        let written = ["block", "reward", "delta", "tier_ceiling"].filter(f.has).count
        if effects.isEmpty && written == 1 { return nil }  // its value could not be read, and that is logged
        guard effects.count == 1 else {
            error(
                effects.isEmpty
                    ? "an effect needs one of: block, reward, delta, tier_ceiling"
                    : "an effect has exactly one of: block, reward, delta, tier_ceiling",
                node,
                path
            )
            return nil
        }
        return effects[0]
    }

    private func appealPolicy(_ node: DocumentNode, _ path: String) -> AppealPolicy? {
        guard let f = fields(node, path, ScenarioFields.appeals) else { return nil }
        var policy = AppealPolicy()
        if let contest = f.mapping("contest") {
            policy.contestTrue = contest.number("true_records", default: 0)
            policy.contestFalse = contest.number("false_records", default: 0)
            contest.finish()
        }
        if let success = f.mapping("success") {
            policy.successTrue = success.number("true_records", default: 0)
            policy.successFalse = success.number("false_records", default: 0)
            success.finish()
        }
        policy.daysToDecide = f.whole("days_to_decide", default: 0)
        f.finish()
        return policy
    }

    private func response(_ node: DocumentNode, _ path: String) -> Response? {
        guard let f = fields(node, path, ScenarioFields.response) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let trigger = f.word("trigger", as: Response.Trigger.self)
        let behaviors = f.optional("behaviors", default: [], idList)
        let conduct = f.word("conduct", as: Behavior.Conduct.self)
        let factor_ = f.number("factor")
        let duration = f.whole("duration_days")
        f.finish()
        guard let id, let trigger else { return nil }
        let factor = factor_ ?? 1
        if behaviors.isEmpty == (conduct == nil) {
            error(
                "give either 'behaviors' (a list of ids) or 'conduct' (all conforming or contradictory ones)",
                node,
                path
            )
        }
        if trigger.isOneOff && duration == nil {
            error(
                "a '\(trigger.rawValue)' response needs 'duration_days': the trigger is a moment, so say how long its effect lasts",
                node,
                path
            )
        } else if !trigger.isOneOff && duration != nil {
            error(
                "'duration_days' applies to one-off triggers (sanctioned, recorded); a '\(trigger.rawValue)' response lasts while its trigger holds",
                f.node("duration_days"),
                f.path("duration_days")
            )
        }
        return Response(
            id: id,
            label: label,
            trigger: trigger,
            behaviors: behaviors,
            conduct: conduct,
            factor: factor,
            durationDays: duration
        )
    }

    private func phase(_ node: DocumentNode, _ path: String) -> Phase? {
        guard let f = fields(node, path, ScenarioFields.phase) else { return nil }
        let id = f.required("id", identifier)
        let label = f.optional("label", default: "", string)
        let start = f.required("start", day)
        let regions = f.optional("regions", default: .all, regionSet)
        let subjects = f.optional("subjects", default: [.people]) { node, path in
            self.list(node, path) { self.word($0, $1, as: SubjectKind.self) }
        }
        f.finish()
        guard let id else { return nil }
        return Phase(id: id, label: label, start: start ?? Day(number: 0), regions: regions, subjects: subjects)
    }
}
