/// How people respond (M12): deterrence after a sanction, chilling under monitoring.
public struct Response: Sendable, Equatable {
    /// What sets the response off for a person.
    public enum Trigger: String, Sendable, CaseIterable {
        /// Any measure blocked one of their actions.
        case sanctioned
        /// They were put on a black list.
        case listed
        /// A record of theirs was judged with a negative delta.
        case recorded
        /// A source observing the behaviour is in force where they live (general deterrence, chilling).
        case monitored
        /// A parent or spouse is on a black list.
        case relativeListed = "relative_listed"

        /// Whether the trigger is a moment (a sanction, a record) rather than a state that holds.
        public var isOneOff: Bool { self == .sanctioned || self == .recorded }
    }

    /// Machine name.
    public var id: String
    /// Human label.
    public var label: String
    /// What sets it off.
    public var trigger: Trigger
    /// The behaviours whose rates change; empty with `conduct` set means all of that conduct.
    public var behaviors: [Reference]
    /// All behaviours of this conduct, when `behaviors` is empty.
    public var conduct: Behavior.Conduct?
    /// Rate factor while in effect (0.7 = 30% less often).
    public var factor: Double
    /// Days it lasts after a one-off trigger (required for those); nil for triggers that hold
    /// over time, whose responses last while they hold.
    public var durationDays: Int?

    /// A response from its parts.
    public init(
        id: String,
        label: String = "",
        trigger: Trigger,
        behaviors: [Reference] = [],
        conduct: Behavior.Conduct? = nil,
        factor: Double,
        durationDays: Int? = nil
    ) {
        self.id = id
        self.label = label
        self.trigger = trigger
        self.behaviors = behaviors
        self.conduct = conduct
        self.factor = factor
        self.durationDays = durationDays
    }
}
