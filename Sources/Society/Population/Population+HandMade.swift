import SocialCredit

extension Population {
    /// One person of a hand-made society.
    public struct HandMadePerson: Sendable {
        /// Age at the census reference day, 2020-11-01 (a run in 2016 sees them four years younger).
        public var age: Int
        public var male: Bool
        /// GB/T 2260 province code.
        public var province: Int
        public var urban: Bool
        public var driver: Bool
        public var internetUser: Bool
        /// Per-capita income, yuan per year.
        public var income: Float
        /// Household number: people with the same number live together and are listed
        /// consecutively. Households are numbered by `Population.household(of:)` in the order
        /// they are listed, whatever numbers are given here.
        public var household: Int
        public var mother: Int?
        public var father: Int?
        public var spouse: Int?
        /// Index of the employer in `companies`.
        public var employer: Int?

        /// A person; by default an urban adult woman in Shandong with no links.
        public init(
            age: Int = 30,
            male: Bool = false,
            province: Int = 37,
            urban: Bool = true,
            driver: Bool = false,
            internetUser: Bool = true,
            income: Float = 30_000,
            household: Int,
            mother: Int? = nil,
            father: Int? = nil,
            spouse: Int? = nil,
            employer: Int? = nil
        ) {
            self.age = age
            self.male = male
            self.province = province
            self.urban = urban
            self.driver = driver
            self.internetUser = internetUser
            self.income = income
            self.household = household
            self.mother = mother
            self.father = father
            self.spouse = spouse
            self.employer = employer
        }
    }

    /// A small society written by hand, for tests and teaching: people (households consecutive),
    /// companies by province code and sector, and friendships as pairs (at most
    /// `FriendshipNetwork.maximumDistance` apart in index, as in a generated society).
    public init(
        seed: UInt64,
        people: [HandMadePerson],
        companies: [(province: Int, sector: Sector)] = [],
        friendships: [(Int, Int)] = [],
        census: Census
    ) {
        self.seed = seed
        let provinceIndex = Dictionary(uniqueKeysWithValues: census.provinces.enumerated().map { ($1.code, UInt8($0)) })
        let reference = Day(year: 2020, month: 11, day: 1)!
        age = people.map { UInt8(clamping: $0.age) }
        flags = people.map { p in
            var f: PersonFlags = []
            if p.male { f.insert(.male) }
            if p.urban { f.insert(.urban) }
            if p.driver { f.insert(.driver) }
            if p.internetUser { f.insert(.internetUser) }
            if p.employer != nil { f.insert(.employee) }
            return f
        }
        province = people.map { provinceIndex[$0.province] ?? 0 }
        education = people.map { _ in EducationLevel.juniorSecondary.rawValue }
        income = people.map(\.income)
        mother = people.map { $0.mother.map(UInt32.init) ?? Population.none }
        father = people.map { $0.father.map(UInt32.init) ?? Population.none }
        spouse = people.map { $0.spouse.map(UInt32.init) ?? Population.none }
        employer = people.map { $0.employer.map(UInt32.init) ?? Population.none }
        surname = people.map { _ in 0 }
        birthDay = people.map { reference.adding(days: -($0.age * 365 + $0.age / 4 + 182)).number }
        var starts: [UInt32] = []
        var sizes: [UInt8] = []
        for (index, person) in people.enumerated() {
            if index == 0 || people[index - 1].household != person.household {
                starts.append(UInt32(index))
                sizes.append(1)
            } else {
                sizes[sizes.count - 1] += 1
            }
        }
        households = Households(start: starts, size: sizes, generations: sizes.map { _ in 1 })
        var rows = [[Int16]](repeating: [], count: people.count)
        for (a, b) in friendships where a != b {
            precondition(
                abs(a - b) <= FriendshipNetwork.maximumDistance,
                "friends \(a) and \(b) are more than \(FriendshipNetwork.maximumDistance) people apart"
            )
            rows[a].append(Int16(b - a))
            rows[b].append(Int16(a - b))
        }
        var offsets: [UInt32] = [0]
        for row in rows { offsets.append(offsets.last! + UInt32(row.count)) }
        network = FriendshipNetwork(
            offsets: offsets,
            deltas: rows.flatMap { $0 },
            closeCount: rows.map { UInt8(min(255, $0.count)) }
        )
        var staff = [UInt32](repeating: 0, count: companies.count)
        for person in people { if let e = person.employer { staff[e] += 1 } }
        self.companies = Companies(
            province: companies.map { provinceIndex[$0.province] ?? 0 },
            sector: companies.map { UInt8(Sector.allCases.firstIndex(of: $0.sector)!) },
            employees: staff
        )
    }
}
