import Foundation
import TestSupport
import Testing

@testable import Society

/// K shards of a society generated at once, as K processes under mpirun would.
enum ShardedGeneration {
    /// Each shard's population, in shard order.
    static func generate(size: Int, seed: UInt64, shards count: Int) throws -> [Population] {
        let generator = SocietyFixture.generator
        let shards = try SocietyShard.split(size: size, census: generator.census, into: count)
        return LocalShards.run(count) { exchange in
            generator.generate(size: size, seed: seed, threads: 1, shard: shards[exchange.shard], exchange: exchange)
        }
    }
}

@Suite("A society split into shards")
struct ShardTests {
    let whole = SocietyFixture.small

    @Test("Shards are contiguous runs of whole provinces covering all 31, balanced by people")
    func split() throws {
        let census = SocietyFixture.generator.census
        for count in 1...6 {
            let shards = try SocietyShard.split(size: 1_000_000, census: census, into: count)
            #expect(shards.count == count)
            #expect(shards.first?.provinces.lowerBound == 0)
            #expect(shards.last?.provinces.upperBound == census.provinces.count)
            for (a, b) in zip(shards, shards.dropFirst()) { #expect(a.provinces.upperBound == b.provinces.lowerBound) }
        }
        // Two shards: the boundary nearest half of the people. The provinces' populations, in
        // census order, pass half of 1,409,778,724 between two provinces; the split is at the one
        // whose running total is nearer (checked by hand from the census table's running sums).
        let two = try SocietyShard.split(size: 1_409_778_724, census: census, into: 2)
        var running = 0
        var best = (gap: Double.infinity, at: 0)
        for (k, province) in census.provinces.enumerated() {
            running += Int(province.population)
            let gap = abs(Double(running) - 1_409_778_724 / 2)
            if gap < best.gap { best = (gap, k + 1) }
        }
        #expect(two[0].provinces == 0..<best.at)
        // The largest shard is the smallest any cut of the provinces into K runs allows (found
        // by an independent exhaustive search over the census table's populations): 13 shards
        // need 141,468,999 people in the largest (the split nearest equal shares gave 12.5%,
        // 176 M); from 14 on it is Guangdong alone, 126,012,510.
        for (count, largest) in [(10, 176_139_314), (13, 141_468_999), (14, 126_012_510), (31, 126_012_510)] {
            let shards = try SocietyShard.split(size: 1_409_778_724, census: census, into: count)
            #expect(SocietyShard.people(of: shards, size: 1_409_778_724, census: census).max() == largest)
        }
        #expect(throws: ShardError.self) { try SocietyShard.split(size: 1_000, census: census, into: 0) }
        #expect(throws: ShardError.self) { try SocietyShard.split(size: 1_000, census: census, into: 32) }
    }

    @Test("Each shard generates exactly its people of the whole society", arguments: [2, 3, 5])
    func shardsEqualTheWhole(count: Int) throws {
        let shards = try ShardedGeneration.generate(size: whole.count, seed: whole.seed, shards: count)
        #expect(shards.map(\.count).reduce(0, +) == whole.count)
        #expect(shards.map(\.companies.count).reduce(0, +) == whole.companies.count)
        var person = 0
        var company = 0
        var household = 0
        for part in shards {
            let placement = try #require(part.placement)
            #expect(placement.firstPerson == person)
            #expect(placement.firstCompany == company)
            #expect(placement.firstHousehold == household)
            #expect(placement.totalPeople == whole.count)
            #expect(placement.totalCompanies == whole.companies.count)
            let slice = person..<(person + part.count)
            #expect(part.age[...] == whole.age[slice])
            #expect(part.flags[...] == whole.flags[slice])
            #expect(part.province[...] == whole.province[slice])
            #expect(part.education[...] == whole.education[slice])
            #expect(part.income[...] == whole.income[slice])
            #expect(part.surname[...] == whole.surname[slice])
            #expect(part.birthDay[...] == whole.birthDay[slice])
            func shifted(_ links: [UInt32], by offset: Int) -> [UInt32] {
                links.map { $0 == Population.none ? $0 : $0 + UInt32(offset) }
            }
            #expect(shifted(part.mother, by: person)[...] == whole.mother[slice])
            #expect(shifted(part.father, by: person)[...] == whole.father[slice])
            #expect(shifted(part.spouse, by: person)[...] == whole.spouse[slice])
            #expect(shifted(part.employer, by: company)[...] == whole.employer[slice])
            let companies = company..<(company + part.companies.count)
            #expect(part.companies.province[...] == whole.companies.province[companies])
            #expect(part.companies.sector[...] == whole.companies.sector[companies])
            #expect(part.companies.employees[...] == whole.companies.employees[companies])
            for p in 0..<part.count {
                #expect(
                    part.network.friends(of: p).map { Int($0) + person }
                        == whole.network.friends(of: p + person).map { Int($0) }
                )
            }
            for h in 0..<part.households.count {
                #expect(Int(part.households.start[h]) + person == Int(whole.households.start[household + h]))
                #expect(part.households.size[h] == whole.households.size[household + h])
            }
            let someone = part.count / 2
            #expect(
                part.name(of: someone, tables: SocietyFixture.generator.names)
                    == whole.name(of: person + someone, tables: SocietyFixture.generator.names)
            )
            #expect(
                part.residentID(of: someone, census: SocietyFixture.generator.census)
                    == whole.residentID(of: person + someone, census: SocietyFixture.generator.census)
            )
            person += part.count
            company += part.companies.count
            household += part.households.count
        }
    }

    @Test("The overflow a stratum passes on is what planning it after that inheritance gives")
    func cuts() {
        let sizes: [UInt8] = [3, 1, 4, 1, 5, 9, 2, 6]
        let cuts = HouseholdPlan.cuts(sizes: sizes, target: 10, last: false)
        // Inheriting 0: households 3+1+4+1+5 = 14 reach 10, overflow 4.
        #expect(cuts[0] == (count: 5, taken: 14, carry: 4, trimmed: 0))
        // Inheriting 2: the goal is 8; 3+1+4 = 8 reaches it exactly.
        #expect(cuts[2] == (count: 3, taken: 8, carry: 0, trimmed: 0))
        // Inheriting 12: the goal is below zero; nothing is taken and 2 is passed on.
        #expect(cuts[12] == (count: 0, taken: 0, carry: 2, trimmed: 0))
        // The society's last stratum cuts its last household instead of passing an overflow on.
        let last = HouseholdPlan.cuts(sizes: sizes, target: 10, last: true)
        #expect(last[0] == (count: 5, taken: 10, carry: 0, trimmed: 4))
    }
}
