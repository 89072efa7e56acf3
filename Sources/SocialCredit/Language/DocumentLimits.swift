internal import CYaml

/// The bounds on a scenario document's structure, checked before the document is built.
///
/// A scenario is a few thousand nodes a few levels deep. Text that is far larger is an attack or a
/// mistake, and without bounds it costs memory and stack out of all proportion to its size: YAML
/// aliases repeat a node wherever they appear, so a "billion laughs" of a few hundred bytes
/// expands to gigabytes, and every reader over the tree recurses once per level. These limits
/// turn such text into a located error in time and memory proportional to the text alone.
public enum DocumentLimits {
    /// The most bytes of text a scenario may have (4 MiB): the largest shipped scenario is under
    /// 100 KB, and a file is read whole into memory before anything else is checked.
    public static let maximumBytes = 4 * 1024 * 1024
    /// How many mappings and lists may hold one another (64): shipped scenarios use at most 8.
    public static let maximumDepth = 64
    /// The most nodes (scalars, mappings, lists) a document may stand for, counting each alias as
    /// every node it repeats: 1,000,000, some 100 times the largest shipped scenario.
    public static let maximumNodes = 1_000_000

    /// Where a document breaks a limit, and which.
    struct Violation: Error, Equatable {
        /// What is wrong, in words.
        var message: String
        /// Where: the collection or alias that crosses the limit.
        var location: SourceLocation?
    }

    /// The first limit `text` breaks, or nil when it keeps them all (or has a syntax error, which
    /// the YAML reader then reports itself).
    ///
    /// One pass over libyaml's events (the parser Yams composes with), so neither the nesting nor
    /// the aliases are followed: each anchor's expanded size and height are summed as its node
    /// closes, and an alias adds them without being expanded. Time and memory are linear in the
    /// text, whatever the aliases would expand to.
    static func violation(in text: String) -> Violation? {
        let bytes = text.utf8.count
        if bytes > maximumBytes {
            return Violation(
                message: "the text is \(bytes) bytes: a scenario may be at most \(maximumBytes) bytes (4 MiB)",
                location: SourceLocation(line: 1, column: 1)
            )
        }
        guard bytes > 0 else { return nil }
        var scan = StructureScan()
        var utf8 = Array(text.utf8)
        return utf8.withUnsafeMutableBufferPointer { buffer in scan.run(over: buffer) }
    }
}

/// The state of one pass over a document's events: the collections open, and every anchor's
/// size and height.
private struct StructureScan {
    /// An open mapping or list: the nodes it stands for so far (itself included), the height of
    /// its tallest child, and its anchor.
    struct Frame {
        var nodes: Int
        var childHeight: Int
        var anchor: String?
    }

    /// What an anchor stands for: its expanded node count, and how many collections deep it goes
    /// (0 for a scalar).
    struct Anchored {
        var nodes: Int
        var height: Int
    }

    var open: [Frame] = []
    var anchors: [String: Anchored] = [:]
    var total = 0

    mutating func run(over buffer: UnsafeMutableBufferPointer<UInt8>) -> DocumentLimits.Violation? {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else { return nil }
        defer { yaml_parser_delete(&parser) }
        yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
        yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
        var event = yaml_event_t()
        while yaml_parser_parse(&parser, &event) == 1 {
            let outcome = step(event)
            let ended = event.type == YAML_STREAM_END_EVENT
            yaml_event_delete(&event)
            if let outcome { return outcome }
            if ended { return nil }
        }
        // libyaml's own nesting limit (1,000 levels) can trip before the 65th level is parsed:
        // its scanner reads a line of flow collections ahead. Reported as this limit, where
        // libyaml stopped. Any other syntax error Yams meets again and reports in its own words.
        if parser.error == YAML_PARSER_ERROR, let problem = parser.problem,
            String(cString: problem).hasPrefix("Maximum nesting level")
        {
            return Self.tooDeep(
                at: SourceLocation(
                    line: Int(parser.problem_mark.line) + 1,
                    column: Int(parser.problem_mark.column) + 1
                )
            )
        }
        return nil
    }

    static func tooDeep(at location: SourceLocation) -> DocumentLimits.Violation {
        DocumentLimits.Violation(
            message:
                "mappings and lists nest more than \(DocumentLimits.maximumDepth) levels deep here: a scenario needs far fewer",
            location: location
        )
    }

    /// Accounts one event; the violation it causes, if any.
    mutating func step(_ event: yaml_event_t) -> DocumentLimits.Violation? {
        let at = SourceLocation(line: Int(event.start_mark.line) + 1, column: Int(event.start_mark.column) + 1)
        switch event.type {
        case YAML_SCALAR_EVENT:
            return add(Anchored(nodes: 1, height: 0), anchor: Self.name(event.data.scalar.anchor), at: at, alias: nil)
        case YAML_ALIAS_EVENT:
            guard let name = Self.name(event.data.alias.anchor), let anchored = anchors[name] else {
                return nil  // an undefined alias: Yams reports it
            }
            return add(anchored, anchor: nil, at: at, alias: name)
        case YAML_SEQUENCE_START_EVENT, YAML_MAPPING_START_EVENT:
            let anchor = Self.name(
                event.type == YAML_SEQUENCE_START_EVENT
                    ? event.data.sequence_start.anchor : event.data.mapping_start.anchor
            )
            if open.count >= DocumentLimits.maximumDepth { return Self.tooDeep(at: at) }
            if let crossing = count(1, at: at, alias: nil) { return crossing }
            open.append(Frame(nodes: 1, childHeight: 0, anchor: anchor))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            guard let frame = open.popLast() else { return nil }
            let closed = Anchored(nodes: frame.nodes, height: frame.childHeight + 1)
            if let anchor = frame.anchor { anchors[anchor] = closed }
            attach(closed)
        default:
            break
        }
        return nil
    }

    /// A scalar or an alias: counted, checked against the depth it lands at, attached to its parent.
    mutating func add(
        _ node: Anchored,
        anchor: String?,
        at: SourceLocation,
        alias: String?
    ) -> DocumentLimits.Violation? {
        if let alias, open.count + node.height > DocumentLimits.maximumDepth {
            return DocumentLimits.Violation(
                message:
                    "the alias '*\(alias)' repeats mappings and lists \(node.height) levels deep, which nests the document more than \(DocumentLimits.maximumDepth) levels deep here",
                location: at
            )
        }
        if let crossing = count(node.nodes, at: at, alias: alias) { return crossing }
        if let anchor { anchors[anchor] = node }
        attach(node)
        return nil
    }

    /// Adds `nodes` to the document's total; the violation when it passes the budget.
    mutating func count(_ nodes: Int, at: SourceLocation, alias: String?) -> DocumentLimits.Violation? {
        total += nodes
        guard total > DocumentLimits.maximumNodes else { return nil }
        let what =
            alias.map { "the alias '*\($0)' repeats \(nodes) node\(nodes == 1 ? "" : "s"), which takes" }
            ?? "this node takes"
        return DocumentLimits.Violation(
            message:
                "\(what) the document past \(DocumentLimits.maximumNodes) nodes (an alias counts as every node it repeats): a scenario needs far fewer",
            location: at
        )
    }

    /// Adds a finished node to the collection holding it.
    mutating func attach(_ node: Anchored) {
        guard !open.isEmpty else { return }
        open[open.count - 1].nodes += node.nodes
        open[open.count - 1].childHeight = max(open[open.count - 1].childHeight, node.height)
    }

    static func name(_ pointer: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        pointer.map { String(cString: $0) }
    }
}
