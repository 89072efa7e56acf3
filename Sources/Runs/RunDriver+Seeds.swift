import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

extension RunDriver {
    /// What runs beside the main run once it has simulated its days: its own counterfactual, and
    /// each further seed the run is measured over (that seed's society, run and counterfactual).
    /// They run several at a time on a shared queue, the further seeds (the longest) first, with
    /// the run's threads split between them: the main run keeps every thread (and its progress
    /// and speed figures mean what they did), the seeds overlap each other and the counterfactual.
    /// Results do not depend on the threads, so neither does the order they finish in.
    /// - Returns: the counterfactual's points (empty without one) and each further seed's
    ///   outcome, in seed order.
    func companions() throws -> (counterfactual: [MetricPoint], replicates: [SeedOutcome]) {
        let further = Array(info.seedList.dropFirst())
        let jobs: [UInt64?] = further.map { $0 } + (counterfactual ? [nil] : [])
        guard !jobs.isEmpty else { return ([], []) }
        if exchange.shards > 1 { return try shardedCompanions(jobs) }
        let threads = simulation.config.threads
        let workers = min(threads, jobs.count)
        let each = max(1, threads / workers)
        let phase = RunPhase.companions(counterfactual: counterfactual, seeds: further, atOnce: workers)
        delegate?.runDriver(began: phase)
        defer { delegate?.runDriver(ended: phase) }
        let queue = WorkQueue<CompanionResult>(count: jobs.count)
        let (policy, generator, society, facts, census, info, period, withCounterfactual) =
            (policy, generator, society, facts, census, info, simulation.config.period, counterfactual)
        let config = simulation.config
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while let index = queue.next() {
                do {
                    if let seed = jobs[index] {
                        queue.finished(
                            index,
                            .replicate(
                                try SeedReplicate.run(
                                    info: info,
                                    seed: seed,
                                    policy: policy,
                                    generator: generator,
                                    period: period,
                                    threads: each,
                                    counterfactual: withCounterfactual,
                                    policySwitch: config.policySwitch
                                )
                            )
                        )
                    } else {
                        var quiet = config
                        quiet.threads = each
                        queue.finished(
                            index,
                            .counterfactual(
                                try Counterfactual.run(
                                    scenario: policy.scenario,
                                    society: society,
                                    facts: facts,
                                    census: census,
                                    config: quiet
                                )
                            )
                        )
                    }
                } catch {
                    queue.failed(error)
                }
            }
        }
        if let error = queue.failures.first { throw error }
        var points: [MetricPoint] = []
        var replicates: [SeedOutcome] = []
        for result in queue.results {
            switch result {
            case let .counterfactual(p)?: points = p
            case let .replicate(outcome)?: replicates.append(outcome)
            case nil: break
            }
        }
        return (points, replicates)
    }
}

extension RunDriver {
    /// The companions of a sharded run, one after another on every rank with all its threads
    /// (every rank must take part in each in the same order), each run sharded as the main run.
    func shardedCompanions(_ jobs: [UInt64?]) throws -> (counterfactual: [MetricPoint], replicates: [SeedOutcome]) {
        let further = jobs.compactMap { $0 }
        let phase = RunPhase.companions(counterfactual: counterfactual, seeds: further, atOnce: 1)
        delegate?.runDriver(began: phase)
        defer { delegate?.runDriver(ended: phase) }
        var points: [MetricPoint] = []
        var replicates: [SeedOutcome] = []
        for job in jobs {
            if let seed = job {
                replicates.append(
                    try SeedReplicate.run(
                        info: info,
                        seed: seed,
                        policy: policy,
                        generator: generator,
                        period: simulation.config.period,
                        threads: simulation.config.threads,
                        counterfactual: counterfactual,
                        exchange: exchange,
                        policySwitch: simulation.config.policySwitch
                    )
                )
            } else {
                points = try Counterfactual.run(
                    scenario: policy.scenario,
                    society: society,
                    facts: facts,
                    census: census,
                    config: simulation.config,
                    exchange: exchange
                )
            }
        }
        return (points, replicates)
    }
}

/// What a companion job made: the counterfactual's metrics, or a further seed's outcome.
enum CompanionResult {
    case counterfactual([MetricPoint])
    case replicate(SeedOutcome)
}
