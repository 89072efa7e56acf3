import SocialCredit

/// The chunk state's list entries, ceilings and negative records as checkpoint bytes: each
/// dictionary in key order, so that the same state always gives the same bytes.
extension ByteWriter {
    mutating func listEntries(_ lists: [Int: ListFold]) {
        int(lists.count)
        for (key, entry) in lists.sorted(by: { $0.key < $1.key }) {
            int(key)
            fold(entry)
        }
    }

    mutating func strikableEvents(_ strikable: [Int: StrikableEvents]) {
        int(strikable.count)
        for (key, held) in strikable.sorted(by: { $0.key < $1.key }) {
            int(key)
            fold(held.base)
            int(held.events.count)
            for event in held.events {
                int(Int(event.day))
                int(Int(event.record))
                int(Int(event.rule))
                int(Int(event.termDays))
                int(event.misattributed ? 1 : 0)
            }
        }
    }

    private mutating func fold(_ fold: ListFold) {
        int(fold.term == nil ? 0 : 1)
        int(fold.enteredFalsely ? 1 : 0)
        guard let term = fold.term else { return }
        int(Int(term.start))
        int(Int(term.end))
        int(Int(term.extendedDays))
        int(term.repaired ? 1 : 0)
        int(Int(term.lastTrigger))
    }

    mutating func ceilings(_ ceilings: [Int32: [CeilingHold]]) {
        int(ceilings.count)
        for (subject, holds) in ceilings.sorted(by: { $0.key < $1.key }) {
            int(Int(subject))
            int(holds.count)
            for hold in holds {
                int(Int(hold.until))
                int(Int(hold.record))
                int(Int(hold.rule))
                int(Int(hold.tier))
                int(hold.misattributed ? 1 : 0)
            }
        }
    }

    mutating func marks(_ marks: [Int32: [RecordMark]]) {
        int(marks.count)
        for (subject, list) in marks.sorted(by: { $0.key < $1.key }) {
            int(Int(subject))
            int(list.count)
            for mark in list {
                int(Int(mark.day))
                int(Int(mark.record))
                int(Int(mark.rule))
            }
        }
    }
}

extension ByteReader {
    /// A day's calendar entries: a count, then the entries' bytes as `CalendarEntry`s lie in
    /// memory. Each entry's kind and flags, its subject and actual subject (of a chunk whose
    /// subject 0 has whole-society index `firstSubject`), behaviour, source, rule and days are
    /// checked before the bytes are taken as entries.
    mutating func calendarEntries(subjects: Int, firstSubject: Int, scenario: Scenario) throws -> [CalendarEntry] {
        let stride = MemoryLayout<CalendarEntry>.stride
        let count = try int(in: 0...((data.count - offset) / stride))
        let bytes = try bytes(count * stride)
        let entries = bytes.withUnsafeBytes { raw in Array(raw.bindMemory(to: CalendarEntry.self).prefix(count)) }
        let days = 0...UInt16(Period.maximumDays)
        for entry in entries {
            guard entry.flags <= 7, days.contains(entry.recordedBefore),
                entry.expiresAfter == CalendarEntry.never || days.contains(entry.expiresAfter)
            else {
                throw CheckpointError("damaged: a pending record's kind, flags or days are out of range")
            }
            guard (0..<subjects).contains(Int(entry.subject)),
                (0..<subjects).contains(RecordID.subject(entry.id) - firstSubject),
                (0..<scenario.behaviors.count).contains(Int(entry.behavior)),
                (0..<scenario.sources.count).contains(RecordID.source(entry.id)),
                (-1..<scenario.rules.count).contains(Int(entry.rule))
            else {
                throw CheckpointError(
                    "damaged: a pending record refers to a subject, behaviour, source or rule the run does not have"
                )
            }
        }
        return entries
    }

    mutating func listEntries() throws -> [Int: ListFold] { try byListKey { try $0.fold() } }

    mutating func strikableEvents() throws -> [Int: StrikableEvents] {
        try byListKey { input in
            var held = StrikableEvents(base: try input.fold())
            for _ in 0..<(try input.count()) {
                held.events.append(
                    ListEvent(
                        day: try input.int(in: Int32.min...Int32.max),
                        record: try input.int(in: Int64.min...Int64.max),
                        rule: try input.int(in: -1...Int16.max),
                        termDays: try input.int(in: Int32.min...Int32.max),
                        misattributed: try input.int(in: 0...1) == 1
                    )
                )
            }
            return held
        }
    }

    /// Values by list key (subject x 16 + list), each key once.
    private mutating func byListKey<Value>(_ value: (inout ByteReader) throws -> Value) throws -> [Int: Value] {
        var values: [Int: Value] = [:]
        for _ in 0..<(try count()) {
            let key = try int(in: 0...Int.max)
            guard values[key] == nil else { throw CheckpointError("damaged: a list entry comes twice") }
            values[key] = try value(&self)
        }
        return values
    }

    private mutating func fold() throws -> ListFold {
        let present = try int(in: 0...1) == 1
        var fold = ListFold(term: nil, enteredFalsely: try int(in: 0...1) == 1)
        guard present else { return fold }
        var term = ListTerm(
            start: try int(in: Int32.min...Int32.max),
            end: try int(in: Int32.min...Int32.max),
            lastTrigger: 0
        )
        term.extendedDays = try int(in: 0...Int32.max)
        term.repaired = try int(in: 0...1) == 1
        term.lastTrigger = try int(in: Int64.min...Int64.max)
        fold.term = term
        return fold
    }

    mutating func ceilings() throws -> [Int32: [CeilingHold]] {
        var ceilings: [Int32: [CeilingHold]] = [:]
        for _ in 0..<(try count()) {
            let subject: Int32 = try int(in: 0...Int32.max)
            var holds: [CeilingHold] = []
            for _ in 0..<(try count()) {
                holds.append(
                    CeilingHold(
                        until: try int(in: Int32.min...Int32.max),
                        record: try int(in: Int64.min...Int64.max),
                        rule: try int(in: 0...Int16.max),
                        tier: try int(in: 0...UInt8.max),
                        misattributed: try int(in: 0...1) == 1
                    )
                )
            }
            ceilings[subject] = holds
        }
        return ceilings
    }

    mutating func marks() throws -> [Int32: [RecordMark]] {
        var marks: [Int32: [RecordMark]] = [:]
        for _ in 0..<(try count()) {
            let subject: Int32 = try int(in: 0...Int32.max)
            var list: [RecordMark] = []
            for _ in 0..<(try count()) {
                list.append(
                    RecordMark(
                        day: try int(in: Int32.min...Int32.max),
                        record: try int(in: Int64.min...Int64.max),
                        rule: try int(in: 0...Int16.max)
                    )
                )
            }
            marks[subject] = list
        }
        return marks
    }
}
