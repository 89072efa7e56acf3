/// The id of a record trace (and of a listing): which record, and which rule judged it. Stored as
/// one integer, `record × 64 + rule` (63 when no rule applied), so that a record's traces sort
/// together in rule order and each (record, rule) pair has one row to replace when an appeal is
/// decided later. This type is the one place that packs and unpacks it, so no reader decodes the
/// number by hand.
public struct TraceID: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The record's id, unique in the run.
    public var record: Int64
    /// Index of the rule that judged the record; nil when no rule applied.
    public var rule: Int?

    /// Rule slots an id holds: 63 rules, and one value for "no rule".
    package static let slots: Int64 = 64

    /// An id from its parts. A rule outside 0..<63 is not representable and reads as no rule.
    public init(record: Int64, rule: Int?) {
        self.record = record
        self.rule = rule.flatMap { (0..<Int(Self.slots - 1)).contains($0) ? $0 : nil }
    }

    /// The id stored in the run (`record × 64 + rule`, 63 for no rule).
    public init(rawValue: Int64) {
        record = rawValue >> 6
        let slot = rawValue & (Self.slots - 1)
        rule = slot == Self.slots - 1 ? nil : Int(slot)
    }

    /// The integer the run stores.
    public var rawValue: Int64 { record &* Self.slots &+ Int64(rule ?? Int(Self.slots - 1)) }

    /// `#record` or `#record/rule`, as messages name a trace.
    public var description: String { rule.map { "#\(record)/\($0)" } ?? "#\(record)" }

    /// Ids order as the stored integers do: by record, then rule.
    public static func < (lhs: TraceID, rhs: TraceID) -> Bool { lhs.rawValue < rhs.rawValue }
}

extension RecordTrace {
    /// The trace's id, typed.
    public var traceID: TraceID { TraceID(rawValue: id) }
}

extension Listing {
    /// The listing's id, typed: the record and rule that put the subject on the list.
    public var traceID: TraceID { TraceID(rawValue: id) }
}
