/// A further rating beside the main score (R3, R4): its own scale and grades, moved by the rules
/// that name it. Real systems rate one subject on several scales at once: a company holds a tax
/// grade (A/B/M/C/D) and an environmental colour (green to red); Sesame Credit's score is made of
/// five dimensions, each a rating that feeds the score with a weight.
public struct Rating: Sendable, Equatable {
    /// Machine name, e.g. `environment`.
    public var id: String
    /// Human label.
    public var label: String
    /// Who is rated: people or companies.
    public var subject: SubjectKind
    /// For company ratings, the sectors whose companies are rated; empty means every sector.
    public var sectors: [Sector]
    /// The rating's bounds, start and grades (tier ids unique among all scales of the subject kind).
    public var scale: ScoreScale
    /// Points of the main score per point this rating moves from its initial value (after the
    /// rating's own bounds); nil when the rating stands apart from the score.
    public var scoreWeight: Double?

    /// A rating from its parts.
    public init(
        id: String,
        label: String = "",
        subject: SubjectKind = .people,
        sectors: [Sector] = [],
        scale: ScoreScale,
        scoreWeight: Double? = nil
    ) {
        self.id = id
        self.label = label
        self.subject = subject
        self.sectors = sectors
        self.scale = scale
        self.scoreWeight = scoreWeight
    }

    /// Whether a subject of this kind (and, for companies, sector) is rated; an unknown sector is rated.
    public func rates(_ kind: SubjectKind, sector: Sector? = nil) -> Bool {
        guard kind == subject else { return false }
        guard let sector, !sectors.isEmpty else { return true }
        return sectors.contains(sector)
    }

    /// The points this rating adds to the main score for a raw total of rule deltas: the change
    /// from its initial value after its own bounds, times the weight, rounded to whole points.
    public func scoreContribution(ratingDelta: Int) -> Int {
        guard let scoreWeight else { return 0 }
        let moved = scale.clamp(scale.initial + ratingDelta) - scale.initial
        return Int((scoreWeight * Double(moved)).rounded())
    }
}
