import Foundation

/// Writes numbers into a scenario file's text at the places `ScenarioPath`s name, keeping every
/// other character of the file as it was (comments, layout, quoting), so a fitted scenario stays
/// the hand-written, commented file it was.
public enum ScenarioText {
    /// Why a value cannot be written.
    public struct WriteError: Error, Sendable, CustomStringConvertible {
        /// What is wrong.
        public var message: String
        public var description: String { message }
    }

    /// One value to write, and the note to leave beside it (nil: leave the line's comment alone).
    public struct Change: Sendable, Equatable {
        /// Where.
        public var path: ScenarioPath
        /// The new value.
        public var value: Double
        /// Whether to write it as a whole number.
        public var whole: Bool
        /// Put at the start of the line's comment (after `# `); an earlier note of the same form,
        /// up to its `; `, is replaced.
        public var note: String?

        /// A change from its parts.
        public init(path: ScenarioPath, value: Double, whole: Bool = false, note: String? = nil) {
            self.path = path
            self.value = value
            self.whole = whole
            self.note = note
        }
    }

    /// The note `--fit` leaves: `fitted: OLD -> NEW by sclab calibrate --fit (N people, seed S)`.
    public static func fittedNote(old: String, new: String, people: Int, seed: UInt64) -> String {
        "fitted: \(old) -> \(new) by sclab calibrate --fit (\(grouped(people)) people, seed \(seed))"
    }

    /// The text with each change applied; throws when a path does not lead to a plain number.
    public static func applying(_ changes: [Change], to text: String, file: String = "scenario.yaml") throws -> String {
        var log = DiagnosticLog(file: file)
        guard let root = DocumentNode.parse(text, isJSON: file.lowercased().hasSuffix(".json"), log: &log) else {
            throw WriteError(message: log.diagnostics.map(\.description).joined(separator: "\n"))
        }
        var lines = text.components(separatedBy: "\n")
        for change in changes {
            let node: DocumentNode
            switch root.find(change.path) {
            case let .failure(problem): throw WriteError(message: "\(change.path): \(problem.message)")
            case let .success(found): node = found
            }
            guard case let .scalar(old, true) = node.value, Double(old.filter { $0 != "_" }) != nil,
                let location = node.location, location.line - 1 < lines.count
            else {
                throw WriteError(message: "\(change.path) is \(node.kindName), not a plain number")
            }
            var scalars = Array(lines[location.line - 1].unicodeScalars)
            let start = location.column - 1
            guard start + old.unicodeScalars.count <= scalars.count,
                String(String.UnicodeScalarView(scalars[start..<start + old.unicodeScalars.count])) == old
            else {
                throw WriteError(
                    message: "\(change.path): the value '\(old)' is not where the file says (line \(location.line))"
                )
            }
            let new = format(change.value, whole: change.whole)
            scalars.replaceSubrange(start..<start + old.unicodeScalars.count, with: new.unicodeScalars)
            var line = String(String.UnicodeScalarView(scalars))
            if let note = change.note {
                line = annotate(line, after: start + new.unicodeScalars.count, note: note)
            }
            lines[location.line - 1] = line
        }
        return lines.joined(separator: "\n")
    }

    /// A number as a scenario file writes it: whole numbers plainly, others with four significant
    /// digits and no exponent.
    public static func format(_ value: Double, whole: Bool = false) -> String {
        if whole || (value == value.rounded() && abs(value) < 1e15) { return String(Int(value.rounded())) }
        guard value != 0 else { return "0" }
        let digits = max(0, 3 - Int(floor(log10(abs(value)))))
        var text = String(format: "%.\(digits)f", value)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }

    /// Puts the note at the start of the line's comment (one is added when there is none).
    private static func annotate(_ line: String, after column: Int, note: String) -> String {
        let scalars = Array(line.unicodeScalars)
        // A comment starts at a '#' preceded by a space, outside quotes, after the value.
        var quote: Unicode.Scalar?
        var hash: Int?
        for index in column..<scalars.count {
            let c = scalars[index]
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'" {
                quote = c
            } else if c == "#" && (index == 0 || scalars[index - 1] == " " || scalars[index - 1] == "\t") {
                hash = index
                break
            }
        }
        guard let hash else { return line + "   # " + note }
        let head = String(String.UnicodeScalarView(scalars[..<hash]))
        var comment = String(String.UnicodeScalarView(scalars[(hash + 1)...])).trimmingCharacters(in: .whitespaces)
        if comment.hasPrefix("fitted: "), let end = comment.range(of: "; ") {
            comment = String(comment[end.upperBound...])
        } else if comment.hasPrefix("fitted: ") {
            comment = ""
        }
        return head + "# " + note + (comment.isEmpty ? "" : "; " + comment)
    }
}

/// 1234567 as "1,234,567", for reports and the command line.
public func grouped(_ value: Int) -> String {
    let digits = String(abs(value))
    var out = ""
    for (index, character) in digits.enumerated() {
        if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
        out.append(character)
    }
    return value < 0 ? "-" + out : out
}

extension Scenario {
    /// The numbers written at these paths of a scenario's text, as written and as values.
    public static func numbers(
        at paths: [ScenarioPath],
        in text: String,
        file: String = "scenario.yaml"
    ) throws -> [(text: String, value: Double)] {
        var log = DiagnosticLog(file: file)
        guard let root = DocumentNode.parse(text, isJSON: file.lowercased().hasSuffix(".json"), log: &log) else {
            throw ScenarioText.WriteError(message: log.diagnostics.map(\.description).joined(separator: "\n"))
        }
        return try paths.map { path in
            guard case let .success(node) = root.find(path), case let .scalar(raw, true) = node.value,
                let value = Double(raw.filter { $0 != "_" })
            else {
                throw ScenarioText.WriteError(message: "\(path) is not a plain number in \(file)")
            }
            return (raw, value)
        }
    }
}
