import Foundation

extension CreditReport {
    /// The report as text for a terminal: sections with aligned columns, dates as ISO dates.
    public var text: String {
        var out: [String] = []
        let a = attributes
        out.append("Credit report of person \(person): \(a.name), identity number \(a.identityNumber)")
        out.append(
            "run \(run.directory): \(run.scenario), \(Format.count(run.population)) synthetic people, seed \(run.seed), \(run.start) to \(run.end)"
        )
        out.append("(a synthetic person: no real person's data)")
        out.append("")
        out.append("Who")
        out.append(
            "  \(a.sex), born \(a.born) (\(a.ageAtStart) at the start), \(a.province), \(a.urban ? "urban" : "rural"), education: \(a.education)"
        )
        out.append(
            "  household income \(Format.count(a.householdIncome.rounded())) yuan per person per year (quintile \(a.incomeQuintile) of 5)"
                + (a.driver ? ", drives" : "") + (a.internetUser ? ", online" : "")
                + (a.employer.map { ", works for company \($0)" } ?? "")
        )
        out.append("")
        out.append("Standing at the end (\(run.end))")
        if let f = final {
            out.append(
                "  " + (f.score.map { "score \($0), tier \(f.tier ?? "–")" } ?? "not scored")
                    + "; " + (f.lists.isEmpty ? "on no list" : "on " + f.lists.joined(separator: ", "))
            )
            if f.everListed != f.lists && !f.everListed.isEmpty {
                out.append("  ever on: " + f.everListed.joined(separator: ", "))
            }
            if !f.falseLists.isEmpty {
                out.append("  entered through a false record: " + f.falseLists.joined(separator: ", "))
            }
            out.append(
                "  over the run: \(Format.count(f.records)) record\(f.records == 1 ? "" : "s") (\(Format.count(f.falseRecords)) false), "
                    + "\(Format.count(f.blocked)) actions blocked, \(Format.count(f.rewarded)) rewards"
            )
            if f.spilloverPoints != 0 || f.spilloverCeiling != nil || !f.spillovers.isEmpty {
                var parts: [String] = []
                if f.spilloverPoints != 0 {
                    parts.append("\(f.spilloverPoints > 0 ? "+" : "")\(f.spilloverPoints) points")
                }
                if let ceiling = f.spilloverCeiling { parts.append("tier at best \(ceiling)") }
                if !f.spillovers.isEmpty { parts.append(f.spillovers.joined(separator: ", ")) }
                out.append("  through relatives, friends or employer: " + parts.joined(separator: "; "))
            }
        } else {
            out.append("  not stored")
        }
        if let note = notTraced {
            out.append("")
            out.append(note)
            return out.joined(separator: "\n") + "\n"
        }
        if let e = engine {
            out.append(
                "  the decision engine, from the traced records: "
                    + (e.score.map { "score \($0), tier \(e.tier ?? "–")" } ?? "not scored")
                    + (e.agrees ? " (agrees with the run)" : " (differs from the run: \(e.note ?? ""))")
            )
        }
        out.append("")
        out.append("Score over time (month ends where it changed, own records)")
        out.append(
            "  "
                + scoreHistory.map { "\($0.month) \($0.score.map(String.init) ?? "–") \($0.tier ?? "")" }.joined(
                    separator: " · "
                )
        )
        out.append("")
        out.append("Records (\(Set(records.map(\.record)).count))")
        out.append(
            contentsOf: Self.columns(
                ["record", "occurred", "recorded", "behaviour", "source", "rule", "points", "at the end", "notes"],
                records.map { r in
                    var notes: [String] = []
                    if r.misattributed {
                        notes.append("FALSE: done by person \(r.actualSubject.map(String.init) ?? "?")")
                    }
                    if let list = r.listed, r.status == "counting" || r.status == "expired" {
                        notes.append("lists on \(list)")
                    }
                    if let filed = r.appealFiled {
                        notes.append(
                            "appealed \(filed)"
                                + (r.appealOutcome.map { ", \($0) \(r.appealDecided ?? "")" } ?? ", pending")
                        )
                    }
                    return [
                        "#\(r.record)", r.occurred, r.recorded, r.behavior, r.source, r.rule ?? "–",
                        r.delta > 0 ? "+\(r.delta)" : String(r.delta), r.status, notes.joined(separator: "; "),
                    ]
                }
            )
        )
        out.append("")
        out.append("Lists")
        if lists.isEmpty { out.append("  never listed") }
        for l in lists {
            var line = "  \(l.list): " + (l.since ?? "while its condition holds")
            if let until = l.until { line += " to " + until }
            line += " (" + l.ending + (l.extendedDays > 0 ? ", extended \(l.extendedDays) days" : "") + ")"
            if let record = l.record { line += "; record #\(record)" }
            if let rule = l.rule { line += " by rule " + rule }
            if l.falseRecord == true { line += "; a FALSE record" }
            if l.atEnd { line += "; still on it at the end" }
            out.append(line)
        }
        let appeals = records.filter { $0.appealFiled != nil }
        out.append("")
        out.append("Appeals (\(appeals.count))")
        if appeals.isEmpty { out.append("  none filed") }
        for r in appeals {
            let outcome = r.appealOutcome.map { $0 + " on " + (r.appealDecided ?? "") } ?? "pending"
            out.append(
                "  record #\(r.record) (\(r.behavior), rule \(r.rule ?? "–")): filed \(r.appealFiled ?? ""), " + outcome
                    + (r.misattributed ? "; the record was false" : "")
            )
        }
        if let e = engine {
            out.append("")
            if let warning = e.ringtoneWarning { out.append("Ringtone warning callers hear: " + warning) }
            if !e.notices.isEmpty { out.append("Notices in force: " + e.notices.joined(separator: ", ")) }
            out.append("Measures in force at the end, and why")
            if e.measures.isEmpty { out.append("  none") }
            out.append(contentsOf: e.measures.map { "  " + $0 })
            out.append("")
            out.append("Decisions at the end (actions a measure or spillover acts on)")
            if e.decisions.isEmpty { out.append("  none") }
            out.append(contentsOf: e.decisions.map { "  " + $0.replacingOccurrences(of: "\n", with: "\n  ") })
        }
        out.append("")
        out.append("Family, friends and employer (\(circle.count))")
        out.append(
            contentsOf: Self.columns(
                ["role", "id", "traced", "stored state at the end", "reaches them"],
                circle.map {
                    [
                        $0.role, String($0.id), $0.traced ? "yes" : "no", $0.state ?? "not stored",
                        $0.reaches.joined(separator: ", "),
                    ]
                }
            )
        )
        return out.joined(separator: "\n") + "\n"
    }

    /// Rows as left-aligned columns, indented by two spaces, with a header row.
    static func columns(_ header: [String], _ rows: [[String]]) -> [String] {
        guard !rows.isEmpty else { return ["  none"] }
        let all = [header] + rows
        let widths = header.indices.map { i in all.map { $0[i].count }.max() ?? 0 }
        return all.map { row in
            "  "
                + row.enumerated().map { i, cell in
                    i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
                }.joined(separator: "  ").trimmingCharacters(in: .whitespaces)
        }
    }

    /// The report as JSON.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }
}
