import Foundation
import RunRecords
import Simulation
import SocialCredit
import Society

/// The short human summary and the JSON object of a finished run: the JSON is stored with the
/// run (`summary`), and `sclab simulate` prints one or the other.
public struct RunSummary: Sendable {
    /// The run.
    public let info: RunInfo
    /// The run folder.
    public let folder: String
    /// The SHA-256 of the final state (64 hex digits): the same for the same scenario, size and
    /// seed on any number of threads.
    public let digest: String
    /// Seconds spent generating the society, simulating, computing the digest, and on the companions.
    public let timings: [String: Double]
    /// Days simulated.
    public let days: Int
    /// The run's totals by metric name (`records.total`, `blocked.total`, ...).
    public let totals: [String: Double]
    /// People and companies ever on each list, by list id.
    public let everListed: [String: Int]
    /// The processes (MPI ranks) that ran the society's shards: 1 for a run in one process.
    public let ranks: Int
    /// What this rank exchanged with the others (nil for a run in one process).
    public let exchange: ExchangeFigures?
    /// The part of `exchange` while the days were simulated (month ends), without generating
    /// the society, the digest and the final gathers.
    public let exchangeSimulating: ExchangeFigures?

    /// The summary of a finished simulation.
    init(
        info: RunInfo,
        folder: String,
        simulation: Simulation,
        digest: String,
        timings: [String: Double],
        days: Int,
        exchange: ExchangeFigures? = nil,
        exchangeSimulating: ExchangeFigures? = nil
    ) {
        self.exchange = exchange
        self.exchangeSimulating = exchangeSimulating
        self.info = info
        self.folder = folder
        self.digest = digest
        self.timings = timings
        self.days = days
        totals = simulation.runTotals
        everListed = simulation.everListedCounts
        ranks = simulation.shards
    }

    /// The summary as one JSON object (sorted keys), as stored and as `--json` prints it.
    public var json: String {
        var object: [String: Any] = [
            "scenario": info.scenarioID, "population": info.population, "seed": String(info.seed),
            "start": info.start, "end": info.end, "days": days, "threads": info.threads, "folder": folder,
            "digest": digest, "timings": timings, "totals": totals, "everListed": everListed,
            "seeds": info.seedList.map(String.init), "ranks": ranks,
        ]
        if let branch = info.branch { object["branch"] = ["baseline": branch.baselineFolder, "date": branch.date] }
        if let exchange { object["exchange"] = exchange.json }
        if let exchangeSimulating { object["exchangeSimulating"] = exchangeSimulating.json }
        if let seconds = timings["simulation"], seconds > 0 {
            object["personDaysPerSecond"] = Double(info.population) * Double(days) / seconds
        }
        let data =
            (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// The summary as a few lines of text, as `sclab simulate` prints it.
    public var text: String {
        let t = totals
        func n(_ key: String) -> String { grouped(Int(t[key] ?? 0)) }
        var lines: [String] = []
        lines.append(
            "\(info.scenarioID): \(grouped(info.population)) people, \(info.start) to \(info.end) (\(grouped(days)) days), seed \(info.seed)"
        )
        if let branch = info.branch {
            lines.append(
                "  a branch of \(branch.baselineFolder): its scenario until \(branch.date), this one from then on"
            )
        }
        lines.append(
            "  behaviours \(n("behaviors.total")), records \(n("records.total")) (\(n("records.false")) false, \(n("records.judged_otherwise")) judged otherwise)"
        )
        let listed = everListed.sorted { $0.key < $1.key }.map { "\($0.key) \(grouped($0.value))" }.joined(
            separator: ", "
        )
        lines.append(
            "  ever listed: \(listed.isEmpty ? "none" : listed); listings from false records \(n("list.entries_false"))"
        )
        lines.append(
            "  actions blocked \(n("blocked.total")) (\(n("blocked_wrongly.total")) because of false records), rewards \(n("rewards.total"))"
        )
        lines.append("  appeals filed \(n("appeals.filed")), records overturned \(n("appeals.overturned"))")
        if let seconds = timings["simulation"] {
            let rate = Double(info.population) * Double(days) / max(seconds, 1e-9)
            lines.append(
                String(
                    format: "  simulated in %.2f s (%@ person-days/s%@); society generated in %.2f s; digest in %.2f s",
                    seconds,
                    compactNumber(rate),
                    ranks > 1 ? " on \(ranks) ranks" : "",
                    timings["population"] ?? 0,
                    timings["digest"] ?? 0
                )
            )
        }
        if let exchange, let during = exchangeSimulating {
            lines.append(
                String(
                    format:
                        "  rank 0 exchanged %@B with the other ranks in %d collectives, %.2f s in them (%.2f s while simulating, %.1f%% of it)",
                    compactNumber(Double(exchange.bytesSent + exchange.bytesReceived)),
                    exchange.calls,
                    exchange.seconds,
                    during.seconds,
                    100 * during.seconds / max(timings["simulation"] ?? 0, 1e-9)
                )
            )
        }
        if info.seeds > 1 {
            lines.append(
                "  measured over \(info.seeds) seeds (\(info.seedList.map(String.init).joined(separator: ", "))): the report gives each difference with its 95% interval"
            )
        }
        lines.append("output: \(folder)/run.sqlite")
        lines.append("digest: \(digest)")
        return lines.joined(separator: "\n")
    }
}

/// A rate or count in a few characters (1.25M, 3.4k), for the summary and sclab's progress bar.
package func compactNumber(_ value: Double) -> String {
    switch value {
    case 1e9...: return String(format: "%.2fG", value / 1e9)
    case 1e6...: return String(format: "%.2fM", value / 1e6)
    case 1e3...: return String(format: "%.1fk", value / 1e3)
    default: return String(format: "%.0f", value)
    }
}
