import Foundation

/// Per-capita disposable income: a lognormal body with a Pareto upper tail, fitted to the
/// NBS 2020 quintile means and Gini, with urban households drawn higher than rural ones so that
/// the urban/rural mean ratio matches too.
///
/// One lognormal cannot match both the quintile shares and the Gini of 0.468 (the research note
/// finds sigma 0.76 for the shares but 0.88 for the Gini); the Pareto tail above the `tailStart`
/// quantile carries the top incomes that household surveys miss.
struct IncomeModel: Sendable {
    /// Lognormal shape.
    let sigma: Double
    /// Quantile where the Pareto tail begins.
    let tailStart: Double
    /// Pareto index of the tail.
    let alpha: Double
    /// Scale, so that the mean matches the published mean.
    let scale: Double
    /// Rural households' quantile density is proportional to (1 - u)^ruralTilt.
    let ruralTilt: Double
    /// Inverse CDF of urban households' quantile, on a grid.
    let urbanInverse: [Double]
    let urbanShare: Double

    /// Quintile shares and Gini of the fitted distribution (for reports and tests).
    let fittedShares: [Double]
    let fittedGini: Double
    let fittedUrbanRuralRatio: Double

    private static let grid = 2000

    init(census: Census) {
        let means = (1...5).map { census.income["quintile_\($0)"]! }
        let targetShares = means.map { $0 / means.reduce(0, +) }
        let targetGini = census.income["gini"]!
        let z = (0..<Self.grid).map { inverseNormal((Double($0) + 0.5) / Double(Self.grid)) }

        func evaluate(
            _ sigma: Double,
            _ u0: Double,
            _ alpha: Double
        ) -> (shares: [Double], gini: Double, values: [Double]) {
            let values = Self.quantiles(z: z, sigma: sigma, tailStart: u0, alpha: alpha)
            return (Self.shares(values), Self.gini(values), values)
        }
        // The published quintile shares come from groups of households and the Gini from person
        // microdata; no monotone person-level distribution matches both exactly (matching the
        // shares exactly caps the Gini near 0.44). The fit balances them: least squares on the
        // five shares and the Gini, the Gini weighted four times (it is one figure against five).
        func loss(_ sigma: Double, _ u0: Double, _ alpha: Double) -> Double {
            let (shares, gini, _) = evaluate(sigma, u0, alpha)
            return zip(shares, targetShares).reduce(0) { $0 + pow($1.0 - $1.1, 2) } + 4 * pow(gini - targetGini, 2)
        }
        // A coarse grid, then coordinate descent with shrinking steps from its best point.
        var best = (sigma: 0.8, u0: 0.9, alpha: 2.5)
        var bestLoss = Double.infinity
        for sigma in stride(from: 0.6, through: 1.3, by: 0.1) {
            for u0 in stride(from: 0.6, through: 0.99, by: 0.05) {
                for alpha in stride(from: 1.3, through: 4.0, by: 0.3) {
                    let value = loss(sigma, u0, alpha)
                    if value < bestLoss {
                        bestLoss = value
                        best = (sigma, u0, alpha)
                    }
                }
            }
        }
        var step = (sigma: 0.05, u0: 0.025, alpha: 0.15)
        for _ in 0..<60 {
            var improved = false
            for candidate in [
                (best.sigma + step.sigma, best.u0, best.alpha), (best.sigma - step.sigma, best.u0, best.alpha),
                (best.sigma, min(0.995, best.u0 + step.u0), best.alpha),
                (best.sigma, max(0.5, best.u0 - step.u0), best.alpha),
                (best.sigma, best.u0, best.alpha + step.alpha),
                (best.sigma, best.u0, max(1.1, best.alpha - step.alpha)),
            ] where candidate.0 > 0.2 {
                let value = loss(candidate.0, candidate.1, candidate.2)
                if value < bestLoss {
                    bestLoss = value
                    best = (candidate.0, candidate.1, candidate.2)
                    improved = true
                }
            }
            if !improved { step = (step.sigma / 2, step.u0 / 2, step.alpha / 2) }
        }
        let fitted = evaluate(best.sigma, best.u0, best.alpha)
        sigma = best.sigma
        tailStart = best.u0
        alpha = best.alpha
        scale = census.income["mean"]! / (fitted.values.reduce(0, +) / Double(Self.grid))
        fittedShares = fitted.shares
        fittedGini = fitted.gini

        // Urban/rural tilt: rural density (b+1)(1-u)^b; urban density keeps the mixture uniform.
        let share = census.headline["urban_share"]!
        urbanShare = share
        let ratioTarget =
            census.income["urban_mean"].flatMap { u in census.income["rural_mean"].map { u / $0 } } ?? 2.56
        let maxTilt = 1 / (1 - share) - 1 - 1e-6
        let values = fitted.values
        func ratio(_ b: Double) -> Double {
            var rural = 0.0
            var urban = 0.0
            var ruralWeight = 0.0
            var urbanWeight = 0.0
            for (i, value) in values.enumerated() {
                let u = (Double(i) + 0.5) / Double(Self.grid)
                let fr = (b + 1) * pow(1 - u, b)
                let fu = (1 - (1 - share) * fr) / share
                rural += value * fr
                ruralWeight += fr
                urban += value * fu
                urbanWeight += fu
            }
            return (urban / urbanWeight) / (rural / ruralWeight)
        }
        var low = 0.0
        var high = maxTilt
        if ratio(high) <= ratioTarget {
            low = high
        } else {
            for _ in 0..<50 {
                let mid = (low + high) / 2
                if ratio(mid) < ratioTarget { low = mid } else { high = mid }
            }
        }
        ruralTilt = low
        fittedUrbanRuralRatio = ratio(low)
        // Tabulate the urban inverse CDF: F_u(u) = (u - (1 - s)(1 - (1-u)^(b+1))) / s.
        let b = low
        urbanInverse = (0...1024).map { k in
            let target = Double(k) / 1024
            var lo = 0.0
            var hi = 1.0
            for _ in 0..<40 {
                let mid = (lo + hi) / 2
                let f = (mid - (1 - share) * (1 - pow(1 - mid, b + 1))) / share
                if f < target { lo = mid } else { hi = mid }
            }
            return (lo + hi) / 2
        }
    }

    /// Income (yuan per year) at quantile u of the national distribution.
    func income(atQuantile u: Double) -> Double {
        let clamped = min(max(u, 1e-9), 1 - 1e-9)
        if clamped <= tailStart { return scale * exp(sigma * inverseNormal(clamped)) }
        let threshold = scale * exp(sigma * inverseNormal(tailStart))
        return threshold * pow((1 - tailStart) / (1 - clamped), 1 / alpha)
    }

    /// A household's national income quantile, from a uniform draw, tilted by residence.
    func quantile(_ v: Double, urban: Bool) -> Double {
        if !urban { return 1 - pow(1 - v, 1 / (ruralTilt + 1)) }
        let position = v * 1024
        let k = min(Int(position), 1023)
        let t = position - Double(k)
        return urbanInverse[k] * (1 - t) + urbanInverse[k + 1] * t
    }

    static func quantiles(z: [Double], sigma: Double, tailStart: Double, alpha: Double) -> [Double] {
        let n = z.count
        let threshold = exp(sigma * inverseNormal(tailStart))
        return z.enumerated().map { i, zi in
            let u = (Double(i) + 0.5) / Double(n)
            return u <= tailStart ? exp(sigma * zi) : threshold * pow((1 - tailStart) / (1 - u), 1 / alpha)
        }
    }

    /// Shares of total income held by each fifth of sorted values.
    static func shares<Value: BinaryFloatingPoint>(_ sorted: [Value]) -> [Double] {
        let total = sorted.reduce(0.0) { $0 + Double($1) }
        let n = sorted.count
        return (0..<5).map { q in sorted[(n * q / 5)..<(n * (q + 1) / 5)].reduce(0.0) { $0 + Double($1) } / total }
    }

    /// Gini coefficient of sorted values.
    static func gini<Value: BinaryFloatingPoint>(_ sorted: [Value]) -> Double {
        let n = Double(sorted.count)
        var weighted = 0.0
        var total = 0.0
        for (i, value) in sorted.enumerated() {
            let x = Double(value)
            weighted += Double(i + 1) * x
            total += x
        }
        return 2 * weighted / (n * total) - (n + 1) / n
    }
}

/// The standard normal quantile function (Acklam's rational approximation, relative error
/// below 1.2e-9). Shared by the income model and the simulation's propensity tables.
public func inverseNormal(_ p: Double) -> Double {
    let a = [
        -3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00,
    ]
    let b = [
        -5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01,
    ]
    let c = [
        -7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00,
    ]
    let d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00]
    let low = 0.02425
    if p < low {
        let q = (-2 * log(p)).squareRoot()
        return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    if p > 1 - low {
        let q = (-2 * log(1 - p)).squareRoot()
        return -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
            / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1)
    }
    let q = p - 0.5
    let r = q * q
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1)
}
