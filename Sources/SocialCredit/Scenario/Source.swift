/// A monitoring source (M2, M3): who records which behaviours, how completely, how wrongly and
/// how late. Monitoring exists only as this model: coverage and error rates, no real data.
public struct Source: Sendable, Equatable {
    /// Who runs the source.
    public enum Operator: String, Sendable, CaseIterable {
        /// A government department (tax, traffic police, courts' enforcement offices).
        case government
        /// A court.
        case court
        /// A private partner such as a bank or platform (the eight 2015 pilot firms).
        case privatePartner = "private_partner"
        /// Reports by citizens about each other.
        case citizenReports = "citizen_reports"
        /// Automated sensors: cameras, emission monitors, vehicle trackers.
        case sensors
    }

    /// Machine name.
    public var id: String
    /// Human label.
    public var label: String
    /// Who runs it.
    public var operator_: Operator
    /// The behaviours it can observe.
    public var observes: [Reference]
    /// Share of occurrences (in its rollout area and time) that it records.
    public var coverage: Double
    /// Share of its records attached to the wrong person (false attribution).
    public var falseAttribution: Double
    /// Days from occurrence to record.
    public var delayDays: Int
    /// Where and from when it operates.
    public var rollout: Rollout

    /// A source from its parts.
    public init(
        id: String,
        label: String = "",
        operator_: Operator = .government,
        observes: [Reference],
        coverage: Double,
        falseAttribution: Double = 0,
        delayDays: Int = 0,
        rollout: Rollout = Rollout()
    ) {
        self.id = id
        self.label = label
        self.operator_ = operator_
        self.observes = observes
        self.coverage = coverage
        self.falseAttribution = falseAttribution
        self.delayDays = delayDays
        self.rollout = rollout
    }
}

/// When and where a part of the system is in force: from a timeline phase, or from explicit
/// dates and regions. The default is always and everywhere.
public struct Rollout: Sendable, Equatable {
    /// A timeline phase: in force from that phase on, in that phase's regions and in the regions
    /// of every later phase once it starts.
    public var phase: Reference?
    /// First day in force, when given explicitly.
    public var start: Day?
    /// Last day in force, when it ends.
    public var end: Day?
    /// Regions where it is in force, when given explicitly.
    public var regions: RegionSet

    /// A rollout from its parts; the default is always and everywhere.
    public init(phase: Reference? = nil, start: Day? = nil, end: Day? = nil, regions: RegionSet = .all) {
        self.phase = phase
        self.start = start
        self.end = end
        self.regions = regions
    }

    /// Always and everywhere.
    public var isUnconditional: Bool { phase == nil && start == nil && end == nil && regions == .all }
}

/// A set of provincial-level divisions, by their GB/T 2260 codes.
public enum RegionSet: Sendable, Equatable {
    /// Every province.
    case all
    /// The listed provinces, by two-digit GB/T 2260 code.
    case provinces(Set<Int>)

    /// Whether a province (by code) is in the set.
    public func contains(_ province: Int) -> Bool {
        switch self {
        case .all: return true
        case let .provinces(codes): return codes.contains(province)
        }
    }
}
