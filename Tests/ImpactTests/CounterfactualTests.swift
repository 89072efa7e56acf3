import RunRecords
import Simulation
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Impact

/// The counterfactual: the system switched off, the same behaviour draws.
struct CounterfactualTests {
    static let period = Period(start: Day(iso: "2015-01-01")!, end: Day(iso: "2015-12-31")!)

    @Test("Switched off: no sources, rules, lists, measures, spillovers or responses; behaviours kept")
    func transform() throws {
        let seed = try Societies.seedScenario().scenario
        let off = seed.switchedOff
        #expect(off.sources.isEmpty && off.rules.isEmpty && off.lists.isEmpty && off.measures.isEmpty)
        #expect(off.spillovers.isEmpty && off.responses.isEmpty)
        #expect(off.behaviors == seed.behaviors && off.actions == seed.actions && off.period == seed.period)
        _ = try Policy(off)  // still a valid scenario
    }

    @Test("Without responses, the system changes nothing about behaviour: counts equal the real run's exactly")
    func sameDrawsWithoutResponses() throws {
        var scenario = try Societies.seedScenario().scenario
        scenario.responses = []
        let population = Societies.society(3_000)
        let real = try Societies.run(scenario, on: population, period: Self.period)
        let config = real.simulation.config
        let off = try Counterfactual.run(
            scenario: scenario,
            population: population,
            census: Societies.census,
            config: config
        )
        let realBehaviour = real.collector.metrics.filter { $0.name.hasPrefix("behavior.") }
        #expect(!realBehaviour.isEmpty)
        #expect(off.map(\.name) == realBehaviour.map { Counterfactual.prefix + $0.name })
        #expect(off.map(\.value) == realBehaviour.map(\.value))
        // The real run did act on people (records, listings), so the equality is not trivial.
        #expect(real.collector.metrics.filter { $0.name == "records.total" }.reduce(0) { $0 + $1.value } > 100)
    }

    @Test("With the seed's responses, behaviour differs from the counterfactual")
    func responsesMakeADifference() throws {
        let scenario = try Societies.seedScenario().scenario
        let population = Societies.society(3_000)
        let real = try Societies.run(scenario, on: population, period: Self.period)
        let off = try Counterfactual.run(
            scenario: scenario,
            population: population,
            census: Societies.census,
            config: real.simulation.config
        )
        func total(_ points: [MetricPoint], _ name: String) -> Double {
            points.filter { $0.name == name }.reduce(0) { $0 + $1.value }
        }
        // General deterrence under cameras (factor 0.85 in the pilot provinces): less jaywalking.
        #expect(total(real.collector.metrics, "behavior.jaywalking") < total(off, "counterfactual.behavior.jaywalking"))
    }
}
