import Foundation
import RunRecords
import SocialCredit
import Society
import Simulation

/// Shared inputs of the impact tests: the census, the seed scenario, small societies.
enum ImpactFixture {
    static let census: Census = try! Census.load()
    static let generator: PopulationGenerator = try! PopulationGenerator()

    /// The seed scenario as shipped.
    static func seedScenario() throws -> (text: String, scenario: Scenario) {
        guard case let .success(path) = ScenarioCatalog.discover().resolve("seed-article") else {
            throw ImpactTestError("the seed scenario is not found")
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        return (text, try Scenario.parse(text, file: "seed-article.yaml"))
    }

    /// A synthetic society of `size` people.
    static func society(_ size: Int, seed: UInt64 = 3) -> Population {
        generator.generate(size: size, seed: seed, threads: 2)
    }

    /// Runs a scenario over `period` and returns the simulation and the monthly metrics.
    static func run(_ scenario: Scenario, on population: Population, period: Period, seed: UInt64 = 3, traceEvery: Int = 50)
        throws -> (simulation: Simulation, metrics: [MetricPoint], traces: [RecordTrace]) {
        var simulation = Simulation(policy: try Policy(scenario), population: population, census: census,
                                    config: SimulationConfig(period: period, seed: seed, threads: 2, traceEvery: traceEvery))
        var collector = Collector()
        simulation.run(observer: &collector)
        return (simulation, collector.metrics, collector.traces)
    }

    struct Collector: SimulationObserver {
        var metrics: [MetricPoint] = []
        var traces: [RecordTrace] = []
        mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {
            self.metrics += metrics
            self.traces += traces
        }
    }
}

struct ImpactTestError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
