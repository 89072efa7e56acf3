internal import Yams

/// What changed between two scenarios, by parameter path: the first part of comparing a variant
/// with its baseline (`sclab diff`, and the policy lab's comparison), so a reader sees which
/// parameters were changed before reading what the change did.
///
/// Paths are those `sclab sweep --vary` takes (`ScenarioEdit`): keys joined by dots, a list item
/// by its `id`, or by its index (`[1]`) when it has none. The trees are compared, not the texts,
/// so comments, layout, key order and the way a value is written (`0.30` and `0.3`, flow or block
/// style, quoted or plain text) are no differences; the items of a list in another order are one,
/// at the list's path. A scalar is given as written in its file; an item or mapping added or
/// removed as a whole is one difference with a one-line summary (its id, or its size).
public struct ScenarioDiff: Sendable, Equatable {
    /// How a path differs.
    public enum Kind: String, Sendable, CaseIterable {
        /// The path holds another value in the second scenario.
        case changed
        /// The path is only in the second scenario.
        case added
        /// The path is only in the first scenario.
        case removed
    }

    /// One difference, where it is and the values on each side.
    public struct Difference: Sendable, Equatable {
        /// The parameter path, as `sclab sweep --vary` takes it.
        public var path: String
        /// Changed, added or removed.
        public var kind: Kind
        /// The first scenario's value (nil when added): a scalar as written, else a summary.
        public var old: String?
        /// The second scenario's value (nil when removed): a scalar as written, else a summary.
        public var new: String?

        /// A difference from its parts, for callers that build expected answers.
        public init(_ path: String, _ kind: Kind, old: String?, new: String?) {
            self.path = path
            self.kind = kind
            self.old = old
            self.new = new
        }
    }

    /// Every difference: in the order of the first scenario's keys and items, each mapping's or
    /// list's additions after what it shares with the first, in the second scenario's order.
    public let differences: [Difference]

    /// Compares two scenario texts (YAML or JSON).
    /// - Throws: `ScenarioEdit.Failure` naming the side whose text does not parse (or breaks
    ///   `DocumentLimits`); the texts need not be valid scenarios otherwise.
    public init(from old: String, to new: String) throws {
        let first = try Self.document(old, side: "the first scenario")
        let second = try Self.document(new, side: "the second scenario")
        var differences: [Difference] = []
        Self.compare(first, second, at: "", into: &differences)
        self.differences = differences
    }

    /// Whether the scenarios are the same tree.
    public var isEmpty: Bool { differences.isEmpty }

    private static func document(_ text: String, side: String) throws -> Node {
        do { return try ScenarioEdit.document(text) } catch let failure as ScenarioEdit.Failure {
            throw ScenarioEdit.Failure(description: "\(side): \(failure.description)")
        }
    }

    /// Appends the differences between two nodes at `path`.
    private static func compare(_ old: Node, _ new: Node, at path: String, into differences: inout [Difference]) {
        switch (old, new) {
        case let (.mapping(first), .mapping(second)):
            compare(entries(first, at: path), entries(second, at: path), listAt: nil, into: &differences)
        case let (.sequence(first), .sequence(second)):
            compare(items(Array(first), at: path), items(Array(second), at: path), listAt: path, into: &differences)
        case let (.scalar(first), .scalar(second)):
            if !same(first, second) {
                differences.append(Difference(path, .changed, old: summary(old), new: summary(new)))
            }
        default:
            if old != new { differences.append(Difference(path, .changed, old: summary(old), new: summary(new))) }
        }
    }

    /// Children named by their paths, in file order.
    private typealias Children = [(path: String, node: Node)]

    /// Matches children by path: shared ones compared, the first's alone removed, the second's
    /// alone added; for a list, a change in the order of the items both hold is one difference.
    private static func compare(
        _ first: Children,
        _ second: Children,
        listAt list: String?,
        into differences: inout [Difference]
    ) {
        let inSecond = Dictionary(
            second.enumerated().map { ($1.path, $0) },
            uniquingKeysWith: { earlier, _ in earlier }
        )
        let inFirst = Set(first.map(\.path))
        if let list {
            let shared = first.map(\.path).filter { inSecond[$0] != nil }
            let sharedInSecond = second.map(\.path).filter(inFirst.contains)
            if shared != sharedInSecond {
                let order = { (paths: [String]) in
                    "[" + paths.map { lastSegment($0, of: list) }.joined(separator: ", ") + "]"
                }
                differences.append(Difference(list, .changed, old: order(shared), new: order(sharedInSecond)))
            }
        }
        for (path, node) in first {
            if let index = inSecond[path] {
                compare(node, second[index].node, at: path, into: &differences)
            } else {
                differences.append(Difference(path, .removed, old: summary(node), new: nil))
            }
        }
        for (path, node) in second where !inFirst.contains(path) {
            differences.append(Difference(path, .added, old: nil, new: summary(node)))
        }
    }

    private static func entries(_ mapping: Node.Mapping, at path: String) -> Children {
        mapping.map { (path: ScenarioEdit.path(path, key: $0.key.string ?? summary($0.key)), node: $0.value) }
    }

    private static func items(_ items: [Node], at path: String) -> Children {
        items.indices.map { (path: ScenarioEdit.path(path, item: $0, of: items), node: items[$0]) }
    }

    /// An item's segment alone (`id` or `[index]`), for the order of a list.
    private static func lastSegment(_ path: String, of list: String) -> String {
        let rest = path.dropFirst(list.count)
        return String(rest.hasPrefix(".") ? rest.dropFirst() : rest)
    }

    /// Whether two scalars hold the same value: the same text, or the same number, truth value
    /// or nothing however written (`0.30` and `0.3`, `yes` and `true`, `~` and `null`), as the
    /// scenario reader reads them.
    private static func same(_ first: Node.Scalar, _ second: Node.Scalar) -> Bool {
        first.string == second.string || (Plain(first).map { $0 == Plain(second) } ?? false)
    }

    /// What a plain scalar means when it is not text, by the scenario reader's rules.
    private enum Plain: Equatable {
        case nothing
        case truth(Bool)
        case number(Double)

        /// Nil for text (and for anything quoted, which is always text).
        init?(_ scalar: Node.Scalar) {
            guard scalar.style == .plain || scalar.style == .any else { return nil }
            switch scalar.string {
            case "", "~", "null", "Null", "NULL": self = .nothing
            default:
                if let truth = NodeReader.truth(scalar.string) {
                    self = .truth(truth)
                } else {
                    guard let number = Double(scalar.string.filter { $0 != "_" }), number.isFinite else { return nil }
                    self = .number(number)
                }
            }
        }
    }

    /// A value on one line: a scalar as written (`null` for an empty plain one), a mapping by
    /// its `id` or its size, a list by its size.
    static func summary(_ node: Node) -> String {
        switch node {
        case let .scalar(scalar):
            if scalar.string.isEmpty { return scalar.style == .plain || scalar.style == .any ? "null" : "\"\"" }
            return scalar.string
        case let .mapping(mapping):
            if let id = mapping["id"]?.string { return id }
            return "a mapping of \(mapping.count) key\(mapping.count == 1 ? "" : "s")"
        case let .sequence(sequence):
            return "a list of \(sequence.count) item\(sequence.count == 1 ? "" : "s")"
        case let .alias(alias):
            return "*\(alias.anchor.rawValue)"
        }
    }
}
