/// A black or red list (R2, M13): who is on it, for how long, how they get off it, and whether
/// the names are published.
public struct CreditList: Sendable, Equatable {
    /// Black lists punish; red lists reward.
    public enum Kind: String, Sendable, CaseIterable {
        case black, red
    }

    /// Machine name.
    public var id: String
    /// Human label.
    public var label: String
    /// Black or red.
    public var kind: Kind
    /// People or companies.
    public var subject: SubjectKind
    /// Days an entry lasts from listing; nil: until removed.
    public var termDays: Int?
    /// Days added when a further triggering record arrives while listed.
    public var extensionDays: Int
    /// Most days extensions may add to one entry in total.
    public var maxExtensionDays: Int?
    /// Early removal (credit repair).
    public var removal: Removal?
    /// A standing that puts subjects on the list while it holds (e.g. tier AAA for a red list);
    /// lists without it are entered only through rules.
    public var entry: Condition?
    /// Whether entries are published, names and all (M13).
    public var published: Bool
    /// When and where the list operates.
    public var rollout: Rollout

    /// A list from its parts.
    public init(
        id: String,
        label: String = "",
        kind: Kind,
        subject: SubjectKind = .people,
        termDays: Int? = nil,
        extensionDays: Int = 0,
        maxExtensionDays: Int? = nil,
        removal: Removal? = nil,
        entry: Condition? = nil,
        published: Bool = false,
        rollout: Rollout = Rollout()
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.subject = subject
        self.termDays = termDays
        self.extensionDays = extensionDays
        self.maxExtensionDays = maxExtensionDays
        self.removal = removal
        self.entry = entry
        self.published = published
        self.rollout = rollout
    }
}

/// Early removal from a list ("credit repair"): a record of one of these behaviours (repaying,
/// correcting) ends the entry after a delay.
public struct Removal: Sendable, Equatable {
    /// Behaviours whose records end an entry.
    public var on: [Reference]
    /// Days from the repairing record to removal (e.g. 3 working days).
    public var delayDays: Int
    /// Days a subject must have been listed before repair counts.
    public var minimumDays: Int

    /// A removal rule from its parts.
    public init(on: [Reference], delayDays: Int = 0, minimumDays: Int = 0) {
        self.on = on
        self.delayDays = delayDays
        self.minimumDays = minimumDays
    }
}
