import Foundation
import RunRecords
import Simulation
import SocialCredit
import Society

/// The inputs every test target needs: one society generator (fitting its models takes a moment
/// in a debug build, so it is made once per test process), the census, shipped scenarios and
/// runs of a scenario on a society.
public enum Societies {
    /// The generator, census and name tables loaded once.
    public static let generator: PopulationGenerator = try! PopulationGenerator()

    /// The census, loaded once (without fitting the generator's models, for tests that make
    /// their people by hand).
    public static let census: Census = try! Census.load()

    /// A synthetic society of `size` people (seed 3 unless told), generated on two threads.
    public static func society(_ size: Int, seed: UInt64 = 3) -> Population {
        generator.generate(size: size, seed: seed, threads: 2)
    }

    /// The text of a shipped scenario (`scenarios/NAME.yaml`), found as `sclab` finds it.
    public static func shippedText(_ name: String) throws -> String {
        guard case let .success(path) = ScenarioCatalog.discover().resolve(name) else {
            throw TestError("the scenario \(name) is not found")
        }
        return try String(contentsOfFile: path, encoding: .utf8)
    }

    /// The seed scenario as shipped: its text and the scenario read from it.
    public static func seedScenario() throws -> (text: String, scenario: Scenario) {
        let text = try shippedText("seed-article")
        return (text, try Scenario.parse(text, file: "seed-article.yaml"))
    }

    /// Runs `scenario` on `population` over `period` (the scenario's own unless told), traced one
    /// in `traceEvery`, and returns the simulation and everything it reported.
    public static func run(
        _ scenario: Scenario,
        on population: Population,
        period: Period? = nil,
        seed: UInt64 = 3,
        threads: Int = 2,
        traceEvery: Int = 50
    ) throws -> (simulation: Simulation, collector: Collector) {
        let policy = try Policy(scenario)
        var simulation = Simulation(
            policy: policy,
            population: population,
            census: census,
            config: SimulationConfig(
                period: period ?? scenario.period,
                seed: seed,
                threads: threads,
                traceEvery: traceEvery
            )
        )
        var collector = Collector()
        simulation.run(observer: &collector)
        return (simulation, collector)
    }
}
