import Foundation
import RunRecords
import RunStore
import Simulation

/// Runs side by side (N4): the key metrics of each run, and each run's differences from the
/// first (the baseline), absolute and relative. Comparisons are meant for the same society (same
/// size and seed) under different systems, so that differences are the systems'; runs of
/// different societies are refused unless asked for.
public struct Comparison: Sendable, Codable, Equatable {
    /// One metric across the runs.
    public struct Row: Sendable, Codable, Equatable {
        public var id: String
        public var label: String
        public var format: Chart.Format
        /// The value in each run, in the runs' order.
        public var values: [Double?]
        /// value − the first run's value, for each run (the first's is 0).
        public var differences: [Double?]
        /// (value − first) / first, for each run; nil when the first is 0 or a value is missing.
        public var relative: [Double?]
        /// value − first over the seeds both runs are measured over, with its 95% interval, for
        /// each run (nil for the first, and where a run has no value of the figure for any seed).
        public var intervals: [SeedInterval?]
    }

    /// The runs, the first being the baseline.
    public var runs: [RunLine]
    /// The key metrics.
    public var rows: [Row]
    /// Things to keep in mind (different periods, unfinished runs, same digest).
    public var notes: [String]

    /// Compares runs, the first as the baseline.
    /// - Throws: `ImpactError` when fewer than two runs are given, or when runs are of different
    ///   societies (population or seed differ) and `allowDifferentSocieties` is false.
    public init(_ runs: [RunData], allowDifferentSocieties: Bool = false) throws {
        guard let base = runs.first, runs.count >= 2 else {
            throw ImpactError("compare needs at least two run folders")
        }
        var notes: [String] = []
        for run in runs.dropFirst() {
            var differences: [String] = []
            if run.info.population != base.info.population {
                differences.append(
                    "population \(Format.count(base.info.population)) and \(Format.count(run.info.population))"
                )
            }
            if run.info.seed != base.info.seed { differences.append("seed \(base.info.seed) and \(run.info.seed)") }
            guard !differences.isEmpty else { continue }
            let text =
                "\(base.directory) and \(run.directory) are runs of different societies (\(differences.joined(separator: "; ")))"
            guard allowDifferentSocieties else {
                throw ImpactError(
                    """
                    \(text): their differences would mix the systems' effects with the societies'. \
                    Compare runs of the same size and seed, or pass --allow-different-societies to compare them anyway.
                    """
                )
            }
            notes.append(text + ": differences mix the systems' effects with the societies'.")
        }
        for run in runs.dropFirst() where (run.info.start, run.info.end) != (base.info.start, base.info.end) {
            notes.append(
                "\(run.directory) covers \(run.info.start) to \(run.info.end), the baseline \(base.info.start) to \(base.info.end): totals cover different days."
            )
        }
        for run in runs where !run.progress.finished {
            notes.append("\(run.directory) is unfinished (\(run.days) days stored).")
        }
        for run in runs.dropFirst() where run.progress.digest != nil && run.progress.digest == base.progress.digest {
            notes.append("\(run.directory) has the baseline's digest: the same run.")
        }
        for run in runs.dropFirst() { notes.append(Self.seedNote(base, run)) }
        self.runs = runs.map(RunLine.init)
        let metrics = runs.map(\.keyMetrics)
        rows = metrics[0].indices.map { i in
            let values = metrics.map { $0[i].value }
            let first = values[0]
            return Row(
                id: metrics[0][i].id,
                label: metrics[0][i].label,
                format: metrics[0][i].format,
                values: values,
                differences: values.map { value in first.flatMap { f in value.map { $0 - f } } },
                relative: values.map { value in
                    first.flatMap { f in value.flatMap { Effect.relativeChange(real: $0, counterfactual: f) } }
                },
                intervals: runs.indices.map { $0 == 0 ? nil : Self.interval(base, runs[$0], metrics[0][i].id) }
            )
        }
        self.notes = notes
    }

    /// The comparison as a text table: each metric, the baseline's value, then each other run's
    /// value with its difference and relative change.
    public var text: String {
        var out = runs.enumerated().map { i, run in
            "\(i == 0 ? "A (baseline)" : "\(Self.letter(i))"): \(run.directory): \(run.scenario), \(Format.count(run.population)) people, seed \(run.seed), \(run.start) to \(run.end)"
        }
        out.append("")
        // Interval columns for a run only when some figure of it has an interval (several seeds).
        let spread = runs.indices.map { i in rows.contains { $0.intervals[i]?.halfWidth != nil } }
        var header = ["metric", "A"]
        for i in runs.indices.dropFirst() {
            let l = Self.letter(i)
            header +=
                [l, "\(l) − A", "change"] + (spread[i] ? ["\(l) − A, mean over seeds", "95% interval", "verdict"] : [])
        }
        let body = rows.map { row -> [String] in
            var cells = [row.label, row.cells(0).value]
            for i in runs.indices.dropFirst() {
                let run = row.cells(i)
                cells +=
                    [run.value, run.difference, run.change] + (spread[i] ? [run.mean, run.range, run.verdict] : [])
            }
            return cells
        }
        let all = [header] + body
        let widths = header.indices.map { c in all.map { $0[c].count }.max() ?? 0 }
        for row in all {
            out.append(
                row.enumerated().map { c, cell in
                    c == 0
                        ? cell.padding(toLength: widths[c], withPad: " ", startingAt: 0)
                        : String(repeating: " ", count: widths[c] - cell.count) + cell
                }.joined(separator: "  ")
            )
        }
        if !notes.isEmpty {
            out.append("")
            out += notes.map { "note: " + $0 }
        }
        return out.joined(separator: "\n") + "\n"
    }

    /// The comparison as JSON.
    public func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self) + "\n"
    }

    static func letter(_ i: Int) -> String { i < 26 ? String(UnicodeScalar(UInt8(65 + i))) : "R\(i + 1)" }

    static func value(_ value: Double?, _ format: Chart.Format) -> String {
        guard let value else { return "–" }
        switch format {
        case .score: return String(format: "%.1f", value)
        case .ratio: return String(format: "%.4f", value)
        default: return format.full(value)
        }
    }

    static func difference(_ value: Double?, _ format: Chart.Format) -> String {
        guard let value else { return "–" }
        let sign = value > 0 ? "+" : ""
        switch format {
        case .share: return sign + String(format: "%.2f pp", value * 100)
        default: return sign + Self.value(value, format)
        }
    }
}
