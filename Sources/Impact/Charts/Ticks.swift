import Foundation
import RunRecords
import Simulation
import SocialCredit
import Society

/// Axis ticks at "nice" round values (1, 2, 2.5 or 5 times a power of ten), covering a range.
public struct Ticks: Sendable, Equatable {
    /// Lowest and highest tick: the axis's ends.
    public var lower: Double
    public var upper: Double
    /// Distance between ticks.
    public var step: Double

    /// Ticks covering [minimum, maximum] with about `target` intervals. A range of one value is
    /// widened (around 0 to 1 for zero, else from 0 to the value), so an axis is never empty.
    public init(minimum: Double, maximum: Double, target: Int = 5) {
        var low = minimum
        var high = maximum
        if !(low.isFinite && high.isFinite) {
            low = 0
            high = 1
        }
        if high < low { swap(&low, &high) }
        if high == low {
            if high == 0 { high = 1 } else if high > 0 { low = 0 } else { high = 0 }
        }
        let raw = (high - low) / Double(max(1, target))
        let power = pow(10, floor(log10(raw)))
        let fraction = raw / power
        let nice: Double = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10
        step = nice * power
        lower = floor(low / step) * step
        upper = ceil(high / step) * step
        if upper == lower { upper = lower + step }
    }

    /// The tick values from `lower` to `upper`.
    public var values: [Double] {
        let count = Int(((upper - lower) / step).rounded())
        return (0...count).map { lower + Double($0) * step }
    }

    /// Where a value falls between the ends, 0 at `lower` and 1 at `upper`.
    public func position(_ value: Double) -> Double { (value - lower) / (upper - lower) }
}

extension Chart.Format {
    /// A value as an axis label: counts grouped with k and M, shares as percentages with as
    /// many decimals as the tick step needs, ratios with two decimals.
    public func label(_ value: Double, step: Double) -> String {
        switch self {
        case .share:
            let percent = value * 100
            let stepPercent = step * 100
            let decimals = stepPercent >= 1 ? 0 : stepPercent >= 0.1 ? 1 : stepPercent >= 0.01 ? 2 : 3
            return String(format: "%.\(decimals)f%%", percent)
        case .ratio:
            return String(format: step >= 0.1 ? "%.1f" : "%.2f", value)
        case .count, .score:
            if step >= 1_000_000 { return Self.trim(value / 1_000_000) + "M" }
            if step >= 1_000 && abs(value) >= 10_000 { return Self.trim(value / 1_000) + "k" }
            if step < 1 || step != step.rounded() { return String(format: step < 0.1 ? "%.2f" : "%.1f", value) }
            return Self.grouped(value)
        }
    }

    /// A value written in full for tables and tooltips.
    public func full(_ value: Double?) -> String {
        guard let value, value.isFinite else { return "–" }
        switch self {
        case .share: return String(format: "%.2f%%", value * 100)
        case .ratio: return String(format: "%.2f", value)
        case .score: return String(format: "%.1f", value)
        case .count: return value == value.rounded() ? Self.grouped(value) : String(format: "%.1f", value)
        }
    }

    /// An integer value with thousands separators (1,234,567), as the other reports write them;
    /// a value beyond 64-bit integers (only a damaged run has one) in exponent form, and a value
    /// that is not a number as a dash, never a trap.
    static func grouped(_ value: Double) -> String {
        guard let int = Int(exactly: value.rounded()) else {
            return value.isFinite ? String(format: "%.3g", value) : "–"
        }
        return SocialCredit.grouped(int)
    }

    private static func trim(_ value: Double) -> String {
        let text = String(format: "%.1f", value)
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }
}
