import Foundation
import SocialCredit

extension ExportTable {
    /// The table as CSV per RFC 4180: a header row, then one row per record, fields separated by
    /// commas, lines ended by CRLF, and a field quoted (with inner quotes doubled) when it holds a
    /// comma, a quote, a CR or a LF. Empty fields are missing values; booleans are `true` and
    /// `false`. pandas (`read_csv`), R (`read.csv`, `readr`) and DuckDB (`read_csv`) read it as it is.
    public func csv() -> String {
        var out = Self.csvRow(columns.map(\.name))
        for row in rows { out += Self.csvRow(row.map(Self.csvField)) }
        return out
    }

    /// The table as JSON: an array of objects, one per row, keys in column order, missing values
    /// as `null`, numbers as numbers and booleans as `true`/`false`.
    public func json() -> String {
        guard !rows.isEmpty else { return "[]\n" }
        let keys = columns.map { Self.jsonString($0.name) }
        var out = "[\n"
        for (r, row) in rows.enumerated() {
            out += "  {"
            for (i, value) in row.enumerated() {
                out += (i == 0 ? "" : ", ") + keys[i] + ": " + Self.jsonValue(value)
            }
            out += r == rows.count - 1 ? "}\n" : "},\n"
        }
        return out + "]\n"
    }

    /// One CSV record from its fields (already as text), quoting each field that needs it.
    static func csvRow(_ fields: [String]) -> String {
        fields.map { field in
            field.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" })
                ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
        }.joined(separator: ",") + "\r\n"
    }

    /// A value as CSV text (before quoting).
    static func csvField(_ value: ExportValue) -> String {
        switch value {
        case let .integer(n): String(n)
        case let .number(x): number(x)
        case let .text(s): s
        case let .boolean(b): b ? "true" : "false"
        case .null: ""
        }
    }

    /// A value as JSON text.
    static func jsonValue(_ value: ExportValue) -> String {
        switch value {
        case let .integer(n): String(n)
        case let .number(x): x.isFinite ? number(x) : "null"
        case let .text(s): jsonString(s)
        case let .boolean(b): b ? "true" : "false"
        case .null: "null"
        }
    }

    /// A finite number in the shortest form that reads back to the same value, without an
    /// exponent for ordinary magnitudes (`12`, `0.25`, `1e-07`): valid in JSON, CSV and every loader.
    static func number(_ x: Double) -> String {
        guard x.isFinite else { return "" }
        if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return "\(x)"
    }

    /// A JSON string literal, escaping what RFC 8259 requires (the one escaping, SocialCredit's).
    static func jsonString(_ text: String) -> String { JSONText.quoted(text) }
}
