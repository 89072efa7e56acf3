/// Where a subject stands on a day, with everything behind it (N1): each record and what each
/// rule made of it, the score, the tier and what capped it, the lists and why, the measures in
/// force and the spillovers that reached them.
public struct Standing: Sendable {
    /// The day assessed.
    public var day: Day
    /// Person or company.
    public var kind: SubjectKind
    /// The score, or nil when the subject is not scored (not enrolled, or companies unrated).
    public var score: Int?
    /// Index of the tier (0 = best), nil when not scored.
    public var tier: Int?
    /// Each application of a rule to a record.
    public var contributions: [Contribution]
    /// Tier ceilings in force (from records or spillovers).
    public var ceilings: [Ceiling]
    /// Lists the subject is on that day.
    public var lists: [ListEntry]
    /// List entries that had ended by that day.
    public var pastLists: [ListEntry]
    /// Spillovers that reached the subject.
    public var spillovers: [SpilloverHit]
    /// Measures in force, each with the reason.
    public var measures: [ActiveMeasure]
    /// The subject's further ratings (environmental colour, score dimensions), those that rate it.
    public var ratings: [RatingStanding] = []

    /// The subject's standing on a rating, if it is rated on it.
    public func rating(_ index: Int) -> RatingStanding? { ratings.first { $0.rating == index } }

    /// Whether the subject is on the list with this index.
    public func isListed(_ list: Int) -> Bool { lists.contains { $0.list == list } }

    /// The entry for a list, if listed.
    public func entry(_ list: Int) -> ListEntry? { lists.first { $0.list == list } }
}

/// What one rule made of one record.
public struct Contribution: Sendable, Hashable {
    /// Why a contribution does or does not count on the day assessed.
    public enum Status: String, Sendable {
        /// It moves the score.
        case counting
        /// Its lifetime has run out.
        case expired
        /// The authority judged the record otherwise.
        case judgedOtherwise = "judged otherwise"
        /// A successful appeal struck the record out.
        case overturned
        /// The rule was not in force where and when the record arrived.
        case ruleNotInForce = "rule not in force"
    }

    /// The record.
    public var record: Int
    /// The day the record arrived.
    public var recorded: Day
    /// The rule applied.
    public var rule: Int
    /// Points the rule gives a record.
    public var nominal: Int
    /// Points after the yearly cap.
    public var delta: Int
    /// Whether it counts.
    public var status: Status
    /// The last day it counts, if it expires.
    public var expires: Day?

    /// Whether the cap cut it.
    public var isCapped: Bool { delta != nominal }
}

/// A cap on the tier, and where it comes from.
public struct Ceiling: Sendable, Hashable {
    /// Where a ceiling comes from.
    public enum Origin: Sendable, Hashable {
        /// A rule's `tier_ceiling`, through a record.
        case rule(rule: Int, record: Int)
        /// A spillover's `tier_ceiling`.
        case spillover(Int)
    }

    /// The best tier allowed (index; larger is worse).
    public var tier: Int
    /// Its origin.
    public var origin: Origin
}

/// One stay on a list.
public struct ListEntry: Sendable, Hashable {
    /// How an entry ended, or will end.
    public enum Ending: Sendable, Hashable {
        /// Still on the list with no end date (until removed).
        case open
        /// The term runs out on `end`.
        case term
        /// Credit repair: a record of a removal behaviour.
        case repaired(record: Int)
    }

    /// Index of the list.
    public var list: Int
    /// First day on the list; nil for lists that follow a condition (membership holds while it does).
    public var start: Day?
    /// First day off the list, if known.
    public var end: Day?
    /// Records that put the subject on the list.
    public var triggers: [Int]
    /// Records that extended the term.
    public var extensions: [Int]
    /// Days the extensions added.
    public var extendedDays: Int
    /// How it ends.
    public var ending: Ending

    /// Whether the entry holds on a day.
    public func holds(on day: Day) -> Bool {
        (start.map { day >= $0 } ?? true) && (end.map { day < $0 } ?? true)
    }
}

/// A spillover that reached the subject, and through whom.
public struct SpilloverHit: Sendable, Hashable {
    /// Index of the spillover.
    public var spillover: Int
    /// Which linked subjects met the condition: indices into parents or friends, 0 for spouse or
    /// employer.
    public var through: [Int]
    /// For friends: how many friends the subject has.
    public var of: Int
    /// The linked subjects' standing that met the condition.
    public var because: Because
}

/// A measure in force, with the standing that brings it in.
public struct ActiveMeasure: Sendable, Hashable {
    /// Index of the measure.
    public var measure: Int
    /// Why it is in force.
    public var because: Because
}

/// The part of a standing that satisfies a condition: the lists, tier and score behind it,
/// with the records and rules that produced them.
public struct Because: Sendable, Hashable {
    /// Lists (indices) the condition relies on.
    public var lists: [Int] = []
    /// The tier (index) the condition relies on, if any.
    public var tier: Int?
    /// The score the condition relies on, if any.
    public var score: Int?
    /// Records behind it.
    public var records: [Int] = []
    /// Rules behind it.
    public var rules: [Int] = []

    mutating func merge(_ other: Because) {
        lists += other.lists.filter { !lists.contains($0) }
        tier = tier ?? other.tier
        score = score ?? other.score
        records += other.records.filter { !records.contains($0) }
        rules += other.rules.filter { !rules.contains($0) }
    }
}

/// The answer to "may this subject do this today?", with the chain of reasons (N1).
public struct Decision: Sendable {
    /// Index of the action.
    public var action: Int
    /// The day decided.
    public var day: Day
    /// Whether the action goes ahead.
    public var allowed: Bool { blocks.isEmpty }
    /// Everything that blocks it.
    public var blocks: [Reason]
    /// Rewards granted with it (none when it is blocked).
    public var rewards: [Reason]
    /// The subject's standing that day.
    public var standing: Standing
}

/// One reason in a decision: a measure or a spillover, and the standing behind it.
public struct Reason: Sendable, Hashable {
    /// What produced the reason.
    public enum Origin: Sendable, Hashable {
        /// A measure (index).
        case measure(Int)
        /// A spillover (index), through linked subjects.
        case spillover(Int, through: [Int])
    }

    /// Its origin.
    public var origin: Origin
    /// The standing behind it: the subject's own, or for a spillover the linked subject's.
    public var because: Because
}

/// Where a subject stands on one further rating.
public struct RatingStanding: Sendable, Hashable {
    /// Index of the rating.
    public var rating: Int
    /// Its value, within the rating's bounds.
    public var score: Int
    /// Index of its tier (0 = best).
    public var tier: Int
}
