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
        id: String, label: String = "", link: Link, when: Condition, share: Double = 0, effect: Effect,
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
        /// Points added to the person's score while the link's condition holds.
        case delta(Int)
        /// The person's tier is at best this while the condition holds.
        case tierCeiling(Reference)
    }
}

/// How records are contested and decided.
public struct AppealPolicy: Sendable, Equatable {
    /// Share of correct records that their subject contests.
    public var contestTrue: Double
    /// Share of false records that their subject contests.
    public var contestFalse: Double
    /// Probability that an appeal against a correct record succeeds.
    public var successTrue: Double
    /// Probability that an appeal against a false record succeeds.
    public var successFalse: Double
    /// Days from filing to decision.
    public var daysToDecide: Int

    /// An appeal policy; by default nobody appeals.
    public init(
        contestTrue: Double = 0, contestFalse: Double = 0, successTrue: Double = 0, successFalse: Double = 0,
        daysToDecide: Int = 0
    ) {
        self.contestTrue = contestTrue
        self.contestFalse = contestFalse
        self.successTrue = successTrue
        self.successFalse = successFalse
        self.daysToDecide = daysToDecide
    }
}

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
        /// A friend or family member is on a black list.
        case relativeListed = "relative_listed"
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
    /// Days it lasts after the trigger; nil: as long as the trigger holds.
    public var durationDays: Int?

    /// A response from its parts.
    public init(
        id: String, label: String = "", trigger: Trigger, behaviors: [Reference] = [],
        conduct: Behavior.Conduct? = nil, factor: Double, durationDays: Int? = nil
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
    public init(id: String, label: String = "", start: Day, regions: RegionSet = .all,
                subjects: [SubjectKind] = [.people]) {
        self.id = id
        self.label = label
        self.start = start
        self.regions = regions
        self.subjects = subjects
    }
}
