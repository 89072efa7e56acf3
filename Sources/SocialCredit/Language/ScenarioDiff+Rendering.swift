import Foundation

/// The diff as `sclab diff` prints it, and as JSON for the API and scripts.
extension ScenarioDiff {
    /// One line per difference (`~ path: old -> new`, `+ path: new (added)`, `- path: old
    /// (removed)`), then a count line; `no differences` alone when there are none. Values are
    /// kept on their line (a newline shows as `\n`), and an item named by its id is not named
    /// again (`+ rules.new_rule (added)`).
    public var text: String {
        guard !differences.isEmpty else { return "no differences\n" }
        var lines = differences.map(\.line)
        let counts = Kind.allCases.compactMap { kind -> String? in
            let count = differences.filter { $0.kind == kind }.count
            return count == 0 ? nil : "\(count) \(kind.rawValue)"
        }
        let total = differences.count
        lines.append("\(total) difference\(total == 1 ? "" : "s") (\(counts.joined(separator: ", ")))")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A JSON array of `{"path", "kind", "old", "new"}` objects in the order of `differences`;
    /// `old` is null for an addition and `new` for a removal.
    public var json: String {
        let objects = differences.map { difference in
            JSONText.object([
                .init("path", .string(difference.path)),
                .init("kind", .string(difference.kind.rawValue)),
                .init("old", difference.old.map(JSONText.string) ?? .null),
                .init("new", difference.new.map(JSONText.string) ?? .null),
            ])
        }
        return JSONText.array(objects).rendered() + "\n"
    }
}

extension ScenarioDiff.Difference {
    /// The difference on one line.
    var line: String {
        switch kind {
        case .changed: "~ \(path): \(Self.oneLine(old)) -> \(Self.oneLine(new))"
        case .added: "+ \(path)\(named(new)) (added)"
        case .removed: "- \(path)\(named(old)) (removed)"
        }
    }

    /// `: value`, or nothing when the path already ends with it (an item named by its id).
    private func named(_ value: String?) -> String {
        guard let value, !path.hasSuffix(".\(value)") else { return "" }
        return ": \(Self.oneLine(value))"
    }

    private static func oneLine(_ value: String?) -> String {
        (value ?? "null").replacingOccurrences(of: "\n", with: "\\n")
    }
}
