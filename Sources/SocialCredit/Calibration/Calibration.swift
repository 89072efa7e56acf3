/// Published aggregate figures a scenario should reproduce (targets), and the scenario values
/// that may be fitted to them (fit parameters). `sclab calibrate` runs the scenario and compares.
public struct Calibration: Sendable, Equatable {
    /// The figures to meet.
    public var targets: [CalibrationTarget]
    /// The values `sclab calibrate --fit` may change, each within a range.
    public var fit: [FitParameter]

    /// A calibration from its parts.
    public init(targets: [CalibrationTarget], fit: [FitParameter] = []) {
        self.targets = targets
        self.fit = fit
    }
}

/// One published figure and the simulated quantity it is compared with.
public struct CalibrationTarget: Sendable, Equatable {
    /// Machine name.
    public var id: String
    /// Human label.
    public var label: String
    /// The simulated quantity, computed from the run's monthly metrics.
    public var metric: MetricExpression
    /// The published value.
    public var value: Double
    /// Largest relative error that passes: 0.1 = within 10% of the published value.
    public var tolerance: Double
    /// Where the published value comes from.
    public var source: String

    /// A target from its parts.
    public init(
        id: String,
        label: String = "",
        metric: MetricExpression,
        value: Double,
        tolerance: Double,
        source: String
    ) {
        self.id = id
        self.label = label
        self.metric = metric
        self.value = value
        self.tolerance = tolerance
        self.source = source
    }

    /// The relative error of a simulated value against the published one: (simulated - value) / |value|.
    public func error(of simulated: Double) -> Double { (simulated - value) / abs(value) }

    /// Whether a simulated value is within tolerance (the boundary passes).
    public func passes(_ simulated: Double) -> Bool {
        // A hair of slack so that a value exactly on the boundary passes despite rounding.
        abs(error(of: simulated)) <= tolerance * (1 + 1e-12)
    }
}

/// A numeric value of the scenario that `--fit` may change, and the range it is searched in.
public struct FitParameter: Sendable, Equatable {
    /// Where the value is, e.g. `behaviors.judgment_not_performed.rate` (see `ScenarioPath`).
    public var path: ScenarioPath
    /// Smallest value tried.
    public var minimum: Double
    /// Largest value tried.
    public var maximum: Double
    /// Whether the value must be a whole number (points, days).
    public var whole: Bool

    /// A fit parameter from its parts.
    public init(path: ScenarioPath, minimum: Double, maximum: Double, whole: Bool = false) {
        self.path = path
        self.minimum = minimum
        self.maximum = maximum
        self.whole = whole
    }
}

/// A path to one value in a scenario file: keys of mappings and, in lists of things with ids,
/// the id: `behaviors.loan_arrears.rate`, `ratings.environment.scale.initial`. A list element may
/// also be named by its index in brackets: `behaviors[3].rate`, `varies.age[0].factor`.
public struct ScenarioPath: Sendable, Equatable, CustomStringConvertible {
    /// One step: a mapping key, an id in a list, or an index in a list.
    public enum Step: Sendable, Equatable {
        case key(String)
        case index(Int)
    }

    /// The steps, in order.
    public var steps: [Step]
    /// The path as written.
    public var text: String

    /// Parses `a.b[2].c`; nil when it is not a path.
    public init?(_ text: String) {
        var steps: [Step] = []
        for part in text.split(separator: ".", omittingEmptySubsequences: false) {
            var rest = Substring(part)
            let name = rest.prefix { $0 != "[" }
            rest = rest.dropFirst(name.count)
            if !name.isEmpty { steps.append(.key(String(name))) } else if steps.isEmpty || rest.isEmpty { return nil }
            while rest.first == "[" {
                guard let close = rest.firstIndex(of: "]"),
                    let index = Int(rest[rest.index(after: rest.startIndex)..<close]),
                    index >= 0
                else { return nil }
                steps.append(.index(index))
                rest = rest[rest.index(after: close)...]
            }
            guard rest.isEmpty else { return nil }
        }
        guard !steps.isEmpty else { return nil }
        self.steps = steps
        self.text = text
    }

    public var description: String { text }
}
