/// The shape of one household before its members exist: size, generations, collective or not.
struct HouseholdSpec: Sendable {
    var size: Int
    /// Generations present, 1...5; 0 for a collective household member.
    var generations: Int
    var urban: Bool
    var collective: Bool { generations == 0 }
}

/// One member as drafted inside a household: age, sex, and links to other members by position.
struct MemberDraft: Sendable {
    var age: Int = 0
    var male = false
    /// Generation layer, 0 = oldest.
    var layer = 0
    var mother = -1
    var father = -1
    var spouse = -1
    /// True for members born into the household's family line (children inherit its surname).
    var bloodLine = true
}

/// Draws household shapes from the census tables (size by urban/rural; generations by size).
struct HouseholdModel: Sendable {
    let urbanSizes: DiscreteDistribution
    let ruralSizes: DiscreteDistribution
    /// Generations 1...5 for each size 1...10.
    let generationsBySize: [DiscreteDistribution]
    let collectiveUnitProbability: Double
    let motherAge: DiscreteDistribution
    let motherAgeGroups: [(from: Int, to: Int)]
    /// P(male) by single year of age, from the census sex ratios.
    let maleShare: [Double]

    init(census: Census) {
        urbanSizes = DiscreteDistribution(weights: census.householdSizes.map(\.urban))
        ruralSizes = DiscreteDistribution(weights: census.householdSizes.map(\.rural))
        generationsBySize = census.generations.map { DiscreteDistribution(weights: $0) }
        // Collective residents are single units here; choose the unit probability so that the
        // share of persons in collective units equals the census share.
        let share = census.collectiveShare
        let meanSize = census.headline["mean_household_size"]!
        collectiveUnitProbability = share * meanSize / (1 - share + share * meanSize)
        motherAge = DiscreteDistribution(weights: census.motherAge.map(\.share))
        motherAgeGroups = census.motherAge.map { ($0.from, $0.to) }
        let ages = census.singleYearAges()
        maleShare = zip(ages.male, ages.female).map { $0 / max($0 + $1, 1) }
    }

    /// The spec of household `key` in a stratum (urban or rural).
    func spec(_ random: CounterRandom, key: UInt64, urban: Bool) -> HouseholdSpec {
        if random.uniform(.householdKind, key) < collectiveUnitProbability {
            return HouseholdSpec(size: 1, generations: 0, urban: urban)
        }
        let size = (urban ? urbanSizes : ruralSizes).index(random.uniform(.householdSize, key)) + 1
        return HouseholdSpec(size: size, generations: generations(random, key: key, size: size), urban: urban)
    }

    /// Generations for a family household of a given size (a truncated last household too).
    func generations(_ random: CounterRandom, key: UInt64, size: Int) -> Int {
        let row = generationsBySize[min(size, 10) - 1]
        return min(size, row.index(random.uniform(.householdGenerations, key)) + 1)
    }

    /// Members per generation layer, oldest first: one per layer, then a spouse for the middle
    /// layers (youngest adults first), then the rest as children in the youngest layer.
    static func layerSizes(size: Int, generations: Int) -> [Int] {
        var counts = [Int](repeating: 1, count: generations)
        var spare = size - generations
        if generations >= 2 {
            for layer in stride(from: generations - 2, through: 0, by: -1) where spare > 0 {
                counts[layer] += 1
                spare -= 1
            }
        }
        counts[generations - 1] += spare
        return counts
    }

    /// An age gap drawn from the census distribution of mother's age at birth (15-49).
    func motherAgeAtBirth(_ random: CounterRandom, key: UInt64, counter: UInt64) -> Int {
        let group = motherAgeGroups[motherAge.index(random.uniform(.memberAge, key, counter))]
        return group.from + random.below(group.to - group.from + 1, .memberAge, key, counter &+ 1000)
    }

    /// Whether a person of this age is male, by the census sex ratio at that age.
    func isMale(age: Int, _ random: CounterRandom, key: UInt64, counter: UInt64) -> Bool {
        random.uniform(.memberSex, key, counter) < maleShare[min(age, 100)]
    }
}
