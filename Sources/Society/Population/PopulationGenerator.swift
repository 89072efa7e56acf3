/// Generates a synthetic society calibrated to the 2020 census, at any size, deterministically.
///
/// The steps, each parallel over large chunks with disjoint writes:
/// 1. quotas: people per province (census shares) and per urban/rural stratum (census urban share);
/// 2. household plans per stratum: collective residents, or family households with a size drawn
///    from the urban or rural size table and generations from the size-by-generation matrix;
/// 3. members: ages from fitted anchor distributions and the mother's-age-at-birth table, sexes,
///    parent, spouse and surname links, dates of birth;
/// 4. attributes: household income, education, drivers, internet users, employees;
/// 5. companies and employers; 6. the friendship network.
/// Every draw is keyed by (seed, stream, household or person), so the result does not depend on
/// the thread count.
public struct PopulationGenerator: Sendable {
    /// The census tables it reproduces.
    public let census: Census
    /// Name frequency tables.
    public let names: NameTables
    let householdModel: HouseholdModel
    let ageModel: AgeModel
    let incomeModel: IncomeModel
    let parameters: SocietyParameters

    /// A generator over the shipped census and name tables; fits the age and income models (a
    /// fraction of a second).
    public init(census: Census? = nil, names: NameTables? = nil) throws {
        let census = try census ?? Census.load()
        self.census = census
        self.names = try names ?? NameTables.load()
        householdModel = HouseholdModel(census: census)
        ageModel = AgeModel(census: census, households: householdModel)
        incomeModel = IncomeModel(census: census)
        parameters = SocietyParameters(census: census)
    }

    /// Progress of a long generation: the step and its share done.
    public typealias Progress = @Sendable (_ step: String, _ fraction: Double) -> Void

    /// Generates `size` people from `seed` on `threads` threads: the whole society, or with a
    /// `shard` only that shard's provinces, exactly as they are in the whole society (the other
    /// shards' processes, reached through `exchange`, generate the rest at the same time).
    public func generate(
        size: Int,
        seed: UInt64,
        threads: Int = ParallelChunks.defaultThreads,
        shard: SocietyShard? = nil,
        exchange: any ShardExchange = SingleShard(),
        progress: Progress? = nil
    ) -> Population {
        precondition(size >= 1, "a society needs at least one person")
        let shard = shard ?? .whole(provinces: census.provinces.count)
        precondition(
            shard.count == exchange.shards && shard.index == exchange.shard,
            "the shard and the exchange disagree"
        )
        let parallel = ParallelChunks(threads: threads)
        let random = CounterRandom(seed: seed)
        progress?("households", 0)
        let plan = HouseholdPlan(
            size: size,
            census: census,
            model: householdModel,
            random: random,
            parallel: parallel,
            shard: shard,
            exchange: exchange
        )
        progress?("people", 0.1)
        var population = makePeople(plan: plan, random: random, parallel: parallel)
        progress?("attributes", 0.3)
        assignAttributes(&population, plan: plan, random: random, parallel: parallel, exchange: exchange)
        progress?("companies", 0.4)
        assignEmployers(&population, plan: plan, random: random, parallel: parallel)
        if !shard.isWhole {
            let companies = exchange.prefix(population.companies.count)
            population.placement = ShardPlacement(
                shard: shard,
                firstPerson: plan.firstPerson,
                firstHousehold: plan.firstHousehold,
                firstCompany: companies.before,
                totalPeople: size,
                totalCompanies: companies.total
            )
        }
        progress?("network", 0.5)
        population.network = NetworkBuilder(parameters: parameters).build(
            population,
            plan: plan,
            random: random,
            parallel: parallel
        )
        progress?("done", 1)
        return population
    }
}

/// The people quota of each province and each (province, urban or rural) stratum, and the
/// households planned in each, for the strata of one shard of the society (all of them when
/// the society is not split). Indices of strata, households and people are the shard's own,
/// from 0; `firstStratum`, `firstHousehold` and `firstPerson` place them in the whole society,
/// whose indices key every draw.
struct HouseholdPlan: Sendable {
    /// People per stratum (the census quota, give or take one household); stratum =
    /// province * 2 + (urban ? 0 : 1), counted from `firstStratum`.
    let quotas: [Int]
    /// First person of each stratum.
    let strataStart: [Int]
    /// First household of each stratum.
    let householdStart: [Int]
    /// Per household, its size and generations (0 = collective resident).
    let sizes: [UInt8]
    let generations: [UInt8]
    /// First person of each household.
    let personStart: [UInt32]
    /// The whole society's index of this plan's first stratum, household and person.
    let firstStratum: Int
    let firstHousehold: Int
    let firstPerson: Int
    /// People in the whole society.
    let totalPeople: Int

    var strata: Int { quotas.count }

    static func stratum(province: Int, urban: Bool) -> Int { province * 2 + (urban ? 0 : 1) }

    /// The key under which a household's draws are made: its stratum and its rank there, so the
    /// same household gets the same draws whatever else is generated.
    func key(ofHousehold h: Int, stratum s: Int) -> UInt64 {
        UInt64(firstStratum + s) << 40 | UInt64(h - householdStart[s])
    }

    /// Carries between strata are below the largest household size.
    static let carries = 256

    init(
        size: Int,
        census: Census,
        model: HouseholdModel,
        random: CounterRandom,
        parallel: ParallelChunks,
        shard: SocietyShard? = nil,
        exchange: any ShardExchange = SingleShard()
    ) {
        let shard = shard ?? .whole(provinces: census.provinces.count)
        let shares = census.provinces.map(\.population)
        let provinceQuota = largestRemainder(total: size, weights: shares)
        let urbanShare = census.headline["urban_share"]!
        let targets: [Int] = provinceQuota.flatMap { quota -> [Int] in
            let urban = Int((Double(quota) * urbanShare).rounded())
            return [urban, quota - urban]
        }
        let own = shard.strata
        // Plan each stratum's households independently (in parallel), drawing a little past its
        // quota. Households are never cut to fit (that would bias small societies towards small
        // households): a stratum's last household may overflow its quota, and the overflow is
        // taken from the next stratum's. Only the very last household is cut, to hit the size.
        let slack = 40
        let drafts: [(sizes: [UInt8], generations: [UInt8])] = parallel.map(own.count) { i in
            let s = own.lowerBound + i
            var sizes: [UInt8] = []
            var generations: [UInt8] = []
            var drawn = 0
            var k: UInt64 = 0
            let urban = s % 2 == 0
            while drawn < targets[s] + slack {
                let spec = model.spec(random, key: UInt64(s) << 40 | k, urban: urban)
                sizes.append(UInt8(spec.size))
                generations.append(UInt8(spec.generations))
                drawn += spec.size
                k += 1
            }
            return (sizes, generations)
        }
        // Where each stratum's households stop, for every overflow it may inherit.
        let cuts = own.indices.map { i in
            Self.cuts(sizes: drafts[i - own.lowerBound].sizes, target: targets[i], last: i == targets.count - 1)
        }
        // The overflow inherited from the strata of the shards before this one: each shard
        // tells the others what overflow it passes on for each it inherits.
        var carry = 0
        if exchange.shards > 1 {
            let passedOn = (0..<Self.carries).map { c in
                Int64(cuts.reduce(c) { carry, cut in cut[carry].carry })
            }
            for table in exchange.allGather(passedOn)[..<exchange.shard] { carry = Int(table[carry]) }
        }
        let firstPerson = targets[..<own.lowerBound].reduce(carry, +)
        var plans: [(sizes: [UInt8], generations: [UInt8])] = []
        var quotas: [Int] = []
        for i in own.indices {
            let cut = cuts[i - own.lowerBound][carry]
            let draft = drafts[i - own.lowerBound]
            var sizes = Array(draft.sizes.prefix(cut.count))
            var generations = Array(draft.generations.prefix(cut.count))
            if cut.trimmed > 0, let last = sizes.indices.last {
                // The society's last household is cut to make the size exact.
                let size = Int(sizes[last]) - cut.trimmed
                sizes[last] = UInt8(size)
                if generations[last] > 0 {
                    let key = UInt64(i) << 40 | UInt64(last)
                    generations[last] = UInt8(model.generations(random, key: key, size: size))
                }
            }
            carry = cut.carry
            plans.append((sizes, generations))
            quotas.append(cut.taken)
        }
        self.quotas = quotas
        var strataStart: [Int] = []
        var householdStart: [Int] = []
        var people = 0
        var households = 0
        for plan in plans {
            strataStart.append(people)
            householdStart.append(households)
            people += plan.sizes.reduce(0) { $0 + Int($1) }
            households += plan.sizes.count
        }
        self.strataStart = strataStart
        self.householdStart = householdStart
        sizes = plans.flatMap(\.sizes)
        generations = plans.flatMap(\.generations)
        var start = [UInt32](repeating: 0, count: sizes.count)
        var running: UInt32 = 0
        for h in sizes.indices {
            start[h] = running
            running += UInt32(sizes[h])
        }
        personStart = start
        firstStratum = own.lowerBound
        self.firstPerson = firstPerson
        firstHousehold = exchange.prefix(households).before
        totalPeople = size
    }

    /// Where a stratum's households stop, for each overflow `c` (0..<carries) it inherits from
    /// the stratum before: it takes its drafted households up to the first whose running total
    /// reaches `target - c`; the people beyond that are its own overflow (`carry`), except in
    /// the society's `last` stratum, whose last household is cut (`trimmed`) to end exactly.
    /// One pass over the drafts.
    static func cuts(sizes: [UInt8], target: Int, last: Bool) -> [(count: Int, taken: Int, carry: Int, trimmed: Int)] {
        var result = [(count: Int, taken: Int, carry: Int, trimmed: Int)](
            repeating: (0, 0, 0, 0),
            count: carries
        )
        var count = 0
        var taken = 0
        for c in stride(from: carries - 1, through: 0, by: -1) {
            let goal = target - c
            while taken < goal && count < sizes.count {
                taken += Int(sizes[count])
                count += 1
            }
            let over = max(0, taken - goal)
            result[c] = last ? (count, taken - over, 0, over) : (count, taken, taken - goal, 0)
        }
        return result
    }

    /// The stratum of household h (binary search over stratum starts).
    func stratum(ofHousehold h: Int) -> Int { lastIndex(in: householdStart, atMost: h) }
}

/// Splits `total` into parts proportional to `weights`, rounding by largest remainder so the
/// parts sum exactly to `total`.
func largestRemainder(total: Int, weights: [Double]) -> [Int] {
    let sum = weights.reduce(0, +)
    let exact = weights.map { Double(total) * $0 / sum }
    var parts = exact.map { Int($0) }
    let order = exact.indices.sorted { (exact[$0] - Double(parts[$0]), -$0) > (exact[$1] - Double(parts[$1]), -$1) }
    for index in order.prefix(total - parts.reduce(0, +)) { parts[index] += 1 }
    return parts
}
