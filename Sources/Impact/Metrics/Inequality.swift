import Foundation
import RunRecords
import Simulation
import SocialCredit

/// Measures of how unevenly something is spread over people (docs/metrics.md, "Gini").
public enum Inequality {
    /// The Gini coefficient of non-negative values: the mean absolute difference between all
    /// pairs over twice the mean, G = Σᵢ Σⱼ |xᵢ − xⱼ| / (2 n² x̄). 0 when everyone has the same,
    /// (n − 1)/n when one has everything. Computed on the sorted values as
    /// G = 2 Σᵢ i·x₍ᵢ₎ / (n Σ x) − (n + 1)/n, with i from 1.
    ///
    /// Nil when undefined: no values, a negative value, or a total of zero.
    public static func gini(_ values: [Double]) -> Double? {
        guard !values.isEmpty, values.allSatisfy({ $0 >= 0 && $0.isFinite }) else { return nil }
        let sorted = values.sorted()
        let total = sorted.reduce(0, +)
        guard total > 0 else { return nil }
        let n = Double(sorted.count)
        var weighted = 0.0
        for (i, x) in sorted.enumerated() { weighted += Double(i + 1) * x }
        return 2 * weighted / (n * total) - (n + 1) / n
    }

    /// The Gini coefficient of values given as a histogram: `counts[k]` people each with
    /// `values[k]` (the score bins of a run). The same formula as `gini(_:)`, without expanding
    /// the histogram: pairs within a bin differ by 0, so G = Σₖ Σₗ cₖ cₗ |vₖ − vₗ| / (2 n² x̄).
    public static func gini(values: [Double], counts: [Double]) -> Double? {
        guard values.count == counts.count, counts.allSatisfy({ $0 >= 0 }), values.allSatisfy({ $0 >= 0 }) else {
            return nil
        }
        let n = counts.reduce(0, +)
        let total = zip(values, counts).reduce(0) { $0 + $1.0 * $1.1 }
        guard n > 0, total > 0 else { return nil }
        var sum = 0.0
        for k in values.indices {
            for l in values.indices { sum += counts[k] * counts[l] * abs(values[k] - values[l]) }
        }
        return sum / (2 * n * total)
    }
}
