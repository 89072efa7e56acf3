import Foundation

/// The search behind `sclab calibrate --fit`: coordinate descent over the fit parameters, each
/// searched in turn by golden-section search on the calibration loss, the others held at their
/// best values so far. Parameters whose range spans a factor of ten or more (and is positive)
/// are searched on a log scale. Later rounds search a narrower bracket around the best value.
///
/// The loss is a noisy function of the parameters (a simulation with a fixed seed), so the search
/// keeps the best point it has evaluated rather than trusting the bracket's last midpoint.
public struct FitSearch: Sendable {
    /// The parameters, in the order they are searched.
    public var parameters: [FitParameter]
    /// Passes over all parameters.
    public var rounds: Int
    /// Loss evaluations per one-parameter search.
    public var evaluationsPerSearch: Int

    /// A search over these parameters.
    public init(parameters: [FitParameter], rounds: Int = 2, evaluationsPerSearch: Int = 8) {
        self.parameters = parameters
        self.rounds = max(1, rounds)
        self.evaluationsPerSearch = max(2, evaluationsPerSearch)
    }

    /// The best values found and their loss. `evaluate` gives the loss of a vector of values
    /// (one per parameter, whole ones already rounded); `progress` hears each evaluation.
    public func run(
        start: [Double],
        evaluate: ([Double]) throws -> Double,
        progress: (_ values: [Double], _ loss: Double) -> Void = { _, _ in }
    ) throws -> (values: [Double], loss: Double) {
        var cache: [[Double]: Double] = [:]
        func loss(_ values: [Double]) throws -> Double {
            let rounded = zip(values, parameters).map { $1.whole ? $0.rounded() : $0 }
            if let known = cache[rounded] { return known }
            let value = try evaluate(rounded)
            cache[rounded] = value
            progress(rounded, value)
            return value
        }
        var best = zip(start, parameters).map { min(max($0, $1.minimum), $1.maximum) }
        var bestLoss = try loss(best)
        for round in 0..<rounds {
            for (index, parameter) in parameters.enumerated() {
                let scale = Scale(parameter)
                let full = (scale.forward(parameter.minimum), scale.forward(parameter.maximum))
                var (low, high) = full
                if round > 0 {
                    // Narrow to a sixth of the range on either side of the best value, shrinking each round.
                    let half = (full.1 - full.0) / (6 * Double(round))
                    let centre = scale.forward(best[index])
                    (low, high) = (max(full.0, centre - half), min(full.1, centre + half))
                }
                let golden = (5.0.squareRoot() - 1) / 2
                var a = low
                var b = high
                var c = b - golden * (b - a)
                var d = a + golden * (b - a)
                func at(_ x: Double) throws -> Double {
                    var values = best
                    values[index] = scale.backward(x)
                    let value = try loss(values)
                    if value < bestLoss {
                        bestLoss = value
                        best = zip(values, parameters).map { $1.whole ? $0.rounded() : $0 }
                    }
                    return value
                }
                var fc = try at(c)
                var fd = try at(d)
                for _ in 2..<evaluationsPerSearch {
                    if fc <= fd {
                        b = d
                        d = c
                        fd = fc
                        c = b - golden * (b - a)
                        fc = try at(c)
                    } else {
                        a = c
                        c = d
                        fc = fd
                        d = a + golden * (b - a)
                        fd = try at(d)
                    }
                }
            }
        }
        return (best, bestLoss)
    }

    /// Linear or logarithmic coordinates for one parameter's search.
    struct Scale {
        let logarithmic: Bool

        init(_ parameter: FitParameter) {
            logarithmic = parameter.minimum > 0 && parameter.maximum / parameter.minimum >= 10
        }

        func forward(_ x: Double) -> Double { logarithmic ? log(x) : x }
        func backward(_ y: Double) -> Double { logarithmic ? exp(y) : y }
    }
}
