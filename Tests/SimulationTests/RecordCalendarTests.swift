import Foundation
import SocialCredit
import Society
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

    @Test("An entry due after the run's last day is not kept")
    func pastTheLastDay() {
        var calendar = RecordCalendar(lastDay: Self.origin + 100)
        calendar.schedule(Self.record(.expiry, expires: Self.origin + 100), on: Self.origin + 100)
        calendar.schedule(Self.record(.expiry, expires: Self.origin + 101), on: Self.origin + 101)
        calendar.schedule(Self.record(.arrival), on: Self.origin + 150)
        #expect(calendar.count == 1 && Array(calendar.days.keys) == [Self.origin + 100])
        #expect(calendar.keeps(Self.origin + 100) && !calendar.keeps(Self.origin + 101) && !calendar.keeps(Int32.max))
    }

    @Test("A run ending on 30 June keeps no entry due after it, and ends as a longer run does on that day")
    func runEndsAsALongerOne() throws {
        // Records expire 120 days after they are made: those of the first half of the year expire
        // from May to October. The half-year run drops the expiries due after 30 June, which the
        // year's run keeps; no day of the half-year would have taken them.
        let policy = try Policy(
            Scenario.parse(SimulationFixture.scenario(rule: "delta: -10\nlifetime_days: 120"), file: "test.yaml")
        )
        let population = SimulationFixture.adults(500, seed: 3)
        let june = Day(iso: "2016-06-30")!
        func simulation(ending end: Day) -> Simulation {
            Simulation(
                policy: policy,
                population: population,
                census: SimulationFixture.census,
                config: SimulationConfig(
                    period: Period(start: Day(iso: "2016-01-01")!, end: end),
                    seed: 3,
                    threads: 2,
                    traceEvery: 50
                )
            )
        }
        var half = simulation(ending: june)
        var year = simulation(ending: Day(iso: "2016-12-31")!)
        var collector = Collector()
        half.run(observer: &collector)
        year.run(until: june, observer: &collector)
        let lastDue = { (s: Simulation) in s.peopleChunks.flatMap { $0.calendar.days.keys }.max() ?? Int32.min }
        #expect(lastDue(half) <= june.number)
        #expect(lastDue(year) > june.number)
        #expect(half.digest() == year.digest())
        #expect(half.runTotals == year.runTotals)
    }

    @Test("A day's entries come out in the order they were scheduled, once")
    func order() throws {
        var calendar = RecordCalendar(lastDay: Int32.max)
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
