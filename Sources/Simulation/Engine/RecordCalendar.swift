/// The records waiting for a day of one chunk: arrivals delayed by their source, expiries,
/// appeal decisions and the ends of tier ceilings.
///
/// A large society holds every record still to expire here, so each is kept as a 24-byte
/// `CalendarEntry` rather than a 48-byte `PendingRecord`, and a day's entries grow by a quarter
/// at a time rather than doubling, which left a third of the memory unused. An entry due after
/// the run's last day is not kept at all: no day of the run would take it (a run's period is
/// fixed, for a resumed run and a branch as well). Records live for years, so without this a
/// year at 100 million people ended holding about 25 million expiries due after it (0.6 GB).
struct RecordCalendar: Sendable {
    private(set) var days: [Int32: [CalendarEntry]] = [:]
    /// The run's last day: entries due after it are dropped.
    let lastDay: Int32

    init(lastDay: Int32) { self.lastDay = lastDay }

    /// Whether an entry due on `day` is kept (a day of the run).
    @inline(__always) func keeps(_ day: Int32) -> Bool { day <= lastDay }

    /// Adds a record for `day`, unless the run ends before it.
    mutating func schedule(_ record: PendingRecord, on day: Int32) {
        guard keeps(day) else { return }
        let entry = CalendarEntry(record, on: day)
        days[day, default: []].appendGrowingByAQuarter(entry)
    }

    /// Takes out the entries of `day` (nil when none).
    mutating func take(_ day: Int32) -> [CalendarEntry]? { days.removeValue(forKey: day) }

    /// Entries of every day.
    var count: Int { days.values.reduce(0) { $0 + $1.count } }

    /// Replaces the whole calendar (a restored checkpoint).
    mutating func replace(with days: [Int32: [CalendarEntry]]) { self.days = days }
}

extension Array {
    /// Appends, growing the storage by a quarter (at least 16) when full instead of doubling.
    @inline(__always)
    fileprivate mutating func appendGrowingByAQuarter(_ element: Element) {
        if count == capacity { reserveCapacity(count + Swift.max(16, count / 4)) }
        append(element)
    }
}
