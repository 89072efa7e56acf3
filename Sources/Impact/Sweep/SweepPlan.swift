import Foundation
import SocialCredit
import Society

/// A parameter sweep (`sclab sweep`): which numbers of a scenario to vary, over which values,
/// by which design, and the scenario text of each variant, checked before anything runs.
public struct SweepPlan: Sendable {
    /// A number of the scenario to vary, by its path (`sources.cctv_cameras.coverage`).
    public struct Parameter: Sendable, Equatable, Codable {
        /// The path (docs/sweeps.md; `ScenarioEdit`).
        public var path: String
        /// The values given: the levels of a grid, or for a Latin hypercube the range from the
        /// lowest to the highest.
        public var values: [Double]
        /// The value in the scenario as written.
        public var original: Double
        /// Whether the field holds whole numbers.
        public var integer: Bool

        /// Parses `KEY=V1,V2,...`.
        /// - Throws: `ImpactError` naming the argument when it is malformed.
        public static func parse(_ argument: String) throws -> (path: String, values: [Double]) {
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, !parts[0].isEmpty else {
                throw ImpactError(
                    "--vary '\(argument)': expected KEY=V1,V2,... (e.g. sources.cctv_cameras.coverage=0.1,0.2,0.4)"
                )
            }
            let texts = parts[1].split(separator: ",", omittingEmptySubsequences: false).map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            var values: [Double] = []
            for text in texts {
                guard let value = Double(text), value.isFinite else {
                    throw ImpactError("--vary '\(argument)': '\(text)' is not a number")
                }
                values.append(value)
            }
            guard !values.isEmpty else { throw ImpactError("--vary '\(argument)': no values") }
            return (parts[0], values)
        }
    }

    /// How variants are chosen.
    public enum Design: String, Sendable, Codable, CaseIterable {
        /// Every combination of the values given.
        case grid
        /// A Latin hypercube: `samples` points, each parameter's range cut in `samples` equal
        /// strata, each stratum used once, drawn from the seed.
        case lhs
    }

    /// One combination of parameter values and its scenario text.
    public struct Variant: Sendable, Equatable {
        /// The values, in the parameters' order.
        public var values: [Double]
        /// The edited scenario, valid.
        public var text: String
    }

    /// The scenario varied, as read.
    public var scenarioText: String
    /// The parameters.
    public var parameters: [Parameter]
    /// The design.
    public var design: Design
    /// The variants, in order.
    public var variants: [Variant]

    /// Plans a sweep; every variant is edited and validated here, so a bad path or value fails
    /// before any run.
    /// - Throws: `ImpactError` for an empty or duplicated parameter list or a bad sample count;
    ///   `ScenarioEdit.Failure` for a path that is not a number; `ScenarioError` for a variant
    ///   the scenario language refuses (named by its values).
    public init(
        scenarioText: String,
        file: String,
        vary: [(path: String, values: [Double])],
        design: Design,
        samples: Int,
        seed: UInt64
    ) throws {
        guard !vary.isEmpty else { throw ImpactError("give at least one --vary KEY=V1,V2,...") }
        if let repeated = Dictionary(grouping: vary.map(\.path), by: { $0 }).first(where: { $0.value.count > 1 })?.key {
            throw ImpactError("--vary \(repeated) is given twice")
        }
        self.scenarioText = scenarioText
        self.design = design
        let parameters = try vary.map { path, values in
            Parameter(
                path: path,
                values: values,
                original: try ScenarioEdit.value(at: path, in: scenarioText),
                integer: try ScenarioEdit.isInteger(at: path, in: scenarioText)
            )
        }
        self.parameters = parameters
        let points: [[Double]]
        switch design {
        case .grid:
            points = parameters.reduce([[]]) { partial, parameter in
                partial.flatMap { prefix in parameter.values.map { prefix + [$0] } }
            }
        case .lhs:
            guard samples >= 2 else {
                throw ImpactError("--samples must be at least 2 for a Latin hypercube (got \(samples))")
            }
            for parameter in parameters where Set(parameter.values).count < 2 {
                throw ImpactError(
                    "--vary \(parameter.path): a Latin hypercube needs a range, two different values (LOW,HIGH)"
                )
            }
            points = Self.latinHypercube(
                ranges: parameters.map { ($0.values.min()!, $0.values.max()!) },
                samples: samples,
                seed: seed
            )
            .map { point in zip(point, parameters).map { $1.integer ? $0.rounded() : $0 } }
        }
        variants = try points.map { values in
            let edits = zip(parameters, values).map { ($0.path, $1) }
            do {
                return Variant(values: values, text: try ScenarioEdit.apply(edits, to: scenarioText, file: file))
            } catch let error as ScenarioError {
                let named = zip(parameters, values).map { "\($0.path)=\(Self.format($1))" }.joined(separator: ", ")
                let problems = error.errors.map { "  \($0.path): \($0.message)" }.joined(separator: "\n")
                throw ImpactError("the variant \(named) is not a valid scenario:\n\(problems)")
            }
        }
    }

    /// A Latin hypercube of `samples` points in the box `ranges`: for each dimension the range is
    /// cut into `samples` equal strata, a permutation (Fisher-Yates, drawn from the seed) assigns
    /// one stratum to each point, and the point falls uniformly inside its stratum. Every draw is
    /// a pure function of (seed, dimension, point), so the same seed gives the same design.
    public static func latinHypercube(ranges: [(low: Double, high: Double)], samples: Int, seed: UInt64) -> [[Double]] {
        let random = CounterRandom(seed: seed)
        let stream = CounterRandom.Stream(401)
        var columns: [[Double]] = []
        for (d, range) in ranges.enumerated() {
            var strata = Array(0..<samples)
            for i in stride(from: samples - 1, to: 0, by: -1) {
                strata.swapAt(i, random.below(i + 1, stream, UInt64(d), UInt64(i)))
            }
            columns.append(
                (0..<samples).map { i in
                    let u = random.uniform(stream, UInt64(d) | 1 << 32, UInt64(i))
                    return range.low + (Double(strata[i]) + u) / Double(samples) * (range.high - range.low)
                }
            )
        }
        return (0..<samples).map { i in columns.map { $0[i] } }
    }

    /// A value as written in names and tables: whole numbers without decimals, else up to 4 significant digits.
    public static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(format: "%.4g", value)
    }
}
