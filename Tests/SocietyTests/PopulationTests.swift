import SocialCredit
import Testing

@testable import Society

@Suite("Synthetic society")
struct PopulationTests {
    let generator = SocietyFixture.generator
    let population = SocietyFixture.small

    @Test("The census tables add up to the published totals")
    func censusTotals() {
        let census = generator.census
        #expect(census.total == 1_409_778_724)
        #expect(census.provinces.reduce(0) { $0 + $1.population } == 1_409_778_724)
        #expect(census.householdSizes.reduce(0) { $0 + $1.national } == 494_157_423)
        #expect(abs(census.collectiveShare - 118_969_424.0 / 1_411_778_724.0) < 1e-12)
        #expect(generator.names.surnames.first?.han == "王")
    }

    @Test("Exactly the requested number of people, in contiguous households")
    func households() {
        #expect(population.count == 20_000)
        let households = population.households
        var covered = 0
        for h in 0..<households.count {
            #expect(Int(households.start[h]) == covered)
            for person in households.members(h) { #expect(population.household(of: person) == h) }
            covered += Int(households.size[h])
        }
        #expect(covered == population.count)
    }

    @Test("A person's household is found from where households start (not stored per person)")
    func householdOfPerson() {
        let people = [7, 7, 3, 3, 3, 9].map { Population.HandMadePerson(household: $0) }
        let society = Population(seed: 1, people: people, census: generator.census)
        #expect(society.households.start == [0, 2, 5])
        #expect((0..<6).map(society.household(of:)) == [0, 0, 1, 1, 1, 2])
        #expect(Population.bytesPerPersonColumns == 30)
    }

    @Test("Family links are consistent: mothers are women 15+ years older in the same household; spouses pair up")
    func familyLinks() {
        var children = 0
        for person in 0..<population.count {
            if population.mother[person] != Population.none {
                let mother = Int(population.mother[person])
                #expect(!population.flags[mother].contains(.male))
                #expect(Int(population.age[mother]) - Int(population.age[person]) >= 15)
                #expect(population.household(of: mother) == population.household(of: person))
                children += 1
            }
            if population.father[person] != Population.none {
                #expect(population.flags[Int(population.father[person])].contains(.male))
            }
            if population.spouse[person] != Population.none {
                let spouse = Int(population.spouse[person])
                #expect(population.spouse[spouse] == UInt32(person))
                #expect(population.flags[spouse].contains(.male) != population.flags[person].contains(.male))
            }
        }
        #expect(children > population.count / 5)
    }

    @Test("Children of school age in family households live with a parent or grandparent")
    func schoolChildren() {
        var total = 0
        var withElder = 0
        for person in 0..<population.count
        where (6...17).contains(population.age[person])
            && !population.flags[person].contains(.collective)
        {
            total += 1
            let h = population.household(of: person)
            if population.mother[person] != Population.none || population.father[person] != Population.none
                || population.households.members(h).contains(where: {
                    population.age[$0] >= population.age[person] + 15
                })
            {
                withElder += 1
            }
        }
        #expect(total > 0)
        #expect(Double(withElder) / Double(total) > 0.95)
    }

    @Test("The same size and seed give the same society on 1 and 2 threads")
    func determinism() {
        let one = generator.generate(size: 5_000, seed: 42, threads: 1)
        let two = generator.generate(size: 5_000, seed: 42, threads: 2)
        #expect(one.age == two.age)
        #expect(one.flags == two.flags)
        #expect(one.income == two.income)
        #expect(one.mother == two.mother)
        #expect(one.employer == two.employer)
        #expect(one.surname == two.surname)
        #expect(one.network.offsets == two.network.offsets)
        #expect(one.network.deltas == two.network.deltas)
        #expect(one.network.closeCount == two.network.closeCount)
        let other = generator.generate(size: 5_000, seed: 43, threads: 2)
        #expect(one.age != other.age)
    }

    @Test("Friendships are symmetric, without self-loops or duplicates, close ties first")
    func network() {
        let network = population.network
        for person in stride(from: 0, to: population.count, by: 7) {
            let friends = network.friends(of: person)
            #expect(Set(friends).count == friends.count)
            #expect(!friends.contains(UInt32(person)))
            for friend in friends {
                #expect(network.friends(of: Int(friend)).contains(UInt32(person)))
                #expect(population.household(of: Int(friend)) != population.household(of: person))
            }
            #expect(Int(network.closeCount[person]) <= friends.count)
        }
        #expect(network.offsets.last.map(Int.init) == network.deltas.count)
    }

    @Test("Every employee works for a company in their province, and company sizes count them")
    func employers() {
        var counted = [Int](repeating: 0, count: population.companies.count)
        for person in 0..<population.count {
            let employer = population.employer[person]
            #expect((employer != Population.none) == population.flags[person].contains(.employee))
            guard employer != Population.none else { continue }
            #expect(population.companies.province[Int(employer)] == population.province[person])
            counted[Int(employer)] += 1
        }
        #expect(counted == population.companies.employees.map(Int.init))
    }

    @Test("Generated identity numbers and credit codes validate and encode the person")
    func identities() {
        let census = generator.census
        for person in stride(from: 0, to: population.count, by: 97) {
            let id = population.residentID(of: person, census: census)
            #expect(ResidentID.isValid(id.text))
            #expect(id.isMale == population.flags[person].contains(.male))
            #expect(id.provinceCode == census.provinces[Int(population.province[person])].code)
            #expect(id.birth.number == population.birthDay[person])
        }
        for company in stride(from: 0, to: population.companies.count, by: 11) {
            #expect(CreditCode.isValid(population.creditCode(of: company, census: census).text))
        }
    }

    @Test("Names come from the published tables; children carry their father's surname")
    func names() {
        let tables = generator.names
        for person in stride(from: 0, to: population.count, by: 53) {
            let name = population.name(of: person, tables: tables)
            #expect(name.han.hasPrefix(tables.surnames[Int(population.surname[person])].han))
            #expect((2...4).contains(name.han.count))
            if population.father[person] != Population.none {
                #expect(population.surname[person] == population.surname[Int(population.father[person])])
            }
        }
    }

    @Test("Ages at the reference day agree with dates of birth")
    func birthDays() {
        let reference = Day(year: 2020, month: 11, day: 1)!
        for person in stride(from: 0, to: population.count, by: 31) {
            let days = Day(number: population.birthDay[person]).days(to: reference)
            let years = Double(days) / 365.25
            #expect(abs(years - Double(population.age[person]) - 0.5) <= 0.51)
        }
    }

    @Test("A small society meets the census within the tolerances stated for its size")
    func reportPasses() {
        let report = SocietyReport(population: population, census: generator.census)
        let failing = report.marginals.filter { !$0.passes }.map { "\($0.table) \($0.label): \($0.deviation)" }
        #expect(failing.isEmpty, "\(failing)")
        #expect(report.network.clustering >= 0.1)
        #expect(report.network.dispersionIndex > 1)
        #expect(report.network.meanFriendAgeGap < report.network.meanRandomAgeGap / 2)
        #expect(report.memory.bytesPerPerson <= 64)
    }
}
