internal import Yams

/// A parsed YAML or JSON document as a plain tree, each node with where it came from.
///
/// Scenario files are read in two steps: the text becomes this tree (syntax), then typed readers
/// walk the tree (meaning). Keeping the source location on every node is what lets every later
/// error point at a line and column.
struct DocumentNode {
    enum Value {
        /// A scalar's text; `plain` is false for quoted scalars, which are always strings.
        case scalar(String, plain: Bool)
        case mapping([(key: DocumentNode, value: DocumentNode)])
        case sequence([DocumentNode])
    }

    var value: Value
    var location: SourceLocation?

    /// A short name for the node's kind, for "expected a number, found a list" messages.
    var kindName: String {
        switch value {
        case let .scalar(text, plain):
            if plain && (text.isEmpty || text == "~" || text == "null" || text == "Null" || text == "NULL") {
                return "nothing"
            }
            return plain && Double(text) != nil ? "a number" : "text '\(text)'"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        }
    }
}

extension DocumentNode {
    /// Parses YAML text (JSON is YAML's subset and goes through the same path).
    ///
    /// Syntax errors, and text beyond `DocumentLimits`, are appended to `log` with their line and
    /// column; the result is nil then, and also for an empty document.
    static func parse(_ text: String, isJSON: Bool, log: inout DiagnosticLog) -> DocumentNode? {
        // JSON forbids raw tabs inside strings, so tabs are only whitespace there; YAML rejects
        // tab indentation, so a tab-indented JSON file would fail for no good reason.
        let source = isJSON ? text.replacingTabsWithSpaces() : text
        // Size, nesting and alias expansion are bounded before any node is built.
        if let violation = DocumentLimits.violation(in: source) {
            log.error(violation.message, at: violation.location, path: "")
            return nil
        }
        do {
            guard let root = try Yams.compose(yaml: source) else {
                log.error(
                    "the file is empty: a scenario needs at least 'scenario', 'score' and 'behaviors'",
                    at: SourceLocation(line: 1, column: 1),
                    path: ""
                )
                return nil
            }
            return DocumentNode(root)
        } catch let error as YamlError {
            log.error(Self.describe(error), at: Self.location(of: error, in: source), path: "")
            return nil
        } catch {
            // Nothing narrower is known: the document as a whole, from its start.
            log.error("cannot read the document: \(error)", at: SourceLocation(line: 1, column: 1), path: "")
            return nil
        }
    }

    private init(_ node: Node) {
        location = node.mark.map { SourceLocation(line: $0.line, column: $0.column) }
        switch node {
        case let .scalar(scalar):
            value = .scalar(scalar.string, plain: scalar.style == .plain || scalar.style == .any)
        case let .mapping(mapping):
            value = .mapping(mapping.map { (DocumentNode($0.key), DocumentNode($0.value)) })
        case let .sequence(sequence):
            value = .sequence(sequence.map { DocumentNode($0) })
        case let .alias(alias):
            value = .scalar("*\(alias.anchor)", plain: false)
        }
    }

    /// Where an error is: its mark, the character at the byte a reader error names, or else the
    /// document's start (every error of a file has a place).
    private static func location(of error: YamlError, in text: String) -> SourceLocation {
        switch error {
        case let .scanner(_, _, mark, _), let .parser(_, _, mark, _), let .composer(_, _, mark, _):
            return SourceLocation(line: mark.line, column: mark.column)
        case let .duplicatedKeysInMapping(_, context):
            return SourceLocation(line: context.mark.line, column: context.mark.column)
        case let .reader(_, offset?, _, _):
            return location(ofByte: offset, in: text)
        default:
            return SourceLocation(line: 1, column: 1)
        }
    }

    /// The line and column (in Unicode scalars, as every location) of a UTF-8 byte offset.
    static func location(ofByte offset: Int, in text: String) -> SourceLocation {
        var line = 1
        var column = 1
        var bytes = 0
        for scalar in text.unicodeScalars {
            if bytes >= offset { break }
            bytes += UTF8.width(scalar)
            if scalar == "\n" {
                line += 1
                column = 1
            } else {
                column += 1
            }
        }
        return SourceLocation(line: line, column: column)
    }

    private static func describe(_ error: YamlError) -> String {
        switch error {
        case let .scanner(context, problem, _, _), let .parser(context, problem, _, _),
            let .composer(context, problem, _, _):
            let during = context.map { " (\($0.text) at line \($0.mark.line), column \($0.mark.column))" } ?? ""
            return "YAML syntax error: \(problem)\(during)"
        case let .duplicatedKeysInMapping(duplicates, _):
            let names = duplicates.map { "'\($0)'" }.joined(separator: ", ")
            return "duplicate key \(names) in the same mapping: each key may appear once"
        case let .reader(problem, offset, _, _):
            return "the file is not valid text: \(problem)\(offset.map { " at byte \($0)" } ?? "")"
        default:
            return "YAML error: \(error)"
        }
    }
}

extension String {
    fileprivate func replacingTabsWithSpaces() -> String {
        String(String.UnicodeScalarView(unicodeScalars.map { $0 == "\t" ? " " : $0 }))
    }
}
