import Foundation
internal import Yams

/// Setting numbers in a scenario's text by path, for parameter sweeps (`sclab sweep --vary`):
/// `sources.cctv_cameras.coverage`, `rules.jaywalking_penalty.delta`, `score.initial`,
/// `behaviors.critical_online_speech.varies.age[1].factor`.
///
/// A path is dot-separated. A mapping's segment is its key; a list's segment is the `id` of one
/// of its items, or an index (`.1` or `[1]`, from 0). The target must already hold a number.
/// The edit is made on the parsed YAML tree (so comments go, everything else stays) and the
/// result must then read as a valid scenario, so a sweep never runs a variant the language would
/// refuse. The lab's form (`ScenarioForm`) edits through the same function: numbers, truth
/// values, dates, and list items removed.
public enum ScenarioEdit {
    /// Why an edit cannot be made.
    public struct Failure: Error, CustomStringConvertible, Sendable {
        /// The path and what is wrong with it.
        public let description: String
    }

    /// The number at a path, or why there is none.
    public static func value(at path: String, in text: String) throws -> Double {
        let root = try document(text)
        let (node, _) = try locate(path, in: root)
        guard let number = numeric(node) else { throw Failure(description: "\(path): \(describe(node)), not a number") }
        return number.value
    }

    /// Whether the number at a path is a whole number in the file (an integer field).
    public static func isInteger(at path: String, in text: String) throws -> Bool {
        let (node, _) = try locate(path, in: try document(text))
        guard let number = numeric(node) else { throw Failure(description: "\(path): \(describe(node)), not a number") }
        return number.integer
    }

    /// A value an edit writes at a path: a number, a truth value, a date, or the list item at
    /// the path taken out (how a measure or spillover is switched off: the language has no
    /// `enabled` key, and the counterfactual switches the whole system off the same way, by
    /// leaving the parts out).
    public enum Value: Sendable, Equatable {
        /// A number, for a target that holds a number.
        case number(Double)
        /// `true` or `false`, for a target that holds one.
        case truth(Bool)
        /// A calendar day, written `YYYY-MM-DD`, for a target that holds a date.
        case date(Day)
        /// The list item at the path removed.
        case removed
    }

    /// The text with the numbers at the paths set, validated as a scenario.
    /// - Parameters:
    ///   - edits: Paths and their new values, applied in order.
    ///   - text: The scenario's text (YAML or JSON); its layout is kept, its comments are not.
    ///   - roundIntegers: Round a value for an integer field to the nearest whole number (for
    ///     sampled values); otherwise a fractional value for an integer field is an error.
    ///   - file: The name errors in the edited scenario are reported under.
    /// - Throws: `Failure` for an unknown path, a target that is not a number, or a fractional
    ///   value for an integer field; `ScenarioError` when the edited scenario is not valid.
    public static func apply(
        _ edits: [(path: String, value: Double)],
        to text: String,
        roundIntegers: Bool = false,
        file: String = "scenario.yaml"
    ) throws -> String {
        try apply(edits.map { ($0.path, Value.number($0.value)) }, to: text, roundIntegers: roundIntegers, file: file)
    }

    /// The text with the values at the paths set (or the items removed), validated as a
    /// scenario exactly as `sclab check` reads it.
    /// - Throws: `Failure` for an unknown path or a target that does not hold the value's kind;
    ///   `ScenarioError` when the edited scenario is not valid.
    public static func apply(
        _ edits: [(path: String, value: Value)],
        to text: String,
        roundIntegers: Bool = false,
        file: String = "scenario.yaml"
    ) throws -> String {
        let edited = try edit(edits, to: text, roundIntegers: roundIntegers)
        _ = try Scenario.parse(edited, file: file)
        return edited
    }

    /// The text with the edits made, not yet validated (the lab's form reads the result itself,
    /// to place each error at its field).
    static func edit(
        _ edits: [(path: String, value: Value)],
        to text: String,
        roundIntegers: Bool = false
    ) throws -> String {
        var root = try document(text)
        for (path, value) in edits {
            let (node, steps) = try locate(path, in: root)
            switch value {
            case let .number(number):
                root = replacing(
                    root,
                    steps: steps[...],
                    with: try written(number, at: path, over: node, roundIntegers: roundIntegers)
                )
            case let .truth(on):
                guard truth(node) != nil else {
                    throw Failure(description: "\(path): \(describe(node)), not true or false")
                }
                root = replacing(root, steps: steps[...], with: Node.scalar(Node.Scalar(on ? "true" : "false")))
            case let .date(day):
                guard case let .scalar(scalar) = node, Day(iso: scalar.string) != nil else {
                    throw Failure(description: "\(path): \(describe(node)), not a date")
                }
                root = replacing(root, steps: steps[...], with: Node.scalar(Node.Scalar(day.description)))
            case .removed:
                guard case .index = steps.last else {
                    throw Failure(description: "\(path): not an item of a list, so it cannot be removed")
                }
                root = removing(root, steps: steps[...])
            }
        }
        do { return try Yams.serialize(node: root, width: -1, allowUnicode: true) } catch {
            throw Failure(description: "the edited scenario cannot be written: \(error)")
        }
    }

    /// The scalar a number is written as over the number at `path`: a whole number where the file
    /// holds one, refused when fractional unless `roundIntegers`.
    private static func written(_ value: Double, at path: String, over node: Node, roundIntegers: Bool) throws -> Node {
        guard let number = numeric(node) else {
            throw Failure(description: "\(path): \(describe(node)), not a number")
        }
        guard value.isFinite else { throw Failure(description: "\(path): \(value) is not a finite number") }
        var written = value
        if number.integer {
            if roundIntegers {
                written = value.rounded()
            } else if value != value.rounded() {
                throw Failure(
                    description:
                        "\(path): holds a whole number (\(NumberKind.format(number.value))); \(format(value)) is not one"
                )
            }
            // Beyond every whole-number field's range (`NumberKind`), and beyond what `Int` holds exactly.
            guard abs(written) < 1e15 else {
                throw Failure(description: "\(path): \(format(value)) is beyond the range of any whole-number field")
            }
        }
        return Node.scalar(Node.Scalar(number.integer ? String(Int(written)) : format(written)))
    }

    /// A number written so that it reads back as the same number (`0.25`, `3`, `1e-06`).
    static func format(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(format: "%.1f", value) : "\(value)"
    }

    /// How to reach a node from its parent: a key of a mapping or an index of a sequence.
    enum Step {
        case key(Node)
        case index(Int)
    }

    static func document(_ text: String) throws -> Node {
        // The same bounds as every scenario read: Yams alone would expand an alias bomb.
        if let violation = DocumentLimits.violation(in: text) {
            let at = violation.location.map { "line \($0.line), column \($0.column): " } ?? ""
            throw Failure(description: "the scenario does not parse: \(at)\(violation.message)")
        }
        do {
            guard let root = try Yams.compose(yaml: text) else { throw Failure(description: "the scenario is empty") }
            return root
        } catch let failure as Failure { throw failure } catch {
            throw Failure(description: "the scenario does not parse: \(error)")
        }
    }

    /// Follows a path, returning the node and the steps to it.
    static func locate(_ path: String, in root: Node) throws -> (Node, [Step]) {
        let segments = path.replacingOccurrences(of: "[", with: ".").replacingOccurrences(of: "]", with: "")
            .split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard !path.isEmpty, !segments.contains(where: \.isEmpty) else {
            throw Failure(
                description:
                    "'\(path)' is not a path (dot-separated keys, item ids or indices, e.g. sources.cctv_cameras.coverage)"
            )
        }
        var node = root
        var steps: [Step] = []
        var walked: [String] = []
        for segment in segments {
            let here = walked.isEmpty ? "the top level" : walked.joined(separator: ".")
            switch node {
            case let .mapping(mapping):
                let keys = mapping.keys.compactMap(\.string)
                guard let key = mapping.keys.first(where: { $0.string == segment }), let next = mapping[key] else {
                    let hint = Suggestion.hint(for: segment, in: keys).map { " (\($0))" } ?? ""
                    throw Failure(
                        description:
                            "\(path): no key '\(segment)' in \(here)\(hint); keys: \(keys.joined(separator: ", "))"
                    )
                }
                steps.append(.key(key))
                node = next
            case let .sequence(sequence):
                let items = Array(sequence)
                let ids = items.compactMap { $0["id"]?.string }
                if let index = item(named: segment, in: items) {
                    steps.append(.index(index))
                    node = items[index]
                } else {
                    let hint = Suggestion.hint(for: segment, in: ids).map { " (\($0))" } ?? ""
                    let known = ids.isEmpty ? "indices 0 to \(items.count - 1)" : "ids: \(ids.joined(separator: ", "))"
                    throw Failure(description: "\(path): no item '\(segment)' in the list \(here)\(hint); \(known)")
                }
            default:
                throw Failure(description: "\(path): \(here) is \(describe(node)), which has no '\(segment)'")
            }
            walked.append(segment)
        }
        return (node, steps)
    }

    /// The index of the list item a path segment names: the item with that `id`, else the
    /// segment read as an index from 0.
    static func item(named segment: String, in items: [Node]) -> Int? {
        items.firstIndex(where: { $0["id"]?.string == segment })
            ?? Int(segment).flatMap({ items.indices.contains($0) ? $0 : nil })
    }

    /// The path to a key of the mapping at `path` (the top level when `path` is empty).
    static func path(_ path: String, key: String) -> String {
        path.isEmpty ? key : "\(path).\(key)"
    }

    /// The path to item `index` of the list at `path`, the inverse of `locate`: `path.id` when
    /// the item's `id` leads back to it, else `path[index]` (no id, or one shared or holding a
    /// path's punctuation).
    static func path(_ path: String, item index: Int, of items: [Node]) -> String {
        if let id = items[index]["id"]?.string, !id.isEmpty, !id.contains(where: { ".[]".contains($0) }),
            item(named: id, in: items) == index
        {
            return Self.path(path, key: id)
        }
        return "\(path)[\(index)]"
    }

    /// The node with the node at the end of `steps` replaced.
    static func replacing(_ node: Node, steps: ArraySlice<Step>, with value: Node) -> Node {
        guard let step = steps.first else { return value }
        switch (node, step) {
        case (.mapping(var mapping), let .key(key)):
            mapping[key] = replacing(mapping[key]!, steps: steps.dropFirst(), with: value)
            return .mapping(mapping)
        case (.sequence(var sequence), let .index(index)):
            sequence[index] = replacing(sequence[index], steps: steps.dropFirst(), with: value)
            return .sequence(sequence)
        default:
            return node
        }
    }

    /// The node with the list item at the end of `steps` removed.
    static func removing(_ node: Node, steps: ArraySlice<Step>) -> Node {
        guard let step = steps.first else { return node }
        switch (node, step) {
        case (.sequence(var sequence), let .index(index)) where steps.count == 1:
            sequence.remove(at: index)
            return .sequence(sequence)
        case (.mapping(var mapping), let .key(key)):
            mapping[key] = removing(mapping[key]!, steps: steps.dropFirst())
            return .mapping(mapping)
        case (.sequence(var sequence), let .index(index)):
            sequence[index] = removing(sequence[index], steps: steps.dropFirst())
            return .sequence(sequence)
        default:
            return node
        }
    }

    /// A scalar's number, and whether it is written as an integer; nil for anything else.
    static func numeric(_ node: Node) -> (value: Double, integer: Bool)? {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        if let int = node.int { return (Double(int), true) }
        if let float = node.float, node.bool == nil { return (float, false) }
        return nil
    }

    /// A plain scalar's truth value, as the scenario reader reads it; nil for anything else.
    static func truth(_ node: Node) -> Bool? {
        guard case let .scalar(scalar) = node, scalar.style == .plain || scalar.style == .any else { return nil }
        return NodeReader.truth(scalar.string)
    }

    static func describe(_ node: Node) -> String {
        switch node {
        case .mapping: "a mapping"
        case .sequence: "a list"
        case .alias: "an alias"
        case let .scalar(scalar): "'\(scalar.string)'"
        }
    }
}
