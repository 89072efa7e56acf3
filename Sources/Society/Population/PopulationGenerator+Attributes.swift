extension PopulationGenerator {
    /// Step 4: household income, education, and the licence, internet and employment flags.
    ///
    /// Licences and internet use are scaled to the published totals exactly (in expectation):
    /// a first pass counts people in each cell of the assumed odds (age band x income quintile x
    /// residence x sex), then the scale that meets the total is solved with each probability
    /// capped at 1, then a second pass draws. Counts are over the whole society: a shard adds
    /// its own to the other shards' through `exchange`.
    func assignAttributes(
        _ population: inout Population,
        plan: HouseholdPlan,
        random: CounterRandom,
        parallel: ParallelChunks,
        exchange: any ShardExchange
    ) {
        let count = population.count
        let firstPerson = plan.firstPerson
        let firstHousehold = plan.firstHousehold
        let households = plan.sizes.count
        let income = incomeModel
        let p = parameters
        let starts = plan.personStart
        let sizes = plan.sizes
        // Education is raked over this society's own age structure.
        let ages = population.age
        let personFlags = population.flags
        let ageCounts: [[Double]] = parallel.mapChunks(count: count) { range in
            var counts = [Double](repeating: 0, count: 202)
            for person in range {
                counts[Int(ages[person]) + (personFlags[person].contains(.urban) ? 0 : 101)] += 1
            }
            return counts
        }
        let ageTotals = exchange.sum(
            (0..<202).map { cell in Int64(ageCounts.reduce(0) { $0 + $1[cell] }) }
        ).map(Double.init)
        let education = EducationModel(
            census: census,
            urbanWeights: Array(ageTotals[0..<101]),
            ruralWeights: Array(ageTotals[101..<202])
        )

        // Pass 1: income and education; counts per odds cell.
        let partials: [CellCounts] = population.income.withUnsafeMutableBufferPointer { incomeBuffer in
            population.education.withUnsafeMutableBufferPointer { educationBuffer in
                let incomeColumn = SharedColumn(incomeBuffer)
                let educationColumn = SharedColumn(educationBuffer)
                let age = population.age
                let flags = population.flags
                return parallel.mapChunks(count: households, chunks: parallel.threads * 8) { range in
                    var cells = CellCounts()
                    for h in range {
                        let first = Int(starts[h])
                        let urban = flags[first].contains(.urban)
                        let quantile = income.quantile(
                            random.uniform(.income, UInt64(firstHousehold + h)),
                            urban: urban
                        )
                        let yuan = Float(income.income(atQuantile: quantile))
                        let quintile = min(4, Int(quantile * 5))
                        for person in first..<(first + Int(sizes[h])) {
                            incomeColumn[person] = yuan
                            let years = Int(age[person])
                            educationColumn[person] =
                                education.level(
                                    age: years,
                                    urban: urban,
                                    u: random.uniform(.education, UInt64(firstPerson + person))
                                ).rawValue
                            let male = flags[person].contains(.male)
                            cells.drivers[
                                CellCounts.driverCell(age: years, quintile: quintile, urban: urban, male: male, p)
                            ] += 1
                            cells.internet[CellCounts.internetCell(age: years, urban: urban, p)] += 1
                        }
                    }
                    return cells
                }
            }
        }
        var cells = CellCounts()
        for partial in partials { cells.add(partial) }
        cells = cells.summed(over: exchange)

        // Solve the scales that meet the published totals.
        let drivers = Double(plan.totalPeople) * p.driverShare
        let maleScale = CellCounts.scale(
            target: drivers * (1 - p.driverFemaleShare),
            counts: cells.drivers,
            weights: CellCounts.driverWeights(p),
            cells: CellCounts.maleCells
        )
        let femaleScale = CellCounts.scale(
            target: drivers * p.driverFemaleShare,
            counts: cells.drivers,
            weights: CellCounts.driverWeights(p),
            cells: CellCounts.femaleCells
        )
        let internetScale = CellCounts.scale(
            target: Double(plan.totalPeople) * p.internetShare,
            counts: cells.internet,
            weights: CellCounts.internetWeights(p),
            cells: 0..<cells.internet.count
        )
        let driverWeights = CellCounts.driverWeights(p)
        let internetWeights = CellCounts.internetWeights(p)

        // Pass 2: draw the flags.
        population.flags.withUnsafeMutableBufferPointer { flagBuffer in
            let flagColumn = SharedColumn(flagBuffer)
            let age = population.age
            let levels = population.education
            _ = parallel.mapChunks(count: households, chunks: parallel.threads * 8) { range in
                for h in range {
                    let first = Int(starts[h])
                    let urban = flagColumn[first].contains(.urban)
                    let u = random.uniform(.income, UInt64(firstHousehold + h))
                    let quintile = min(4, Int(income.quantile(u, urban: urban) * 5))
                    for person in first..<(first + Int(sizes[h])) {
                        var f = flagColumn[person]
                        let years = Int(age[person])
                        let male = f.contains(.male)
                        let key = UInt64(firstPerson + person)
                        let cell = CellCounts.driverCell(age: years, quintile: quintile, urban: urban, male: male, p)
                        if random.uniform(.driver, key) < min(1, (male ? maleScale : femaleScale) * driverWeights[cell])
                        {
                            f.insert(.driver)
                        }
                        let net = CellCounts.internetCell(age: years, urban: urban, p)
                        if random.uniform(.internet, key) < min(1, internetScale * internetWeights[net]) {
                            f.insert(.internetUser)
                        }
                        let student = levels[person] == EducationLevel.university.rawValue
                        if random.uniform(.employment, key)
                            < p.employeeChance(age: years, male: male, urban: urban, student: student)
                        {
                            f.insert(.employee)
                        }
                        flagColumn[person] = f
                    }
                }
                return 0
            }
        }
    }
}

/// People counted per cell of the licence and internet odds, so the scale meeting a published
/// total can be solved exactly.
struct CellCounts: Sendable {
    /// Age bands of the licence odds.
    static let driverAgeBands = [0, 18, 26, 36, 46, 56, 66, 71]
    static let internetAgeBands = [0, 6, 10, 20, 40, 50, 60, 70, 80]
    static let driverCellCount = driverAgeBands.count * 5 * 2 * 2
    static var maleCells: Range<Int> { 0..<(driverCellCount / 2) }
    static var femaleCells: Range<Int> { (driverCellCount / 2)..<driverCellCount }

    var drivers = [Double](repeating: 0, count: driverCellCount)
    var internet = [Double](repeating: 0, count: internetAgeBands.count * 2)

    mutating func add(_ other: CellCounts) {
        for i in drivers.indices { drivers[i] += other.drivers[i] }
        for i in internet.indices { internet[i] += other.internet[i] }
    }

    /// The counts of the whole society: every shard's added, as whole numbers (a shard's own
    /// when the society is not split).
    func summed(over exchange: any ShardExchange) -> CellCounts {
        guard exchange.shards > 1 else { return self }
        let total = exchange.sum((drivers + internet).map { Int64($0) }).map(Double.init)
        var result = self
        result.drivers = Array(total[..<drivers.count])
        result.internet = Array(total[drivers.count...])
        return result
    }

    static func band(_ age: Int, _ bands: [Int]) -> Int { (bands.lastIndex { age >= $0 }) ?? 0 }

    static func driverCell(age: Int, quintile: Int, urban: Bool, male: Bool, _ p: SocietyParameters) -> Int {
        ((((male ? 0 : 1) * 2 + (urban ? 0 : 1)) * 5 + quintile) * driverAgeBands.count) + band(age, driverAgeBands)
    }

    static func internetCell(age: Int, urban: Bool, _ p: SocietyParameters) -> Int {
        (urban ? 0 : 1) * internetAgeBands.count + band(age, internetAgeBands)
    }

    /// The odds weight of each licence cell.
    static func driverWeights(_ p: SocietyParameters) -> [Double] {
        (0..<driverCellCount).map { cell in
            let ageBand = cell % driverAgeBands.count
            let quintile = (cell / driverAgeBands.count) % 5
            let rural = (cell / (driverAgeBands.count * 5)) % 2 == 1
            return p.driverAgeWeight(driverAgeBands[ageBand]) * p.driverIncomeWeight[quintile]
                * (rural ? p.driverUrbanWeight.rural : p.driverUrbanWeight.urban)
        }
    }

    static func internetWeights(_ p: SocietyParameters) -> [Double] {
        (0..<(internetAgeBands.count * 2)).map { cell in
            let rural = cell >= internetAgeBands.count
            return p.internetAgeWeight(internetAgeBands[cell % internetAgeBands.count])
                * (rural ? p.internetUrbanWeight.rural : p.internetUrbanWeight.urban)
        }
    }

    /// The scale s with sum over cells of count * min(1, s * weight) = target (bisection).
    static func scale(target: Double, counts: [Double], weights: [Double], cells: Range<Int>) -> Double {
        func expected(_ s: Double) -> Double { cells.reduce(0) { $0 + counts[$1] * min(1, s * weights[$1]) } }
        var low = 0.0
        var high = 1.0
        while expected(high) < target && high < 1e6 { high *= 2 }
        for _ in 0..<60 {
            let mid = (low + high) / 2
            if expected(mid) < target { low = mid } else { high = mid }
        }
        return (low + high) / 2
    }
}
