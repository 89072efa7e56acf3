import SocialCredit

/// Tables of what each part of the scenario did over the run, one row per part: lists (entries
/// and removals, also of condition-filled lists), reward measures (grants and the benefit
/// granted, in the measure's `unit`), notices, and records by the operator of their source.
enum Tallies {
    /// Entries, removals and size at the end of every list, black and red, rule- and condition-filled.
    static func lists(_ run: RunData) -> Block? {
        let lists = run.scenario.lists
        guard !lists.isEmpty else { return nil }
        return .table(
            Table(
                caption: "Lists over the run (a condition-filled list is counted at month ends)",
                columns: ["list", "kind", "for", "filled by", "entries", "removals", "on it at the end"],
                rows: lists.map { list in
                    let size = (list.subject == .companies ? "company." : "") + "list.size.\(list.id)"
                    return [
                        list.id, list.kind.rawValue, list.subject.rawValue, list.entry == nil ? "rules" : "condition",
                        total(run, "list.entries.\(list.id)"), total(run, "list.removals.\(list.id)"),
                        Format.count(run.last(size)),
                    ]
                },
                numeric: [false, false, false, false, true, true, true]
            )
        )
    }

    /// Each reward measure's grants and the benefit they gave (grants × `benefit`, in its `unit`).
    static func benefits(_ run: RunData) -> Block? {
        let rewards = run.scenario.measures.filter { $0.kind == .reward }
        guard !rewards.isEmpty else { return nil }
        return .table(
            Table(
                caption: "Rewards granted and the benefit they gave, by measure",
                columns: ["measure", "action", "granted", "benefit each", "benefit granted", "unit"],
                rows: rewards.map { m in
                    [
                        m.id, m.action?.id ?? "", Format.count(run.sum("rewards.measure.\(m.id)")),
                        m.benefit.map(HowItWorks.number) ?? "–",
                        m.benefit == nil ? "–" : Format.count(run.sum("benefit.\(m.id)")), m.unit ?? "",
                    ]
                },
                numeric: [false, false, true, true, true, false]
            )
        )
    }

    /// People and companies under each notice at the end, and subject-months under it over the run.
    static func notices(_ run: RunData) -> Block? {
        let channels = Policy.noticeChannels(of: run.scenario)
        guard !channels.isEmpty else { return nil }
        return .table(
            Table(
                caption: "Notices (ringtone warnings, published names): who had each at the end, and months under it",
                columns: ["channel", "people at the end", "person-months", "companies at the end", "company-months"],
                rows: channels.map { c in
                    [
                        c, Format.count(run.last("notices.\(c)")), total(run, "notices.\(c)"),
                        Format.count(run.last("company.notices.\(c)")), total(run, "company.notices.\(c)"),
                    ]
                },
                numeric: [false, true, true, true, true]
            )
        )
    }

    /// A metric's sum over the run, or "–" when the run does not have it (a kind of subject no
    /// notice reaches, say), so that a missing figure is not shown as a count of 0.
    static func total(_ run: RunData, _ name: String) -> String {
        run.series[name] == nil ? "–" : Format.count(run.sum(name))
    }

    /// Records and false records by who runs their sources (`operator`).
    static func operators(_ run: RunData) -> Block? {
        let sources = run.scenario.sources
        guard !sources.isEmpty else { return nil }
        let operators = Source.Operator.allCases.filter { op in sources.contains { $0.operator_ == op } }
        return .table(
            Table(
                caption: "Records and false records by operator",
                columns: ["operator", "sources", "records", "false records", "share false"],
                rows: operators.map { op in
                    let mine = sources.filter { $0.operator_ == op }
                    let records = mine.reduce(0) { $0 + run.sum("records.source.\($1.id)") }
                    // Runs made before false records were counted by source have none: "–", not 0.
                    let counted = mine.contains { run.series["records.source_false.\($0.id)"] != nil }
                    let wrong = mine.reduce(0) { $0 + run.sum("records.source_false.\($1.id)") }
                    return [
                        op.rawValue, mine.map(\.id).joined(separator: ", "), Format.count(records),
                        counted ? Format.count(wrong) : "–",
                        counted ? Format.percent(Effect.share(wrong, of: records)) : "–",
                    ]
                },
                numeric: [false, false, true, true, true]
            )
        )
    }
}
