/// A quantity computed from a run's monthly metrics, as a calibration target states it:
/// arithmetic over metric series and constants.
///
/// ```text
/// sum(list.entries.debtors, 2014-01, 2017-12) / population.adults
/// at(company.rating.environment.tier.share.red, 2018-12)
/// ```
///
/// Functions over a monthly series: `at(NAME, YYYY-MM)` (the value that month), `sum(NAME,
/// FROM, TO)` and `mean(NAME, FROM, TO)` (months both included), `last(NAME)` (the last month
/// simulated) and `total(NAME)` (every month simulated). A bare name is a constant of the run
/// (`population.people`, `population.adults`, `population.companies`). Numbers, `+ - * /` and
/// parentheses as usual. Names may contain `-` (ids do), so subtraction is written with spaces.
public indirect enum MetricExpression: Sendable, Equatable, CustomStringConvertible {
    case number(Double)
    case constant(String)
    case at(String, Month)
    case sum(String, Month, Month)
    case mean(String, Month, Month)
    case last(String)
    case total(String)
    case negate(MetricExpression)
    case binary(Character, MetricExpression, MetricExpression)

    /// A calendar month, `YYYY-MM`.
    public struct Month: Sendable, Hashable, Comparable, CustomStringConvertible {
        /// The year.
        public var year: Int
        /// The month, 1-12.
        public var month: Int

        /// A month from `YYYY-MM`, or nil.
        public init?(_ text: String) {
            let parts = text.split(separator: "-")
            guard parts.count == 2, parts[0].count == 4, parts[1].count == 2,
                let year = Int(parts[0]), let month = Int(parts[1]), (1...12).contains(month)
            else { return nil }
            self.year = year
            self.month = month
        }

        /// The month after this one.
        public var next: Month {
            var m = self
            m.month += 1
            if m.month > 12 {
                m.month = 1
                m.year += 1
            }
            return m
        }

        public static func < (a: Month, b: Month) -> Bool { (a.year, a.month) < (b.year, b.month) }
        public var description: String { "\(year)-\(month < 10 ? "0" : "")\(month)" }
    }

    public var description: String {
        switch self {
        case let .number(value):
            return value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        case let .constant(name): return name
        case let .at(name, month): return "at(\(name), \(month))"
        case let .sum(name, from, to): return "sum(\(name), \(from), \(to))"
        case let .mean(name, from, to): return "mean(\(name), \(from), \(to))"
        case let .last(name): return "last(\(name))"
        case let .total(name): return "total(\(name))"
        case let .negate(inner): return "-\(inner)"
        case let .binary(op, a, b): return "(\(a) \(op) \(b))"
        }
    }

    /// Every series name the expression reads.
    public var seriesNames: [String] {
        switch self {
        case .number, .constant: return []
        case let .at(name, _), let .sum(name, _, _), let .mean(name, _, _), let .last(name), let .total(name):
            return [name]
        case let .negate(inner): return inner.seriesNames
        case let .binary(_, a, b): return a.seriesNames + b.seriesNames
        }
    }
}

/// A syntax error in a metric expression, with the character offset it was found at.
public struct MetricSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What is wrong.
    public var message: String
    /// 0-based offset in the expression text.
    public var offset: Int

    public var description: String { "\(message) (at character \(offset + 1))" }
}

extension MetricExpression {
    /// The longest expression, in characters (1,000): a calibration target's metric is a line.
    public static let maximumLength = 1_000
    /// How deep an expression may go (64): operators, signs and parentheses inside one another.
    /// Parsing, evaluating and printing recurse once per level, so the bound is what keeps a
    /// hostile expression from overflowing the stack.
    public static let maximumDepth = 64

    /// Parses an expression; throws `MetricSyntaxError` saying where and what, also for text
    /// longer than `maximumLength` or deeper than `maximumDepth`.
    public static func parse(_ text: String) throws -> MetricExpression {
        var parser = MetricParser(text)
        guard parser.chars.count <= maximumLength else {
            parser.position = maximumLength
            throw parser.failure(
                "the expression is \(parser.chars.count) characters long: a metric may be at most \(maximumLength)"
            )
        }
        let expression = try parser.expression().expression
        parser.skipSpace()
        guard parser.atEnd else { throw parser.failure("unexpected '\(parser.peek!)' after the end of the expression") }
        return expression
    }
}

/// Recursive descent over the characters of an expression. Every step returns the height of
/// what it built, and every nested step counts the levels open, so both the tree and the
/// recursion stay within `MetricExpression.maximumDepth`.
private struct MetricParser {
    /// An expression and how many operators, signs and parentheses deep it goes.
    typealias Parsed = (expression: MetricExpression, height: Int)

    let chars: [Character]
    var position = 0
    /// Parentheses and signs open around the current position.
    var open = 0

    init(_ text: String) { chars = Array(text) }

    /// Checks that a node `height` levels tall, built inside `open` levels, keeps the bound.
    func within(_ height: Int, at offset: Int) throws -> Int {
        guard open + height <= MetricExpression.maximumDepth else {
            var here = self
            here.position = offset
            throw here.failure(
                "the expression nests more than \(MetricExpression.maximumDepth) levels deep (operators, signs and parentheses inside one another)"
            )
        }
        return height
    }

    var atEnd: Bool { position >= chars.count }
    var peek: Character? { atEnd ? nil : chars[position] }

    func failure(_ message: String) -> MetricSyntaxError {
        MetricSyntaxError(message: message, offset: min(position, chars.count))
    }

    mutating func skipSpace() { while let c = peek, c.isWhitespace { position += 1 } }

    mutating func expression() throws -> Parsed { try level(["+", "-"]) { try $0.term() } }

    mutating func term() throws -> Parsed { try level(["*", "/"]) { try $0.factor() } }

    /// Operands joined by operators of one precedence level, left to right.
    mutating func level(_ operators: Set<Character>, _ operand: (inout MetricParser) throws -> Parsed) throws -> Parsed
    {
        var left = try operand(&self)
        while true {
            skipSpace()
            guard let op = peek, operators.contains(op) else { return left }
            let at = position
            position += 1
            let right = try operand(&self)
            left = (
                .binary(op, left.expression, right.expression), try within(max(left.height, right.height) + 1, at: at)
            )
        }
    }

    mutating func factor() throws -> Parsed {
        skipSpace()
        guard let c = peek else { throw failure("the expression ends where a value was expected") }
        if c == "-" || c == "(" {
            _ = try within(1, at: position)
            position += 1
            open += 1
            defer { open -= 1 }
            if c == "-" {
                let inner = try factor()
                return (.negate(inner.expression), inner.height + 1)
            }
            let inner = try expression()
            try expect(")")
            return (inner.expression, inner.height + 1)
        }
        if c.isNumber || c == "." { return (.number(try number()), 0) }
        if c.isLetter || c == "_" {
            let name = self.name()
            skipSpace()
            guard peek == "(" else { return (.constant(name), 0) }
            position += 1
            return (try call(name), 0)
        }
        throw failure("unexpected '\(c)': expected a number, a name, a function or '('")
    }

    mutating func call(_ function: String) throws -> MetricExpression {
        let functions = ["at", "sum", "mean", "last", "total"]
        guard functions.contains(function) else {
            throw failure("unknown function '\(function)' (one of: \(functions.joined(separator: ", ")))")
        }
        skipSpace()
        let series = name()
        guard !series.isEmpty else { throw failure("\(function)() needs a metric name first") }
        var months: [MetricExpression.Month] = []
        skipSpace()
        while peek == "," {
            position += 1
            skipSpace()
            let start = position
            while let c = peek, c.isNumber || c == "-" { position += 1 }
            guard let month = MetricExpression.Month(String(chars[start..<position])) else {
                position = start
                throw failure("expected a month written YYYY-MM, e.g. 2017-12")
            }
            months.append(month)
            skipSpace()
        }
        try expect(")")
        let wanted = ["at": 1, "sum": 2, "mean": 2, "last": 0, "total": 0][function]!
        guard months.count == wanted else {
            position -= 1
            throw failure(
                "\(function)() takes a metric name\(wanted == 0 ? "" : " and \(wanted) month\(wanted == 1 ? "" : "s")"), found \(months.count) month\(months.count == 1 ? "" : "s")"
            )
        }
        switch function {
        case "at": return .at(series, months[0])
        case "sum", "mean":
            guard months[0] <= months[1] else {
                position -= 1
                throw failure("the months run backwards: \(months[0]) is after \(months[1])")
            }
            return function == "sum" ? .sum(series, months[0], months[1]) : .mean(series, months[0], months[1])
        case "last": return .last(series)
        default: return .total(series)
        }
    }

    mutating func expect(_ c: Character) throws {
        skipSpace()
        guard peek == c else { throw failure(atEnd ? "missing '\(c)'" : "expected '\(c)', found '\(peek!)'") }
        position += 1
    }

    /// Letters, digits, `_`, `.`, and `-` between two name characters (ids may contain it).
    mutating func name() -> String {
        let start = position
        while let c = peek {
            if c.isLetter || c.isNumber || c == "_" || c == "." {
                position += 1
            } else if c == "-", position > start, position + 1 < chars.count,
                chars[position + 1].isLetter || chars[position + 1].isNumber
            {
                position += 1
            } else {
                break
            }
        }
        return String(chars[start..<position])
    }

    mutating func number() throws -> Double {
        let start = position
        while let c = peek,
            c.isNumber || c == "." || c == "_" || c == "e" || c == "E"
                || ((c == "-" || c == "+") && position > start
                    && (chars[position - 1] == "e" || chars[position - 1] == "E"))
        {
            position += 1
        }
        let text = String(chars[start..<position])
        guard let value = Double(text.filter { $0 != "_" }) else {
            position = start
            throw failure("'\(text)' is not a number")
        }
        return value
    }
}
