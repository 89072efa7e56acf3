/// Reads typed values out of a `DocumentNode` tree, logging every problem with its location and
/// key path instead of stopping at the first one.
///
/// A class because every section reader shares the one log; it lives only while one file is read.
final class NodeReader {
    private(set) var log: DiagnosticLog
    /// Where each key path was written, so checks made after reading can still point at a line.
    private var locations: [String: SourceLocation] = [:]
    /// Top-level sections that could not be read; checks that depend on them are skipped.
    var unreadSections: Set<String> = []

    init(file: String) { log = DiagnosticLog(file: file) }

    func error(_ message: String, _ node: DocumentNode?, _ path: String, hint: String? = nil) {
        log.error(message, at: node?.location ?? locations[path], path: path, hint: hint)
    }

    func error(_ message: String, at location: SourceLocation?, _ path: String, hint: String? = nil) {
        log.error(message, at: location ?? locations[path], path: path, hint: hint)
    }

    func warning(_ message: String, at location: SourceLocation?, _ path: String, hint: String? = nil) {
        log.warning(message, at: location ?? locations[path], path: path, hint: hint)
    }

    private func remember(_ path: String, _ location: SourceLocation?) {
        if let location, locations[path] == nil { locations[path] = location }
    }

    // MARK: Structure

    /// The node as a mapping of keys, or nil (logged) when it is something else.
    func fields(_ node: DocumentNode, _ path: String) -> Fields? {
        guard case let .mapping(pairs) = node.value else {
            error("expected a mapping of keys, found \(node.kindName)", node, path)
            return nil
        }
        var entries: [Fields.Entry] = []
        for pair in pairs {
            guard case let .scalar(key, _) = pair.key.value else {
                error("a key must be plain text", pair.key, path)
                continue
            }
            entries.append(Fields.Entry(key: key, keyNode: pair.key, value: pair.value))
            remember(path.isEmpty ? key : "\(path).\(key)", pair.value.location ?? pair.key.location)
        }
        return Fields(reader: self, node: node, path: path, entries: entries)
    }

    /// Each element of a list read by `element`; elements that fail are left out (and logged).
    func list<T>(_ node: DocumentNode, _ path: String, _ element: (DocumentNode, String) -> T?) -> [T]? {
        guard case let .sequence(items) = node.value else {
            error("expected a list, found \(node.kindName)", node, path)
            return nil
        }
        return items.enumerated().compactMap {
            remember("\(path)[\($0.offset)]", $0.element.location)
            return element($0.element, "\(path)[\($0.offset)]")
        }
    }

    /// How many items a list node holds as written (0 for anything else), so that a reader can
    /// tell a list some of whose items failed (and were logged) from a list that is too short.
    func itemCount(_ node: DocumentNode?) -> Int {
        guard let node, case let .sequence(items) = node.value else { return 0 }
        return items.count
    }

    /// A list of ids; a single id is accepted as a list of one.
    func idList(_ node: DocumentNode, _ path: String) -> [Reference]? {
        if case .scalar = node.value { return reference(node, path).map { [$0] } }
        return list(node, path, reference)
    }

    // MARK: Scalars

    func isNull(_ node: DocumentNode) -> Bool {
        guard case let .scalar(text, plain) = node.value, plain else { return false }
        return text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL"
    }

    func string(_ node: DocumentNode, _ path: String) -> String? {
        guard case let .scalar(text, _) = node.value, !isNull(node) else {
            error("expected text, found \(node.kindName)", node, path)
            return nil
        }
        return text
    }

    /// An identifier: letters, digits, `_` and `-`, starting with a letter.
    func identifier(_ node: DocumentNode, _ path: String) -> String? {
        guard let text = string(node, path) else { return nil }
        let allowed = text.unicodeScalars.allSatisfy {
            ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) || $0 == "_" || $0 == "-"
        }
        guard let first = text.unicodeScalars.first, first.isASCII, first.properties.isAlphabetic, allowed else {
            error("'\(text)' is not a valid id: use letters, digits, '_' and '-', starting with a letter", node, path)
            return nil
        }
        return text
    }

    func reference(_ node: DocumentNode, _ path: String) -> Reference? {
        identifier(node, path).map { Reference(id: $0, location: node.location, path: path) }
    }

    func bool(_ node: DocumentNode, _ path: String) -> Bool? {
        if case let .scalar(text, true) = node.value {
            switch text {
            case "true", "True", "TRUE", "yes", "Yes", "on": return true
            case "false", "False", "FALSE", "no", "No", "off": return false
            default: break
            }
        }
        error("expected true or false, found \(node.kindName)", node, path)
        return nil
    }

    /// A whole number of days, from 0 to a run's longest period (`NumberKind.days`).
    func days(_ node: DocumentNode, _ path: String) -> Int? { whole(.days)(node, path) }

    /// A probability or share, in [0, 1].
    func probability(_ node: DocumentNode, _ path: String) -> Double? { number(node, path, .probability) }

    /// An ISO date, `YYYY-MM-DD`.
    func day(_ node: DocumentNode, _ path: String) -> Day? {
        guard case let .scalar(text, _) = node.value, !isNull(node) else {
            error("expected a date (YYYY-MM-DD), found \(node.kindName)", node, path)
            return nil
        }
        guard let day = Day(iso: text) else {
            error("'\(text)' is not a valid date", node, path, hint: "write dates as YYYY-MM-DD, e.g. 2014-06-14")
            return nil
        }
        return day
    }

    /// One of a fixed set of words, e.g. `conforming` or `contradictory`.
    func word<E: RawRepresentable & CaseIterable>(_ node: DocumentNode, _ path: String, as: E.Type) -> E?
    where E.RawValue == String {
        guard let text = string(node, path) else { return nil }
        if let value = E(rawValue: text) { return value }
        let options = E.allCases.map(\.rawValue)
        let hint = Suggestion.hint(for: text, in: options) ?? "one of: \(options.joined(separator: ", "))"
        error("unknown value '\(text)'", node, path, hint: hint)
        return nil
    }

    func format(_ value: Double) -> String { NumberKind.format(value) }
}

/// A mapping being read. Every key the reader asks for is remembered, so what remains at
/// `finish()` is unknown, and the asked-for keys are the candidates for a "did you mean".
final class Fields {
    struct Entry {
        var key: String
        var keyNode: DocumentNode
        var value: DocumentNode
    }

    let reader: NodeReader
    let node: DocumentNode
    let path: String
    private let entries: [Entry]
    private var asked: [String] = []

    init(reader: NodeReader, node: DocumentNode, path: String, entries: [Entry]) {
        self.reader = reader
        self.node = node
        self.path = path
        self.entries = entries
    }

    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Whether the key is present with a value.
    func has(_ key: String) -> Bool {
        asked.append(key)
        return entries.contains { $0.key == key && !reader.isNull($0.value) }
    }

    /// The raw node for a key, nil when absent or null.
    func node(_ key: String) -> DocumentNode? {
        asked.append(key)
        guard let entry = entries.first(where: { $0.key == key }), !reader.isNull(entry.value) else { return nil }
        return entry.value
    }

    /// A key that must be present.
    func required<T>(_ key: String, _ read: (DocumentNode, String) -> T?) -> T? {
        guard let value = node(key) else {
            let present = entries.contains { $0.key == key }
            reader.error(present ? "'\(key)' has no value" : "missing required key '\(key)'", node, path)
            return nil
        }
        return read(value, path(key))
    }

    /// A key that may be absent; absent gives nil.
    func optional<T>(_ key: String, _ read: (DocumentNode, String) -> T?) -> T? {
        node(key).flatMap { read($0, path(key)) }
    }

    /// A key that may be absent; absent (or invalid, which is logged) gives the default.
    func optional<T>(_ key: String, default value: T, _ read: (DocumentNode, String) -> T?) -> T {
        optional(key, read) ?? value
    }

    /// Logs every key that no reader asked for.
    func finish() {
        for entry in entries where !asked.contains(entry.key) {
            reader.error(
                "unknown key '\(entry.key)'", entry.keyNode, path,
                hint: Suggestion.hint(for: entry.key, in: asked) ?? "known keys: \(Set(asked).sorted().joined(separator: ", "))")
        }
    }
}

/// An id used somewhere in a scenario, with where it was written, so that an undefined reference
/// can be reported at the place it occurs.
public struct Reference: Hashable, Sendable, CustomStringConvertible, ExpressibleByStringLiteral {
    /// The id referred to.
    public var id: String
    /// Where it was written, when it came from a file.
    public var location: SourceLocation?
    /// Its key path.
    public var path: String

    /// A reference from its parts.
    public init(id: String, location: SourceLocation? = nil, path: String = "") {
        self.id = id
        self.location = location
        self.path = path
    }

    /// A reference written in code, without a location.
    public init(stringLiteral value: String) { self.init(id: value) }

    public var description: String { id }

    public static func == (a: Reference, b: Reference) -> Bool { a.id == b.id }
    public func hash(into hasher: inout Hasher) { hasher.combine(id) }
}
