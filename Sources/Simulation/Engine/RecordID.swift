/// A record's id: the day of the run it was made, whose record it is (by whole-society index)
/// and the source that made it. A subject has at most one behaviour event a day (the next is
/// drawn at least a day later) and a source records it at most once, so the id is unique; and
/// it is the same however the society is split into shards or chunks, which is what keeps the
/// draws keyed by it (judgement, appeal) and the stored traces the same.
///
/// Ids grow in the order records are made about any one subject (day, then the subjects of a
/// block in the order the day visits them, then source), which is the order the engine
/// replays a subject's records in (`sclab verify`).
///
/// Bits, from the lowest: source (6), company (1), subject (31), day of the run (15): below
/// 2^53, so a `TraceID` (id x 64 + rule) stays positive in 64 bits.
enum RecordID {
    static let sourceBits: Int64 = 6
    static let subjectBits: Int64 = 31
    static let dayBits: Int64 = 15

    /// The id of the record `source` makes on run day `day` (0-based) about the event of
    /// `subject` (whole-society index) of a kind.
    @inline(__always)
    static func make(company: Bool, subject: Int, day: Int, source: Int) -> Int64 {
        assert(source < 1 << sourceBits && (0..<(1 << dayBits)).contains(day) && subject < 1 << subjectBits)
        let kind: Int64 = company ? 1 << sourceBits : 0
        return Int64(day) << (sourceBits + 1 + subjectBits) | Int64(subject) << (sourceBits + 1) | kind | Int64(source)
    }

    /// The whole-society index of the subject whose event the record is about.
    @inline(__always)
    static func subject(_ id: Int64) -> Int { Int(id >> (sourceBits + 1)) & (1 << subjectBits - 1) }

    /// The day of the run (0-based) the event happened.
    @inline(__always)
    static func day(_ id: Int64) -> Int { Int(id >> (sourceBits + 1 + subjectBits)) }

    /// The source that made the record.
    @inline(__always)
    static func source(_ id: Int64) -> Int { Int(id & (1 << sourceBits - 1)) }
}
