/// A record travelling through the system: from occurrence to arrival, and later to expiry or an
/// appeal decision.
struct PendingRecord: Sendable {
    enum Kind: UInt8, Sendable { case arrival, expiry, appealDecision }
    // Widest fields first: 48 bytes a record rather than 56 in declaration order by meaning. A
    // large society holds every record still to expire in the calendar, so this is most of the
    // memory a run gains as it goes.
    var id: Int64
    var subject: Int32
    var actual: Int32
    var occurred: Int32
    var recorded: Int32
    var delta: Int32
    var expires: Int32
    var behavior: Int16
    var source: Int16
    var rule: Int16
    var kind: Kind
    var misattributed: Bool
    var overturn: Bool

    init(kind: Kind, id: Int64, subject: Int32, actual: Int32, behavior: Int16, source: Int16, rule: Int16,
         occurred: Int32, recorded: Int32, delta: Int32, misattributed: Bool, overturn: Bool, expires: Int32) {
        self.id = id
        self.subject = subject
        self.actual = actual
        self.occurred = occurred
        self.recorded = recorded
        self.delta = delta
        self.expires = expires
        self.behavior = behavior
        self.source = source
        self.rule = rule
        self.kind = kind
        self.misattributed = misattributed
        self.overturn = overturn
    }
}

/// State that belongs to one chunk of subjects and never leaves it: the calendar of pending
/// records, yearly cap use, list extensions, which record made each listing, and the traces of
/// traced subjects. Chunks are aligned to blocks of subjects that false attribution never
/// crosses, so no chunk ever touches another's state.
final class ChunkState: @unchecked Sendable {
    var calendar: [Int32: [PendingRecord]] = [:]
    /// (subject * rules + rule) -> (year, points used).
    var capUse: [Int: (year: Int32, used: Int32)] = [:]
    /// (subject * lists + list) -> days of extension used.
    var extensions: [Int: Int32] = [:]
    /// (subject * lists + list) -> id of the record behind the current entry.
    var listingRecord: [Int: Int64] = [:]
    /// subject -> id of the record behind the current tier ceiling.
    var ceilingRecord: [Int32: Int64] = [:]
    /// Records overturned on appeal (their expiry must not be applied again).
    var overturned: Set<Int64> = []
    var nextRecord: Int64 = 0
    var traces: [Int64: RecordTrace] = [:]
    /// Traced subjects' action attempts this month, with the run's decisions.
    var decisions: [TracedDecision] = []
    /// Entries onto lists this month, for everyone (what a public list publishes).
    var listings: [Listing] = []

    func schedule(_ record: PendingRecord, on day: Int32) {
        calendar[day, default: []].append(record)
    }
}
