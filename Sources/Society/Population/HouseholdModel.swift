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
    /// True when the household's shape leaves the sex open (people living alone, children,
    /// relatives), so it is drawn by age; false for the two sides of a couple and a lone parent.
    var openSex = false
}

/// Draws household shapes from the census tables (size by urban/rural; generations by size).
struct HouseholdModel: Sendable {
    let urbanSizes: DiscreteDistribution
    let ruralSizes: DiscreteDistribution
    /// Generations 1...5 for each size 1...10.
    let generationsBySize: [DiscreteDistribution]
    let collectiveUnitProbability: Double
    /// Mother's age at birth by single year 0...49 (zero below 15), each published five-year
    /// group spread evenly over its years.
    let motherAge: DiscreteDistribution

    init(census: Census) {
        urbanSizes = DiscreteDistribution(weights: census.householdSizes.map(\.urban))
        ruralSizes = DiscreteDistribution(weights: census.householdSizes.map(\.rural))
        generationsBySize = census.generations.map { DiscreteDistribution(weights: $0) }
        // Collective residents are single units here; choose the unit probability so that the
        // share of persons in collective units equals the census share.
        let share = census.collectiveShare
        let meanSize = census.headline["mean_household_size"]!
        collectiveUnitProbability = share * meanSize / (1 - share + share * meanSize)
        var byYear = [Double](repeating: 0, count: (census.motherAge.map(\.to).max() ?? 49) + 1)
        for group in census.motherAge {
            for age in group.from...group.to { byYear[age] += group.share / Double(group.to - group.from + 1) }
        }
        motherAge = DiscreteDistribution(weights: byYear)
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

    /// An age gap drawn from the census distribution of mother's age at birth (15-49), given
    /// that it is at most `atMost`: the distribution cut there, not a draw clamped to it (a clamp
    /// would pile the oldest generation up at the age ceiling of 100). At least 15.
    func motherAgeAtBirth(_ random: CounterRandom, key: UInt64, counter: UInt64, atMost: Int) -> Int {
        let limit = motherAge.cumulative[max(0, min(atMost, motherAge.count - 1))]
        return max(15, motherAge.index(random.uniform(.memberAge, key, counter) * limit))
    }
}
