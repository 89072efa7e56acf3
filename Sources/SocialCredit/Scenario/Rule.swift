/// How the authority judges a record of a behaviour (M4, M5): the score change, caps, how long
/// the record counts, how often the authority judges otherwise, and what lists it triggers.
public struct Rule: Sendable, Equatable {
    /// Machine name.
    public var id: String
    /// Human label, e.g. "Rongcheng Assessment Standard: bank-loan arrears".
    public var label: String
    /// The behaviour judged.
    public var behavior: Reference
    /// Only records from these sources; empty means any source.
    public var sources: [Reference]
    /// Points added (negative: deducted) per record.
    public var delta: Int
    /// The rating the points go to; nil: the main score of the behaviour's subject kind.
    public var rating: Reference?
    /// Most points this rule may move a subject's score in one calendar year (absolute); nil: no cap.
    public var capPerYear: Int?
    /// Days a record counts before it expires; nil: it never expires.
    public var lifetimeDays: Int?
    /// Probability that the authority judges a record otherwise and lets it pass without effect.
    public var discretion: Double
    /// The list a judged record puts the subject on, if any.
    public var list: Reference?
    /// Term of entries this rule makes, overriding the list's `term_days` (the court list lists
    /// refusal to perform until performance, other triggers for two years).
    public var listTermDays: Int?
    /// While the record counts, the subject's tier is at best this (e.g. drunk driving: at best C).
    public var tierCeiling: Reference?
    /// When and where the rule applies.
    public var rollout: Rollout

    /// A rule from its parts.
    public init(
        id: String,
        label: String = "",
        behavior: Reference,
        sources: [Reference] = [],
        delta: Int = 0,
        capPerYear: Int? = nil,
        lifetimeDays: Int? = nil,
        discretion: Double = 0,
        list: Reference? = nil,
        listTermDays: Int? = nil,
        tierCeiling: Reference? = nil,
        rollout: Rollout = Rollout()
    ) {
        self.id = id
        self.label = label
        self.behavior = behavior
        self.sources = sources
        self.delta = delta
        self.capPerYear = capPerYear
        self.lifetimeDays = lifetimeDays
        self.discretion = discretion
        self.list = list
        self.listTermDays = listTermDays
        self.tierCeiling = tierCeiling
        self.rollout = rollout
        rating = nil
    }
}
