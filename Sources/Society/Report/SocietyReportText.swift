import Foundation
import SocialCredit

/// The plain-text form of a `SocietyReport`, as `sclab population` prints it.
public struct SocietyReportText: Sendable {
    /// The report.
    public var report: SocietyReport
    /// Generation time, if measured.
    public var seconds: Double?
    /// Threads used, if known.
    public var threads: Int?

    /// A renderer for a report.
    public init(report: SocietyReport, seconds: Double? = nil, threads: Int? = nil) {
        self.report = report
        self.seconds = seconds
        self.threads = threads
    }

    /// The text.
    public var text: String {
        let r = report
        var lines: [String] = []
        var head = "Synthetic society: \(grouped(r.size)) people, seed \(r.seed)"
        if let threads { head += ", \(threads) thread\(threads == 1 ? "" : "s")" }
        if let seconds { head += ", generated in \(String(format: "%.2f", seconds)) s" }
        lines.append(head)
        lines.append("Tolerance: \(r.tolerancePolicy)")
        lines.append("")
        lines.append(
            pad("marginal", 44) + lpad("census", 12) + lpad("generated", 12) + lpad("deviation", 12)
                + lpad("tolerance", 12) + "  result"
        )
        var table = ""
        for m in r.marginals {
            if m.table != table {
                table = m.table
                lines.append(table)
            }
            let result = m.tolerance == nil ? "info" : (m.passes ? "ok" : "FAIL")
            lines.append(
                pad("  " + m.label, 44) + lpad(value(m.census, m.unit), 12) + lpad(value(m.generated, m.unit), 12)
                    + lpad(deviation(m.deviation, m.unit), 12)
                    + lpad(m.tolerance.map { deviation($0, m.unit, signed: false) } ?? "-", 12)
                    + "  " + result
            )
        }
        let failed = r.marginals.filter { !$0.passes }.count
        lines.append("")
        lines.append(
            failed == 0
                ? "All \(r.marginals.count) marginals within tolerance."
                : "\(failed) of \(r.marginals.count) marginals outside tolerance."
        )
        let n = r.network
        lines.append("")
        lines.append("Friendship network")
        lines.append(
            String(
                format:
                    "  degree: mean %.2f, sd %.2f, variance/mean %.2f (1 for Poisson); median %d, p90 %d, p99 %d, max %d",
                n.meanDegree,
                n.degreeStandardDeviation,
                n.dispersionIndex,
                n.median,
                n.p90,
                n.p99,
                n.max
            )
        )
        lines.append(
            String(
                format:
                    "  tail: %.3f%% of people have mean + 3 sqrt(mean) friends or more (Poisson: %.3f%%); %.2f%% have none",
                n.tailShare * 100,
                n.poissonTailShare * 100,
                n.isolatedShare * 100
            )
        )
        lines.append(
            String(
                format: "  close ties: mean %.2f per person; clustering %.3f (mean local, %d sampled)",
                n.meanCloseDegree,
                n.clustering,
                n.clusteringSample
            )
        )
        lines.append(
            String(
                format:
                    "  homophily: friends' mean age gap %.1f years (random pairs %.1f); %.1f%% of ties within a province",
                n.meanFriendAgeGap,
                n.meanRandomAgeGap,
                n.sameProvinceShare * 100
            )
        )
        let c = r.companies
        lines.append("")
        lines.append("Companies")
        lines.append(
            String(
                format: "  %@ companies, %@ employees (%.1f%% of adults), mean size %.1f, largest %@",
                grouped(c.count),
                grouped(c.employees),
                c.employeeShareOfAdults * 100,
                c.meanSize,
                grouped(c.largest)
            )
        )
        lines.append("")
        lines.append(
            String(
                format: "Memory: %.1f bytes per person plus %.0f bytes per network endpoint; %@ MB in all",
                r.memory.bytesPerPerson,
                r.memory.networkBytesPerEndpoint,
                grouped(r.memory.totalBytes / 1_000_000)
            )
        )
        return lines.joined(separator: "\n")
    }

    private func value(_ x: Double, _ unit: String) -> String {
        switch unit {
        case "share": return String(format: "%.2f%%", x * 100)
        case "yuan": return grouped(Int(x.rounded()))
        default: return String(format: "%.3f", x)
        }
    }

    private func deviation(_ x: Double, _ unit: String, signed: Bool = true) -> String {
        let sign = signed && x >= 0 ? "+" : ""
        switch unit {
        case "share": return sign + String(format: "%.2f pp", x * 100)
        case "yuan": return sign + grouped(Int(x.rounded()))
        default: return sign + String(format: "%.3f", x)
        }
    }

    private func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }

    private func lpad(_ s: String, _ width: Int) -> String {
        s.count >= width ? " " + s : String(repeating: " ", count: width - s.count) + s
    }
}
