/// Something people or companies do that the system judges (M4, M5): paying a loan late,
/// donating blood, polluting a river.
public struct Behavior: Sendable, Equatable {
    /// How the authority regards the behaviour.
    public enum Conduct: String, Sendable, CaseIterable {
        /// Trust-keeping; raises scores where a rule says so.
        case conforming
        /// Trust-breaking; lowers scores or lists people where a rule says so.
        case contradictory
    }

    /// Machine name, e.g. `loan_arrears`.
    public var id: String
    /// Human label.
    public var label: String
    /// Conforming or contradictory, in the system's own eyes.
    public var conduct: Conduct
    /// Who can do it.
    public var who: [Group]
    /// For company behaviours, the sectors that can do it; empty means every sector.
    public var sectors: [Sector]
    /// How often, per year, and how that varies with traits.
    public var rate: RateModel

    /// A behaviour from its parts.
    public init(
        id: String,
        label: String = "",
        conduct: Conduct,
        who: [Group] = [.adults],
        sectors: [Sector] = [],
        rate: RateModel
    ) {
        self.id = id
        self.label = label
        self.conduct = conduct
        self.who = who
        self.sectors = sectors
        self.rate = rate
    }
}

extension Scenario {
    /// The kind of subject that does a behaviour (companies when its `who` names them): the kind a
    /// rule on it judges, lists and rolls out for. People for an unknown id.
    func subject(ofBehavior id: String) -> SubjectKind {
        behaviors.first { $0.id == id }?.who.contains(.companies) == true ? .companies : .people
    }
}

/// Who can do a behaviour or attempt an action. A person belongs to several groups at once;
/// the society module decides membership from each person's traits and links.
public enum Group: String, Sendable, CaseIterable {
    /// Every person.
    case everyone
    /// People aged 18 or over.
    case adults
    /// People under 18.
    case minors
    /// Children of school age (6-17) with a parent or grandparent in the household.
    case schoolChildren = "school_children"
    /// Licensed drivers.
    case drivers
    /// Adults with a child under 18.
    case parents
    /// People employed by a company.
    case employees
    /// People who use the internet.
    case internetUsers = "internet_users"
    /// Companies, not people.
    case companies

    /// Whether the group is made of companies rather than people.
    public var isCompanies: Bool { self == .companies }
}

/// The sector a company works in; company behaviours and measures can be limited to sectors.
public enum Sector: String, Sendable, CaseIterable {
    case agriculture, mining, manufacturing, food, construction, energy, transport, retail, hospitality,
        finance, technology, services
}
