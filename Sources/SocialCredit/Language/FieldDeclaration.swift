/// What a key of the scenario language holds. The reader reads a key by its declared shape and
/// the schema builder describes the same shape, so the two cannot disagree about a key's type.
public indirect enum FieldShape: Sendable, Equatable {
    /// Any scalar, read as text.
    case text
    /// An id: letters, digits, `_` and `-`, starting with a letter.
    case identifier
    /// A list of ids, or a single id meaning a list of one.
    case identifiers
    /// `true` or `false`.
    case bool
    /// An ISO date, `YYYY-MM-DD`.
    case date
    /// A number of a kind, within the kind's range.
    case number(NumberKind)
    /// One of a fixed set of words.
    case word([String])
    /// One word of a fixed set, or a list of them.
    case words([String])
    /// The word `all`, or a list of region names and codes.
    case regions
    /// A list whose elements have the given shape.
    case list(FieldShape)
    /// A mapping declared by the `FieldTable` of this name (tables refer to each other by name,
    /// which is how a condition holds conditions).
    case table(String)

    /// The words of an enumeration the reader reads with `NodeReader.word(_:_:as:)`.
    public static func word<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> FieldShape
    where E.RawValue == String {
        .word(E.allCases.map(\.rawValue))
    }

    /// A list of words of an enumeration.
    public static func wordList<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> FieldShape
    where E.RawValue == String {
        .list(.word(type))
    }

    /// The number kind of a number, or of a list of numbers; nil for any other shape.
    public var numberKind: NumberKind? {
        switch self {
        case let .number(kind): return kind
        case let .list(element): return element.numberKind
        default: return nil
        }
    }
}

/// One key of a mapping in a scenario file: its name, what it holds, whether it must be given,
/// and what it means (the **Meaning** cell of its row in docs/scenario-language.md, which a test
/// checks, so the schema's hover text is the documentation's).
public struct FieldDeclaration: Sendable {
    /// The key as written.
    public let key: String
    /// What it holds.
    public let shape: FieldShape
    /// Whether the reader refuses the mapping without it.
    public let isRequired: Bool
    /// What it means, in markdown, as the documentation has it.
    public let summary: String

    /// A declaration from its parts.
    public init(_ key: String, _ shape: FieldShape, required: Bool = false, _ summary: String) {
        self.key = key
        self.shape = shape
        self.isRequired = required
        self.summary = summary
    }
}

/// The keys of one kind of mapping. The reader refuses any key not declared here and reads each
/// declared key by its declaration; the schema builder turns the table into an object schema.
public struct FieldTable: Sendable {
    /// The table's name, by which `FieldShape.table` refers to it (the schema's `$defs` key).
    public let name: String
    /// What such a mapping is, in a few words.
    public let summary: String
    /// Its keys, in the order the documentation lists them.
    public let fields: [FieldDeclaration]
    /// The prefix the documentation writes before these keys (`contest.` for
    /// `contest.true_records`), so that a test can find each key's row.
    public let documentedPrefix: String

    /// A table from its keys.
    public init(_ name: String, _ summary: String, documentedPrefix: String = "", _ fields: [FieldDeclaration]) {
        self.name = name
        self.summary = summary
        self.documentedPrefix = documentedPrefix
        self.fields = fields
    }

    /// The declaration of a key, nil when the key is not declared.
    public func field(_ key: String) -> FieldDeclaration? { fields.first { $0.key == key } }

    /// The declared keys, in order.
    public var keys: [String] { fields.map(\.key) }
}
