/// A consequence (M6, M7): a block on an action, a reward on an action, or a notice such as a
/// ringtone warning, in force while its condition holds.
public struct Measure: Sendable, Equatable {
    /// What kind of consequence.
    public enum Kind: String, Sendable, CaseIterable {
        /// The action is refused.
        case block
        /// The action is granted with a benefit (discount, waiver, boost).
        case reward
        /// A public or personal notice, not tied to an action.
        case notice
    }

    /// Machine name.
    public var id: String
    /// Human label.
    public var label: String
    /// Block, reward or notice.
    public var kind: Kind
    /// People or companies.
    public var subject: SubjectKind
    /// The action blocked or rewarded.
    public var action: Reference?
    /// For rewards: the size of the benefit, in `unit`.
    public var benefit: Double?
    /// For rewards: what `benefit` counts, e.g. `share` (0.1 = 10% off), `yuan`, `points`.
    public var unit: String?
    /// For notices: the channel, e.g. `ringtone_warning`, `name_published`.
    public var channel: String?
    /// The standing that brings the measure into force.
    public var when: Condition
    /// When and where the measure applies.
    public var rollout: Rollout

    /// A measure from its parts.
    public init(
        id: String,
        label: String = "",
        kind: Kind,
        subject: SubjectKind = .people,
        action: Reference? = nil,
        benefit: Double? = nil,
        unit: String? = nil,
        channel: String? = nil,
        when: Condition,
        rollout: Rollout = Rollout()
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.subject = subject
        self.action = action
        self.benefit = benefit
        self.unit = unit
        self.channel = channel
        self.when = when
        self.rollout = rollout
    }
}
