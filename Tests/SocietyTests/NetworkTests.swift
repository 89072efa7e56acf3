import Foundation
import SocialCredit
import Testing

@testable import Society

@Suite("Friendship network storage")
struct NetworkTests {
    let generator = SocietyFixture.generator
    let population = SocietyFixture.small

    /// FNV-1a over every row: degree, close count, friends in order, close friends.
    static func rowsDigest(_ network: FriendshipNetwork, count: Int) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        func mix(_ v: UInt64) { h = (h ^ v) &* 0x100_0000_01b3 }
        for person in 0..<count {
            mix(UInt64(network.degree(person)))
            mix(UInt64(network.closeCount[person]))
            for friend in network.friends(of: person) { mix(UInt64(friend)) }
            for friend in network.closeFriends(of: person) { mix(UInt64(friend) | 1 << 40) }
        }
        return h
    }

    @Test("Stored as distances, the network is the one stored as 4-byte indices before (same friends, same order)")
    func sameSocietyAsBefore() {
        // Digest and endpoint count of this society's rows printed by the release build that
        // stored friends as [UInt32] indices (`sclab population --size 20000 --seed 7`): 221,834
        // and 0x2045_0651_970b_89e1. Re-pinned when the age and sex fit changed the society's
        // people (not the network's storage or building): the values below.
        #expect(population.network.deltas.count == 219_594)
        #expect(Self.rowsDigest(population.network, count: population.count) == 0x3e07_4a0e_ecfa_06c4)
    }

    @Test("Rows decode a hand-made society's friendships, in the order given")
    func handMadeRows() {
        let people = (0..<5).map { Population.HandMadePerson(household: $0) }
        let society = Population(
            seed: 1,
            people: people,
            friendships: [(0, 3), (3, 1), (2, 3), (4, 0)],
            census: generator.census
        )
        let network = society.network
        #expect(network.offsets == [0, 2, 3, 4, 7, 8])
        #expect(network.deltas == [3, 4, 2, 1, -3, -2, -1, -4])
        #expect(Array(network.friends(of: 3)) == [0, 1, 2])
        #expect(Array(network.friends(of: 0)) == [3, 4])
        #expect(Array(network.closeFriends(of: 3)) == [0, 1, 2])
        #expect(network.friends(of: 4).first == 0)
        #expect(network.friends(of: 4).count == 1)
        #expect(network.edgeCount == 4)
        #expect(network.bytes == 6 * 4 + 8 * 2 + 5)
    }

    @Test("Towns hold at most 1.5 times the town size, so every friend is that close", arguments: [1_000, 20_000])
    func townsBoundDistances(size: Int) {
        let random = CounterRandom(seed: 3)
        let parallel = ParallelChunks(threads: 1)
        let plan = HouseholdPlan(
            size: size,
            census: generator.census,
            model: generator.householdModel,
            random: random,
            parallel: parallel
        )
        let builder = NetworkBuilder(parameters: generator.parameters)
        let towns = builder.townRanges(plan: plan, count: size)
        let largest = towns.map(\.count).max() ?? 0
        #expect(largest * 2 <= generator.parameters.townSize * 3)
        #expect(towns.first?.lowerBound == 0 && towns.last?.upperBound == size)
        let society = generator.generate(size: size, seed: 3, threads: 1)
        #expect(society.network.deltas.allSatisfy { $0 != 0 && abs(Int($0)) < largest })
    }

    @Test(
        "The network does not depend on how towns are grouped into chunks or on the thread count",
        arguments: [(1, 1), (1, 2), (5_000, 2), (1_000_000, 1), (1_000_000, 3)]
    )
    func chunking(peoplePerChunk: Int, threads: Int) {
        let random = CounterRandom(seed: 7)
        let plan = HouseholdPlan(
            size: population.count,
            census: generator.census,
            model: generator.householdModel,
            random: random,
            parallel: ParallelChunks(threads: 2)
        )
        var builder = NetworkBuilder(parameters: generator.parameters)
        builder.peoplePerChunk = peoplePerChunk
        let network = builder.build(population, plan: plan, random: random, parallel: ParallelChunks(threads: threads))
        #expect(network.offsets == population.network.offsets)
        #expect(network.deltas == population.network.deltas)
        #expect(network.closeCount == population.network.closeCount)
    }

    @Test("An in-order fold sees every result once, in task order, at any thread count", arguments: [1, 2, 4])
    func inOrderFold(threads: Int) {
        let parallel = ParallelChunks(threads: threads)
        var initial: [Int] = []
        initial.reserveCapacity(10_000)
        let folded = parallel.reduceInOrder(200, into: consume initial) { task in
            // Uneven work, so results finish out of order.
            var x = UInt64(task)
            for _ in 0..<((task * 7_919) % 5_000) { x = CounterRandom.mix(x) }
            return (task, x)
        } _: { state, task, result in
            state.append(task)
            state.append(result.0)
        }
        #expect(folded == (0..<200).flatMap { [$0, $0] })
        // The state was moved, not copied: it kept the room reserved for it.
        #expect(folded.capacity >= 10_000)
    }
}
