import Foundation
import SocialCredit
import Society

/// Checkpoints: the whole mutable state of a run at a month's end, as bytes. The society itself
/// is not saved: it is regenerated from its size and seed, which give the same society.
extension Simulation {
    /// "SCLABCK" and the format's version as a digit or a letter from A for 10 (10: rating
    /// columns only for the kind of subject a rating rates, no calendar entries due after the
    /// run's last day; 9: 24-byte calendar entries, list entries apart from
    /// the events an appeal will strike out, no rating-tier bytes past the scenario's ratings, no
    /// list start days, one calendar year of cap use; 8: record ids from subject, day and source, no
    /// per-chunk record counter; 7: 16-bit days, 16- and 32-byte records, 8-byte own-standing
    /// snapshots, 48-byte pending records, spillover flags, list entries with their events, ceilings per
    /// record with whether it was false, condition-filled lists held, false records by source, grants by measure).
    static let checkpointMagic = Array("SCLABCKA".utf8)

    /// The format a magic's last byte names: a digit, or a letter from A for 10.
    static func checkpointFormat(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): String(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "A")...UInt8(ascii: "Z"): String(Int(byte - UInt8(ascii: "A")) + 10)
        default: "0x" + String(byte, radix: 16)
        }
    }

    /// The state as bytes (taken at a month's end, when the month's counters and traces are empty).
    public func checkpointData() -> Data {
        var out = ByteWriter()
        out.bytes(Self.checkpointMagic)
        out.int(Int(today.number))
        out.int(people.count)
        out.int(companies.count)
        out.int(model.scenario.lists.count)
        for column in people.columns + companies.columns { out.raw(column) }
        peopleSnapshot.withUnsafeBytes { out.raw($0) }
        companySnapshot.withUnsafeBytes { out.raw($0) }
        for values in totals.arrays { out.ints(values) }
        out.ints(totals.scalars)
        for chunk in peopleChunks + companyChunks {
            let days = chunk.calendar.days.keys.sorted()
            out.int(days.count)
            for day in days {
                let entries = chunk.calendar.days[day]!
                out.int(Int(day))
                out.int(entries.count)
                entries.withUnsafeBytes { out.raw($0) }
            }
            let caps = chunk.capUse.sorted { $0.key < $1.key }
            out.int(Int(chunk.capYear))
            out.ints(caps.map(\.key))
            out.ints(caps.map { Int($0.value) })
            out.listEntries(chunk.lists)
            out.strikableEvents(chunk.strikable)
            out.ceilings(chunk.ceilings)
            out.marks(chunk.negatives)
            out.ints(chunk.overturned.sorted().map { Int($0) })
        }
        return Data(out.data)
    }

    /// Restores the state from a checkpoint of a run with the same scenario, society and period.
    ///
    /// No bytes make it trap or read out of bounds: every count, length, day and index is checked
    /// against what remains and what the run holds, and pending records' one-byte kinds and flags
    /// are checked before they are taken as such. (Damage inside the columns' plain numbers is
    /// what `CheckpointFile`'s checksum is for.) On an error the state is part restored: restore
    /// another checkpoint, or drop the simulation.
    public mutating func restore(from data: Data) throws {
        var input = ByteReader(data: [UInt8](data))
        let magic = try input.bytes(Self.checkpointMagic.count)
        guard magic.prefix(7) == Self.checkpointMagic.prefix(7) else {
            throw CheckpointError("not a SocialCreditLab checkpoint")
        }
        guard magic == Self.checkpointMagic else {
            throw CheckpointError(
                "a checkpoint of format \(Self.checkpointFormat(magic[7])) (from another version of sclab); "
                    + "this version reads format \(Self.checkpointFormat(Self.checkpointMagic[7]))"
            )
        }
        let day: Int32 = try input.int(in: config.period.start.number...(config.period.end.number + 1))
        guard try input.int() == people.count, try input.int() == companies.count,
            try input.int() == model.scenario.lists.count
        else {
            throw CheckpointError("the checkpoint is of a different society or scenario")
        }
        for column in people.columns + companies.columns {
            let bytes = try input.bytes(column.count)
            bytes.withUnsafeBytes { UnsafeMutableRawBufferPointer(mutating: column).copyMemory(from: $0) }
        }
        people.due.reset()  // derived from the schedule columns just loaded
        companies.due.reset()
        spilloverMemory = nil  // what the last pass read is not saved: the next looks at everyone
        untouchedSnapshots = [:]  // nor what it wrote for untouched subjects: the next writes everyone
        clearRateCaches()  // nor the totals of behaviour rates: each is worked out again when next needed
        try peopleSnapshot.withUnsafeMutableBytes { target in
            let bytes = try input.bytes(target.count)
            bytes.withUnsafeBytes { target.copyMemory(from: $0) }
        }
        try companySnapshot.withUnsafeMutableBytes { target in
            let bytes = try input.bytes(target.count)
            bytes.withUnsafeBytes { target.copyMemory(from: $0) }
        }
        var arrays = totals.arrays
        for i in arrays.indices { arrays[i] = try input.ints() }
        try totals.restore(arrays: arrays, scalars: input.ints())
        // Records are scheduled after the run's first day, and kept only when due within the run.
        let firstDue = config.period.start.number + 1
        let dueDays = firstDue...max(firstDue, config.period.end.number)
        for (chunk, kind) in peopleChunks.map({ ($0, SubjectKind.people) })
            + companyChunks.map({ ($0, SubjectKind.companies) })
        {
            var days: [Int32: [CalendarEntry]] = [:]
            for _ in 0..<(try input.count()) {
                let due: Int32 = try input.int(in: dueDays)
                guard days[due] == nil else { throw CheckpointError("damaged: a day of the calendar comes twice") }
                guard chunk.calendar.keeps(due) else {
                    throw CheckpointError("damaged: a day of the calendar after the run's last")
                }
                days[due] = try input.calendarEntries(
                    subjects: kind == .people ? people.count : companies.count,
                    firstSubject: kind == .people ? population.firstPerson : population.firstCompany,
                    scenario: model.scenario
                )
            }
            chunk.calendar.replace(with: days)
            chunk.capYear = try input.int(in: Int32.min...Int32.max)
            let capKeys = try input.ints()
            let used = try input.ints().compactMap(Int32.init(exactly:))
            guard used.count == capKeys.count, Set(capKeys).count == capKeys.count else {
                throw CheckpointError("damaged: the yearly cap use is inconsistent")
            }
            chunk.capUse = Dictionary(uniqueKeysWithValues: zip(capKeys, used))
            chunk.lists = try input.listEntries()
            chunk.strikable = try input.strikableEvents()
            chunk.ceilings = try input.ceilings()
            chunk.negatives = try input.marks()
            chunk.overturned = Set(try input.ints().map { Int64($0) })
            chunk.traces = [:]
        }
        guard input.atEnd else { throw CheckpointError("trailing bytes: the checkpoint is damaged") }
        today = Day(number: day)
        // A switch whose day has passed was in force when the checkpoint was taken.
        model = modelInForce
        previousTables = nil
        month = DayCounters(for: model.scenario)
    }
}

/// A checkpoint that cannot be used.
public struct CheckpointError: Error, CustomStringConvertible {
    /// What is wrong.
    public let description: String
    /// An error saying what is wrong, for readers of checkpoint files outside this module too.
    public init(_ description: String) { self.description = description }
}

struct ByteWriter {
    var data: [UInt8] = []
    mutating func bytes(_ b: [UInt8]) { data += b }
    mutating func raw(_ b: UnsafeRawBufferPointer) { data.append(contentsOf: b) }
    mutating func int(_ v: Int) { withUnsafeBytes(of: Int64(v).littleEndian) { data.append(contentsOf: $0) } }
    mutating func ints(_ values: [Int]) {
        int(values.count)
        for v in values { int(v) }
    }
}

struct ByteReader {
    let data: [UInt8]
    var offset = 0
    var atEnd: Bool { offset == data.count }

    mutating func bytes(_ n: Int) throws -> [UInt8] {
        guard n >= 0, offset + n <= data.count else { throw CheckpointError("truncated: the checkpoint ends early") }
        defer { offset += n }
        return Array(data[offset..<(offset + n)])
    }

    mutating func int() throws -> Int {
        let b = try bytes(8)
        var value: UInt64 = 0
        for (i, byte) in b.enumerated() { value |= UInt64(byte) << (8 * UInt64(i)) }
        return Int(Int64(bitPattern: value))
    }

    mutating func ints() throws -> [Int] {
        let n = try count()
        return try (0..<n).map { _ in try int() }
    }

    /// A count of items of at least 8 bytes each that the rest of the data can hold.
    mutating func count() throws -> Int {
        let n = try int()
        guard n >= 0, n <= (data.count - offset) / 8 else { throw CheckpointError("damaged: bad array length") }
        return n
    }

    /// An integer that must lie in `range`.
    mutating func int<T: FixedWidthInteger>(in range: ClosedRange<T>) throws -> T {
        let value = try int()
        guard let narrow = T(exactly: value), range.contains(narrow) else {
            throw CheckpointError("damaged: a value out of range (\(value))")
        }
        return narrow
    }
}
