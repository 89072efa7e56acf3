/// The earliest due day of each group of sixteen subjects in each schedule column, so that the
/// daily scan reads two 16-bit entries per sixteen subjects instead of two 16-bit codes per
/// subject.
///
/// On a typical day about one subject in sixty has an event, so most groups have none; the scan
/// opens (reads the schedule codes of) only the groups whose entries say something may be due,
/// and of those only the columns (*lanes*: behaviour 0, action 1) whose entry does. Action
/// attempts are about a tenth of the events, so nearly every group opened is opened for its
/// behaviour codes alone: one cache line read instead of two. An entry is a lower bound of its
/// lane's due days in the group: every write to a schedule column lowers it (`ScheduleColumn`),
/// and the scan sets it to the exact earliest day after today when it opens the lane. 0 (the
/// lowest) opens the lane at the next scan. A group's two entries lie side by side.
///
/// Groups go by whole-society index (`first` + subject), so chunk boundaries, which are
/// multiples of `Simulation.block` in those indices, are group boundaries: two chunks never
/// write one entry. The summary is derived from the schedule columns, so it is not part of the
/// state's digest or checkpoints; `reset` after the columns are overwritten from bytes.
struct DueSummary: @unchecked Sendable {
    /// Subjects per group, as a shift: 16.
    static let shift = 4
    static let width = 1 << shift
    /// Entries per group: one per schedule column (behaviour, action). The scan's
    /// `sclab_next_open` reads a group's entries as two side by side: a third column would
    /// need it changed too.
    static let lanes = 2

    /// Entry `lane` of group `g` at `g * lanes + lane`.
    let entries: Column<UInt16>
    /// The whole-society index of subject 0, modulo the group width.
    let offset: Int

    /// A summary of `count` subjects, the first of which has whole-society index `first`; every
    /// group starts open.
    init(count: Int, first: Int) {
        offset = first & (Self.width - 1)
        let groups = count > 0 ? ((count - 1 + offset) >> Self.shift) + 1 : 0
        entries = Column<UInt16>(repeating: 0, count: groups * Self.lanes)
    }

    /// A schedule code as a due day to compare: its day without the refresh sign, counted from
    /// 0, and no due day (code 0) as the largest value.
    @inline(__always) static func key(_ code: Int16) -> UInt16 { code.magnitude &- 1 }

    /// The group of a subject.
    @inline(__always) func group(_ subject: Int) -> Int { (subject &+ offset) >> Self.shift }

    /// The index of the subject in a group's first place of sixteen (negative for a shard's
    /// first group when the shard starts mid-group).
    @inline(__always) func start(of group: Int) -> Int { (group << Self.shift) &- offset }

    /// The subjects of a group (clipped to the state's subjects).
    @inline(__always) func subjects(of group: Int, count: Int) -> Range<Int> {
        max(0, start(of: group))..<min(count, start(of: group &+ 1))
    }

    /// The number of groups.
    var groups: Int { entries.count / Self.lanes }

    /// The entry of a group's lane.
    @inline(__always) func entry(_ group: Int, lane: Int) -> UInt16 { entries[group &* Self.lanes &+ lane] }

    /// A subject's schedule code in `lane` was written: its group's entry for the lane comes
    /// down to it if later.
    @inline(__always) func lower(_ subject: Int, lane: Int, to code: Int16) {
        let e = group(subject) &* Self.lanes &+ lane
        let k = Self.key(code)
        if k < entries[e] { entries[e] = k }
    }

    /// Opens every lane of every group at the next scan (after the schedule columns were loaded
    /// from bytes).
    func reset() {
        entries.base.update(repeating: 0, count: entries.count)
    }
}
