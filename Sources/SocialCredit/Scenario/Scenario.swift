/// A complete social credit system declared as data: what is scored, who watches, who judges,
/// what follows, and when it rolls out.
///
/// The seed system of the article and each real-world system differ only in their scenario
/// files; the engine has no code path of its own for any of them. Read one with
/// `Scenario.load(_:)` or `Scenario.parse(_:file:)`, then compile it into a `Policy`.
public struct Scenario: Sendable, Equatable {
    /// Short machine name, e.g. `seed-article`.
    public var id: String
    /// Human title.
    public var name: String
    /// One line saying what the scenario models, shown by `sclab scenarios`.
    public var summary: String
    /// Where the scenario comes from (an article, a legal text), for reports.
    public var basis: String
    /// The default simulated period.
    public var period: Period
    /// Whether people must take part or opt in (Rongcheng's consent rule).
    public var enrolment: Enrolment
    /// The personal score and its tiers.
    public var score: ScoreScale
    /// The company score and its tiers, when companies are rated.
    public var companyScore: ScoreScale?
    /// Further ratings beside the main scores (environmental colours, score dimensions).
    public var ratings: [Rating] = []
    /// Published figures the scenario should reproduce, and the values that may be fitted to them.
    public var calibration: Calibration?
    /// Everything people and companies do that the system cares about.
    public var behaviors: [Behavior]
    /// Who records behaviour, how completely and how wrongly (M2, M3).
    public var sources: [Source]
    /// How the authority judges each record (M4, M5).
    public var rules: [Rule]
    /// Black and red lists (R2, M13).
    public var lists: [CreditList]
    /// What people try to do that measures gate.
    public var actions: [Action]
    /// Punishments, rewards and notices (M6, M7).
    public var measures: [Measure]
    /// Effects through family, friends and employers (M8, M9, M11).
    public var spillovers: [Spillover]
    /// How records are contested.
    public var appeals: AppealPolicy
    /// How people change behaviour when sanctioned or watched (M12).
    public var responses: [Response]
    /// The rollout, phase by phase (M10).
    public var timeline: [Phase]

    /// A scenario from its parts; the file reader is the usual way to make one.
    public init(
        id: String,
        name: String,
        summary: String = "",
        basis: String = "",
        period: Period,
        enrolment: Enrolment = Enrolment(),
        score: ScoreScale,
        companyScore: ScoreScale? = nil,
        behaviors: [Behavior],
        sources: [Source] = [],
        rules: [Rule] = [],
        lists: [CreditList] = [],
        actions: [Action] = [],
        measures: [Measure] = [],
        spillovers: [Spillover] = [],
        appeals: AppealPolicy = AppealPolicy(),
        responses: [Response] = [],
        timeline: [Phase] = []
    ) {
        self.id = id
        self.name = name
        self.summary = summary
        self.basis = basis
        self.period = period
        self.enrolment = enrolment
        self.score = score
        self.companyScore = companyScore
        self.behaviors = behaviors
        self.sources = sources
        self.rules = rules
        self.lists = lists
        self.actions = actions
        self.measures = measures
        self.spillovers = spillovers
        self.appeals = appeals
        self.responses = responses
        self.timeline = timeline
    }
}

/// A span of days, both ends included.
public struct Period: Sendable, Equatable {
    /// First day.
    public var start: Day
    /// Last day.
    public var end: Day

    /// A period from its first and last day.
    public init(start: Day, end: Day) {
        self.start = start
        self.end = end
    }

    /// Number of days, both ends counted.
    public var days: Int { start.days(to: end) + 1 }

    /// The longest period a run covers: the simulation keeps days in 16 bits, counted from the
    /// run's first day.
    public static let maximumDays = 32_000

    /// The dates a period may lie within: wide enough for any history or projection the
    /// language is for, and far from the calendar's end (year 9999), past which the end of a
    /// run's last month cannot be named.
    public static let dates = Day(year: 1900, month: 1, day: 1)!...Day(year: 2199, month: 12, day: 31)!
}

/// Who is scored: everyone, or only those who consent.
public struct Enrolment: Sendable, Equatable {
    /// Mandatory systems score everyone; consent systems score only those who opt in.
    public enum Mode: String, Sendable, CaseIterable {
        case mandatory, consent
    }

    /// Mandatory or by consent.
    public var mode: Mode
    /// Under consent, the share of people who opt in.
    public var share: Double

    /// An enrolment rule; by default everyone is scored.
    public init(mode: Mode = .mandatory, share: Double = 1) {
        self.mode = mode
        self.share = share
    }
}

/// Whether a rule, list or measure concerns people or companies.
public enum SubjectKind: String, Sendable, CaseIterable, Codable {
    case people, companies
}
