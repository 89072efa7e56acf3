import Foundation
import RunRecords
import Simulation
import SocialCredit
import Society

/// The short human summary (or JSON object) printed at the end of a run.
struct RunSummary {
    let info: RunInfo
    let folder: String
    let simulation: Simulation
    let digest: String
    let timings: [String: Double]
    let days: Int

    var totals: [String: Double] { simulation.runTotals }

    var json: String {
        var object: [String: Any] = [
            "scenario": info.scenarioID, "population": info.population, "seed": String(info.seed),
            "start": info.start, "end": info.end, "days": days, "threads": info.threads, "folder": folder,
            "digest": digest, "timings": timings, "totals": totals, "everListed": simulation.everListedCounts,
            "seeds": info.seedList.map(String.init),
        ]
        if let seconds = timings["simulation"], seconds > 0 {
            object["personDaysPerSecond"] = Double(info.population) * Double(days) / seconds
        }
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.prettyPrinted, .sortedKeys])) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    var text: String {
        let t = totals
        func n(_ key: String) -> String { grouped(Int(t[key] ?? 0)) }
        var lines: [String] = []
        lines.append("\(info.scenarioID): \(grouped(info.population)) people, \(info.start) to \(info.end) (\(grouped(days)) days), seed \(info.seed)")
        lines.append("  behaviours \(n("behaviors.total")), records \(n("records.total")) (\(n("records.false")) false, \(n("records.judged_otherwise")) judged otherwise)")
        let listed = simulation.everListedCounts.sorted { $0.key < $1.key }.map { "\($0.key) \(grouped($0.value))" }.joined(separator: ", ")
        lines.append("  ever listed: \(listed.isEmpty ? "none" : listed); listings from false records \(n("list.entries_false"))")
        lines.append("  actions blocked \(n("blocked.total")) (\(n("blocked_wrongly.total")) because of false records), rewards \(n("rewards.total"))")
        lines.append("  appeals filed \(n("appeals.filed")), records overturned \(n("appeals.overturned"))")
        if let seconds = timings["simulation"] {
            let rate = Double(info.population) * Double(days) / max(seconds, 1e-9)
            lines.append(String(format: "  simulated in %.2f s (%@ person-days/s); society generated in %.2f s",
                                seconds, ProgressReporter.format(rate), timings["population"] ?? 0))
        }
        if info.seeds > 1 {
            lines.append("  measured over \(info.seeds) seeds (\(info.seedList.map(String.init).joined(separator: ", "))): the report gives each difference with its 95% interval")
        }
        lines.append("output: \(folder)/run.sqlite")
        lines.append("digest: \(digest)")
        return lines.joined(separator: "\n")
    }
}
