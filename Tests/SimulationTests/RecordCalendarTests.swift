import Foundation
import SocialCredit
import TestSupport
import Testing

@testable import Simulation

/// The calendar keeps each pending record in 24 bytes (`CalendarEntry`): what the record's id
/// holds is read back from it, the days are kept relative to each other.
@Suite("Record calendar")
struct RecordCalendarTests {
    /// Whole-society index of the chunk's subject 0, and the run's first day.
    static let firstSubject = 5_000
    static let origin: Int32 = 16_000

    /// A record made on run day 40 by source 3 about subject 17's event, attached to `subject`.
    static func record(
        _ kind: PendingRecord.Kind,
        subject: Int32 = 17,
        recorded: Int32 = origin + 42,
        expires: Int32 = Int32.max,
        overturn: Bool = false
    ) -> PendingRecord {
        PendingRecord(
            kind: kind,
            id: RecordID.make(company: false, subject: firstSubject + 17, day: 40, source: 3),
            subject: subject,
            actual: 17,
            behavior: 9,
            source: 3,
            rule: kind == .arrival ? -1 : 62,
            occurred: origin + 40,
            recorded: recorded,
            delta: -1_000_000,
            misattributed: subject != 17,
            overturn: overturn,
            expires: expires
        )
    }

    @Test("An entry is 24 bytes")
    func size() {
        #expect(MemoryLayout<CalendarEntry>.stride == 24)
    }

    @Test(
        "Every kind of record comes back from its entry as it went in",
        arguments: [
            // A delayed arrival, due the day it is recorded.
            (record(.arrival), origin + 42),
            // A false record's arrival (attached to subject 20 of the same block).
            (record(.arrival, subject: 20), origin + 42),
            // An expiry 365 days after the day recorded.
            (record(.expiry, expires: origin + 42 + 365), origin + 42 + 365),
            // An appeal decided 30 days after filing, on a record that expires, overturned.
            (record(.appealDecision, expires: origin + 42 + 365, overturn: true), origin + 72),
            // An appeal on a record that never expires, upheld.
            (record(.appealDecision, subject: 20), origin + 72),
            // A tier ceiling ending after the longest lifetime a scenario may give.
            (
                record(.ceilingEnd, expires: origin + 42 + Int32(Period.maximumDays)),
                origin + 42 + Int32(Period.maximumDays)
            ),
        ]
    )
    func roundTrip(record: PendingRecord, due: Int32) {
        let entry = CalendarEntry(record, on: due)
        #expect(entry.record(on: due, firstSubject: Self.firstSubject, origin: Self.origin) == record)
    }

    @Test(
        "A record's id gives back its subject, day and source",
        arguments: [(false, 0, 0, 0), (true, 99_999_999, 31_999, 63), (false, (1 << 31) - 1, (1 << 15) - 1, 17)]
    )
    func recordID(company: Bool, subject: Int, day: Int, source: Int) {
        let id = RecordID.make(company: company, subject: subject, day: day, source: source)
        #expect(RecordID.subject(id) == subject)
        #expect(RecordID.day(id) == day)
        #expect(RecordID.source(id) == source)
    }

    @Test("A day's entries come out in the order they were scheduled, once")
    func order() throws {
        var calendar = RecordCalendar()
        for k in 0..<1_000 {
            calendar.schedule(
                Self.record(.expiry, subject: Int32(k % 7 + 14), expires: Self.origin + 50),
                on: Self.origin + 50
            )
        }
        calendar.schedule(Self.record(.arrival), on: Self.origin + 42)
        #expect(calendar.count == 1_001)
        let taken = calendar.take(Self.origin + 50)
        let due = try #require(taken)
        #expect(due.map(\.subject) == (0..<1_000).map { Int32($0 % 7 + 14) })
        // Grown a quarter at a time: far less room left over than doubling's.
        #expect(due.capacity <= 1_000 + 1_000 / 4 + 16)
        #expect(calendar.take(Self.origin + 50) == nil)
        #expect(calendar.count == 1)
    }

    @Test("Checkpoint bytes of entries out of range are refused, in range read back")
    func checkpointBytes() throws {
        let scenario = try Societies.seedScenario().scenario
        func read(_ entries: [CalendarEntry], subjects: Int = 100) throws -> [CalendarEntry] {
            var out = ByteWriter()
            out.int(entries.count)
            entries.withUnsafeBytes { out.raw($0) }
            var input = ByteReader(data: out.data)
            return try input.calendarEntries(subjects: subjects, firstSubject: Self.firstSubject, scenario: scenario)
        }
        var record = Self.record(.expiry, expires: Self.origin + 400)
        record.rule = 2  // one of the seed scenario's rules
        let good = CalendarEntry(record, on: Self.origin + 400)
        #expect(try read([good, good]) == [good, good])
        var badKind = good
        badKind.flags = 8
        #expect(throws: CheckpointError.self) { try read([good, badKind]) }
        var badSubject = good
        badSubject.subject = 100
        #expect(throws: CheckpointError.self) { try read([badSubject]) }
        // The actual subject (from the id) must be one of the chunk's subjects too.
        #expect(throws: CheckpointError.self) { try read([good], subjects: 17) }
        var badRule = good
        badRule.rule = Int8(scenario.rules.count)
        #expect(throws: CheckpointError.self) { try read([badRule]) }
        var badDays = good
        badDays.recordedBefore = UInt16(Period.maximumDays) + 1
        #expect(throws: CheckpointError.self) { try read([badDays]) }
    }
}
