import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// The month-end spillover pass looks only at people whose relatives', friends' or employer's
/// answers changed (or whose province's rollout did); it must end every month exactly where a
/// pass over everyone ends.
@Suite("Spillover pass")
struct SpilloverPassTests {
    /// Every kind of link, a test that changes with time alone (`clean_days`), lists whose
    /// short terms come and go, the `relative_listed` trigger, and a spillover rolled out in
    /// two provinces part-way through: answers change from month to month, for a few people
    /// at a time (fewer than one in sixteen, so changes are passed on friend by friend).
    static let yaml = """
        scenario: {name: Spillover pass, start: 2016-01-01, end: 2017-02-28}
        score:
          initial: 1000
          minimum: 0
          maximum: 2000
          tiers: [{id: A, min: 960}, {id: B, min: 850}, {id: C, min: 0}]
        company_score:
          initial: 100
          minimum: 0
          maximum: 100
          tiers: [{id: A, min: 90}, {id: D, min: 0}]
        behaviors:
          - {id: offence, conduct: contradictory, rate: 0.3}
          - {id: good_deed, conduct: conforming, rate: 3}
          - {id: debt, conduct: contradictory, rate: 0.15}
          - {id: unpaid_wages, conduct: contradictory, who: companies, rate: 2}
        sources:
          - {id: watcher, observes: [offence, good_deed, debt], coverage: 0.9}
          - {id: inspector, observes: unpaid_wages, coverage: 0.8}
        rules:
          - {id: penalty, behavior: offence, delta: -70, lifetime_days: 90}
          - {id: praise, behavior: good_deed, delta: 20, lifetime_days: 60}
          - {id: listing, behavior: debt, list: debtors}
          - {id: wages, behavior: unpaid_wages, delta: -20, lifetime_days: 60, list: bad_firms}
        lists:
          - {id: debtors, kind: black, term_days: 45}
          - {id: bad_firms, kind: black, subject: companies, term_days: 40}
        actions:
          - {id: enrol_school, who: school_children, rate: 2}
          - {id: buy_flight, rate: 3}
        measures:
          - {id: flight_ban, kind: block, action: buy_flight, when: {list: debtors}}
        spillovers:
          - {id: listed_parent, link: parents, when: {list: debtors}, effect: {block: enrol_school}}
          - {id: low_parent, link: parents, when: {tier_at_most: C}, effect: {delta: -15}}
          - {id: clean_spouse, link: spouse, when: {clean_days: 40}, effect: {reward: buy_flight}}
          - id: low_friends
            link: friends
            when: {tier_at_most: B}
            share: 0.2
            effect: {delta: -25}
            rollout: {phase: pilots}
          - {id: bad_employer, link: employer, when: {list: bad_firms}, effect: {tier_ceiling: B}}
        responses:
          - {id: shame, trigger: relative_listed, behaviors: [debt], factor: 0.5}
        timeline:
          - {id: pilots, start: 2016-05-10, regions: [Shandong, Jiangsu]}
        """

    /// A run of `yaml` (this suite's scenario unless given) over 6,000 people.
    static func simulation(_ yaml: String = yaml) throws -> Simulation {
        let policy = try Policy(Scenario.parse(yaml, file: "spillover-pass.yaml"))
        let generator = Societies.generator
        let population = generator.generate(size: 6_000, seed: 5, threads: 2)
        return Simulation(
            policy: policy,
            population: population,
            census: generator.census,
            config: SimulationConfig(period: policy.scenario.period, seed: 5, threads: 2, traceEvery: 50)
        )
    }

    /// What reaches each person, as one number: spillover points, effects, ceiling and the
    /// relative bit.
    static func reached(_ simulation: Simulation) -> [Int] {
        let people = simulation.people
        return (0..<people.count).map { person in
            Int(people.spillDelta[person]) * 65_536 + Int(people.spillMask[person]) * 256
                + Int(people.spillCeiling[person]) + (people.bits[person] & EventBit.relativeListed != 0 ? 1 << 30 : 0)
        }
    }

    @Test("Looking only where answers changed ends each month as a pass over everyone does")
    func sameAsEveryone() throws {
        var incremental = try Self.simulation()
        var everyone = try Self.simulation()
        var sinkA = Collector()
        var sinkB = Collector()
        var day = incremental.config.period.start
        var monthsWithChanges = 0
        var previous = Self.reached(incremental)
        while day <= incremental.config.period.end {
            let (year, month, _) = day.components
            let first = try #require(Day(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1))
            let last = min(first.adding(days: -1), incremental.config.period.end)
            incremental.run(until: last, observer: &sinkA)
            everyone.run(until: last.adding(days: -1), observer: &sinkB)
            everyone.spilloverMemory = nil  // this month end looks at everyone
            everyone.run(until: last, observer: &sinkB)
            #expect(incremental.spilloverMemory != nil)
            let now = Self.reached(incremental)
            let differing = zip(now, Self.reached(everyone)).filter { $0 != $1 }.count
            #expect(differing == 0, "month ending \(last)")
            if now != previous { monthsWithChanges += 1 }
            previous = now
            day = last.adding(days: 1)
        }
        #expect(incremental.digest() == everyone.digest())
        #expect(sinkA.metrics == sinkB.metrics)
        // The case is a real one: what reaches people changed in most of the 14 months.
        #expect(monthsWithChanges >= 10)
        #expect(previous.contains { $0 & (1 << 30) != 0 })
    }
}
