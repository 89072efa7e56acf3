import Foundation

/// How a generated society compares with the census: each marginal's census figure, generated
/// figure, deviation and tolerance, plus network, company and memory figures.
public struct SocietyReport: Codable, Sendable {
    /// One compared figure.
    public struct Marginal: Codable, Sendable {
        /// Which table it belongs to, e.g. "age by sex".
        public var table: String
        /// The row, e.g. "30-34 female".
        public var label: String
        /// The census (or official) figure.
        public var census: Double
        /// The generated figure.
        public var generated: Double
        /// generated - census.
        public var deviation: Double
        /// Largest deviation allowed; nil for figures shown for information only.
        public var tolerance: Double?
        /// `share` (fractions), `persons`, `ratio`, `years` or `yuan`.
        public var unit: String
        /// Whether it is within tolerance (true for information-only figures).
        public var passes: Bool { tolerance.map { abs(deviation) <= $0 } ?? true }
    }

    /// Company figures.
    public struct CompanyFigures: Codable, Sendable {
        public var count: Int
        public var employees: Int
        public var meanSize: Double
        public var largest: Int
        public var employeeShareOfAdults: Double
    }

    /// Memory held by the society.
    public struct MemoryFigures: Codable, Sendable {
        /// Bytes per person of everything but the network's endpoints (its row starts and close
        /// counts included).
        public var bytesPerPerson: Double
        /// Bytes per network endpoint (one friend in one person's row).
        public var networkBytesPerEndpoint: Double
        /// Bytes of the whole society.
        public var totalBytes: Int
    }

    public var size: Int
    public var seed: UInt64
    /// How tolerances were set for this size, in words.
    public var tolerancePolicy: String
    public var marginals: [Marginal]
    public var network: NetworkStatistics
    public var companies: CompanyFigures
    public var memory: MemoryFigures
    /// Whether every marginal is within tolerance.
    public var passed: Bool { marginals.allSatisfy(\.passes) }

    /// The aggregates' tolerances, in words.
    static let aggregateNote =
        "; aggregates: under-15 and 65-and-over shares within max(0.5 pp, 4 sd), men per 100 women "
        + "within 0.5 x max(1, sqrt(1,000,000 / N)), mean age within max(0.2, 4 sd of the mean) years"

    /// Why income quintile shares have a wider tolerance than other shares.
    static let incomeNote =
        "; income quintile shares within 2.5 pp: NBS quintiles group households while its Gini "
        + "is over persons, and no person-level distribution matching the shares exactly reaches a Gini of 0.468 "
        + "(about 0.44 at most), so the fit balances the two"

    /// How far the generated men per 100 women may be from the census: 0.5 at 1,000,000 people or
    /// more (about 3.5 standard deviations of the sampling error there, where sexes are drawn
    /// independently for the roughly half of people not in a couple), scaled by sqrt(1,000,000 / N)
    /// below, as the sampling error grows.
    static func sexRatioTolerance(_ n: Int) -> Double {
        0.5 * Swift.max(1, (1_000_000 / Double(Swift.max(n, 1))).squareRoot())
    }

    /// How far the generated mean age may be from the published one: max(0.2 years, 4 sd) with
    /// sd = (the census table's standard deviation of age) * sqrt(3 / N), the 3 the design
    /// effect of households, as for shares. 0.2 years covers the published figure's rounding
    /// (38.8) and its 0.01 difference from the table's own mean.
    static func meanAgeTolerance(_ n: Int, census: Census) -> Double {
        let ages = census.singleYearAges()
        let mean = census.aggregates.meanAge
        var squares = 0.0
        for age in ages.male.indices {
            squares += (ages.male[age] + ages.female[age]) * (Double(age) - mean) * (Double(age) - mean)
        }
        let sd = (squares / census.total).squareRoot()
        return Swift.max(0.2, 4 * sd * (3 / Double(Swift.max(n, 1))).squareRoot())
    }

    /// Compares a population with the census.
    public init(population: Population, census: Census) {
        let n = population.count
        size = n
        seed = population.seed
        let big = n >= 1_000_000
        tolerancePolicy =
            big
            ? "shares within 1 percentage point (N >= 1,000,000); Gini within 0.01; mean household size within 0.05"
                + Self.aggregateNote + Self.incomeNote
            : "shares within max(1 pp, 4 sd) with sd = sqrt(p(1-p) * 3 / N) (design effect 3 for household clustering); "
                + "Gini within max(0.01, 2.5 / sqrt(N)); mean household size within max(0.05, 4 / sqrt(households))"
                + Self.aggregateNote + Self.incomeNote
        func shareTolerance(_ p: Double, _ effective: Int) -> Double {
            big ? 0.01 : Swift.max(0.01, 4 * (p * (1 - p) * 3 / Double(Swift.max(effective, 1))).squareRoot())
        }
        func aggregateShareTolerance(_ p: Double) -> Double {
            Swift.max(0.005, 4 * (p * (1 - p) * 3 / Double(Swift.max(n, 1))).squareRoot())
        }
        var rows: [Marginal] = []
        func add(
            _ table: String,
            _ label: String,
            census c: Double,
            generated g: Double,
            tolerance: Double?,
            unit: String = "share"
        ) {
            rows.append(
                Marginal(
                    table: table,
                    label: label,
                    census: c,
                    generated: g,
                    deviation: g - c,
                    tolerance: tolerance,
                    unit: unit
                )
            )
        }

        // Age by sex.
        var ageSex = [Double](repeating: 0, count: census.ageGroups.count * 2)
        var provinceCounts = [Double](repeating: 0, count: census.provinces.count)
        var urban = 0.0
        var collective = 0.0
        var drivers = 0.0
        var femaleDrivers = 0.0
        var internet = 0.0
        var adults = 0.0
        var employees = 0.0
        var education = [Double](repeating: 0, count: EducationLevel.allCases.count)
        var maleByAge = [Double](repeating: 0, count: 101)
        var femaleByAge = maleByAge
        for person in 0..<n {
            let age = Int(population.age[person])
            let group = census.ageGroups.firstIndex { age >= $0.from && age <= ($0.to ?? 200) } ?? 0
            let flags = population.flags[person]
            ageSex[group * 2 + (flags.contains(.male) ? 0 : 1)] += 1
            if flags.contains(.male) { maleByAge[min(age, 100)] += 1 } else { femaleByAge[min(age, 100)] += 1 }
            provinceCounts[Int(population.province[person])] += 1
            if flags.contains(.urban) { urban += 1 }
            if flags.contains(.collective) { collective += 1 }
            if flags.contains(.driver) {
                drivers += 1
                if !flags.contains(.male) { femaleDrivers += 1 }
            }
            if flags.contains(.internetUser) { internet += 1 }
            if age >= 18 {
                adults += 1
                if flags.contains(.employee) { employees += 1 }
            }
            education[Int(population.education[person])] += 1
        }
        let total = census.total
        for (i, group) in census.ageGroups.enumerated() {
            for (s, sex) in ["male", "female"].enumerated() {
                let c = (s == 0 ? group.male : group.female) / total
                add(
                    "age by sex",
                    "\(group.label) \(sex)",
                    census: c,
                    generated: ageSex[i * 2 + s] / Double(n),
                    tolerance: shareTolerance(c, n)
                )
            }
        }
        // Aggregates: each band within its tolerance does not make the whole right.
        let target = census.aggregates
        let generated = AgeSexAggregates(male: maleByAge, female: femaleByAge)
        add(
            "aggregates",
            "men per 100 women",
            census: target.sexRatio,
            generated: generated.sexRatio,
            tolerance: Self.sexRatioTolerance(n),
            unit: "ratio"
        )
        add(
            "aggregates",
            "under 15",
            census: target.under15Share,
            generated: generated.under15Share,
            tolerance: aggregateShareTolerance(target.under15Share)
        )
        add(
            "aggregates",
            "65 and over",
            census: target.over65Share,
            generated: generated.over65Share,
            tolerance: aggregateShareTolerance(target.over65Share)
        )
        add(
            "aggregates",
            "mean age (published)",
            census: census.publishedMeanAge,
            generated: generated.meanAge,
            tolerance: Self.meanAgeTolerance(n, census: census),
            unit: "years"
        )

        let provinceTotal = census.provinces.reduce(0) { $0 + $1.population }
        for (i, province) in census.provinces.enumerated() {
            let c = province.population / provinceTotal
            add(
                "province",
                province.name,
                census: c,
                generated: provinceCounts[i] / Double(n),
                tolerance: shareTolerance(c, n)
            )
        }
        let urbanShare = census.headline["urban_share"]!
        add(
            "residence",
            "urban",
            census: urbanShare,
            generated: urban / Double(n),
            tolerance: shareTolerance(urbanShare, n)
        )
        add(
            "residence",
            "collective households",
            census: census.collectiveShare,
            generated: collective / Double(n),
            tolerance: shareTolerance(census.collectiveShare, n)
        )

        // Family households: sizes, generations, mean size.
        let households = population.households
        var sizes = [Double](repeating: 0, count: 10)
        var generations = [Double](repeating: 0, count: 5)
        var families = 0.0
        var familyPersons = 0.0
        for h in 0..<households.count where households.generations[h] > 0 {
            sizes[min(Int(households.size[h]), 10) - 1] += 1
            generations[min(Int(households.generations[h]), 5) - 1] += 1
            families += 1
            familyPersons += Double(households.size[h])
        }
        let householdTotal = census.householdSizes.reduce(0) { $0 + $1.national }
        for (i, row) in census.householdSizes.enumerated() {
            let c = row.national / householdTotal
            add(
                "household size",
                row.size == 10 ? "10+" : "\(row.size)",
                census: c,
                generated: sizes[i] / Swift.max(families, 1),
                tolerance: shareTolerance(c, Int(families))
            )
        }
        let generationTotals = (0..<5).map { g in census.generations.reduce(0) { $0 + $1[g] } }
        for g in 0..<5 {
            let c = generationTotals[g] / householdTotal
            add(
                "household generations",
                g == 4 ? "5+" : "\(g + 1)",
                census: c,
                generated: generations[g] / Swift.max(families, 1),
                tolerance: shareTolerance(c, Int(families))
            )
        }
        let meanSize = census.headline["mean_household_size"]!
        add(
            "household size",
            "mean persons per family household",
            census: meanSize,
            generated: familyPersons / Swift.max(families, 1),
            tolerance: big ? 0.05 : Swift.max(0.05, 4 / Double(Swift.max(Int(families), 1)).squareRoot()),
            unit: "persons"
        )

        // Education.
        let per100k = Dictionary(uniqueKeysWithValues: census.education.map { ($0.level, $0.per100k) })
        for level in EducationLevel.allCases {
            let c = (per100k[level.key] ?? 0) / 100_000
            add(
                "education",
                level.key.replacingOccurrences(of: "_", with: " "),
                census: c,
                generated: education[Int(level.rawValue)] / Double(n),
                tolerance: shareTolerance(c, n)
            )
        }

        // Income: quintile shares over people, Gini, means.
        // Sorted as stored (Float, 4 bytes a person) and summed in Double: the same figures as
        // sorting a Double copy, at a quarter of the memory.
        var incomes = population.income
        incomes.sort()
        let means = (1...5).map { census.income["quintile_\($0)"]! }
        let shares = IncomeModel.shares(incomes)
        for q in 0..<5 {
            let c = means[q] / means.reduce(0, +)
            add(
                "income quintile share",
                "quintile \(q + 1)",
                census: c,
                generated: shares[q],
                tolerance: Swift.max(0.025, shareTolerance(c, n))
            )
        }
        add(
            "income",
            "Gini",
            census: census.income["gini"]!,
            generated: IncomeModel.gini(incomes),
            tolerance: big ? 0.01 : Swift.max(0.01, 2.5 / Double(n).squareRoot()),
            unit: "ratio"
        )
        add(
            "income",
            "mean (yuan)",
            census: census.income["mean"]!,
            generated: incomes.reduce(0.0) { $0 + Double($1) } / Double(n),
            tolerance: nil,
            unit: "yuan"
        )
        var urbanIncome = 0.0
        var urbanCount = 0.0
        var ruralIncome = 0.0
        var ruralCount = 0.0
        for person in 0..<n {
            if population.flags[person].contains(.urban) {
                urbanIncome += Double(population.income[person])
                urbanCount += 1
            } else {
                ruralIncome += Double(population.income[person])
                ruralCount += 1
            }
        }
        if let u = census.income["urban_mean"], let r = census.income["rural_mean"], urbanCount > 0, ruralCount > 0 {
            add(
                "income",
                "urban / rural mean",
                census: u / r,
                generated: (urbanIncome / urbanCount) / (ruralIncome / ruralCount),
                tolerance: nil,
                unit: "ratio"
            )
        }

        // Calibrated totals.
        let driverShare = census.headline["drivers_end_2020"]! / census.headline["population_31_provinces"]!
        add(
            "drivers",
            "licence holders",
            census: driverShare,
            generated: drivers / Double(n),
            tolerance: shareTolerance(driverShare, n)
        )
        add(
            "drivers",
            "women among licence holders",
            census: census.headline["drivers_female_share"]!,
            generated: drivers > 0 ? femaleDrivers / drivers : 0,
            tolerance: shareTolerance(census.headline["drivers_female_share"]!, Int(drivers))
        )
        let internetShare = census.headline["internet_penetration"]!
        add(
            "internet",
            "users",
            census: internetShare,
            generated: internet / Double(n),
            tolerance: shareTolerance(internetShare, n)
        )
        marginals = rows

        network = NetworkStatistics(population)
        let companies = population.companies
        let staff = companies.employees.reduce(0) { $0 + Int($1) }
        self.companies = CompanyFigures(
            count: companies.count,
            employees: staff,
            meanSize: companies.count > 0 ? Double(staff) / Double(companies.count) : 0,
            largest: Int(companies.employees.max() ?? 0),
            employeeShareOfAdults: adults > 0 ? employees / adults : 0
        )
        let parts = population.memory
        let endpointBytes = MemoryLayout<Int16>.size
        let nonNetwork =
            parts.people + parts.households + parts.companies + parts.network
            - population.network.deltas.count * endpointBytes
        memory = MemoryFigures(
            bytesPerPerson: Double(nonNetwork) / Double(Swift.max(n, 1)),
            networkBytesPerEndpoint: Double(endpointBytes),
            totalBytes: parts.people + parts.households + parts.network + parts.companies
        )
    }
}
