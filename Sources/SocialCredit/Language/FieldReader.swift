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

    /// The node as a mapping of the keys `table` declares, or nil (logged) when it is something
    /// else. Keys the table does not declare are reported by `Fields.finish()`.
    func fields(_ node: DocumentNode, _ path: String, _ table: FieldTable) -> Fields? {
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
        return Fields(reader: self, node: node, path: path, table: table, entries: entries)
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
        if case let .scalar(text, true) = node.value, let truth = Self.truth(text) { return truth }
        error("expected true or false, found \(node.kindName)", node, path)
        return nil
    }

    /// The truth value a plain scalar's text stands for, nil for any other text: the one list of
    /// the words the language takes for true and false (the reader, the editor and the diff).
    static func truth(_ text: String) -> Bool? {
        switch text {
        case "true", "True", "TRUE", "yes", "Yes", "on": return true
        case "false", "False", "FALSE", "no", "No", "off": return false
        default: return nil
        }
    }

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

/// A mapping being read by its `FieldTable`: a key the table does not declare is unknown at
/// `finish()`, and the declared keys are the candidates for a "did you mean". Numbers and
/// sub-mappings are read by their declarations (`number`, `whole`, `mapping`), so the reader
/// and the schema built from the same table agree on kinds, ranges and required keys.
final class Fields {
    struct Entry {
        var key: String
        var keyNode: DocumentNode
        var value: DocumentNode
    }

    let reader: NodeReader
    let node: DocumentNode
    let path: String
    let table: FieldTable
    private let entries: [Entry]
    private var asked: Set<String> = []

    init(reader: NodeReader, node: DocumentNode, path: String, table: FieldTable, entries: [Entry]) {
        self.reader = reader
        self.node = node
        self.path = path
        self.table = table
        self.entries = entries
    }

    /// The declaration of a key the reader asks for; a key missing from the table is a defect
    /// of the reader, not of the file, so it stops the program.
    private func declaration(_ key: String) -> FieldDeclaration {
        guard let field = table.field(key) else {
            preconditionFailure("'\(key)' is not declared in the \(table.name) table")
        }
        return field
    }

    func path(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    /// Whether the key is present with a value.
    func has(_ key: String) -> Bool {
        asked.insert(declaration(key).key)
        return entries.contains { $0.key == key && !reader.isNull($0.value) }
    }

    /// The raw node for a key, nil when absent or null.
    func node(_ key: String) -> DocumentNode? {
        asked.insert(declaration(key).key)
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

    /// A key that may be absent; absent gives nil. The table must not declare it required.
    func optional<T>(_ key: String, _ read: (DocumentNode, String) -> T?) -> T? {
        precondition(!declaration(key).isRequired, "'\(key)' is declared required in the \(table.name) table")
        return node(key).flatMap { read($0, path(key)) }
    }

    /// A key that may be absent; absent (or invalid, which is logged) gives the default.
    func optional<T>(_ key: String, default value: T, _ read: (DocumentNode, String) -> T?) -> T {
        optional(key, read) ?? value
    }

    /// Logs every key the table does not declare. Every declared key must have been read by
    /// now (checked in debug builds), so a declaration cannot outlive its reading.
    func finish() {
        assert(
            asked == Set(table.keys),
            "the \(table.name) table declares keys never read: \(Set(table.keys).subtracting(asked).sorted())"
        )
        for entry in entries where table.field(entry.key) == nil {
            reader.error(
                "unknown key '\(entry.key)'",
                entry.keyNode,
                path,
                hint: Suggestion.hint(for: entry.key, in: table.keys)
                    ?? "known keys: \(table.keys.sorted().joined(separator: ", "))"
            )
        }
    }

    // MARK: Reads by declaration

    /// The number kind a key is declared with (a number, or a list of numbers).
    func kind(_ key: String) -> NumberKind {
        guard let kind = declaration(key).shape.numberKind else {
            preconditionFailure("'\(key)' is not declared a number")
        }
        return kind
    }

    /// A number of the declared kind, required or optional as declared (`required` overrides
    /// for a key that is required only in some cases, such as a tier's `min`).
    func number(_ key: String, required: Bool? = nil) -> Double? {
        let read = reader.number(kind(key))
        return required ?? declaration(key).isRequired ? self.required(key, read) : optional(key, read)
    }

    /// An optional number of the declared kind; absent (or invalid, which is logged) gives the default.
    func number(_ key: String, default value: Double) -> Double { number(key) ?? value }

    /// A whole number of the declared kind (days, years, points), required or optional as declared.
    func whole(_ key: String, required: Bool? = nil) -> Int? {
        let read = reader.whole(kind(key))
        return required ?? declaration(key).isRequired ? self.required(key, read) : optional(key, read)
    }

    /// An optional whole number of the declared kind; absent (or invalid) gives the default.
    func whole(_ key: String, default value: Int) -> Int { whole(key) ?? value }

    /// A word read as the enumeration `type`, required or optional as declared; the key must be
    /// declared with that enumeration's words, so the schema's `enum` is what the reader takes.
    func word<E: RawRepresentable & CaseIterable>(_ key: String, as type: E.Type) -> E? where E.RawValue == String {
        precondition(declaration(key).shape == .word(type), "'\(key)' is not declared with the words of \(E.self)")
        let read = { self.reader.word($0, $1, as: type) }
        return declaration(key).isRequired ? required(key, read) : optional(key, read)
    }

    /// An optional word; absent (or unknown, which is logged) gives the default.
    func word<E: RawRepresentable & CaseIterable>(_ key: String, as type: E.Type, default value: E) -> E
    where E.RawValue == String {
        word(key, as: type) ?? value
    }

    /// An optional sub-mapping, read by the table its key is declared with.
    func mapping(_ key: String) -> Fields? {
        guard case let .table(name) = declaration(key).shape, let sub = ScenarioFields.table(named: name) else {
            preconditionFailure("'\(key)' is not declared a mapping")
        }
        return optional(key) { reader.fields($0, $1, sub) }
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
