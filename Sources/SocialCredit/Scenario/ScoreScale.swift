/// A numeric score with bounds and named tiers (grades), e.g. 1,000 points graded AAA to D.
public struct ScoreScale: Sendable, Equatable {
    /// Everyone starts here.
    public var initial: Int
    /// The score never goes below this.
    public var minimum: Int
    /// The score never goes above this.
    public var maximum: Int
    /// Tiers from best to worst; each covers scores from its `minimum` up to the next better tier.
    public var tiers: [Tier]

    /// A scale from its parts; `tiers` run from best to worst.
    public init(initial: Int, minimum: Int, maximum: Int, tiers: [Tier]) {
        self.initial = initial
        self.minimum = minimum
        self.maximum = maximum
        self.tiers = tiers
    }

    /// The index (0 = best) of the tier a score falls in; tiers reached only by assignment are
    /// never a score's own tier.
    public func tierIndex(for score: Int) -> Int {
        for (index, tier) in tiers.enumerated() where !tier.assignedOnly && score >= tier.minimum { return index }
        return tiers.count - 1
    }

    /// A raw total clamped into the scale's bounds.
    public func clamp(_ value: Int) -> Int { Swift.min(maximum, Swift.max(minimum, value)) }
}

/// A grade: a named band of scores, such as `AAA >= 1050`.
public struct Tier: Sendable, Equatable {
    /// Short name, e.g. `AAA`.
    public var id: String
    /// Human label, e.g. "Exemplary trustworthiness".
    public var label: String
    /// Lowest score in the tier.
    public var minimum: Int
    /// Highest score in the tier, when the scenario states it (used to check for gaps and overlaps).
    public var maximum: Int?
    /// A grade with no band of scores, reached only through a tier ceiling (a rule's or a
    /// spillover's): the tax grade M for new firms or firms without income, between B and C.
    public var assignedOnly: Bool

    /// A tier from its parts.
    public init(id: String, label: String = "", minimum: Int, maximum: Int? = nil) {
        self.id = id
        self.label = label
        self.minimum = minimum
        self.maximum = maximum
        assignedOnly = false
    }

    /// A tier with no band of scores, reached only through tier ceilings.
    public static func assigned(id: String, label: String = "") -> Tier {
        var tier = Tier(id: id, label: label, minimum: Int.max)
        tier.assignedOnly = true
        return tier
    }
}
