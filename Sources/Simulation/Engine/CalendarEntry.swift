import SocialCredit

/// A `PendingRecord` in 24 bytes, as the calendar keeps it.
///
/// What the record's id holds (its actual subject, source and day of occurrence: `RecordID`) is
/// not stored again, nor whether it is false (its subject is not the actual one); the day it
/// was recorded and the day it expires are kept as days before the calendar day and after the
/// day recorded, both at most `Period.maximumDays`.
struct CalendarEntry: Sendable, Equatable {
    var id: Int64
    var subject: Int32
    var delta: Int32
    var behavior: Int16
    /// Days from the day recorded to the calendar day.
    var recordedBefore: UInt16
    /// Days from the day recorded to the day it expires; `UInt16.max`: never.
    var expiresAfter: UInt16
    var rule: Int8
    /// Bits 0-1: the kind; bit 2: an appeal overturns it.
    var flags: UInt8

    static let never = UInt16.max

    /// The entry of `record` in the calendar of `day`.
    init(_ record: PendingRecord, on day: Int32) {
        precondition(
            (0...Int32(Period.maximumDays)).contains(day - record.recorded)
                && (record.expires == Int32.max
                    || (0...Int32(Period.maximumDays)).contains(record.expires - record.recorded)),
            "a calendar entry keeps its days within \(Period.maximumDays) of each other"
        )
        id = record.id
        subject = record.subject
        delta = record.delta
        behavior = record.behavior
        recordedBefore = UInt16(day - record.recorded)
        expiresAfter = record.expires == Int32.max ? Self.never : UInt16(record.expires - record.recorded)
        rule = Int8(record.rule)
        flags = record.kind.rawValue | (record.overturn ? 4 : 0)
    }

    /// The record again, in the calendar of `day`, of a chunk whose subject 0 has whole-society
    /// index `firstSubject`, in a run whose first day is `origin`.
    func record(on day: Int32, firstSubject: Int, origin: Int32) -> PendingRecord {
        let actual = Int32(truncatingIfNeeded: RecordID.subject(id) - firstSubject)
        let recorded = day - Int32(recordedBefore)
        return PendingRecord(
            kind: PendingRecord.Kind(rawValue: flags & 3)!,
            id: id,
            subject: subject,
            actual: actual,
            behavior: behavior,
            source: Int16(RecordID.source(id)),
            rule: Int16(rule),
            occurred: origin + Int32(RecordID.day(id)),
            recorded: recorded,
            delta: delta,
            misattributed: actual != subject,
            overturn: flags & 4 != 0,
            expires: expiresAfter == Self.never ? Int32.max : recorded + Int32(expiresAfter)
        )
    }
}
