import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport

@testable import Simulation

enum SimulationFixture {
    static var census: Census { Societies.census }

    /// `count` unrelated adults in single households (Shandong, urban), optionally with parents.
    static func adults(_ count: Int, seed: UInt64 = 1) -> Population {
        Population(
            seed: seed,
            people: (0..<count).map { Population.HandMadePerson(age: 35, household: $0) },
            census: census
        )
    }

    /// Runs a scenario (YAML text) on a population over its whole period, on the population's seed.
    static func run(
        _ yaml: String,
        on population: Population,
        threads: Int = 2,
        traceEvery: Int = 1
    ) throws
        -> (simulation: Simulation, collector: Collector)
    {
        try Societies.run(
            Scenario.parse(yaml, file: "test.yaml"),
            on: population,
            seed: population.seed,
            threads: threads,
            traceEvery: traceEvery
        )
    }

    /// A one-year scenario with one behaviour observed by one source and judged by one rule;
    /// `source`, `rule`, `extra` are spliced into the YAML.
    static func scenario(
        source: String = "coverage: 1",
        rule: String = "delta: -10",
        behaviorRate: Double = 12,
        extra: String = ""
    ) -> String {
        """
        scenario: {name: Mechanism test, start: 2016-01-01, end: 2016-12-31}
        score:
          initial: 1000
          minimum: 0
          maximum: 2000
          tiers: [{id: A, min: 960}, {id: B, min: 850}, {id: C, min: 0}]
        behaviors:
          - {id: offence, conduct: contradictory, who: everyone, rate: \(behaviorRate)}
        sources:
          - id: watcher
            observes: offence
            \(source.replacingOccurrences(of: "\n", with: "\n    "))
        rules:
          - id: penalty
            behavior: offence
            \(rule.replacingOccurrences(of: "\n", with: "\n    "))
        \(extra)
        """
    }
}

extension Simulation {
    /// A context for reading (and working out again) the state of every subject of `kind` as
    /// the day loop sees it on `day`: the first chunk's, over no range.
    func context(_ kind: Kind, on day: Day) -> EventContext {
        EventContext(
            simulation: self,
            kind: kind,
            chunk: kind == .people ? peopleChunks[0] : companyChunks[0],
            chunkIndex: 0,
            tables: model.tables(on: day),
            day: day.number
        )
    }
}
