import Foundation

/// A target against a run: the simulated figure, its error, and whether it passes.
public struct TargetResult: Sendable, Equatable {
    /// The target.
    public var target: CalibrationTarget
    /// The simulated figure, or nil when it could not be computed.
    public var simulated: Double?
    /// Why it could not be computed.
    public var problem: String?

    /// Relative error, when there is a simulated figure.
    public var error: Double? { simulated.map { target.error(of: $0) } }
    /// Whether it is within tolerance (a figure that could not be computed fails).
    public var passed: Bool { simulated.map { target.passes($0) } ?? false }
}

extension Calibration {
    /// Every target evaluated on a run's series.
    public func evaluate(on series: MetricSeries) -> [TargetResult] {
        targets.map { target in
            do {
                return TargetResult(target: target, simulated: try target.metric.evaluate(on: series), problem: nil)
            } catch {
                return TargetResult(target: target, simulated: nil, problem: "\(error)")
            }
        }
    }

    /// The loss the fit minimises: the sum over targets of (error / tolerance)^2, so that a target
    /// at its tolerance weighs 1 whatever its size; a target that cannot be computed weighs 1e6.
    public static func loss(_ results: [TargetResult]) -> Double {
        results.reduce(0) { total, result in
            guard let error = result.error else { return total + 1e6 }
            let scaled = error / max(result.target.tolerance, 1e-9)
            return total + scaled * scaled
        }
    }
}

/// The table `sclab calibrate` prints: each target, the published and simulated figures, the
/// error and pass or fail.
public struct CalibrationReport: Sendable {
    /// The results, in the scenario's order.
    public var results: [TargetResult]
    /// First line: what was run.
    public var heading: String

    /// A report from its parts.
    public init(results: [TargetResult], heading: String) {
        self.results = results
        self.heading = heading
    }

    /// Whether every target passed.
    public var passed: Bool { results.allSatisfy(\.passed) }

    /// The table, then `N of M targets pass` and the sources.
    public var text: String {
        var rows: [[String]] = [["target", "published", "simulated", "error", "tolerance", ""]]
        for result in results {
            rows.append([
                result.target.id, Self.figure(result.target.value), result.simulated.map(Self.figure) ?? "-",
                result.error.map { Self.percent($0, signed: true) } ?? "-",
                "±" + Self.percent(result.target.tolerance, signed: false),
                result.passed ? "pass" : "FAIL",
            ])
        }
        let widths = rows[0].indices.map { column in rows.map { $0[column].count }.max() ?? 0 }
        var lines = [heading]
        for (index, row) in rows.enumerated() {
            let cells = row.enumerated().map { column, cell in
                column == 0 || column == row.count - 1
                    ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[column] - cell.count) + cell
            }
            lines.append("  " + cells.joined(separator: "  ").trimmingCharacters(in: .whitespaces))
            if index == 0 {
                lines.append("  " + String(repeating: "-", count: widths.reduce(0, +) + 2 * (widths.count - 1)))
            }
        }
        for result in results where result.problem != nil {
            lines.append("  \(result.target.id): \(result.problem!)")
        }
        let passing = results.filter(\.passed).count
        lines.append("\(passing) of \(results.count) targets pass")
        lines.append("sources:")
        for result in results { lines.append("  \(result.target.id): \(result.target.source)") }
        return lines.joined(separator: "\n")
    }

    /// A figure with four significant digits (no exponent for ordinary sizes).
    static func figure(_ value: Double) -> String {
        guard value != 0, value.isFinite else { return value.isFinite ? "0" : "\(value)" }
        if abs(value) >= 1e6 || abs(value) < 1e-6 { return String(format: "%.4g", value) }
        return ScenarioText.format(value)
    }

    static func percent(_ share: Double, signed: Bool) -> String {
        let text = String(format: "%.1f%%", abs(share) * 100)
        return signed ? (share < 0 ? "-" : "+") + text : text
    }
}
