import SocialCredit

/// One entry onto a black or red list by a rule (M5, M13): who, which list, from which day and
/// until when, and the record behind it (behaviour, source, rule). Kept for everyone listed, not
/// only the traced sample, because this is what a public list publishes: name, list, reason,
/// date and authority. Lists that follow a condition (a red list for tier AAA) have no entries
/// here: their membership is read from the final standing.
public struct Listing: Sendable, Codable, Equatable {
    /// The id of the record (and rule) that made the listing, as in the record traces
    /// (`TraceID`), unique in a run.
    public var id: Int64
    /// The person or company listed.
    public var subject: Int
    /// A person or a company (stored as "people" or "companies").
    public var subjectKind: SubjectKind
    /// List id.
    public var list: String
    /// First day on the list (ISO date): the day the record arrived.
    public var day: String
    /// Last day of the term as set on listing (ISO date), before any extension, repair or
    /// appeal; nil for an entry without a term (until removed).
    public var until: String?
    /// Behaviour, source and rule ids of the record behind it.
    public var behavior: String
    public var source: String
    public var rule: String
    /// True when the record behind it was attached to the wrong subject.
    public var misattributed: Bool

    /// A listing from its parts.
    public init(
        id: Int64,
        subject: Int,
        subjectKind: SubjectKind,
        list: String,
        day: String,
        until: String?,
        behavior: String,
        source: String,
        rule: String,
        misattributed: Bool
    ) {
        self.id = id
        self.subject = subject
        self.subjectKind = subjectKind
        self.list = list
        self.day = day
        self.until = until
        self.behavior = behavior
        self.source = source
        self.rule = rule
        self.misattributed = misattributed
    }
}
