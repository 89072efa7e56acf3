/// A named stage of the rollout (M10): pilots from 2014, national from 2020, companies after.
public struct Phase: Sendable, Equatable {
    /// Machine name.
    public var id: String
    /// Human label.
    public var label: String
    /// First day of the phase.
    public var start: Day
    /// Regions the phase covers.
    public var regions: RegionSet
    /// Whether the phase covers people, companies or both.
    public var subjects: [SubjectKind]

    /// A phase from its parts.
    public init(
        id: String,
        label: String = "",
        start: Day,
        regions: RegionSet = .all,
        subjects: [SubjectKind] = [.people]
    ) {
        self.id = id
        self.label = label
        self.start = start
        self.regions = regions
        self.subjects = subjects
    }
}
