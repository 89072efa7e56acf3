/// When each subject's next behaviour (or action attempt) is due, 16 bits per subject.
///
/// Scanned every day for today's subjects, so it is kept small: a *code* counts days from the
/// day before the run's origin (no due day codes as 0, which means nothing is scheduled), and a
/// day that is only a refresh of the rates is written negative. The day loop reads and writes
/// day numbers; `scan` compares codes directly. Every write also lowers the subject's group's
/// entry for this column (`lane`) in `due` (shared by the behaviour and action columns), which
/// the scan reads first.
struct ScheduleColumn: @unchecked Sendable {
    let column: Column<Int16>
    let origin: Int32
    let due: DueSummary
    /// The column's lane in `due` (`ScheduleColumn.behaviorLane` or `actionLane`).
    let lane: Int

    /// Lanes of the two schedule columns in `DueSummary`.
    static let behaviorLane = 0
    static let actionLane = 1

    init(count: Int, origin: Int32, due: DueSummary, lane: Int) {
        precondition((0..<DueSummary.lanes).contains(lane), "no lane \(lane) in a due summary")
        column = Column<Int16>(repeating: 0, count: count)
        self.origin = origin
        self.due = due
        self.lane = lane
    }

    var count: Int { column.count }

    /// The code of a day of the run (or up to a year past its end).
    @inline(__always) func code(_ day: Int32) -> Int16 { Int16(truncatingIfNeeded: day &- origin &+ 1) }

    /// The due day (negative: a refresh day), or 0 when nothing is scheduled.
    @inline(__always)
    subscript(index: Int) -> Int32 {
        get {
            let stored = column[index]
            if stored == 0 { return 0 }
            return stored > 0 ? origin &+ Int32(stored) &- 1 : -(origin &+ Int32(-stored) &- 1)
        }
        nonmutating set {
            let stored = newValue == 0 ? 0 : newValue > 0 ? code(newValue) : -code(-newValue)
            column[index] = stored
            due.lower(index, lane: lane, to: stored)
        }
    }
}
