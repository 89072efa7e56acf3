import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// Honest counts (issue 13, part 4) and keys that do something (part 3), on small hand-made
/// societies with answers worked out by hand.
@Suite("Simulation: honest counts and keys")
struct HonestCountTests {
    /// The fixture's 2016 scenario (everyone starts in tier A of A/B/C) with the source's and
    /// rule's fields given; `rest` adds sections. By default nothing is recorded.
    static func quiet(
        _ rest: String,
        source: String = "coverage: 0",
        rule: String = "delta: -10",
        rate: Double = 0
    ) -> String {
        SimulationFixture.scenario(source: source, rule: rule, behaviorRate: rate, extra: rest)
    }

    @Test("A condition-filled list counts its entries and removals at month ends, and everyone on it as ever on it")
    func conditionalEntries() throws {
        // Everyone starts in tier A, so all 50 are on the red list at January's end; the list
        // stops on 15 June, so all 50 leave it at June's end.
        let yaml = Self.quiet(
            """
            lists:
              - {id: honour, kind: red, entry: {tier_at_least: A}, rollout: {end: 2016-06-15}}
            """
        )
        let (simulation, out) = try SimulationFixture.run(yaml, on: SimulationFixture.adults(50))
        #expect(out.value("list.entries.honour", "2016-01") == 50)
        #expect(out.total("list.entries.honour") == 50)
        #expect(out.value("list.size.honour", "2016-05") == 50)
        #expect(out.value("list.removals.honour", "2016-06") == 50)
        #expect(out.total("list.removals.honour") == 50)
        #expect(out.value("list.size.honour", "2016-12") == 0)
        #expect(simulation.everListedCounts["honour"] == 50)
        let all = try #require(
            simulation.groupTallies(census: SimulationFixture.census).first { $0.dimension == "all" }
        )
        #expect(all.everRedlisted == 50)
    }

    @Test("A false record's tier ceiling makes a wrongful block; a true one's does not")
    func wrongfulThroughCeiling() throws {
        func run(falseShare: Double) throws -> Collector {
            try SimulationFixture.run(
                Self.quiet(
                    """
                    actions:
                      - {id: buy_flight, who: everyone, rate: 24}
                    measures:
                      - {id: flight_ban, kind: block, action: buy_flight, when: {tier_at_most: C}}
                    """,
                    source: "coverage: 1\nfalse_attribution: \(falseShare)",
                    rule: "tier_ceiling: C",
                    rate: 2
                ),
                on: SimulationFixture.adults(200)
            ).collector
        }
        // Every record false: the ceiling is the only thing that blocks, so every block is wrongful.
        let noisy = try run(falseShare: 1)
        #expect(noisy.total("records.false") == noisy.total("records.total"))
        #expect(noisy.total("blocked.buy_flight") > 0)
        #expect(noisy.total("blocked_wrongly.total") == noisy.total("blocked.buy_flight"))
        let clean = try run(falseShare: 0)
        #expect(clean.total("blocked.buy_flight") > 0)
        #expect(clean.total("blocked_wrongly.total") == 0)
    }

    @Test("A false record that lowers a score into a sanctioning tier makes a wrongful block")
    func wrongfulThroughScore() throws {
        // One record takes 200 points: 1,000 -> 800, tier C, where flights are banned.
        let out = try SimulationFixture.run(
            Self.quiet(
                """
                actions:
                  - {id: buy_flight, who: everyone, rate: 24}
                measures:
                  - {id: flight_ban, kind: block, action: buy_flight, when: {tier_at_most: C}}
                """,
                source: "coverage: 1\nfalse_attribution: 1",
                rule: "delta: -200",
                rate: 2
            ),
            on: SimulationFixture.adults(200)
        ).collector
        #expect(out.total("blocked.buy_flight") > 0)
        #expect(out.total("blocked_wrongly.buy_flight") == out.total("blocked.buy_flight"))
    }

    @Test("Appeals against records that add points are counted apart from those against records that take points")
    func appealsOnlyAgainstHarm() throws {
        func run(delta: Int) throws -> Collector {
            try SimulationFixture.run(
                Self.quiet(
                    """
                    appeals: {contest: {true_records: 1, false_records: 1}, success: {true_records: 0, false_records: 0}}
                    """,
                    source: "coverage: 1",
                    rule: "delta: \(delta)",
                    rate: 6
                ),
                on: SimulationFixture.adults(100)
            ).collector
        }
        let added = try run(delta: 10)
        #expect(added.total("records.total") > 0)
        #expect(added.total("appeals.filed") == added.total("records.total"))
        #expect(added.total("appeals.filed_added") == added.total("appeals.filed"))
        let taken = try run(delta: -10)
        #expect(taken.total("records.total") > 0)
        #expect(taken.total("appeals.filed") == taken.total("records.total"))
        #expect(taken.total("appeals.filed_added") == 0)
    }

    @Test("A reward's benefit is summed over its grants, in its unit; doubling it doubles the total")
    func benefitGranted() throws {
        func run(benefit: Double) throws -> Collector {
            try SimulationFixture.run(
                Self.quiet(
                    """
                    actions:
                      - {id: pay_heating, who: everyone, rate: 12}
                    measures:
                      - {id: heating_discount, kind: reward, action: pay_heating, benefit: \(benefit), unit: yuan, when: {tier_at_least: A}}
                      - {id: heating_priority, kind: reward, action: pay_heating, when: {tier_at_least: A}}
                    """
                ),
                on: SimulationFixture.adults(100)
            ).collector
        }
        let small = try run(benefit: 25)
        let grants = small.total("rewards.measure.heating_discount")
        #expect(grants > 0)
        #expect(grants == small.total("rewards.pay_heating"))  // everyone in A: every attempt rewarded
        #expect(small.total("rewards.measure.heating_priority") == grants)
        #expect(small.total("benefit.heating_discount") == 25 * grants)
        #expect(!small.metrics.contains { $0.name == "benefit.heating_priority" })  // no benefit given
        let large = try run(benefit: 50)
        #expect(large.total("benefit.heating_discount") == 2 * small.total("benefit.heating_discount"))
    }

    @Test(
        "False records are counted by source: all of a source's records when it attributes every one wrongly, none when it never does"
    )
    func falseBySource() throws {
        func run(falseShare: Double) throws -> Collector {
            try SimulationFixture.run(
                Self.quiet("", source: "operator: sensors\ncoverage: 0.5\nfalse_attribution: \(falseShare)", rate: 6),
                on: SimulationFixture.adults(100)
            ).collector
        }
        let wrong = try run(falseShare: 1)
        #expect(wrong.total("records.source.watcher") > 0)
        #expect(wrong.total("records.source_false.watcher") == wrong.total("records.source.watcher"))
        let right = try run(falseShare: 0)
        #expect(right.total("records.source.watcher") > 0)
        #expect(right.total("records.source_false.watcher") == 0)
    }

    @Test("A published list gives its people and companies name_published notices; an unpublished one gives none")
    func publishedNotices() throws {
        func run(published: Bool) throws -> Collector {
            let yaml = """
                scenario: {name: Published, start: 2016-01-01, end: 2016-03-31}
                score: {initial: 1000, minimum: 0, maximum: 2000, tiers: [{id: A, min: 0}]}
                behaviors:
                  - {id: refuse_judgment, conduct: contradictory, who: everyone, rate: 365}
                  - {id: unpaid_wages, conduct: contradictory, who: companies, rate: 365}
                sources:
                  - {id: court, operator: court, observes: [refuse_judgment, unpaid_wages], coverage: 1}
                rules:
                  - {id: debtor, behavior: refuse_judgment, list: debtors}
                  - {id: arrears, behavior: unpaid_wages, list: wage_arrears}
                lists:
                  - {id: debtors, kind: black, term_days: 730, published: \(published)}
                  - {id: wage_arrears, kind: black, subject: companies, term_days: 730, published: \(published)}
                """
            let companies: [(province: Int, sector: Sector)] = (0..<10).map { _ in (37, .manufacturing) }
            let people = (0..<30).map { Population.HandMadePerson(age: 35, household: $0) }
            let population = Population(seed: 3, people: people, companies: companies, census: SimulationFixture.census)
            return try SimulationFixture.run(yaml, on: population).collector
        }
        let published = try run(published: true)
        #expect(published.value("list.size.debtors", "2016-03") == 30)
        #expect(published.value("notices.name_published", "2016-03") == 30)
        #expect(published.value("company.list.size.wage_arrears", "2016-03") == 10)
        #expect(published.value("company.notices.name_published", "2016-03") == 10)
        let unpublished = try run(published: false)
        #expect(unpublished.value("list.size.debtors", "2016-03") == 30)
        #expect(unpublished.value("company.list.size.wage_arrears", "2016-03") == 10)
        #expect(!unpublished.metrics.contains { $0.name.hasSuffix("notices.name_published") })
    }
}
