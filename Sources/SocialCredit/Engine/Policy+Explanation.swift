/// Plain-text explanations of standings and decisions (N1): every score, tier, list entry and
/// decision traced to the records and rules behind it, for people who must justify or contest it.
extension Policy {
    /// A standing explained line by line.
    public func explain(_ standing: Standing, records: [Record]) -> String {
        var lines: [String] = []
        let byID = Dictionary(records.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        if let score = standing.score, let scale = scale(for: standing.kind) {
            lines.append(
                "score \(score) on \(standing.day), tier \(tierName(standing.tier, standing.kind)) "
                    + "(from \(scale.initial) initial)"
            )
        } else {
            lines.append("no score on \(standing.day) (not scored)")
        }
        for c in standing.contributions {
            let sign = c.delta > 0 ? "+" : ""
            let capped = c.isCapped ? " (capped from \(c.nominal))" : ""
            let status = c.status == .counting ? "\(sign)\(c.delta)\(capped)" : "0, \(c.status.rawValue)"
            lines.append("  \(status): \(describe(record: c.record, byID))  [rule \(scenario.rules[c.rule].id)]")
        }
        for ceiling in standing.ceilings {
            let tier = tierName(ceiling.tier, standing.kind)
            switch ceiling.origin {
            case let .rule(rule, record):
                lines.append(
                    "  tier at best \(tier): rule \(scenario.rules[rule].id) on \(describe(record: record, byID))"
                )
            case let .spillover(index):
                lines.append("  tier at best \(tier): spillover \(scenario.spillovers[index].id)")
            }
        }
        for entry in standing.lists { lines.append("  " + describe(entry: entry)) }
        for hit in standing.spillovers {
            let spillover = scenario.spillovers[hit.spillover]
            lines.append(
                "  spillover \(spillover.id) via \(spillover.link.rawValue) (\(hit.through.count) of \(hit.of))"
            )
        }
        for active in standing.measures {
            let measure = scenario.measures[active.measure]
            lines.append(
                "  measure \(measure.id) (\(measure.kind.rawValue)) in force: \(describe(active.because, standing.kind))"
            )
        }
        return lines.joined(separator: "\n")
    }

    /// A decision explained: the verdict, each block and reward with its reasons, then the standing.
    public func explain(_ decision: Decision, records: [Record]) -> String {
        let action = scenario.actions[decision.action]
        var lines = ["\(action.id) on \(decision.day): \(decision.allowed ? "allowed" : "BLOCKED")"]
        for reason in decision.blocks { lines.append("  blocked by " + describe(reason, decision.standing.kind)) }
        for reason in decision.rewards { lines.append("  reward " + describe(reason, decision.standing.kind)) }
        lines.append(explain(decision.standing, records: records))
        return lines.joined(separator: "\n")
    }

    private func describe(_ reason: Reason, _ kind: SubjectKind) -> String {
        switch reason.origin {
        case let .measure(index):
            let measure = scenario.measures[index]
            let benefit = measure.benefit.map { " \($0) \(measure.unit ?? "")" } ?? ""
            return "measure \(measure.id)\(benefit): \(describe(reason.because, kind))"
        case let .spillover(index, through):
            let spillover = scenario.spillovers[index]
            let linkKind: SubjectKind = spillover.link == .employer ? .companies : .people
            return
                "spillover \(spillover.id) via \(spillover.link.rawValue) \(through.map(String.init).joined(separator: ", ")): "
                + describe(reason.because, linkKind)
        }
    }

    private func describe(_ because: Because, _ kind: SubjectKind) -> String {
        var parts: [String] = []
        if !because.lists.isEmpty {
            parts.append("on list " + because.lists.map { scenario.lists[$0].id }.joined(separator: ", "))
        }
        if let tier = because.tier { parts.append("tier \(tierName(tier, kind))") }
        if let score = because.score { parts.append("score \(score)") }
        if !because.records.isEmpty {
            parts.append("records #" + because.records.map(String.init).joined(separator: ", #"))
        }
        if !because.rules.isEmpty {
            parts.append("rules " + because.rules.map { scenario.rules[$0].id }.joined(separator: ", "))
        }
        return parts.joined(separator: "; ")
    }

    private func describe(entry: ListEntry) -> String {
        let list = scenario.lists[entry.list]
        var text = "on \(list.kind.rawValue) list \(list.id)"
        if let start = entry.start { text += " since \(start)" }
        switch entry.ending {
        case .open: text += entry.start == nil ? " while its condition holds" : " until removed"
        case .term: text += entry.end.map { " until \($0)" } ?? ""
        case let .repaired(record): text += entry.end.map { " until \($0) (repaired by record #\(record))" } ?? ""
        }
        if entry.extendedDays > 0 { text += ", extended \(entry.extendedDays) days" }
        if !entry.triggers.isEmpty { text += "; records #" + entry.triggers.map(String.init).joined(separator: ", #") }
        if list.published { text += "; published" }
        return text
    }

    private func describe(record id: Int, _ byID: [Int: Record]) -> String {
        guard let record = byID[id] else { return "record #\(id)" }
        let behavior = scenario.behaviors[record.behavior].id
        let source =
            record.source < scenario.sources.count ? scenario.sources[record.source].id : "source \(record.source)"
        return "record #\(id) \(behavior) on \(record.recorded) from \(source)"
    }

    private func tierName(_ tier: Int?, _ kind: SubjectKind) -> String {
        guard let tier, let scale = scale(for: kind), scale.tiers.indices.contains(tier) else { return "none" }
        return scale.tiers[tier].id
    }
}
