/// The earliest due day of each group of sixteen subjects, so that the daily scan reads one
/// 16-bit entry per sixteen subjects instead of two 16-bit codes per subject.
///
/// On a typical day about one subject in sixty has an event, so most groups have none; the scan
/// opens (reads the schedule codes of) only the groups whose entry says something may be due.
/// An entry is a lower bound of its group's due days: every write to a schedule column lowers it
/// (`ScheduleColumn`), and the scan sets it to the exact earliest day after today when it opens
/// the group. 0 (the lowest) opens the group at the next scan.
///
/// Groups go by whole-society index (`first` + subject), so chunk boundaries, which are
/// multiples of `Simulation.block` in those indices, are group boundaries: two chunks never
/// write one entry. The summary is derived from the schedule columns, so it is not part of the
/// state's digest or checkpoints; `reset` after the columns are overwritten from bytes.
struct DueSummary: @unchecked Sendable {
    /// Subjects per group, as a shift: 16.
    static let shift = 4
    static let width = 1 << shift

    let entries: Column<UInt16>
    /// The whole-society index of subject 0, modulo the group width.
    let offset: Int

    /// A summary of `count` subjects, the first of which has whole-society index `first`; every
    /// group starts open.
    init(count: Int, first: Int) {
        offset = first & (Self.width - 1)
        entries = Column<UInt16>(repeating: 0, count: count > 0 ? ((count - 1 + offset) >> Self.shift) + 1 : 0)
    }

    /// A schedule code as a due day to compare: its day without the refresh sign, counted from
    /// 0, and no due day (code 0) as the largest value.
    @inline(__always) static func key(_ code: Int16) -> UInt16 { code.magnitude &- 1 }

    /// The group of a subject.
    @inline(__always) func group(_ subject: Int) -> Int { (subject &+ offset) >> Self.shift }

    /// The subjects of a group (clipped to the state's subjects).
    @inline(__always) func subjects(of group: Int, count: Int) -> Range<Int> {
        max(0, (group << Self.shift) &- offset)..<min(count, ((group &+ 1) << Self.shift) &- offset)
    }

    /// A subject's schedule code was written: its group's entry comes down to it if later.
    @inline(__always) func lower(_ subject: Int, to code: Int16) {
        let g = group(subject)
        let k = Self.key(code)
        if k < entries[g] { entries[g] = k }
    }

    /// Opens every group at the next scan (after the schedule columns were loaded from bytes).
    func reset() {
        entries.base.update(repeating: 0, count: entries.count)
    }
}
