import SocialCredit

/// The scenario's kinds as one-byte codes for the day loop, with named cases: every `switch` on
/// them is exhaustive, so a new kind in the language cannot compile into the wrong behaviour.

/// A response's trigger.
enum TriggerCode: UInt8, Sendable, CaseIterable {
    case sanctioned, listed, recorded, monitored, relativeListed

    init(_ trigger: Response.Trigger) {
        switch trigger {
        case .sanctioned: self = .sanctioned
        case .listed: self = .listed
        case .recorded: self = .recorded
        case .monitored: self = .monitored
        case .relativeListed: self = .relativeListed
        }
    }

    /// Its bit in a mask of triggers that hold over time (`EventContext.triggers`).
    var bit: UInt8 { 1 << rawValue }
}

/// A measure's kind.
enum MeasureCode: UInt8, Sendable {
    case block, reward, notice

    init(_ kind: Measure.Kind) {
        switch kind {
        case .block: self = .block
        case .reward: self = .reward
        case .notice: self = .notice
        }
    }
}

/// Whom a spillover links a person to.
enum LinkCode: UInt8, Sendable {
    case parents, spouse, friends, employer

    init(_ link: Spillover.Link) {
        switch link {
        case .parents: self = .parents
        case .spouse: self = .spouse
        case .friends: self = .friends
        case .employer: self = .employer
        }
    }
}

/// What a spillover does, with its number (points or tier; 0 for blocks and rewards, whose
/// action is found through `RunModel.actionSpillovers`).
enum EffectCode: Sendable, Equatable {
    case points(Int)
    case ceiling(UInt8)
    case block
    case reward

    init(_ effect: CompiledEffect) {
        switch effect {
        case let .delta(points): self = .points(points)
        case let .tierCeiling(tier): self = .ceiling(UInt8(tier))
        case .block: self = .block
        case .reward: self = .reward
        }
    }
}

/// The bits of a subject's event bits (`SubjectState.bits`).
enum EventBit {
    /// The person is a parent (the `parents` group).
    static let parent: UInt8 = 1
    /// The person is enrolled (scored).
    static let enrolled: UInt8 = 2
    /// A parent or spouse is on a black list at the latest month end (`relative_listed`).
    static let relativeListed: UInt8 = 4
}

/// The bits of a person's spillover flags (`SubjectState.spillFlags`).
enum SpillFlag {
    /// The spillovers reaching the person changed at the latest month end: the gate is looked at again.
    static let changed: UInt8 = 1
    /// A spillover's points or tier ceiling are in force: the standing differs from the own standing.
    static let movesStanding: UInt8 = 2
    /// A spillover's block or reward is in force.
    static let actsOnActions: UInt8 = 4
}

/// A group's bit in a mask of groups (`RunModel.groupMask`, `EventContext.groups`): its place
/// among `Group.allCases`, written out so the day loop reads constants (a test checks them).
enum GroupBit {
    static let everyone: UInt16 = 1 << 0
    static let adults: UInt16 = 1 << 1
    static let minors: UInt16 = 1 << 2
    static let schoolChildren: UInt16 = 1 << 3
    static let drivers: UInt16 = 1 << 4
    static let parents: UInt16 = 1 << 5
    static let employees: UInt16 = 1 << 6
    static let internetUsers: UInt16 = 1 << 7
    static let companies: UInt16 = 1 << 8

    /// The bit of a group, from its place among `Group.allCases`.
    static func bit(_ group: Group) -> UInt16 { 1 << UInt16(Group.allCases.firstIndex(of: group)!) }
}
