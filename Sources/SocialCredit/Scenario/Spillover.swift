/// An effect of one subject's standing on another (M8, M9, M11): a parent's listing on a child's
/// school admission, low-scoring friends on one's own score, a company's rating on its staff.
public struct Spillover: Sendable, Equatable {
    /// The link the effect travels along.
    public enum Link: String, Sendable, CaseIterable {
        /// From a parent to each of their children.
        case parents
        /// From a spouse.
        case spouse
        /// From friends: takes effect when a share of friends meets the condition.
        case friends
        /// From a person's employer (a company) to the person.
        case employer
    }

    /// Machine name.
    public var id: String
    /// Human label.
    public var label: String
    /// Along which link.
    public var link: Link
    /// The standing of the linked subject that triggers the effect (a company's standing for
    /// `employer`).
    public var when: Condition
    /// For friends: the share of friends that must meet `when`.
    public var share: Double
    /// What it does to the affected person.
    public var effect: Effect
    /// When and where it applies.
    public var rollout: Rollout

    /// A spillover from its parts.
    public init(
        id: String,
        label: String = "",
        link: Link,
        when: Condition,
        share: Double = 0,
        effect: Effect,
        rollout: Rollout = Rollout()
    ) {
        self.id = id
        self.label = label
        self.link = link
        self.when = when
        self.share = share
        self.effect = effect
        self.rollout = rollout
    }

    /// What a spillover does to the person it reaches.
    public enum Effect: Sendable, Equatable {
        /// The person's action is refused.
        case block(Reference)
        /// The person's action is granted with priority or a benefit (e.g. a good school for the
        /// child of a high-scoring parent).
        case reward(Reference)
        /// Points added to the person's score while the link's condition holds.
        case delta(Int)
        /// The person's tier is at best this while the condition holds.
        case tierCeiling(Reference)
    }
}
