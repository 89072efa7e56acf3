import Foundation
import RunRecords
import Simulation
import SocialCredit
import Society

/// The counterfactual run (M12): the same society, seed and days with the system switched off,
/// whose monthly behaviour counts are stored beside the real run's under `counterfactual.`
/// names, so that "does it build trust?" is answered by differences, not levels.
public enum Counterfactual {
    /// The prefix of the counterfactual's metric names in run.sqlite.
    public static let prefix = "counterfactual."

    /// Runs `scenario` switched off on `population` with the real run's configuration and
    /// returns its monthly behaviour counts (`counterfactual.behavior.<id>`), in period order.
    /// A shard of a society runs its shard with the others over `exchange`: the counts are the
    /// whole society's on every shard. With a `config.policySwitch` (a branch run, whose
    /// `scenario` is its baseline's) the switched-off system switches on the same day.
    /// - Throws: `ScenarioError` if the switched-off scenario does not compile (it cannot, when
    ///   the scenario did).
    public static func run(
        scenario: Scenario,
        population: Population,
        census: Census,
        config: SimulationConfig,
        exchange: any ShardExchange = SingleShard()
    ) throws -> [MetricPoint] {
        try run(
            scenario: scenario,
            society: RunSociety(population, threads: config.threads),
            facts: PersonFacts(population, exchange: exchange),
            census: census,
            config: config,
            exchange: exchange
        )
    }

    /// Runs `scenario` switched off, as `run(scenario:population:...)` does, on a society given
    /// as what a run reads of it (a run driver's, which has let its population go).
    public static func run(
        scenario: Scenario,
        society: RunSociety,
        facts: PersonFacts,
        census: Census,
        config: SimulationConfig,
        exchange: any ShardExchange = SingleShard()
    ) throws -> [MetricPoint] {
        let policy = try Policy(scenario.switchedOff)
        // A branch run's counterfactual switches too: from its baseline's scenario switched
        // off to its own switched off, on the same day.
        let quiet = SimulationConfig(
            period: config.period,
            seed: config.seed,
            threads: config.threads,
            traceEvery: Int.max,
            policySwitch: try config.policySwitch.map {
                try PolicySwitch(from: policy, to: Policy($0.policy.scenario.switchedOff), on: $0.day)
            }
        )
        var simulation = Simulation(
            policy: policy,
            society: society,
            facts: facts,
            census: census,
            config: quiet,
            exchange: exchange
        )
        var collector = Collector()
        simulation.run(observer: &collector)
        return collector.points
    }

    /// Keeps the behaviour counts of each month, renamed.
    struct Collector: SimulationObserver {
        var points: [MetricPoint] = []

        mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {
            for point in metrics where point.name.hasPrefix("behavior.") {
                points.append(
                    MetricPoint(period: point.period, name: Counterfactual.prefix + point.name, value: point.value)
                )
            }
        }
    }
}
