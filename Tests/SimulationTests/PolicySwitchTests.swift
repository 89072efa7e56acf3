import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// A policy switch part-way through a run (`SimulationConfig.policySwitch`): an unchanged policy
/// changes nothing, a changed rate takes effect on the day, and a change that touches no rate
/// redraws no one.
@Suite("policy switch")
struct PolicySwitchTests {
    /// 2,000 adults, 2016 (366 days); the switch on 1 July, 182 days in, 184 days before the end.
    static let population = SimulationFixture.adults(2_000, seed: 5)
    static let day = Day(iso: "2016-07-01")!

    /// The mechanism scenario with the offence at `rate` a year, observed with `coverage`.
    static func policy(rate: Double = 12, coverage: Double = 1) throws -> Policy {
        try Policy(
            Scenario.parse(
                SimulationFixture.scenario(source: "coverage: \(coverage)", behaviorRate: rate),
                file: "test.yaml"
            )
        )
    }

    /// A simulation of the baseline policy, switching to `variant` on `day` when given.
    static func simulation(switchingTo variant: Policy? = nil) throws -> Simulation {
        let baseline = try policy()
        return Simulation(
            policy: baseline,
            population: population,
            census: SimulationFixture.census,
            config: SimulationConfig(
                period: Period(start: Day(iso: "2016-01-01")!, end: Day(iso: "2016-12-31")!),
                seed: 5,
                threads: 2,
                traceEvery: 100,
                policySwitch: try variant.map { try PolicySwitch(from: baseline, to: $0, on: day) }
            )
        )
    }

    @Test("A variant that changes whom a rating rates is a structural change: each kind keeps only its ratings' points")
    func ratedKind() throws {
        let seed = try #require(
            try Scenario.read(Societies.shippedText("seed-article"), file: "seed-article.yaml").scenario
        )
        var rerated = seed
        rerated.ratings[0].subject = .people
        #expect(
            PolicySwitch.structuralChange(from: seed, to: rerated)
                == "the variant changes whom rating environment rates"
        )
        #expect(PolicySwitch.structuralChange(from: seed, to: seed) == nil)
    }

    @Test("An unchanged policy from mid-year gives the digest of the run without a switch")
    func unchanged() throws {
        var plain = try Self.simulation()
        var switched = try Self.simulation(switchingTo: Self.policy())
        var collector = Collector()
        plain.run(observer: &collector)
        switched.run(observer: &collector)
        #expect(switched.digest() == plain.digest())
    }

    @Test("A coverage halved from mid-year redraws no one: the same behaviour, about half the records after the day")
    func coverageHalved() throws {
        var plain = try Self.simulation()
        var switched = try Self.simulation(switchingTo: Self.policy(coverage: 0.5))
        var collector = Collector()
        plain.run(until: Self.day, observer: &collector)
        switched.run(until: Self.day, observer: &collector)
        // Through the switch day, every next event is where it was without the switch.
        let people = 0..<Self.population.count
        #expect(people.map { switched.people.nextBehavior[$0] } == people.map { plain.people.nextBehavior[$0] })
        #expect(people.map { switched.people.nextAction[$0] } == people.map { plain.people.nextAction[$0] })
        plain.run(observer: &collector)
        switched.run(observer: &collector)
        let (before, after) = (plain.runTotals, switched.runTotals)
        #expect(after["behaviors.total"] == before["behaviors.total"])
        // Records: all offences before 1 July (182/366 of them), half after (184/366): 0.7514 of all.
        let share = (after["records.total"] ?? 0) / (before["records.total"] ?? 1)
        #expect(abs(share - (182 + 0.5 * 184) / 366) < 0.02, "records kept: \(share)")
    }

    @Test(
        "A rate doubled from mid-year takes effect on the day: the offences before it as without, twice as many after"
    )
    func rateDoubled() throws {
        var plain = try Self.simulation()
        var switched = try Self.simulation(switchingTo: Self.policy(rate: 24))
        var without = Collector()
        var with = Collector()
        plain.run(observer: &without)
        switched.run(observer: &with)
        func offences(_ collector: Collector, from: String, to: String) -> Double {
            collector.metrics.filter { $0.name == "behavior.offence" && $0.period >= from && $0.period <= to }
                .reduce(0) { $0 + $1.value }
        }
        let first = (offences(without, from: "2016-01", to: "2016-06"), offences(with, from: "2016-01", to: "2016-06"))
        let second = (offences(without, from: "2016-07", to: "2016-12"), offences(with, from: "2016-07", to: "2016-12"))
        #expect(first.0 == first.1)
        // Waits are drawn in whole days, rounded up: a mean wait of m days becomes 1 / (1 - e^(-1/m)),
        // 30.94 days for 12 a year (m = 30.44) and 15.72 for 24 (m = 15.22): 1.968 times the offences.
        let ratio = second.1 / second.0
        #expect(abs(ratio - 1.968) < 0.04, "\(ratio) times the offences after the switch")
    }
}
