import RunRecords
import SocialCredit

/// A record travelling through the system: from occurrence to arrival, and later to expiry or an
/// appeal decision.
struct PendingRecord: Sendable, Equatable {
    enum Kind: UInt8, Sendable { case arrival, expiry, appealDecision, ceilingEnd }
    // Widest fields first: 48 bytes a record rather than 56 in declaration order by meaning. The
    // calendar keeps records in half that (`CalendarEntry`).
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

    init(
        kind: Kind,
        id: Int64,
        subject: Int32,
        actual: Int32,
        behavior: Int16,
        source: Int16,
        rule: Int16,
        occurred: Int32,
        recorded: Int32,
        delta: Int32,
        misattributed: Bool,
        overturn: Bool,
        expires: Int32
    ) {
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
/// records, yearly cap use, list entries (with the events an appeal may still strike out), tier
/// ceilings per record, recent negative records, and the traces of traced subjects. Chunks are
/// aligned to blocks of subjects that false attribution never crosses, so no chunk ever touches
/// another's state.
final class ChunkState: @unchecked Sendable {
    var calendar: RecordCalendar
    /// (subject * 64 + rule) -> points used under the rule's yearly cap in `capYear`: emptied
    /// when a judgement under a cap comes in a new calendar year, so it holds one year's use.
    var capUse: [Int: Int32] = [:]
    /// The calendar year of `capUse` (`Int32.min`: none yet).
    var capYear = Int32.min
    /// (subject * 16 + list) -> the subject's entry on a rule-filled list, after every event so
    /// far: kept while it holds, or while an appeal may still change it.
    var lists: [Int: ListFold] = [:]
    /// (subject * 16 + list) -> the events of the entry that an appeal will strike out, with those
    /// after them, and the entry before them (only while there are such events).
    var strikable: [Int: StrikableEvents] = [:]
    /// subject -> the tier ceilings its records hold, one per record and rule.
    var ceilings: [Int32: [CeilingHold]] = [:]
    /// subject -> its latest negative records that an appeal may still strike out, and the
    /// latest before them that none can (kept only when `clean_days` is used and appeals can win).
    var negatives: [Int32: [RecordMark]] = [:]
    /// Judgements (`TraceID` numbers: record × 64 + rule) overturned on appeal whose expiry is
    /// still in the calendar: their points must not be taken back twice.
    var overturned: Set<Int64> = []
    var traces: [Int64: RecordTrace] = [:]
    /// Traced subjects' action attempts this month, with the run's decisions.
    var decisions: [TracedDecision] = []
    /// Entries onto lists this month, for everyone (what a public list publishes).
    var listings: [Listing] = []

    /// The state of a chunk of a run whose last day is `lastDay`.
    init(lastDay: Int32) { calendar = RecordCalendar(lastDay: lastDay) }

    func schedule(_ record: PendingRecord, on day: Int32) {
        calendar.schedule(record, on: day)
    }
}

/// The events of a subject's entry on one rule-filled list that an appeal will still strike
/// out, with every event after the first of them, and the entry (`base`) as the events before
/// them left it, so that an overturned record is left out by folding `events` again from `base`
/// (the decision engine folds the same events from the start). Whether an appeal will overturn a
/// judgement is drawn when the appeal is filed, which is when the judgement is made; the many
/// entries with no such event keep no events at all.
struct StrikableEvents: Sendable {
    var base: ListFold
    var events: [ListEvent] = []
}

/// The list state machine's state with what the simulation keeps beside it: whether the record
/// that began the entry was false (a wrongful listing).
struct ListFold: Sendable {
    var term: ListTerm?
    var enteredFalsely = false

    /// Applies one event; what it did.
    mutating func apply(_ event: ListEvent, _ rules: ListTermRules) -> ListStep {
        let step = event.apply(to: &term, rules)
        if step == .entered { enteredFalsely = event.misattributed }
        return step
    }
}

/// A tier ceiling held through one record's judgement by one rule.
struct CeilingHold: Sendable {
    /// First day it no longer holds (`Int32.max`: never ends).
    var until: Int32
    var record: Int64
    var rule: Int16
    var tier: UInt8
    /// Whether the record was false: a block the ceiling causes is then wrongful.
    var misattributed: Bool
}

/// A judgement that an appeal may strike out: the record, the rule, and the day it arrived.
struct RecordMark: Sendable {
    var day: Int32
    var record: Int64
    var rule: Int16
}
