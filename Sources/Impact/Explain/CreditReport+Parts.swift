import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

extension CreditReport.Context {
    /// Who the person is, from the regenerated society (and the stored quintile when stored).
    func attributes(_ person: Int, _ snapshot: SubjectSnapshot?) -> CreditReport.Attributes {
        let flags = population.flags[person]
        let born = Day(number: population.birthDay[person])
        let start = Day(iso: info.start) ?? data.scenario.period.start
        let income = population.income[person]
        let quintile =
            snapshot?.incomeQuintile
            ?? {
                let sorted = population.income.sorted()
                return 1 + (1...4).filter { income >= sorted[min(sorted.count - 1, sorted.count * $0 / 5)] }.count
            }()
        let name = population.name(of: person, tables: names).description
        return CreditReport.Attributes(
            name: name,
            identityNumber: population.residentID(of: person, census: census).text,
            sex: flags.contains(.male) ? "male" : "female",
            born: born.description,
            ageAtStart: Int((start.number - born.number) * 4 / 1461),
            province: census.provinces[Int(population.province[person])].name,
            urban: flags.contains(.urban),
            education: EducationLevel(rawValue: population.education[person])?.key.replacingOccurrences(
                of: "_",
                with: " "
            ) ?? "–",
            householdIncome: Double(income),
            incomeQuintile: quintile,
            driver: flags.contains(.driver),
            internetUser: flags.contains(.internetUser),
            employer: population.employer[person] == Population.none ? nil : Int(population.employer[person])
        )
    }

    static func final(_ s: SubjectSnapshot) -> CreditReport.Final {
        func ids(_ text: String) -> [String] { text.split(separator: ",").map(String.init) }
        return CreditReport.Final(
            score: s.score,
            tier: s.tier,
            lists: ids(s.lists),
            everListed: ids(s.everListed),
            falseLists: ids(s.falseLists),
            records: s.records,
            falseRecords: s.falseRecords,
            blocked: s.blocked,
            rewarded: s.rewarded,
            spilloverPoints: s.spilloverPoints,
            spilloverCeiling: s.spilloverCeiling,
            spillovers: ids(s.spillovers)
        )
    }

    /// A stored final state in words.
    static func state(_ s: SubjectSnapshot) -> String {
        var parts = [s.score.map { "score \($0), tier \(s.tier ?? "–")" } ?? "not scored"]
        parts.append(s.lists.isEmpty ? "on no list" : "on " + s.lists.replacingOccurrences(of: ",", with: ", "))
        if !s.everListed.isEmpty && s.everListed != s.lists {
            parts.append("ever on " + s.everListed.replacingOccurrences(of: ",", with: ", "))
        }
        return parts.joined(separator: "; ")
    }

    /// For a person not traced: what is kept, and the command that traces them.
    func notTracedText(_ person: Int, stored: Bool) -> String {
        let every = info.effectiveTraceEvery
        let kept =
            stored
            ? "Their final state is stored because they were on a list, but not their records."
            : "Nothing about them is stored beyond the counts by group (they were never on a list)."
        return """
            Person \(person) was not traced in this run: it keeps the records of one person in \(Format.count(every)) \
            (those whose number is a multiple of \(Format.count(every))) and of people named with --trace-person. \(kept) \
            Tracing changes no random draw and no state, so a re-run with them traced gives the same run and the same \
            digest, with their records:

              sclab simulate --like \(data.directory) --trace-person \(person) --out \(data.directory)-person-\(person)
              sclab explain \(data.directory)-person-\(person) --person \(person)
            """
    }

    /// Each rule's judgement of each record, with its status on the last day.
    func recordLines(_ records: TracedRecords, subject: Subject) -> [CreditReport.RecordLine] {
        let standing = policy.assess(subject, on: end)
        var status: [String: String] = [:]
        for c in standing.contributions { status["\(c.record) \(c.rule)"] = c.status.rawValue }
        let rules = Dictionary(policy.scenario.rules.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { a, _ in a })
        return records.traces.keys.sorted().flatMap { id in
            records.traces[id, default: []].map { t in
                CreditReport.RecordLine(
                    record: id,
                    behavior: t.behavior,
                    source: t.source,
                    occurred: t.occurred,
                    recorded: t.recorded,
                    rule: t.rule,
                    delta: t.delta,
                    status: t.rule.flatMap { rules[$0] }.flatMap { status["\(id) \($0)"] } ?? "no rule applied",
                    misattributed: t.misattributed,
                    actualSubject: t.actualSubject,
                    listed: t.listed,
                    appealFiled: t.appealFiled,
                    appealDecided: t.appealDecided,
                    appealOutcome: t.appealOutcome
                )
            }
        }
    }

    /// Score and tier at each month's end where they changed, from the person's own records.
    func scoreHistory(_ subject: Subject) -> [CreditReport.ScorePoint] {
        guard let start = Day(iso: info.start) else { return [] }
        var points: [CreditReport.ScorePoint] = []
        var day = start
        while day <= end {
            let (y, m, _) = day.components
            let monthEnd = min(
                end,
                Day(year: m == 12 ? y + 1 : y, month: m == 12 ? 1 : m + 1, day: 1)!.adding(days: -1)
            )
            let standing = policy.assess(subject, on: monthEnd)
            let point = CreditReport.ScorePoint(
                month: String(monthEnd.description.prefix(7)),
                score: standing.score,
                tier: tierID(standing.tier)
            )
            if points.last.map({ $0.score != point.score || $0.tier != point.tier }) ?? true { points.append(point) }
            day = monthEnd.adding(days: 1)
        }
        return points
    }

    func tierID(_ tier: Int?, _ kind: SubjectKind = .people) -> String? {
        guard let tier, let scale = policy.scale(for: kind), scale.tiers.indices.contains(tier) else { return nil }
        return scale.tiers[tier].id
    }

    func listLine(_ stay: ListStay) -> CreditReport.ListLine {
        CreditReport.ListLine(
            list: policy.scenario.lists[stay.list].id,
            since: stay.since?.description,
            until: stay.until?.description,
            ending: stay.ending,
            record: stay.record,
            rule: stay.rule.map { policy.scenario.rules[$0].id },
            falseRecord: stay.falseRecord,
            atEnd: stay.atEnd,
            extendedDays: stay.extendedDays
        )
    }

    /// The engine's standing on the last day with the traced relations, its measures and
    /// decisions with their reasons, and whether it agrees with the stored final state.
    func engineView(
        _ own: (subject: Subject, records: TracedRecords),
        relations: Relations,
        through: CreditReport.Through,
        snapshot: SubjectSnapshot?,
        friendsKnown: Bool,
        circle: inout [CreditReport.Relation]
    ) -> CreditReport.EngineView {
        let standing = policy.assess(own.subject, on: end, relations: relations)
        let scenario = policy.scenario
        for hit in standing.spillovers {
            let spillover = scenario.spillovers[hit.spillover]
            let ids: [Int]
            switch spillover.link {
            case .parents: ids = hit.through.map { through.parents[$0] }
            case .friends: ids = hit.through.map { through.friends[$0] }
            case .spouse: ids = circle.filter { $0.role == "spouse" }.map(\.id)
            case .employer: ids = circle.filter { $0.role == "employer" }.map(\.id)
            }
            let role = spillover.link == .employer ? "employer" : nil
            for index in circle.indices
            where ids.contains(circle[index].id) && (role == nil) == (circle[index].role != "employer") {
                circle[index].reaches.append(spillover.id)
            }
        }
        let lists = standing.lists.map { scenario.lists[$0.list].id }.sorted()
        let agrees =
            snapshot.map {
                $0.score == standing.score && $0.tier == tierID(standing.tier)
                    && $0.lists.split(separator: ",").map(String.init).sorted() == lists
            } ?? false
        let untracedLinks = circle.filter { !$0.traced && $0.role != "child" }.count
        let note: String? =
            agrees
            ? nil
            : """
            The engine sees only traced relatives, friends and employer (\(untracedLinks) of them are not traced\
            \(friendsKnown ? "" : ", so friends are left out")); the simulation also tests spillovers on last month's standing.
            """
        let measures = standing.measures.map { active -> String in
            let measure = scenario.measures[active.measure]
            return "\(measure.id) (\(measure.kind.rawValue)\(measure.action.map { " " + $0.id } ?? "")): "
                + reasons(active.because, standing: standing)
        }
        var decisions: [String] = []
        for (index, action) in scenario.actions.enumerated() {
            let decision = policy.decide(index, for: own.subject, relations: relations, on: end)
            guard !decision.blocks.isEmpty || !decision.rewards.isEmpty else { continue }
            let lines = policy.explain(decision, records: own.records.records).split(separator: "\n")
            let reasons = lines.dropFirst().prefix { $0.hasPrefix("  blocked by") || $0.hasPrefix("  reward") }
            decisions.append(
                "\(action.id): \(decision.allowed ? "allowed" : "BLOCKED")"
                    + reasons.map { "\n  " + $0.trimmingCharacters(in: .whitespaces) }.joined()
            )
        }
        return CreditReport.EngineView(
            score: standing.score,
            tier: tierID(standing.tier),
            agrees: agrees,
            note: note,
            measures: measures,
            decisions: decisions,
            notices: policy.notices(for: standing),
            ringtoneWarning: ringtoneWarning(standing),
            explanation: policy.explain(standing, records: own.records.records)
        )
    }

    /// The ringtone warning in force, if any: the scenario says what it is (the measure's label)
    /// and the engine why (the lists or tier behind it).
    func ringtoneWarning(_ standing: Standing) -> String? {
        let scenario = policy.scenario
        guard
            let active = standing.measures.first(where: { scenario.measures[$0.measure].channel == "ringtone_warning" })
        else {
            return nil
        }
        let measure = scenario.measures[active.measure]
        let reasons =
            active.because.lists.map { "on list \(scenario.lists[$0].id)" }
            + (active.because.tier.flatMap { tierID($0, standing.kind) }.map { ["tier \($0)"] } ?? [])
        return (measure.label.isEmpty ? measure.id : measure.label)
            + (reasons.isEmpty ? "" : " (\(reasons.joined(separator: ", ")))")
    }

    /// A `Because` in words: lists, tier, score, then the records and rules behind them.
    func reasons(_ because: Because, standing: Standing) -> String {
        let scenario = policy.scenario
        var parts: [String] = []
        if !because.lists.isEmpty {
            parts.append("on list " + because.lists.map { scenario.lists[$0].id }.joined(separator: ", "))
        }
        if let tier = because.tier { parts.append("tier \(tierID(tier) ?? "–")") }
        if let score = because.score { parts.append("score \(score)") }
        if !because.records.isEmpty {
            parts.append("records #" + because.records.map(String.init).joined(separator: ", #"))
        }
        if !because.rules.isEmpty {
            parts.append("rules " + because.rules.map { scenario.rules[$0].id }.joined(separator: ", "))
        }
        return parts.isEmpty ? "always in force" : parts.joined(separator: "; ")
    }
}
