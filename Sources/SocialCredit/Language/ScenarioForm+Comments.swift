/// The comments of a scenario's text, found by line: YAML comments are not in the parsed tree,
/// so a value's comment is found from the line its node was read at.
///
/// The shipped scenarios cite a value's source on its line (`coverage: 0.2   # assumption`) or in
/// comment lines above it or above its list item; that is what the lab's form shows beside the
/// value.
struct SourceComments {
    /// The text's lines, without line ends.
    let lines: [String]

    init(text: String) {
        lines = text.split(separator: "\n", omittingEmptySubsequences: false).map {
            String($0.hasSuffix("\r") ? $0.dropLast() : $0)
        }
    }

    /// The comment for a value on `line` (from 1): the comment at the end of that line, else the
    /// comment lines directly above it, else those at the end of or above its item's line.
    func comment(line: Int, itemLine: Int?) -> String {
        if let own = trailing(line) ?? above(line) { return own }
        if let itemLine, itemLine != line, let item = trailing(itemLine) ?? above(itemLine) { return item }
        return ""
    }

    /// The comment at the end of a line holding a value: from the first `#` outside quotes that
    /// follows a space or a tab.
    func trailing(_ line: Int) -> String? {
        guard lines.indices.contains(line - 1) else { return nil }
        let scalars = Array(lines[line - 1].unicodeScalars)
        var quote: Unicode.Scalar?
        for (index, c) in scalars.enumerated() {
            if let open = quote {
                if c == open { quote = nil }
            } else if c == "\"" || c == "'", opensScalar(scalars[..<index]) {
                quote = c
            } else if c == "#", index > 0, scalars[index - 1] == " " || scalars[index - 1] == "\t" {
                // A line that is all comment is not a value's line.
                let before = String(String.UnicodeScalarView(scalars[..<index]))
                guard !before.allSatisfy(\.isWhitespace) else { return nil }
                return Self.clean(String(String.UnicodeScalarView(scalars[(index + 1)...])))
            }
        }
        return nil
    }

    /// Whether a quote after these characters opens a quoted scalar (at a value's start), not
    /// an apostrophe inside plain text (`People's court`).
    private func opensScalar(_ before: ArraySlice<Unicode.Scalar>) -> Bool {
        guard let last = before.last(where: { $0 != " " && $0 != "\t" }) else { return true }
        return ":[{,-?".unicodeScalars.contains(last)
    }

    /// The comment lines directly above a line (no blank line between), joined by spaces.
    func above(_ line: Int) -> String? {
        var index = line - 2
        var block: [String] = []
        while lines.indices.contains(index) {
            let trimmed = lines[index].drop { $0 == " " || $0 == "\t" }
            guard trimmed.hasPrefix("#") else { break }
            if let text = Self.clean(String(trimmed.dropFirst())) { block.append(text) }
            index -= 1
        }
        return block.isEmpty ? nil : block.reversed().joined(separator: " ")
    }

    /// A comment's text without the rules drawn around it (`--- online behaviour ---`); nil when
    /// nothing else is left.
    static func clean(_ text: String) -> String? {
        let rule: Set<Character> = ["-", "=", "#", " ", "\t"]
        let trimmed = text.drop { rule.contains($0) }.reversed().drop { rule.contains($0) }.reversed()
        return trimmed.isEmpty ? nil : String(trimmed)
    }
}
