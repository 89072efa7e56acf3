import RunRecords
import Simulation
import SocialCredit

/// The counts and disagreements of a verification, added up over subjects.
enum SubjectCheck {
    struct Tally: Sendable {
        var withoutSpillovers = 0
        var standings = 0
        var partialStandings = 0
        var decisions = 0
        var skippedDecisions = 0
        var disagreements: [Disagreement] = []

        mutating func add(_ other: Tally) {
            withoutSpillovers += other.withoutSpillovers
            standings += other.standings
            partialStandings += other.partialStandings
            decisions += other.decisions
            skippedDecisions += other.skippedDecisions
            disagreements += other.disagreements
        }
    }
}

extension Audit {
    /// Compares one traced subject's stored standings and decisions with the engine's answers.
    /// A person whose links are not all traced is assessed without spillovers: fully in the
    /// months the run had none in force for them, on what spillovers cannot move otherwise; and
    /// their decisions only in months without spillovers.
    func check(_ key: Key, into tally: inout SubjectCheck.Tally, memo: OwnStandingMemo) {
        guard let subject = subjects[key] else { return }
        let linked: (relations: Relations, linked: [String])? = key.companies ? (.none, []) : relations(of: key.index)
        if linked == nil { tally.withoutSpillovers += 1 }
        let kind = key.companies ? "companies" : "people"
        let rows = standings[key] ?? []
        var quietMonths = Set<String>()  // months with no spillover in force, by month-end day
        for row in rows {
            guard let day = Day(iso: row.day) else { continue }
            let stored = StandingAnswer(row)
            let quiet =
                stored.spilloverPoints == "0" && stored.spilloverCeiling == "none" && stored.spillovers == "none"
            if quiet { quietMonths.insert(row.day) }
            let standing = policy.assess(
                subject,
                on: day,
                relations: linked?.relations ?? .none,
                spilloversAsOf: linked == nil ? nil : snapshot(before: day),
                memo: memo
            )
            var engine = StandingAnswer(standing, policy: policy)
            var compared = stored
            var fields = Set(stored.fields.map(\.name))
            if linked == nil {
                fields.subtract(StandingAnswer.spilloverFields)
                if !quiet {
                    fields.formIntersection(StandingAnswer.ownFields)
                    engine = engine.ruleListsOnly(policy.scenario)
                    compared = compared.ruleListsOnly(policy.scenario)
                    tally.partialStandings += 1
                }
            }
            tally.standings += 1
            for ((name, run), (_, answer)) in zip(compared.fields, engine.fields)
            where fields.contains(name) && run != answer {
                tally.disagreements.append(
                    Disagreement(
                        subjectKind: kind,
                        subject: key.index,
                        day: row.day,
                        field: name,
                        run: run,
                        engine: answer,
                        context: context(name, standing, linked: linked?.linked ?? [])
                    )
                )
            }
        }
        let monthEndOf = { (day: Day) in monthEnds.first { $0 >= day }?.description }
        for row in decisions[key] ?? [] {
            guard let day = Day(iso: row.day), let action = policy.action(row.action) else {
                tally.disagreements.append(
                    Disagreement(
                        subjectKind: kind,
                        subject: key.index,
                        day: row.day,
                        field: "decision:\(row.action)",
                        run: row.blocked ? "blocked" : row.rewarded ? "rewarded" : "allowed",
                        engine: "unknown action or day"
                    )
                )
                continue
            }
            if linked == nil && !(monthEndOf(day).map(quietMonths.contains) ?? false) {
                tally.skippedDecisions += 1
                continue
            }
            let decision = policy.decide(
                action,
                for: subject,
                relations: linked?.relations ?? .none,
                on: day,
                spilloversAsOf: linked == nil ? nil : snapshot(before: day),
                memo: memo
            )
            tally.decisions += 1
            let run = row.blocked ? "blocked" : row.rewarded ? "rewarded" : "allowed"
            let engine = !decision.allowed ? "blocked" : decision.rewards.isEmpty ? "allowed" : "rewarded"
            guard run != engine else { continue }
            let reasons = decision.blocks + decision.rewards
            var context = Self.ids(reasons.flatMap(\.because.records))
            for reason in reasons {
                switch reason.origin {
                case let .measure(m): context.append("measure \(policy.scenario.measures[m].id)")
                case let .spillover(s, _): context.append("spillover \(policy.scenario.spillovers[s].id)")
                }
            }
            tally.disagreements.append(
                Disagreement(
                    subjectKind: kind,
                    subject: key.index,
                    day: row.day,
                    field: "decision:\(row.action)",
                    run: run,
                    engine: engine,
                    context: context
                )
            )
        }
    }

    /// The records (and linked subjects) behind the engine's answer for one field.
    private func context(_ field: String, _ standing: Standing, linked: [String]) -> [String] {
        switch field {
        case "score", "tier":
            // The records where the run's bookkeeping and the engine's can part: capped,
            // overturned or expired contributions, then every other record that counts.
            let notable = standing.contributions.filter {
                ($0.status == .counting && $0.isCapped) || $0.status == .overturned || $0.status == .expired
            }
            let counting = standing.contributions.filter { $0.status == .counting }
            return Self.ids(notable.map(\.record) + counting.map(\.record))
                + (standing.spillovers.isEmpty ? [] : linked)
        case "lists":
            return Self.ids((standing.lists + standing.pastLists).flatMap { $0.triggers + $0.extensions })
        case "notices":
            return Self.ids(standing.measures.flatMap(\.because.records) + standing.lists.flatMap(\.triggers))
        case "ceiling":
            return Self.ids(
                standing.ceilings.compactMap {
                    if case let .rule(_, record) = $0.origin { return record } else { return nil }
                }
            )
        default:
            return Self.ids(standing.spillovers.flatMap(\.because.records)) + linked
        }
    }

    /// Record ids as "#id", each once, in order; the first 12, then how many more.
    static func ids(_ records: [Int]) -> [String] {
        var seen = Set<Int>()
        let unique = records.filter { seen.insert($0).inserted }
        return unique.prefix(12).map { "#\($0)" } + (unique.count > 12 ? ["+\(unique.count - 12) more records"] : [])
    }
}
