import Society

/// What a run reads of its society while it runs: the links to parents, spouse and employer,
/// the friendship network, the companies, and where the shard lies in the whole society.
///
/// A generated `Population` also holds what a run never reads (ages, education, incomes,
/// surnames, households, close ties: 17 bytes a person, 1.7 GB at 100 million people), and what
/// a run reads once, when it is prepared, into its state (`PersonFacts`). A run holds this
/// instead, so the rest can be let go once runs are prepared. The arrays here are the
/// population's own (shared, not copied), but for the links to relatives, a byte each where
/// the population has four (`RelativeLinks`), the employers of employees alone
/// (`EmployerLinks`), and the friendship rows, about 1.15 bytes a friend where the network has
/// two, with 2-byte starts where it has four (`FriendRows`).
public struct RunSociety: Sendable {
    /// People in this shard (everyone, unsharded).
    public let count: Int
    /// Links by person to relatives (mother, father, spouse), a byte each when near.
    let mother: RelativeLinks
    let father: RelativeLinks
    let spouse: RelativeLinks
    /// The employing company by person (`Population.none` where there is none), kept for
    /// employees only (`EmployerLinks`).
    let employer: EmployerLinks
    /// Friendships (M9): each person's row of friends.
    let friends: FriendRows
    /// The companies (province, sector, size).
    public let companies: Companies
    /// The whole-society index of this shard's first person and first company, and the
    /// whole society's counts (the population's own, for a society in one piece).
    public let firstPerson: Int
    public let firstCompany: Int
    public let totalPeople: Int
    public let totalCompanies: Int
    /// Where the shard lies in the whole society; nil for a society in one piece.
    public let placement: ShardPlacement?

    /// The parts of `population` a run reads while it runs (the friendship rows coded on
    /// `threads` threads).
    public init(_ population: Population, threads: Int = 1) {
        count = population.count
        mother = RelativeLinks(population.mother)
        father = RelativeLinks(population.father)
        spouse = RelativeLinks(population.spouse)
        employer = EmployerLinks(population.employer)
        friends = FriendRows(population.network, threads: threads)
        companies = population.companies
        firstPerson = population.firstPerson
        firstCompany = population.firstCompany
        totalPeople = population.totalPeople
        totalCompanies = population.totalCompanies
        placement = population.placement
    }
}

/// What preparing a run reads of each person, into the run's state (`SubjectState`'s event
/// record): kept apart from `RunSociety` because a run holds it there already, and only what
/// prepares further runs of the same society (a counterfactual, a branch started again) needs
/// it after that (8 bytes a person).
public struct PersonFacts: Sendable {
    /// Date of birth (day number), `PersonFlags` bits and province index by person.
    public let birthDay: [Int32]
    public let flags: [UInt8]
    public let province: [UInt8]
    /// Income quintile, 1 (poorest fifth of the whole society) to 5.
    public let quintile: [UInt8]
    /// Whether the person is a parent of a minor.
    public let parent: [Bool]

    /// The facts of `population`. On a shard the income quintiles are cut over the whole
    /// society, so every shard must make its facts at the same point (`exchange`).
    public init(_ population: Population, exchange: any ShardExchange = SingleShard()) {
        birthDay = population.birthDay
        flags = population.flags.map(\.rawValue)
        province = population.province
        let incomes = population.income
        let everyone = population.totalPeople
        let cuts = RankSelection.values(
            at: (1...4).map { min(everyone - 1, everyone * $0 / 5) },
            of: incomes,
            exchange: exchange
        )
        quintile = incomes.map { income in UInt8(1 + cuts.filter { income >= $0 }.count) }
        var parent = [Bool](repeating: false, count: population.count)
        for person in 0..<population.count where population.age[person] < 18 {
            if population.mother[person] != Population.none { parent[Int(population.mother[person])] = true }
            if population.father[person] != Population.none { parent[Int(population.father[person])] = true }
        }
        self.parent = parent
    }

    /// People described.
    public var count: Int { birthDay.count }
}
