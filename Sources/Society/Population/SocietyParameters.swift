/// The generator's behavioural assumptions, in one place, each with its basis. Where the census
/// gives a total (drivers, internet users), the shape here is scaled to meet it exactly.
struct SocietyParameters: Sendable {
    /// Share of the population holding a driving licence: 456 million at end 2020 (MPS) over the
    /// 31-province population.
    let driverShare: Double
    /// Share of licence holders who are women (32.4%, MPS 2020).
    let driverFemaleShare: Double
    /// Share of the population using the internet (CNNIC, Dec 2020).
    let internetShare: Double

    init(census: Census) {
        driverShare = census.headline["drivers_end_2020"]! / census.headline["population_31_provinces"]!
        driverFemaleShare = census.headline["drivers_female_share"]!
        internetShare = census.headline["internet_penetration"]!
    }

    /// Relative chance of holding a licence by age (assumption: licences from 18, most common
    /// at 26-45, rare after 70), before scaling to the published total.
    func driverAgeWeight(_ age: Int) -> Double {
        switch age {
        case ..<18: return 0
        case 18...25: return 0.55
        case 26...35: return 1.0
        case 36...45: return 1.0
        case 46...55: return 0.8
        case 56...65: return 0.45
        case 66...70: return 0.2
        default: return 0.04
        }
    }

    /// Licence odds by income quintile (assumption: car ownership rises with income).
    let driverIncomeWeight: [Double] = [0.45, 0.75, 1.0, 1.25, 1.5]
    /// Licence odds for urban versus rural residents (assumption).
    let driverUrbanWeight = (urban: 1.15, rural: 0.8)

    /// Relative chance of using the internet by age (assumption, shaped like CNNIC's age profile of users).
    func internetAgeWeight(_ age: Int) -> Double {
        switch age {
        case ..<6: return 0.1
        case 6...9: return 0.6
        case 10...19: return 0.95
        case 20...39: return 1.0
        case 40...49: return 0.9
        case 50...59: return 0.72
        case 60...69: return 0.45
        case 70...79: return 0.2
        default: return 0.06
        }
    }

    /// Internet odds for urban versus rural residents (CNNIC: rural penetration ~56% vs urban ~80%, assumption).
    let internetUrbanWeight = (urban: 1.12, rural: 0.78)

    /// Chance that an adult of working age is employed by a company (assumption: urban wage
    /// employment is the norm; rural adults farm or work for themselves more often). Working
    /// ages: 18 to 59 for men, 18 to 54 for women (statutory retirement ages).
    func employeeChance(age: Int, male: Bool, urban: Bool, student: Bool) -> Double {
        guard age >= 18, age <= (male ? 59 : 54) else { return 0 }
        if student && age <= 22 { return 0.08 }
        return urban ? 0.68 : 0.32
    }

    /// Company sizes: a discrete Pareto law (assumption: most firms are micro-enterprises, a few
    /// employ thousands), P(size >= k) = k^-alpha.
    let companySizeAlpha = 1.05
    /// Largest company size drawn.
    let companySizeCap = 30_000

    /// Sector shares of companies (assumption, broadly the 2018 economic census's enterprise mix).
    let sectorWeights: [Double] = [
        0.02,  // agriculture
        0.01,  // mining
        0.17,  // manufacturing
        0.06,  // food
        0.08,  // construction
        0.01,  // energy
        0.05,  // transport
        0.24,  // retail
        0.07,  // hospitality
        0.02,  // finance
        0.07,  // technology
        0.20,  // services
    ]

    // Friendship network (Dunbar layers: ~5 support, ~15 sympathy, then wider circles).
    /// The layers ties are drawn in, innermost first. Each person makes `stubs` ties (times
    /// their sociability) to people in a circle of `circle` people (consecutive people, a place;
    /// or the town's people nearest in age), each candidate accepted with probability
    /// exp(-|age gap| / scale). Ties count at both ends, so
    /// the mean degree is about twice the stubs. Small circles with strict age matching close
    /// triangles (clustering); the widest circle gives the long ties.
    /// Towns hold `townSize` consecutive people; every circle lies inside one.
    let townSize = 600
    let tieLayers: [TieLayer] = [
        TieLayer(
            name: "neighbours",
            stubs: 2.5,
            circle: 10,
            byAge: false,
            adultAgeScale: 20,
            childAgeScale: 6,
            close: true
        ),
        TieLayer(name: "peers", stubs: 4.0, circle: 16, byAge: true, adultAgeScale: 3, childAgeScale: 1.5, close: true),
        TieLayer(
            name: "wider circle",
            stubs: 1.5,
            circle: 200,
            byAge: true,
            adultAgeScale: 1_000,
            childAgeScale: 1_000,
            close: false
        ),
    ]
    /// Spread of sociability (lognormal sigma): a few people have many friends.
    let sociabilitySigma = 0.55
    /// Candidates tried per tie before giving up.
    let tieAttempts = 40
}

/// One layer of the friendship network.
struct TieLayer: Sendable {
    let name: String
    let stubs: Double
    let circle: Int
    /// Whether the circle is the `circle` people nearest in age within the town (school
    /// classes, work cohorts) rather than a block of neighbours.
    let byAge: Bool
    let adultAgeScale: Double
    let childAgeScale: Double
    /// Whether ties of this layer count as close (support and sympathy layers).
    let close: Bool
}
