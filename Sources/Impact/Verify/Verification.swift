import Foundation

/// The outcome of `sclab verify`: the decision engine, given only a run's traced records and its
/// society, re-derived every traced subject's standing at every month end and every decision on a
/// traced subject's action attempt, and compared them with what the run stored (N1). An auditor
/// trusts a run whose verification has no disagreement; each disagreement names the subject, the
/// day, the field and both answers, with the records behind them, to debug it.
public struct Verification: Sendable, Codable, Equatable {
    /// The run folder verified.
    public var folder: String
    /// Traced people checked.
    public var people: Int
    /// Traced companies checked.
    public var companies: Int
    /// Traced people with a parent, spouse, friend or employer the run did not trace: checked on
    /// everything except what reaches them through others (spillovers), which needs the linked
    /// subjects' records.
    public var withoutSpillovers: Int
    /// Month ends in the run.
    public var monthEnds: Int
    /// Stored (subject, month end) standings compared.
    public var standings: Int
    /// Of them, those compared only on what does not depend on spillovers (the subject has
    /// untraced links and the run had spillovers in force for them that month).
    public var partialStandings: Int
    /// Stored decisions on action attempts compared.
    public var decisions: Int
    /// Stored decisions not compared: spillovers were in force for a subject with untraced links.
    public var skippedDecisions: Int
    /// Every disagreement, by subject, day and field.
    public var disagreements: [Disagreement]

    /// Whether the engine and the run agree on everything compared.
    public var agrees: Bool { disagreements.isEmpty }
}

/// One thing the run and the decision engine answered differently.
public struct Disagreement: Sendable, Codable, Equatable {
    /// "people" or "companies".
    public var subjectKind: String
    /// The person's or company's index.
    public var subject: Int
    /// The month end (standings) or the day of the attempt (decisions), ISO date.
    public var day: String
    /// What differs: `score`, `tier`, `lists`, `ceiling`, `spillover_points`, `spillover_ceiling`,
    /// `spillovers`, `notices`, or `decision:ACTION`.
    public var field: String
    /// The run's answer ("none" for an absent value).
    public var run: String
    /// The engine's answer.
    public var engine: String
    /// Records (ids) behind the engine's answer, and for spillovers the linked subjects (as
    /// "person N" or "company N"), to start debugging from.
    public var context: [String]

    /// A disagreement from its parts.
    public init(
        subjectKind: String,
        subject: Int,
        day: String,
        field: String,
        run: String,
        engine: String,
        context: [String] = []
    ) {
        self.subjectKind = subjectKind
        self.subject = subject
        self.day = day
        self.field = field
        self.run = run
        self.engine = engine
        self.context = context
    }

    /// The kind of disagreement: the field, with a decision's action and both answers for
    /// decisions (blocked against allowed), for grouping.
    public var kind: String { field.hasPrefix("decision:") ? "\(field) (run \(run), engine \(engine))" : field }
}

extension Verification {
    /// The verification as text: counts, disagreements counted by kind, then every disagreement.
    public var text: String {
        var lines: [String] = []
        lines.append(
            "verified \(folder): \(Format.count(people)) people and \(Format.count(companies)) companies traced, "
                + "\(Format.count(monthEnds)) month ends"
        )
        lines.append(
            "  standings checked: \(Format.count(standings)) (subject x month end)"
                + (partialStandings > 0
                    ? ", \(Format.count(partialStandings)) of them without spillover-dependent fields" : "")
        )
        lines.append(
            "  decisions checked: \(Format.count(decisions))"
                + (skippedDecisions > 0
                    ? " (\(Format.count(skippedDecisions)) not checked: spillovers through untraced links)" : "")
        )
        if withoutSpillovers > 0 {
            lines.append(
                "  \(Format.count(withoutSpillovers)) people have a relative, friend or employer not traced: "
                    + "spillovers not checked for them (trace everyone with --trace-every 1)"
            )
        }
        lines.append("  disagreements: \(Format.count(disagreements.count))")
        let kinds = Dictionary(grouping: disagreements, by: \.kind)
        for (kind, group) in kinds.sorted(by: { ($0.value.count, $1.key) > ($1.value.count, $0.key) }) {
            lines.append("    \(kind): \(Format.count(group.count))")
        }
        for d in disagreements {
            let who = d.subjectKind == "companies" ? "company" : "person"
            lines.append(
                "\(who) \(d.subject) \(d.day) \(d.field): run \(d.run), engine \(d.engine)"
                    + (d.context.isEmpty ? "" : " [\(d.context.joined(separator: ", "))]")
            )
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// The verification as a JSON document.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
