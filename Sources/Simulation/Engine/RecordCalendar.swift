/// The records waiting for a day of one chunk: arrivals delayed by their source, expiries,
/// appeal decisions and the ends of tier ceilings.
///
/// A large society holds every record still to expire here (about 25 million after a year at
/// 100 million people), so each is kept as a 24-byte `CalendarEntry` rather than a 48-byte
/// `PendingRecord`, and a day's entries grow by a quarter at a time rather than doubling, which
/// left a third of the memory unused.
struct RecordCalendar: Sendable {
    private(set) var days: [Int32: [CalendarEntry]] = [:]

    /// Adds a record for `day`.
    mutating func schedule(_ record: PendingRecord, on day: Int32) {
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
