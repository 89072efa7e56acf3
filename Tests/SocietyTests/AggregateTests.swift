import Testing

@testable import Society

/// The society-wide aggregates (sex ratio, under-15 and 65-and-over shares, mean age): the one
/// function that computes them, the census figures, the tolerances, and a generated society.
@Suite("Society aggregates")
struct AggregateTests {
    let census = SocietyFixture.generator.census

    /// Persons by single year of age 0...100 with the given ages.
    private func byAge(_ ages: [Int]) -> [Double] {
        var counts = [Double](repeating: 0, count: 101)
        for age in ages { counts[age] += 1 }
        return counts
    }

    @Test("Aggregates of five people, worked by hand: 3 men (0, 14, 65), 2 women (15, 100)")
    func handCounted() {
        let a = AgeSexAggregates(male: byAge([0, 14, 65]), female: byAge([15, 100]))
        #expect(abs(a.sexRatio - 150) < 1e-12)  // 100 * 3 / 2
        #expect(abs(a.under15Share - 0.4) < 1e-12)  // ages 0 and 14; 15 is not under 15
        #expect(abs(a.over65Share - 0.4) < 1e-12)  // ages 65 and 100
        #expect(abs(a.meanAge - 38.8) < 1e-12)  // (0 + 14 + 65 + 15 + 100) / 5 = 194 / 5
        let empty = AgeSexAggregates(male: byAge([]), female: byAge([]))
        #expect(empty.sexRatio == 0 && empty.meanAge == 0 && empty.under15Share == 0)
    }

    @Test("A tiny census table: each group spread over its years, the open group counted at 100")
    func tinyTable() {
        var tiny = census
        tiny.ageGroups = [
            .init(from: 0, to: 4, male: 5, female: 5),  // mean age 2
            .init(from: 65, to: 69, male: 0, female: 10),  // mean age 67
            .init(from: 100, to: nil, male: 5, female: 0),  // age 100
        ]
        let a = tiny.aggregates
        #expect(abs(a.sexRatio - 200.0 / 3) < 1e-9)  // 10 men, 15 women
        #expect(abs(a.under15Share - 0.4) < 1e-12)  // 10 of 25
        #expect(abs(a.over65Share - 0.6) < 1e-12)  // 15 of 25
        #expect(abs(a.meanAge - 47.6) < 1e-9)  // (10 * 2 + 10 * 67 + 5 * 100) / 25 = 1190 / 25
    }

    @Test("The census table's aggregates are the published ones (31 provinces, servicemen excluded)")
    func censusFigures() {
        let a = census.aggregates
        #expect(abs(a.sexRatio - 100 * 721_416_394.0 / 688_362_330.0) < 1e-9)  // 104.80
        // 17.97% (17.95% of the total with servicemen).
        #expect(abs(a.under15Share - 253_383_938.0 / 1_409_778_724.0) < 1e-9)
        #expect(abs(a.over65Share - 190_635_280.0 / 1_409_778_724.0) < 1e-9)  // 13.52% (13.50%)
        #expect(abs(a.meanAge - 38.7924) < 1e-4)
        #expect(census.publishedMeanAge == 38.8)
        #expect(abs(a.meanAge - census.publishedMeanAge) < 0.05)  // the table agrees with the published mean
    }

    @Test("Tolerances: sex ratio 0.5 from 1,000,000 people, wider as sqrt(1,000,000 / N); mean age max(0.2, 4 sd)")
    func tolerances() {
        #expect(SocietyReport.sexRatioTolerance(1_000_000) == 0.5)
        #expect(SocietyReport.sexRatioTolerance(4_000_000) == 0.5)
        #expect(abs(SocietyReport.sexRatioTolerance(10_000) - 5) < 1e-12)
        // The table's standard deviation of age is 21.865 years: 4 * 21.865 * sqrt(3 / N).
        #expect(SocietyReport.meanAgeTolerance(1_000_000, census: census) == 0.2)
        #expect(abs(SocietyReport.meanAgeTolerance(10_000, census: census) - 1.5149) < 1e-3)
    }

    @Test("The report compares a hand-made society's aggregates with the census")
    func reportRows() {
        let people = [(0, true), (14, true), (65, true), (15, false), (100, false)].enumerated().map { index, person in
            Population.HandMadePerson(age: person.0, male: person.1, household: index)
        }
        let report = SocietyReport(population: Population(seed: 1, people: people, census: census), census: census)
        let rows = Dictionary(
            uniqueKeysWithValues: report.marginals.filter { $0.table == "aggregates" }.map { ($0.label, $0) }
        )
        #expect(abs((rows["men per 100 women"]?.generated ?? 0) - 150) < 1e-9)
        #expect(abs((rows["men per 100 women"]?.census ?? 0) - census.aggregates.sexRatio) < 1e-12)
        #expect(abs((rows["under 15"]?.generated ?? 0) - 0.4) < 1e-12)
        #expect(abs((rows["65 and over"]?.generated ?? 0) - 0.4) < 1e-12)
        #expect(abs((rows["mean age (published)"]?.generated ?? 0) - 38.8) < 1e-9)
        #expect(rows["mean age (published)"]?.census == 38.8)
        #expect(rows["men per 100 women"]?.tolerance == 0.5 * (1_000_000.0 / 5).squareRoot())
    }

    /// Only the household and people steps (ages and sexes are settled there), at the size where
    /// the check's tolerances are 0.5 men per 100 women and 0.5 pp.
    @Test(
        "Generated people (1,000,000) meet the census sex ratio within 0.5, the age shares within 0.5 pp, the mean age within 0.2"
    )
    func generated() {
        let generator = SocietyFixture.generator
        let random = CounterRandom(seed: 3)
        let parallel = ParallelChunks(threads: 2)
        let plan = HouseholdPlan(
            size: 1_000_000,
            census: census,
            model: generator.householdModel,
            random: random,
            parallel: parallel
        )
        let people = generator.makePeople(plan: plan, random: random, parallel: parallel)
        var male = [Double](repeating: 0, count: 101)
        var female = male
        for person in 0..<people.count {
            let age = Int(people.age[person])
            if people.flags[person].contains(.male) { male[age] += 1 } else { female[age] += 1 }
        }
        let generatedFigures = AgeSexAggregates(male: male, female: female)
        let target = census.aggregates
        #expect(abs(generatedFigures.sexRatio - target.sexRatio) <= 0.5, "\(generatedFigures.sexRatio)")
        #expect(abs(generatedFigures.under15Share - target.under15Share) <= 0.005, "\(generatedFigures.under15Share)")
        #expect(abs(generatedFigures.over65Share - target.over65Share) <= 0.005, "\(generatedFigures.over65Share)")
        #expect(abs(generatedFigures.meanAge - census.publishedMeanAge) <= 0.2, "\(generatedFigures.meanAge)")
    }
}
