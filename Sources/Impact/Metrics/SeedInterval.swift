import Foundation

/// How sure a difference is over seeds (docs/metrics.md, "Uncertainty over seeds"): the mean
/// difference and its 95% t-interval, paired when both sides of each difference share a society
/// (a run and its counterfactual; two runs of the same seeds), Welch's unpaired interval when the
/// societies differ. A difference whose interval includes 0 is "not distinguishable from chance".
public struct SeedInterval: Sendable, Codable, Equatable {
    /// How the interval was made.
    public enum Method: String, Sendable, Codable {
        /// Over the differences of pairs that share a seed: mean ± t(0.975, n − 1) · s / √n.
        case paired
        /// Over two independent samples: Welch's interval with Welch–Satterthwaite degrees of freedom.
        case welch
    }

    /// Paired or unpaired.
    public var method: Method
    /// Seeds behind the interval: pairs (paired), or the smaller of the two samples (Welch).
    public var seeds: Int
    /// The mean difference over seeds (second minus first).
    public var mean: Double
    /// Half the 95% interval's width; nil with one seed, where no spread can be measured.
    public var halfWidth: Double?
    /// The degrees of freedom of the t quantile used; nil with one seed.
    public var degreesOfFreedom: Double?

    /// The interval's lower end; nil with one seed.
    public var lower: Double? { halfWidth.map { mean - $0 } }
    /// The interval's upper end; nil with one seed.
    public var upper: Double? { halfWidth.map { mean + $0 } }

    /// Whether the interval includes 0 (its ends count); nil with one seed.
    public var includesZero: Bool? { halfWidth.map { mean - $0 <= 0 && 0 <= mean + $0 } }

    /// The verdict in words, the report's and `sclab compare`'s one wording.
    public var verdict: String {
        switch includesZero {
        case nil: return "one seed: no interval can be given"
        case true?: return "not distinguishable from chance"
        case false?: return "the 95% interval excludes 0"
        }
    }

    /// The paired interval over `differences` (one per seed, each within one society); nil for none.
    public static func paired(_ differences: [Double]) -> SeedInterval? {
        guard !differences.isEmpty else { return nil }
        let n = Double(differences.count)
        let mean = differences.reduce(0, +) / n
        guard differences.count > 1 else { return SeedInterval(method: .paired, seeds: 1, mean: mean) }
        let variance = differences.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let df = n - 1
        return SeedInterval(
            method: .paired,
            seeds: differences.count,
            mean: mean,
            halfWidth: StudentT.quantile975(degreesOfFreedom: df) * (variance / n).squareRoot(),
            degreesOfFreedom: df
        )
    }

    /// Welch's interval of mean(`second`) − mean(`first`), two independent samples of seeds; nil
    /// when either is empty. With one seed on either side there is no interval. When both samples
    /// have no spread the interval is the mean difference alone (no degrees of freedom to speak of).
    public static func welch(_ first: [Double], _ second: [Double]) -> SeedInterval? {
        guard !first.isEmpty, !second.isEmpty else { return nil }
        func moments(_ x: [Double]) -> (n: Double, mean: Double, variance: Double) {
            let n = Double(x.count)
            let mean = x.reduce(0, +) / n
            return (n, mean, x.count > 1 ? x.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1) : 0)
        }
        let a = moments(first)
        let b = moments(second)
        let seeds = min(first.count, second.count)
        guard seeds > 1 else { return SeedInterval(method: .welch, seeds: 1, mean: b.mean - a.mean) }
        let va = a.variance / a.n
        let vb = b.variance / b.n
        guard va + vb > 0 else {
            return SeedInterval(
                method: .welch,
                seeds: seeds,
                mean: b.mean - a.mean,
                halfWidth: 0,
                degreesOfFreedom: nil
            )
        }
        let df = (va + vb) * (va + vb) / (va * va / (a.n - 1) + vb * vb / (b.n - 1))
        return SeedInterval(
            method: .welch,
            seeds: seeds,
            mean: b.mean - a.mean,
            halfWidth: StudentT.quantile975(degreesOfFreedom: df) * (va + vb).squareRoot(),
            degreesOfFreedom: df
        )
    }

    /// An interval from its parts (tests and the two constructors above).
    public init(method: Method, seeds: Int, mean: Double, halfWidth: Double? = nil, degreesOfFreedom: Double? = nil) {
        self.method = method
        self.seeds = seeds
        self.mean = mean
        self.halfWidth = halfWidth
        self.degreesOfFreedom = degreesOfFreedom
    }

    /// "+2.00 (95% interval −0.48 to +4.48 over 3 seeds)", numbers as `format` writes differences;
    /// with one seed, the difference and "one seed: no interval can be given".
    public func text(_ format: Chart.Format) -> String {
        let mean = Comparison.difference(self.mean, format)
        guard halfWidth != nil else { return "\(mean) (one seed: no interval can be given)" }
        return "\(mean) (95% interval \(range(format)) over \(seeds) seeds)"
    }
}

/// Quantiles of Student's t distribution, for the intervals above.
enum StudentT {
    /// t(0.975, ν) for ν = 1...30, then 40, 50, 60, 70, 80, 90, 100, from the NIST/SEMATECH
    /// e-Handbook of Statistical Methods, section 1.3.6.7.2, "Critical values of the Student's t
    /// distribution" (https://www.itl.nist.gov/div898/handbook/eda/section3/eda3672.htm), column 0.975.
    static let table: [(df: Double, t: Double)] = [
        (1, 12.706), (2, 4.303), (3, 3.182), (4, 2.776), (5, 2.571), (6, 2.447), (7, 2.365), (8, 2.306),
        (9, 2.262), (10, 2.228), (11, 2.201), (12, 2.179), (13, 2.160), (14, 2.145), (15, 2.131), (16, 2.120),
        (17, 2.110), (18, 2.101), (19, 2.093), (20, 2.086), (21, 2.080), (22, 2.074), (23, 2.069), (24, 2.064),
        (25, 2.060), (26, 2.056), (27, 2.052), (28, 2.048), (29, 2.045), (30, 2.042), (40, 2.021), (50, 2.009),
        (60, 2.000), (70, 1.994), (80, 1.990), (90, 1.987), (100, 1.984),
    ]

    /// t(0.975, ν): the table's entry for the largest tabulated ν not above `degreesOfFreedom`
    /// (Welch's ν is not whole; rounding down widens the interval, never narrows it); 12.706 below 1.
    static func quantile975(degreesOfFreedom: Double) -> Double {
        table.last { $0.df <= degreesOfFreedom }?.t ?? table[0].t
    }
}
