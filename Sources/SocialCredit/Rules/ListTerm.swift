/// A stay on a rule-filled list as a small state machine: entered by a triggering record,
/// extended by further triggers, cut short by credit repair, ended when its term runs out. The
/// decision engine (`Policy.assess`) folds it over a subject's records; the simulation steps it
/// as records arrive and folds it again when an appeal strikes a record out. One implementation,
/// so an explanation always states what the run did.
///
/// Days are plain day numbers (`Day.number`, or run days): any fixed-width integer, so the
/// simulation keeps its compact types.
public struct ListTerm: Sendable, Hashable {
    /// First day on the list.
    public var start: Int32
    /// First day off the list; `Int32.max` while the entry has no end (until removed).
    public var end: Int32
    /// Days that extensions have added so far.
    public var extendedDays: Int32
    /// Whether credit repair has set the end: a repaired entry is no longer extended.
    public var repaired: Bool
    /// The record that last triggered the entry: a record judged by two rules naming the same
    /// list triggers it once.
    public var lastTrigger: Int64

    /// A new entry.
    @inlinable
    public init(start: Int32, end: Int32, lastTrigger: Int64) {
        self.start = start
        self.end = end
        extendedDays = 0
        repaired = false
        self.lastTrigger = lastTrigger
    }

    /// Whether the entry holds on `day`.
    @inlinable
    public func holds(on day: Int32) -> Bool { day >= start && day < end }

    /// Whether the entry has no end date.
    @inlinable
    public var isOpen: Bool { end == Int32.max }
}

/// What one event did to a list entry.
public enum ListStep: Sendable, Hashable {
    /// A new entry began.
    case entered
    /// The entry's term was extended by this many days.
    case extended(Int32)
    /// A trigger on an entry that cannot be extended (open, repaired, or no extension room):
    /// noted as an extension that added nothing.
    case noted
    /// Credit repair set an earlier end.
    case repaired
    /// Nothing changed (a second rule of the same record, or a repair that does not apply).
    case unchanged
}

/// The terms of one list, as the list state machine reads them.
public struct ListTermRules: Sendable, Hashable {
    /// Days a further trigger adds to a fixed term.
    public var extensionDays: Int32
    /// Most days extensions may add in all; negative for no maximum.
    public var maxExtensionDays: Int32
    /// Whether records of a repair behaviour end entries.
    public var hasRemoval: Bool
    /// Days an entry must have lasted before repair can end it.
    public var removalMinimumDays: Int32
    /// Days after the repairing record that the entry ends.
    public var removalDelayDays: Int32

    /// Terms given one by one.
    public init(
        extensionDays: Int32,
        maxExtensionDays: Int32,
        hasRemoval: Bool,
        removalMinimumDays: Int32,
        removalDelayDays: Int32
    ) {
        self.extensionDays = extensionDays
        self.maxExtensionDays = maxExtensionDays
        self.hasRemoval = hasRemoval
        self.removalMinimumDays = removalMinimumDays
        self.removalDelayDays = removalDelayDays
    }

    /// The terms of a list declared in a scenario.
    public init(_ list: CreditList) {
        extensionDays = Int32(clamping: list.extensionDays)
        maxExtensionDays = list.maxExtensionDays.map { Int32(clamping: $0) } ?? -1
        hasRemoval = list.removal != nil
        removalMinimumDays = Int32(clamping: list.removal?.minimumDays ?? 0)
        removalDelayDays = Int32(clamping: list.removal?.delayDays ?? 0)
    }

    /// An entry that has ended by `day` is gone.
    @inlinable
    public func settle(_ term: inout ListTerm?, on day: Int32) {
        if let current = term, current.end <= day { term = nil }
    }

    /// A record judged by a rule that names this list, on `day`: it enters the subject (for
    /// `termDays`, negative for until removed) or extends the entry they hold.
    @inlinable
    public func trigger(_ term: inout ListTerm?, day: Int32, record: Int64, termDays: Int32) -> ListStep {
        settle(&term, on: day)
        guard var current = term else {
            term = ListTerm(start: day, end: termDays >= 0 ? day &+ termDays : Int32.max, lastTrigger: record)
            return .entered
        }
        guard current.lastTrigger != record else { return .unchanged }
        current.lastTrigger = record
        var added: Int32 = 0
        if !current.isOpen && !current.repaired && extensionDays > 0 {
            let room = maxExtensionDays >= 0 ? maxExtensionDays &- current.extendedDays : extensionDays
            added = min(extensionDays, max(0, room))
            // Without a 'max_extension_days', triggers may extend an entry past what 32 bits
            // hold (some 67,000 extensions of 32,000 days): it then lasts until removed.
            let (end, endOverflow) = current.end.addingReportingOverflow(added)
            current.end = endOverflow ? Int32.max : end
            let (extended, extendedOverflow) = current.extendedDays.addingReportingOverflow(added)
            current.extendedDays = extendedOverflow ? Int32.max : extended
        }
        term = current
        return added > 0 ? .extended(added) : .noted
    }

    /// A record of a repair behaviour on `day`: the entry ends `removalDelayDays` later, if it
    /// has lasted `removalMinimumDays` and that is earlier than its end.
    @inlinable
    public func repair(_ term: inout ListTerm?, day: Int32) -> ListStep {
        settle(&term, on: day)
        guard hasRemoval, var current = term, day >= current.start &+ removalMinimumDays else { return .unchanged }
        let end = day &+ removalDelayDays
        guard end < current.end else { return .unchanged }
        current.end = end
        current.repaired = true
        term = current
        return .repaired
    }
}

/// One event on a list, in the order the rules take them: by day, then record, a record's
/// triggers (in rule order) before its repair.
public struct ListEvent: Sendable, Hashable {
    /// The day the record arrived.
    public var day: Int32
    /// The record.
    public var record: Int64
    /// For a trigger, the rule that named the list; -1 for a repair.
    public var rule: Int16
    /// For a trigger, the term it gives (negative: until removed).
    public var termDays: Int32
    /// Whether the record is false (attached to the wrong subject).
    public var misattributed: Bool

    /// An event.
    @inlinable
    public init(day: Int32, record: Int64, rule: Int16, termDays: Int32, misattributed: Bool) {
        self.day = day
        self.record = record
        self.rule = rule
        self.termDays = termDays
        self.misattributed = misattributed
    }

    /// Whether it is a repair.
    @inlinable
    public var isRepair: Bool { rule < 0 }

    /// Applies the event to an entry.
    @inlinable
    public func apply(to term: inout ListTerm?, _ rules: ListTermRules) -> ListStep {
        isRepair ? rules.repair(&term, day: day) : rules.trigger(&term, day: day, record: record, termDays: termDays)
    }
}
