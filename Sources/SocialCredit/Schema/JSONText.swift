/// A JSON value whose objects keep their members in the order they were built, so a generated
/// document reads in the order of its declarations and comes out byte for byte the same each
/// time (a committed copy can be compared with a fresh one).
public indirect enum JSONText: Sendable, Equatable {
    case string(String)
    case number(Double)
    case bool(Bool)
    case array([JSONText])
    case object([Member])
    /// An absent value (a scenario diff's old value of an addition).
    case null

    /// One member of an object.
    public struct Member: Sendable, Equatable {
        /// The member's name.
        public var name: String
        /// Its value.
        public var value: JSONText

        /// A member from its parts.
        public init(_ name: String, _ value: JSONText) {
            self.name = name
            self.value = value
        }
    }

    /// The value as indented JSON text (two spaces a level), ending without a newline.
    public func rendered(indent: String = "") -> String {
        let inner = indent + "  "
        switch self {
        case let .string(text): return Self.quoted(text)
        case let .number(value): return NumberKind.format(value)
        case let .bool(value): return value ? "true" : "false"
        case .null: return "null"
        case let .array(items):
            // Short lists of scalars stay on one line, as people write them.
            if items.allSatisfy(\.isScalar) {
                let line = "[" + items.map { $0.rendered() }.joined(separator: ", ") + "]"
                if line.count + indent.count <= 100 { return line }
            }
            guard !items.isEmpty else { return "[]" }
            return "[\n" + items.map { inner + $0.rendered(indent: inner) }.joined(separator: ",\n") + "\n\(indent)]"
        case let .object(members):
            guard !members.isEmpty else { return "{}" }
            let lines = members.map { inner + Self.quoted($0.name) + ": " + $0.value.rendered(indent: inner) }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(indent)}"
        }
    }

    private var isScalar: Bool {
        switch self {
        case .string, .number, .bool, .null: return true
        case .array, .object: return false
        }
    }

    /// Text as a JSON string literal (RFC 8259: quote, backslash and control characters escaped);
    /// the exports' JSON writes strings with it too.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
