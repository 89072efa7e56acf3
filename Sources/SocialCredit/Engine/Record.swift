/// One record in a subject's file (M1): a behaviour a source attributed to them on a day, with
/// what the authority and any appeal made of it.
///
/// `misattributed` is the ground truth the simulation knows and the authority does not: the
/// engine judges a false record exactly like a true one, which is the point of N2.
public struct Record: Sendable, Hashable, Identifiable {
    /// Stable id, unique within a run (or within a test).
    public var id: Int
    /// Index of the behaviour recorded.
    public var behavior: Int
    /// Index of the source that recorded it.
    public var source: Int
    /// The day the behaviour occurred.
    public var occurred: Day
    /// The day the record reached the system (occurrence plus the source's delay).
    public var recorded: Day
    /// True when the record was attached to the wrong person.
    public var misattributed: Bool
    /// True when the authority, using its discretion, judged the record otherwise (no effect).
    public var judgedOtherwise: Bool
    /// The appeal against the record, if its subject contested it.
    public var appeal: Appeal?
    /// Rules (indices) that judged the record otherwise when others did not: an authority may
    /// use its discretion rule by rule, as the simulation does (one draw per record and rule).
    public var rulesJudgedOtherwise: Set<Int> = []
    /// Appeals against what one rule made of the record (indices of rules), where they differ
    /// from `appeal`: the simulation's subjects contest each rule's judgement separately.
    public var ruleAppeals: [Int: Appeal] = [:]

    /// A record from its parts; `recorded` defaults to the day of occurrence.
    public init(
        id: Int,
        behavior: Int,
        source: Int,
        occurred: Day,
        recorded: Day? = nil,
        misattributed: Bool = false,
        judgedOtherwise: Bool = false,
        appeal: Appeal? = nil
    ) {
        self.id = id
        self.behavior = behavior
        self.source = source
        self.occurred = occurred
        self.recorded = recorded ?? occurred
        self.misattributed = misattributed
        self.judgedOtherwise = judgedOtherwise
        self.appeal = appeal
    }

    /// Whether the record has been struck out by a successful appeal by `day`.
    public func isOverturned(by day: Day) -> Bool {
        guard let appeal, appeal.outcome == .overturned else { return false }
        return appeal.decided <= day
    }

    /// Whether what `rule` made of the record has been struck out by `day`: by an appeal
    /// against that rule's judgement, or else against the record.
    public func isOverturned(by day: Day, rule: Int) -> Bool {
        guard let appeal = ruleAppeals[rule] ?? appeal, appeal.outcome == .overturned else { return false }
        return appeal.decided <= day
    }
}

/// An appeal against a record.
public struct Appeal: Sendable, Hashable {
    /// How the appeal ended.
    public enum Outcome: String, Sendable {
        /// The record stands.
        case upheld
        /// The record is struck out from the decision day.
        case overturned
    }

    /// The day it was filed.
    public var filed: Day
    /// The day it was decided.
    public var decided: Day
    /// The decision.
    public var outcome: Outcome

    /// An appeal from its parts.
    public init(filed: Day, decided: Day, outcome: Outcome) {
        self.filed = filed
        self.decided = decided
        self.outcome = outcome
    }
}

/// A person or company as the engine sees them: where they live, whether they are enrolled, and
/// their records. Nothing else about them is needed to judge them.
public struct Subject: Sendable {
    /// A person or a company.
    public var kind: SubjectKind
    /// GB/T 2260 code of their province (for rollout by region).
    public var province: Int
    /// Whether they are scored (always under mandatory enrolment; only if they consented otherwise).
    public var enrolled: Bool
    /// Their records, in any order.
    public var records: [Record]
    /// For a company, its sector (ratings limited to sectors rate only those); nil: any.
    public var sector: Sector?
    /// The subject's index in its society, when known: lets an `OwnStandingMemo` reuse the
    /// subject's own standing when it is linked to many others.
    public var id: Int?

    /// A subject from its parts.
    public init(
        kind: SubjectKind = .people,
        province: Int,
        enrolled: Bool = true,
        records: [Record] = [],
        sector: Sector? = nil
    ) {
        self.kind = kind
        self.province = province
        self.enrolled = enrolled
        self.records = records
        self.sector = sector
    }
}

/// The people and companies linked to a person, through whom spillovers reach them (M8, M9, M11).
public struct Relations: Sendable {
    /// Their parents.
    public var parents: [Subject]
    /// Their spouse.
    public var spouse: Subject?
    /// Their friends.
    public var friends: [Subject]
    /// Their employer, a company.
    public var employer: Subject?

    /// Relations from their parts; by default none.
    public init(parents: [Subject] = [], spouse: Subject? = nil, friends: [Subject] = [], employer: Subject? = nil) {
        self.parents = parents
        self.spouse = spouse
        self.friends = friends
        self.employer = employer
    }

    /// No relations.
    public static let none = Relations()
}
