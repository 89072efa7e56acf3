import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// A further seed of a run, held in memory: the society of that seed, the scenario run on it and
/// its counterfactual, reduced to the seed's key figures (`RunData.outcome`). Nothing of it is
/// stored but the outcome, so measuring a run over several seeds costs their run time, not
/// their disk.
public enum SeedReplicate {
    /// Runs seed `seed` of the run `info` describes with `policy`, on `threads` threads, and
    /// returns its outcome. `config` is the main run's configuration (its period); the seed and
    /// threads are replaced and nobody is traced (tracing changes no draw). With an `exchange`
    /// of several shards, each generates and runs its shard of the seed's society, and every
    /// shard returns the same (whole society's) outcome. A branch run's seeds switch policy on
    /// the same day as the run (`policySwitch`, made from `policy`).
    /// - Throws: `ScenarioError` if the switched-off scenario does not compile (it cannot, when
    ///   the scenario did).
    public static func run(
        info: RunInfo,
        seed: UInt64,
        policy: Policy,
        generator: PopulationGenerator,
        period: Period,
        threads: Int,
        counterfactual: Bool,
        exchange: any ShardExchange = SingleShard(),
        policySwitch: PolicySwitch? = nil
    ) throws -> SeedOutcome {
        // What the runs read of the seed's society: the rest of it is let go before they start.
        let (society, facts) = try {
            let population = generator.generate(
                size: info.population,
                seed: seed,
                threads: threads,
                shard: try SocietyShard.own(size: info.population, census: generator.census, exchange: exchange),
                exchange: exchange
            )
            return (RunSociety(population, threads: threads), PersonFacts(population, exchange: exchange))
        }()
        let config = SimulationConfig(
            period: period,
            seed: seed,
            threads: threads,
            traceEvery: Int.max,
            policySwitch: policySwitch
        )
        var simulation = Simulation(
            policy: policy,
            society: society,
            facts: facts,
            census: generator.census,
            config: config,
            exchange: exchange
        )
        var collector = Collector()
        simulation.run(observer: &collector)
        var points = collector.points
        if counterfactual {
            points += try Counterfactual.run(
                scenario: policy.scenario,
                society: society,
                facts: facts,
                census: generator.census,
                config: config,
                exchange: exchange
            )
        }
        var seedInfo = info
        seedInfo.seed = seed
        let (periods, series) = RunData.aligned(points)
        let progress = RunProgress(
            daysDone: period.days,
            lastDay: period.end.description,
            checkpoint: nil,
            finished: true,
            digest: nil,
            summaryJSON: nil
        )
        let data = RunData(
            directory: "",
            info: seedInfo,
            progress: progress,
            scenario: policy.scenario,
            periods: periods,
            series: series,
            groups: simulation.groupTallies(census: generator.census),
            totals: [:]
        )
        return data.outcome
    }

    /// Keeps every monthly metric.
    struct Collector: SimulationObserver {
        var points: [MetricPoint] = []

        mutating func monthEnded(daysDone: Int, lastDay: Day, metrics: [MetricPoint], traces: [RecordTrace]) {
            points += metrics
        }
    }
}
