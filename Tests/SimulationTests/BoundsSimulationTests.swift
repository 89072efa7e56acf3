import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// A scenario that `check` accepts cannot make the engine trap (issue 14): one with every number
/// at the end of its range (`NumberKind`) passes `check` and runs 30 days on 1,000 people.
@Suite("Numbers at their bounds")
struct BoundsSimulationTests {
    /// A society of 1,000 people with households, friends and companies, made once for this file
    /// and the mutation tests.
    static let society: (population: Population, census: Census) = {
        let generator = Societies.generator
        return (generator.generate(size: 1_000, seed: 3, threads: 2), generator.census)
    }()

    /// Runs a checked scenario over its first 30 days (or its whole period, if shorter).
    static func run30Days(_ scenario: Scenario) throws -> Collector {
        let policy = try Policy(scenario)
        let start = scenario.period.start
        let end = min(scenario.period.end, start.adding(days: 29))
        var simulation = Simulation(
            policy: policy,
            population: society.population,
            census: society.census,
            config: SimulationConfig(
                period: Period(start: start, end: end),
                seed: 3,
                threads: 2,
                traceEvery: 100
            )
        )
        var collector = Collector()
        simulation.run(observer: &collector)
        return collector
    }

    /// Every numeric field at an end of its range; 16 spillovers of -2,000 points each, the most
    /// the engine's 16-bit spillover total is sized for.
    static let extremes: String = {
        let spillovers = (0..<Scenario.maximumSpillovers).map { i in
            "  - {id: s\(i), link: \(["spouse", "parents", "friends"][i % 3]), \(i % 3 == 2 ? "share: 0, " : "")"
                + "when: {score_below: 1000000}, effect: {delta: \(i % 2 == 0 ? -2000 : 2000)}}"
        }.joined(separator: "\n")
        return """
            scenario: {name: Extremes, start: 2016-01-01, end: 2016-01-30}
            enrolment: {mode: consent, share: 1}
            score:
              initial: 1000000
              minimum: -1000000
              maximum: 1000000
              tiers: [{id: A, min: 1000000}, {id: B, min: -999999, max: 999999}, {id: C, min: -1000000, max: -1000000}]
            company_score:
              initial: -1000000
              minimum: -1000000
              maximum: 1000000
              tiers: [{id: CA, min: 0}, {id: CB, min: -1000000}]
            ratings:
              - id: r
                scale: {initial: -1000000, minimum: -1000000, maximum: 1000000, tiers: [{id: r_top, min: 0}, {id: r_low, min: -1000000}]}
                score_weight: 100
              - id: q
                scale: {initial: 1000000, minimum: -1000000, maximum: 1000000, tiers: [{id: q_top, min: 0}, {id: q_low, min: -1000000}]}
                score_weight: -100
            behaviors:
              - id: offence
                conduct: contradictory
                who: everyone
                rate: 10000
                dispersion: 100
                varies:
                  income_quintile: [1000, 0, 1000, 1000, 1000]
                  age: [{from: 0, to: 150, factor: 1000}]
                  urban: 1000
                  rural: 0
                  male: 1000
                  female: 1000
              - {id: good, conduct: conforming, rate: 10000}
              - {id: fraud, conduct: contradictory, who: companies, rate: 10000, dispersion: 100}
            sources:
              - {id: watcher, observes: [offence, good], coverage: 1, false_attribution: 1, delay_days: 0}
              - {id: slow, observes: offence, coverage: 1, delay_days: 32000}
              - {id: courts, observes: fraud, coverage: 1}
            rules:
              - {id: penalty, behavior: offence, sources: [watcher], delta: -1000000, lifetime_days: 32000, list: black, list_term_days: 32000}
              - {id: capped, behavior: offence, delta: -1000000, cap_per_year: 1000000000, lifetime_days: 0, tier_ceiling: C}
              - {id: bonus, behavior: good, delta: 1000000, rating: r}
              - {id: malus, behavior: good, delta: -1000000, rating: q, cap_per_year: 0}
              - {id: fined, behavior: fraud, delta: 1000000, cap_per_year: 1000000000, lifetime_days: 32000}
            lists:
              - id: black
                kind: black
                term_days: 32000
                extension_days: 32000
                max_extension_days: 32000
                removal: {on: good, delay_days: 32000, minimum_days: 32000}
              - {id: low, kind: red, entry: {any: [{score_below: -1000000}, {score_at_least: 1000000}, {clean_days: 32000}]}}
            actions:
              - {id: fly, rate: 10000}
            measures:
              - {id: ban, kind: block, action: fly, when: {list: black}}
              - {id: perk, kind: reward, action: fly, benefit: 1000000000000, when: {score_at_least: 1000000}}
            spillovers:
            \(spillovers)
            appeals:
              contest: {true_records: 1, false_records: 1}
              success: {true_records: 1, false_records: 0}
              days_to_decide: 32000
            responses:
              - {id: deterred, trigger: sanctioned, conduct: contradictory, factor: 1000, duration_days: 32000}
              - {id: watched, trigger: monitored, behaviors: [offence], factor: 0}
            calibration:
              targets:
                - {id: t, metric: records.total, value: 1000000000000000, tolerance: 1000, source: test}
              fit:
                - {path: behaviors.offence.rate, min: -1000000000000000, max: 1000000000000000}

            """
    }()

    @Test("Every number at an end of its range: check accepts it, and 30 days on 1,000 people run")
    func extremesRun() throws {
        let reading = Scenario.read(Self.extremes, file: "extremes.yaml")
        #expect(reading.errors.isEmpty, "\(reading.errors.map(\.description))")
        let scenario = try #require(reading.scenario)
        let collector = try Self.run30Days(scenario)
        #expect(collector.months == 1)
        // Everyone offends every day (the rate saturates at one event a day): records arrive.
        #expect(collector.total("records.total") > 1_000)
    }
}
