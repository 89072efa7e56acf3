import SocialCredit

/// What the run held for one traced subject during one month, taken at the month's end (before
/// the next month's spillovers are computed): the standing its decisions read. `sclab verify`
/// re-derives it with the decision engine alone, so a run can be trusted subject by subject.
public struct TracedStanding: Sendable, Codable, Equatable {
    /// The person's or company's index.
    public var subject: Int
    /// A person or a company (stored as "people" or "companies").
    public var subjectKind: SubjectKind
    /// The month's last day simulated (ISO date).
    public var day: String
    /// Score, spillover points included; nil when the subject is not scored.
    public var score: Int?
    /// Tier id, after every ceiling; nil when not scored.
    public var tier: String?
    /// Lists held that day, rule-filled and condition-filled, comma-separated ids in declaration order.
    public var lists: String
    /// The tier ceiling the subject's own records impose that day (id), if one is in force.
    public var ceiling: String?
    /// Points spillovers add in the month (negative: taken).
    public var spilloverPoints: Int
    /// The tier spillovers cap the subject at in the month (id), if any.
    public var spilloverCeiling: String?
    /// Spillovers (comma-separated ids) that block or reward an action for the subject in the month.
    public var spillovers: String
    /// Notices in force that day (ringtone warnings, published names): the channels of the notice
    /// measures in force, comma-separated, sorted.
    public var notices: String

    /// A standing from its parts.
    public init(
        subject: Int,
        subjectKind: SubjectKind,
        day: String,
        score: Int?,
        tier: String?,
        lists: String,
        ceiling: String?,
        spilloverPoints: Int,
        spilloverCeiling: String?,
        spillovers: String,
        notices: String = ""
    ) {
        self.subject = subject
        self.subjectKind = subjectKind
        self.day = day
        self.score = score
        self.tier = tier
        self.lists = lists
        self.ceiling = ceiling
        self.spilloverPoints = spilloverPoints
        self.spilloverCeiling = spilloverCeiling
        self.spillovers = spillovers
        self.notices = notices
    }
}

/// One action attempt by a traced subject that a measure or spillover acted on, and what the run
/// decided: the answer `sclab verify` asks the decision engine for again.
public struct TracedDecision: Sendable, Codable, Equatable {
    /// The person's or company's index.
    public var subject: Int
    /// A person or a company (stored as "people" or "companies").
    public var subjectKind: SubjectKind
    /// The day of the attempt (ISO date).
    public var day: String
    /// Action id.
    public var action: String
    /// Whether the run blocked it.
    public var blocked: Bool
    /// Whether the run rewarded it (never when blocked).
    public var rewarded: Bool

    /// A decision from its parts.
    public init(subject: Int, subjectKind: SubjectKind, day: String, action: String, blocked: Bool, rewarded: Bool) {
        self.subject = subject
        self.subjectKind = subjectKind
        self.day = day
        self.action = action
        self.blocked = blocked
        self.rewarded = rewarded
    }
}
