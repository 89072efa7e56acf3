import Foundation

/// One of the tables `sclab export` writes: a run's data as plain rows and documented columns,
/// for pandas, R, DuckDB or a spreadsheet (docs/exports.md).
public struct ExportTable: Sendable, Equatable {
    /// Which table.
    public enum Kind: String, Sendable, CaseIterable {
        /// The monthly metrics, long form: one row per month and metric.
        case metrics
        /// The stored people: the traced sample and everyone ever listed, with attributes.
        case people
        /// The traced records: one row per record and rule applied.
        case records
        /// The list entries of listed people.
        case lists
    }

    /// The table.
    public var kind: Kind
    /// Its columns, documented.
    public var columns: [ExportColumn]
    /// Its rows, each as many values as columns.
    public var rows: [[ExportValue]]

    /// A table from its parts.
    public init(kind: Kind, columns: [ExportColumn], rows: [[ExportValue]]) {
        self.kind = kind
        self.columns = columns
        self.rows = rows
    }
}

/// A documented column: what docs/exports.md lists, and what a reader needs to load the value.
public struct ExportColumn: Sendable, Equatable {
    /// The type of a column's values as loaders see them.
    public enum ValueType: String, Sendable {
        /// Whole numbers.
        case integer
        /// Decimal numbers (written in the shortest form that reads back exactly).
        case number
        /// Text.
        case text
        /// `true` or `false`.
        case boolean
        /// An ISO date, `YYYY-MM-DD`.
        case date
        /// A month, `YYYY-MM`.
        case month
    }

    /// Column name: lower case with underscores, valid in SQL, R and pandas as it is.
    public var name: String
    /// Type of its values.
    public var type: ValueType
    /// What it means.
    public var meaning: String
    /// Its unit, or "" when it has none.
    public var unit: String
    /// Whether it may be empty (CSV) or null (JSON).
    public var nullable: Bool

    /// A column from its parts.
    public init(_ name: String, _ type: ValueType, _ meaning: String, unit: String = "", nullable: Bool = false) {
        self.name = name
        self.type = type
        self.meaning = meaning
        self.unit = unit
        self.nullable = nullable
    }
}

/// One cell of an exported table.
public enum ExportValue: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case text(String)
    case boolean(Bool)
    /// No value: empty in CSV, `null` in JSON.
    case null

    /// A value or null.
    static func integer(_ value: Int?) -> ExportValue { value.map { .integer($0) } ?? .null }
    static func text(_ value: String?) -> ExportValue { value.map { .text($0) } ?? .null }
    static func boolean(_ value: Bool?) -> ExportValue { value.map { .boolean($0) } ?? .null }
    /// A number; NaN and infinities (undefined values) are null.
    static func number(_ value: Double?) -> ExportValue { value.flatMap { $0.isFinite ? .number($0) : nil } ?? .null }
}
