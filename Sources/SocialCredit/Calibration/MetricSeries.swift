/// A run's monthly metrics and constants, as calibration targets read them.
public struct MetricSeries: Sendable {
    /// The months simulated, in order.
    public private(set) var months: [MetricExpression.Month] = []
    /// Each metric's value by month.
    public private(set) var values: [String: [MetricExpression.Month: Double]] = [:]
    /// Constants of the run, such as `population.adults`.
    public var constants: [String: Double]

    /// An empty series with the run's constants.
    public init(constants: [String: Double] = [:]) { self.constants = constants }

    /// Adds one month's value of a metric (a month is added to `months` the first time it is seen).
    public mutating func add(_ name: String, month: MetricExpression.Month, value: Double) {
        if months.last != month && !months.contains(month) {
            months.append(month)
            months.sort()
        }
        values[name, default: [:]][month] = value
    }
}

/// Why an expression cannot be evaluated on a run: an unknown metric, a month not simulated.
public struct MetricEvaluationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong, with a hint where one helps.
    public var message: String

    public var description: String { message }
}

extension MetricExpression {
    /// The value of the expression on a run's series.
    public func evaluate(on series: MetricSeries) throws -> Double {
        switch self {
        case let .number(value): return value
        case let .constant(name):
            guard let value = series.constants[name] else {
                throw MetricEvaluationError(
                    message: "unknown constant '\(name)'"
                        + Self.hint(
                            name,
                            Array(series.constants.keys) + Array(series.values.keys),
                            "constants: \(series.constants.keys.sorted().joined(separator: ", ")); a metric needs a function, e.g. last(\(name))"
                        )
                )
            }
            return value
        case let .at(name, month): return try Self.sum(name, from: month, to: month, series)
        case let .sum(name, from, to): return try Self.sum(name, from: from, to: to, series)
        case let .mean(name, from, to):
            let months = series.months.filter { $0 >= from && $0 <= to }.count
            return try Self.sum(name, from: from, to: to, series) / Double(max(1, months))
        case let .last(name):
            guard let month = series.months.last else {
                throw MetricEvaluationError(message: "the run simulated no month")
            }
            return try Self.sum(name, from: month, to: month, series)
        case let .total(name):
            guard let first = series.months.first, let last = series.months.last else {
                throw MetricEvaluationError(message: "the run simulated no month")
            }
            return try Self.sum(name, from: first, to: last, series)
        case let .negate(inner): return -(try inner.evaluate(on: series))
        case let .binary(op, a, b):
            let x = try a.evaluate(on: series)
            let y = try b.evaluate(on: series)
            switch op {
            case "+": return x + y
            case "-": return x - y
            case "*": return x * y
            default:
                guard y != 0 else { throw MetricEvaluationError(message: "division by zero: \(b) is 0 in this run") }
                return x / y
            }
        }
    }

    private static func sum(_ name: String, from: Month, to: Month, _ series: MetricSeries) throws -> Double {
        guard let values = series.values[name] else {
            throw MetricEvaluationError(
                message: "unknown metric '\(name)'" + hint(name, Array(series.values.keys), nil)
            )
        }
        guard let first = series.months.first, let last = series.months.last, from >= first, to <= last else {
            let span = series.months.first.map { "\($0) to \(series.months.last!)" } ?? "nothing"
            throw MetricEvaluationError(
                message:
                    "\(name): months \(from == to ? "\(from)" : "\(from) to \(to)") were not all simulated (the run covers \(span); give more --years)"
            )
        }
        var total = 0.0
        var month = from
        while month <= to {
            total += values[month] ?? 0
            month = month.next
        }
        return total
    }

    private static func hint(_ name: String, _ known: [String], _ fallback: String?) -> String {
        if let close = Suggestion.closest(to: name, in: known) { return " (did you mean '\(close)'?)" }
        return fallback.map { " (\($0))" } ?? ""
    }
}
