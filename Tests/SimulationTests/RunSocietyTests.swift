import Foundation
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// What a run keeps of its society (`RunSociety`, `RelativeLinks`) and what its preparation
/// reads (`PersonFacts`): the same answers as the population they come from, in less memory.
@Suite("Run society")
struct RunSocietyTests {
    @Test(
        "Relative links read back every link, near ones in a byte",
        arguments: [
            // Near: links within 127 places (and a 127 both ways).
            ([UInt32(1), 0, Population.none, 0, 131, 3], true, 127),
            // Far: one link 128 places back does not fit a byte (Int8.min means none).
            ([Population.none, 0, 0, 0] + [UInt32](repeating: Population.none, count: 125) + [1], false, 128),
            // Far: one link 200 places ahead.
            ([UInt32(200)] + [UInt32](repeating: Population.none, count: 200), false, 200),
            ([], true, 0),
        ]
    )
    func relativeLinks(column: [UInt32], near: Bool, reach: Int) {
        let links = RelativeLinks(column)
        #expect(links.reach == reach)
        #expect(links.near.count == (near ? column.count : 0))
        #expect(links.far.count == (near ? 0 : column.count))
        #expect(column.indices.map { links[$0] } == column)
    }

    @Test("Employer links read back every person's employer, the employed counted word by word")
    func employerLinks() {
        // 130 people, employed at 1, 63, 64, 127 and 128 (either side of the word boundaries).
        var column = [UInt32](repeating: Population.none, count: 130)
        for (person, company) in [(1, 7), (63, 3), (64, 3), (127, 0), (128, 9)] { column[person] = UInt32(company) }
        let links = EmployerLinks(column)
        #expect(links.employers == [7, 3, 3, 0, 9] && links.before == [0, 2, 4])
        #expect(Array(links) == column)
        #expect(EmployerLinks([]).isEmpty)
        let society = Societies.society(3_000, seed: 7)
        let generated = EmployerLinks(society.employer)
        #expect(Array(generated) == society.employer)
        // Staff lists built from the links are those built from the column.
        let companies = society.companies.count
        let fromLinks = CompanyStaff(people: generated.count, companies: companies) { generated[$0] }
        let fromColumn = CompanyStaff(employer: society.employer, companies: companies)
        #expect((0..<companies).allSatisfy { fromLinks.employees(of: $0) == fromColumn.employees(of: $0) })
        #expect(fromLinks.bytes == fromColumn.bytes)
    }

    @Test("Friend rows read back every row of a generated network, in index order, in fewer bytes than its deltas")
    func friendRows() {
        let generated = Societies.society(3_000, seed: 7).network
        let rows = FriendRows(generated)
        #expect(rows.wide.isEmpty && rows.withinBlock.count == 3_001 && rows.blockStarts.count == 3_000 / 64 + 1)
        for person in 0..<3_000 {
            #expect(rows.friends(of: person) == generated.friends(of: person).map { Int($0) }.sorted())
            #expect(rows.forEachFriend(of: person) { _ in } == generated.degree(person))
        }
        // Coded in chunks on several threads, the rows are the same bytes.
        let parallel = FriendRows(generated, threads: 3)
        #expect(parallel.bytes == rows.bytes && parallel.withinBlock == rows.withinBlock)
        #expect(parallel.blockStarts == rows.blockStarts)
        // Most gaps between friends in index order fit one byte: well under the 2 bytes a
        // friend of the network's deltas.
        #expect(rows.bytes.count * 10 < generated.deltas.count * 13)
    }

    @Test("Friend rows by hand: a zigzagged first distance, then gaps, seven bits a byte")
    func friendRowBytes() {
        // Person 5 is friends with 3, 6 and 200: row 5 is -2 zigzagged (3), the gap 3, and the
        // gap 194 in two bytes (0x42 | 0x80, 0x01). Row 3 is +2 zigzagged (4); row 200 is -195
        // zigzagged, 389 = 3 * 128 + 5 (0x85, 0x03); row 6 is -1 zigzagged (1).
        let people = (0..<300).map { Population.HandMadePerson(household: $0) }
        let network = Population(
            seed: 1,
            people: people,
            friendships: [(5, 3), (5, 6), (5, 200)],
            census: Societies.census
        ).network
        let rows = FriendRows(network)
        #expect(Array(rows.bytes[rows.start(5)..<rows.start(6)]) == [3, 3, 0xC2, 0x01])
        #expect(Array(rows.bytes[rows.start(3)..<rows.start(4)]) == [4])
        #expect(Array(rows.bytes[rows.start(6)..<rows.start(7)]) == [1])
        #expect(Array(rows.bytes[rows.start(200)..<rows.start(201)]) == [0x85, 0x03])
        #expect(rows.bytes.count == 8)
        #expect(rows.friends(of: 5) == [3, 6, 200] && rows.friends(of: 200) == [5] && rows.friends(of: 0) == [])
    }

    @Test("Friend rows switch to 4-byte starts when a row starts past 65,535 bytes into its block")
    func wideFriendRows() {
        // The first 64 people are each friends with the same 1,100 others: row 0 takes 1,101
        // bytes (its first distance, 64, zigzags to 128: two bytes; then 1,099 gaps of 1), rows
        // 1-63 take 1,100, so row 63 starts 69,301 bytes into the block.
        let people = (0..<1_200).map { Population.HandMadePerson(household: $0) }
        let pairs = (0..<64).flatMap { a in (64..<1_164).map { (a, $0) } }
        let wide = Population(seed: 1, people: people, friendships: pairs, census: Societies.census).network
        let rows = FriendRows(wide)
        #expect(rows.blockStarts.isEmpty && rows.withinBlock.isEmpty && rows.wide.count == 1_201)
        #expect(rows.start(1) == 1_101 && rows.start(63) == 69_301 && rows.start(64) == 70_401)
        // Person 64's first friend, 0, is -64 away (127: one byte); person 65's, -65 (129: two).
        #expect(rows.start(65) == 70_465 && rows.start(66) == 70_530)
        #expect(rows.friends(of: 63) == Array(64..<1_164) && rows.friends(of: 1_000) == Array(0..<64))
    }

    @Test("Person facts: quintiles cut over everyone's income, parents of minors")
    func facts() {
        // Ten people with incomes 1,000 to 10,000: fifths of two people each. People 0 and 1 are
        // the parents of minor 2; person 3 is the mother of adult 4 (not a parent of a minor).
        var people = (0..<10).map {
            Population.HandMadePerson(age: 40, male: $0 % 2 == 0, income: Float(1_000 * ($0 + 1)), household: $0 / 5)
        }
        people[2].age = 10
        people[2].mother = 0
        people[2].father = 1
        people[4].mother = 3
        let population = Population(seed: 1, people: people, census: Societies.census)
        let facts = PersonFacts(population)
        #expect(facts.quintile == [1, 1, 2, 2, 3, 3, 4, 4, 5, 5])
        #expect(facts.parent == [true, true, false, false, false, false, false, false, false, false])
        #expect(facts.flags == population.flags.map(\.rawValue))
        #expect(facts.birthDay == population.birthDay)
        #expect(facts.province == population.province)
    }

    @Test("A run prepared from the society's run parts is the run prepared from its population")
    func sameRun() throws {
        let policy = try Policy(
            Scenario.read(try Societies.shippedText("seed-article"), file: "seed-article.yaml").scenario!
        )
        let population = Societies.society(2_000, seed: 5)
        let start = policy.scenario.period.start
        let config = SimulationConfig(
            period: Period(start: start, end: start.adding(days: 89)),
            seed: 5,
            threads: 2,
            traceEvery: 10
        )
        let census = Societies.generator.census
        var whole = Simulation(policy: policy, population: population, census: census, config: config)
        var parts = Simulation(
            policy: policy,
            society: RunSociety(population),
            facts: PersonFacts(population),
            census: census,
            config: config
        )
        // The generated society's links are all near: a byte each.
        #expect(!parts.population.mother.near.isEmpty && !parts.population.spouse.near.isEmpty)
        #expect(parts.population.mother.reach > 0)
        var one = Collector()
        var two = Collector()
        whole.run(observer: &one)
        parts.run(observer: &two)
        #expect(whole.digest() == parts.digest())
        #expect(one.metrics == two.metrics)
    }
}

extension FriendRows {
    /// Person p's friends, in index order (the run reads rows only through `forEachFriend`).
    func friends(of person: Int) -> [Int] {
        var friends: [Int] = []
        forEachFriend(of: person) { friends.append($0) }
        return friends
    }
}
