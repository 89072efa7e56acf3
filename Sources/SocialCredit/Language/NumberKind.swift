/// What a number in a scenario counts, and so the range it must fall within.
///
/// Every number the language reads names its kind, and the reader refuses a value outside the
/// kind's range as a located error, as it refuses NaN, infinities, integers beyond 64 bits and
/// fractions where whole units are counted. The ranges are chosen so that nothing `check`
/// accepts can overflow the engine: days fit its 16-bit run days, points its 32-bit scores
/// (see `pointsHeadroom`), rates and factors stay finite through every product the rate tables
/// take. docs/scenario-language.md ("Numbers and their ranges") lists this table.
public enum NumberKind: String, CaseIterable, Sendable {
    /// A number of days (delays, terms, lifetimes, durations, `clean_days`): at most a run's
    /// longest period.
    case days
    /// An age in years (age bands of `varies.age`).
    case age
    /// Points on a score (score bounds and initial value, tier bounds, deltas, `score_below`).
    case points
    /// Points one spillover's effect moves (`effect.delta`). The engine holds a person's
    /// spillover points in 16 bits: at most `Scenario.maximumSpillovers` (16) x 2,000 = 32,000.
    case spilloverPoints = "spillover_points"
    /// Points a rule may move in a year (`cap_per_year`).
    case pointsPerYear = "points_per_year"
    /// A probability or share.
    case probability
    /// Events per subject per year (`rate`).
    case rate
    /// A multiplier on a rate (`varies` factors, a response's `factor`).
    case factor
    /// The spread of individual propensities (`dispersion`, a coefficient of variation).
    case dispersion
    /// Main-score points per rating point (`score_weight`).
    case weight
    /// An amount a reward grants (`benefit`).
    case amount
    /// A published figure or a fitted parameter's bound (calibration `value`, fit `min`/`max`).
    case measurement
    /// A calibration target's relative tolerance.
    case tolerance

    /// The largest magnitude of a score bound, tier bound or delta. With at most 8 ratings of
    /// weight at most `maximumWeight`, a rating's pull on the main score stays below
    /// 8 x 100 x 2,000,000 = 1.6e9, inside the engine's 32-bit scores.
    public static let maximumPoints = 1_000_000
    /// The largest weight of a rating in the main score.
    public static let maximumWeight = 100.0

    /// The values a number of this kind may take, both ends included.
    public var range: ClosedRange<Double> {
        switch self {
        case .days: return 0...Double(Period.maximumDays)
        case .age: return 0...150
        case .points: return Double(-Self.maximumPoints)...Double(Self.maximumPoints)
        case .spilloverPoints: return -2_000...2_000
        case .pointsPerYear: return 0...1_000_000_000
        case .probability: return 0...1
        case .rate: return 0...10_000
        case .factor: return 0...1_000
        case .dispersion: return 0...100
        case .weight: return -Self.maximumWeight...Self.maximumWeight
        case .amount: return 0...1e12
        case .measurement: return -1e15...1e15
        case .tolerance: return 0...1_000
        }
    }

    /// Whether the kind counts whole units (days, years, points).
    public var isWhole: Bool {
        switch self {
        case .days, .age, .points, .spilloverPoints, .pointsPerYear: return true
        case .probability, .rate, .factor, .dispersion, .weight, .amount, .measurement, .tolerance: return false
        }
    }

    /// The unit written after a value in messages ("365 days"), empty for plain numbers.
    public var unit: String {
        switch self {
        case .days: return "days"
        case .age: return "years"
        case .points, .spilloverPoints: return "points"
        case .pointsPerYear: return "points a year"
        case .rate: return "a year"
        case .probability, .factor, .dispersion, .weight, .amount, .measurement, .tolerance: return ""
        }
    }

    /// Why the range stops where it does, for the error message.
    var reason: String? {
        switch self {
        case .days: return "a run's longest period"
        case .points: return "the score range the engine holds"
        case .spilloverPoints: return "16 spillovers' points must fit the engine's 16-bit total"
        default: return nil
        }
    }

    /// A value as written in messages: whole numbers plainly, others as Swift prints them.
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) <= 1e15 ? String(Int(value)) : String(value)
    }

    /// The range in words, e.g. "from 0 to 32000 days".
    public var rangeText: String {
        let unit = unit.isEmpty ? "" : " \(unit)"
        return "from \(Self.format(range.lowerBound)) to \(Self.format(range.upperBound))\(unit)"
    }
}

extension NodeReader {
    /// A number of the given kind: a plain scalar, finite, whole where the kind counts whole
    /// units, and within the kind's range; nil (logged at the node) otherwise. Never traps,
    /// whatever the text: an integer beyond 64 bits is read as the double it approximates and
    /// refused by the range.
    func number(_ node: DocumentNode, _ path: String, _ kind: NumberKind) -> Double? {
        guard case let .scalar(text, true) = node.value, !isNull(node) else {
            error("expected a number, found \(node.kindName)", node, path)
            return nil
        }
        let digits = String(text.filter { $0 != "_" })
        let lowered = digits.lowercased()
        if [".nan", ".inf", "-.inf", "+.inf"].contains(lowered) {
            error("\(text) is not a finite number: \(kind.rangeText) is allowed", node, path)
            return nil
        }
        let value: Double
        if let whole = Int(digits) {
            value = Double(whole)
        } else if let parsed = Double(digits) {
            value = parsed
        } else {
            error("expected a number, found \(node.kindName)", node, path)
            return nil
        }
        guard value.isFinite else {
            error("\(text) is not a finite number: \(kind.rangeText) is allowed", node, path)
            return nil
        }
        let unit = kind.unit.isEmpty || kind == .rate ? "" : " \(kind.unit)"
        if kind.isWhole && value != value.rounded() {
            let nearest = value.rounded()
            let hint = kind.range.contains(nearest) ? "use \(NumberKind.format(nearest))" : nil
            error("expected a whole number, found \(text)", node, path, hint: hint)
            return nil
        }
        if kind == .probability && !kind.range.contains(value) {
            let hint = value > 1 && value <= 100 ? "if you meant \(format(value))%, write \(format(value / 100))" : nil
            error("must be a probability between 0 and 1, found \(format(value))", node, path, hint: hint)
            return nil
        }
        if value < 0 && kind.range.lowerBound == 0 {
            error("must not be negative, found \(format(value))\(unit)", node, path)
            return nil
        }
        guard kind.range.contains(value) else {
            let found = value.magnitude < 1e15 ? format(value) : text
            error("must be \(kind.rangeText)\(kind.reason.map { " (\($0))" } ?? ""), found \(found)", node, path)
            return nil
        }
        return value
    }

    /// A reader of numbers of one kind, for `Fields.required` and `optional`.
    func number(_ kind: NumberKind) -> (DocumentNode, String) -> Double? {
        { self.number($0, $1, kind) }
    }

    /// A reader of whole numbers of one kind (days, years, points). The kind's range lies well
    /// inside `Int`, so the conversion cannot trap.
    func whole(_ kind: NumberKind) -> (DocumentNode, String) -> Int? {
        precondition(kind.isWhole, "\(kind) is not counted in whole units")
        return { self.number($0, $1, kind).map { Int($0) } }
    }
}
