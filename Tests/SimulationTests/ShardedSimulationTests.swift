import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// A society split into shards, each run by its own "process" (a thread here, a rank under
/// mpirun), evolves exactly as the whole society run at once: every subject's state and every
/// count of the run are the same.
@Suite("A run split into shards")
struct ShardedSimulationTests {
    static let size = 20_000
    static let seed: UInt64 = 5
    static let days = 150

    static func config(threads: Int) -> SimulationConfig {
        // Late in the rollout, when cameras that misattribute are up in most provinces.
        let start = Day(iso: "2019-06-01")!
        return SimulationConfig(
            period: Period(start: start, end: start.adding(days: days - 1)),
            seed: seed,
            threads: threads,
            traceEvery: 10
        )
    }

    /// Every column's rows of `part`, which holds the whole's subjects from `first` on.
    static func sameRows(_ part: SubjectState, _ whole: SubjectState, first: Int) -> Bool {
        let parts = part.columns
        let wholes = whole.columns
        guard parts.count == wholes.count else { return false }
        for (p, w) in zip(parts, wholes) {
            guard whole.count > 0, part.count > 0 else { continue }
            let stride = w.count / whole.count
            guard p.count == stride * part.count else { return false }
            let rows = UnsafeRawBufferPointer(rebasing: w[(first * stride)..<((first + part.count) * stride)])
            guard rows.elementsEqual(p) else { return false }
        }
        return true
    }

    @Test("Each shard's subjects end in the state they end in when the society runs whole", arguments: [2, 3])
    func shardsMatchTheWhole(count: Int) throws {
        let generator = Societies.generator
        let policy = DeterminismTests.seedScenario
        let population = generator.generate(size: Self.size, seed: Self.seed, threads: 2)
        var whole = Simulation(
            policy: policy,
            population: population,
            census: generator.census,
            config: Self.config(threads: 2)
        )
        var sink = Collector()
        whole.run(observer: &sink)

        let shards = try SocietyShard.split(size: Self.size, census: generator.census, into: count)
        let parts: [Simulation] = LocalShards.run(count) { exchange in
            let part = generator.generate(
                size: Self.size,
                seed: Self.seed,
                threads: 1,
                shard: shards[exchange.shard],
                exchange: exchange
            )
            var simulation = Simulation(
                policy: policy,
                population: part,
                census: generator.census,
                config: Self.config(threads: 1),
                exchange: exchange
            )
            var sink = Collector()
            simulation.run(observer: &sink)
            return simulation
        }
        var behaviors = [Int](repeating: 0, count: whole.totals.behaviors.count)
        var scalars = [Int](repeating: 0, count: whole.totals.scalars.count)
        for part in parts {
            #expect(Self.sameRows(part.people, whole.people, first: part.population.firstPerson))
            #expect(Self.sameRows(part.companies, whole.companies, first: part.population.firstCompany))
            for (i, value) in part.totals.behaviors.enumerated() { behaviors[i] += value }
            for (i, value) in part.totals.scalars.enumerated() { scalars[i] += value }
        }
        // The whole run's digest, assembled from the shards' blocks (20,000 people are one block
        // of 65,536, so every shard hands over its rows of it).
        let digest = BlockDigest.combine(
            DigestHeader(people: Self.size, companies: whole.population.companies.count),
            people: try BlockDigest.assemble(count: Self.size, shards: parts.map { $0.digestShards().people }),
            companies: try BlockDigest.assemble(
                count: whole.population.companies.count,
                shards: parts.map { $0.digestShards().companies }
            )
        )
        #expect(digest == whole.digest())
        #expect(behaviors == whole.totals.behaviors)
        #expect(scalars == whole.totals.scalars)
        // The run did something worth comparing: false records among them.
        #expect(whole.totals.falseRecords > 0)
    }

    @Test("Chunks are cut at whole-society multiples of the block, at most 64, covering the range")
    func chunks() {
        let block = Simulation.block
        for (count, first) in [(10_000, 0), (10_000, 1_500), (5 * block, block), (700, 300), (200_000, 12_345)] {
            let chunks = Simulation.chunks(count, first: first)
            #expect(chunks.first?.lowerBound == 0)
            #expect(chunks.last?.upperBound == count)
            #expect(chunks.count <= 64)
            for (a, b) in zip(chunks, chunks.dropFirst()) {
                #expect(a.upperBound == b.lowerBound)
                #expect((first + a.upperBound) % block == 0)
            }
        }
        // Starting at 1,500: the first chunk ends at the whole society's 2,048 (local 548).
        #expect(Simulation.chunks(10_000, first: 1_500).first == 0..<548)
    }
}
