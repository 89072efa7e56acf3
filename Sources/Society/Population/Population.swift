/// A synthetic society: people, households, friendships and companies, stored as columns.
///
/// Every person is an index `0..<count`; each attribute is one array sized to what it needs, so
/// 100 million people fit in memory and a day loop can stream through them. Nothing here is
/// about a real person: the society is drawn from census tables with a seed.
public struct Population: Sendable {
    /// The seed it was generated from.
    public let seed: UInt64
    /// Number of people.
    public var count: Int { age.count }

    /// Age in whole years at the census reference day (2020-11-01).
    public internal(set) var age: [UInt8]
    /// Sex, urban residence, driver, internet user, employee, collective household.
    public internal(set) var flags: [PersonFlags]
    /// Index into `Census.provinces` (0...30).
    public internal(set) var province: [UInt8]
    /// Highest education attained: an `EducationLevel` raw value.
    public internal(set) var education: [UInt8]
    /// Per-capita disposable income of the person's household, yuan per year.
    public internal(set) var income: [Float]
    /// Mother's index, or `Population.none`.
    public internal(set) var mother: [UInt32]
    /// Father's index, or `Population.none`.
    public internal(set) var father: [UInt32]
    /// Spouse's index, or `Population.none`.
    public internal(set) var spouse: [UInt32]
    /// Employer (company index), or `Population.none`.
    public internal(set) var employer: [UInt32]
    /// Surname: index into the surname table.
    public internal(set) var surname: [UInt16]
    /// Date of birth, as a `Day` number.
    public internal(set) var birthDay: [Int32]

    /// Households: where each starts, its size and generations.
    public internal(set) var households: Households
    /// The friendship network.
    public internal(set) var network: FriendshipNetwork
    /// The companies people work for.
    public internal(set) var companies: Companies
    /// Where these people sit in a society split into shards (`SocietyShard`); nil for a whole
    /// society.
    public internal(set) var placement: ShardPlacement? = nil

    /// The value meaning "no one" in link columns.
    public static let none = UInt32.max

    /// Bytes held per person by the person columns (not counting households, network, companies).
    public static var bytesPerPersonColumns: Int {
        MemoryLayout<UInt8>.size * 4 + MemoryLayout<Float>.size + MemoryLayout<UInt32>.size * 4
            + MemoryLayout<UInt16>.size + MemoryLayout<Int32>.size
    }

    /// Index of the person's household. Members of a household are consecutive, so this is
    /// found from the households' starts (a binary search) rather than stored per person.
    public func household(of person: Int) -> Int { households.household(of: person) }

    /// Bytes of memory the whole society occupies, by part.
    public var memory: (people: Int, households: Int, network: Int, companies: Int) {
        (count * Self.bytesPerPersonColumns, households.bytes, network.bytes, companies.bytes)
    }
}

/// Yes/no attributes of a person, packed in one byte.
public struct PersonFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    /// Male (otherwise female).
    public static let male = PersonFlags(rawValue: 1 << 0)
    /// Lives in a city or town (otherwise rural).
    public static let urban = PersonFlags(rawValue: 1 << 1)
    /// Holds a driving licence.
    public static let driver = PersonFlags(rawValue: 1 << 2)
    /// Uses the internet.
    public static let internetUser = PersonFlags(rawValue: 1 << 3)
    /// Employed by a company.
    public static let employee = PersonFlags(rawValue: 1 << 4)
    /// Lives in a collective household (dormitory, institution).
    public static let collective = PersonFlags(rawValue: 1 << 5)
}

/// Education levels as the census counts them (attainment, current students included).
public enum EducationLevel: UInt8, CaseIterable, Sendable {
    case none, primary, juniorSecondary, seniorSecondary, university

    /// The census file's key for the level.
    public var key: String {
        switch self {
        case .none: return "none"
        case .primary: return "primary"
        case .juniorSecondary: return "junior_secondary"
        case .seniorSecondary: return "senior_secondary"
        case .university: return "university"
        }
    }
}

/// Households as columns: members of a household are consecutive people.
public struct Households: Sendable {
    /// Index of the first member.
    public internal(set) var start: [UInt32]
    /// Number of members.
    public internal(set) var size: [UInt8]
    /// Generations present (0 for a member of a collective household).
    public internal(set) var generations: [UInt8]

    /// Number of households (collective residents count one each).
    public var count: Int { start.count }

    /// The members of household `h`.
    public func members(_ h: Int) -> Range<Int> { Int(start[h])..<(Int(start[h]) + Int(size[h])) }

    /// The household whose members include `person`.
    public func household(of person: Int) -> Int { lastIndex(in: start, atMost: person) }

    var bytes: Int { count * (MemoryLayout<UInt32>.size + 2) }
}

/// The last index i of an ascending array with `sorted[i] <= value` (0 if there is none): which
/// run a position falls in, given where the runs start.
func lastIndex<Value: BinaryInteger>(in sorted: [Value], atMost value: Int) -> Int {
    var low = 0
    var high = sorted.count - 1
    while low < high {
        let mid = (low + high + 1) >> 1
        if Int(sorted[mid]) <= value { low = mid } else { high = mid - 1 }
    }
    return max(low, 0)
}
