import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// The same scenario, size and seed give the same state on any number of threads, and a
/// checkpoint restored into a fresh run continues exactly as the original.
@Suite("Simulation determinism")
struct DeterminismTests {
    static let seedScenario: Policy = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scenarios/seed-article.yaml").path
        return try! Policy(Scenario.read(contentsOf: folder).scenario!)
    }()

    static func simulation(threads: Int, days: Int = 90) throws -> Simulation {
        let generator = Societies.generator
        let population = generator.generate(size: 3_000, seed: 11, threads: threads)
        let start = seedScenario.scenario.period.start
        return Simulation(
            policy: seedScenario,
            population: population,
            census: generator.census,
            config: SimulationConfig(
                period: Period(start: start, end: start.adding(days: days - 1)),
                seed: 11,
                threads: threads,
                traceEvery: 10
            )
        )
    }

    @Test("1 and 2 threads give the same digest")
    func threads() throws {
        var one = try Self.simulation(threads: 1)
        var two = try Self.simulation(threads: 2)
        var sink1 = Collector()
        var sink2 = Collector()
        one.run(observer: &sink1)
        two.run(observer: &sink2)
        #expect(one.digest() == two.digest())
        #expect(sink1.metrics == sink2.metrics)
        #expect(sink1.traces == sink2.traces)
    }

    @Test("A restored checkpoint continues to the same digest")
    func checkpoint() throws {
        var whole = try Self.simulation(threads: 2)
        var sink = Collector()
        whole.run(observer: &sink)

        var first = try Self.simulation(threads: 2)
        var firstSink = Collector()
        first.run(until: Day(iso: "2014-01-31"), observer: &firstSink)
        let data = first.checkpointData()
        var second = try Self.simulation(threads: 1)
        try second.restore(from: data)
        #expect(second.today == Day(iso: "2014-02-01"))
        var secondSink = Collector()
        second.run(observer: &secondSink)
        #expect(second.digest() == whole.digest())
        #expect(firstSink.metrics + secondSink.metrics == sink.metrics)
    }

    @Test("A damaged checkpoint is refused with a reason")
    func damaged() throws {
        var simulation = try Self.simulation(threads: 1)
        var sink = Collector()
        simulation.run(until: Day(iso: "2014-01-31"), observer: &sink)
        var data = simulation.checkpointData()
        data.removeLast(100)
        var fresh = try Self.simulation(threads: 1)
        #expect(throws: CheckpointError.self) { try fresh.restore(from: data) }
        #expect(throws: CheckpointError.self) { try fresh.restore(from: Data("not a checkpoint".utf8)) }
        // A checkpoint of an older format (32-bit days) is named as such, not misread.
        var old = simulation.checkpointData()
        old[7] = UInt8(ascii: "1")
        let error = try #require(throws: CheckpointError.self) { try fresh.restore(from: old) }
        #expect("\(error)".contains("format 1"), "\(error)")
    }
}
