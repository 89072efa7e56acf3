import SocialCredit

/// The chunk state's list entries, ceilings and negative records as checkpoint bytes: each
/// dictionary in key order, so that the same state always gives the same bytes.
extension ByteWriter {
    mutating func listHistories(_ lists: [Int: ListHistory]) {
        int(lists.count)
        for (key, history) in lists.sorted(by: { $0.key < $1.key }) {
            int(key)
            fold(history.base)
            fold(history.current)
            int(history.events.count)
            for event in history.events {
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
    /// A day's pending records: a count, then the records' bytes as `PendingRecord`s lie in
    /// memory. Each record's kind and flags (whose bytes Swift must never see out of range) and
    /// its subjects, behaviour, source and rule are checked before the bytes are taken as records.
    mutating func pendingRecords(subjects: Int, scenario: Scenario) throws -> [PendingRecord] {
        let stride = MemoryLayout<PendingRecord>.stride
        let count = try int(in: 0...((data.count - offset) / stride))
        let bytes = try bytes(count * stride)
        let kind = MemoryLayout<PendingRecord>.offset(of: \.kind)!
        let misattributed = MemoryLayout<PendingRecord>.offset(of: \.misattributed)!
        let overturn = MemoryLayout<PendingRecord>.offset(of: \.overturn)!
        for start in Swift.stride(from: 0, to: bytes.count, by: stride) {
            guard bytes[start + kind] <= 3, bytes[start + misattributed] <= 1, bytes[start + overturn] <= 1 else {
                throw CheckpointError("damaged: a pending record's kind or flags are out of range")
            }
        }
        let records = bytes.withUnsafeBytes { raw in Array(raw.bindMemory(to: PendingRecord.self).prefix(count)) }
        for record in records {
            guard (0..<subjects).contains(Int(record.subject)), (-1..<subjects).contains(Int(record.actual)),
                (-1..<scenario.behaviors.count).contains(Int(record.behavior)),
                (-1..<scenario.sources.count).contains(Int(record.source)),
                (-1..<scenario.rules.count).contains(Int(record.rule))
            else {
                throw CheckpointError(
                    "damaged: a pending record refers to a subject, behaviour, source or rule the run does not have"
                )
            }
        }
        return records
    }

    mutating func listHistories() throws -> [Int: ListHistory] {
        var lists: [Int: ListHistory] = [:]
        for _ in 0..<(try count()) {
            let key = try int(in: 0...Int.max)
            var history = ListHistory(base: try fold(), current: try fold())
            for _ in 0..<(try count()) {
                history.events.append(
                    ListEvent(
                        day: try int(in: Int32.min...Int32.max),
                        record: try int(in: Int64.min...Int64.max),
                        rule: try int(in: -1...Int16.max),
                        termDays: try int(in: Int32.min...Int32.max),
                        misattributed: try int(in: 0...1) == 1
                    )
                )
            }
            lists[key] = history
        }
        return lists
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
