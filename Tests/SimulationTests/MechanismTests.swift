import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// Mechanism tests on small hand-made societies with known answers.
@Suite("Simulation mechanisms")
struct MechanismTests {
    @Test("Coverage 0 gives no records, whatever people do")
    func noCoverage() throws {
        let (_, out) = try SimulationFixture.run(
            SimulationFixture.scenario(source: "coverage: 0"),
            on: SimulationFixture.adults(500)
        )
        #expect(out.total("behavior.offence") > 4_000)  // 500 people x 12 a year
        #expect(out.total("records.total") == 0)
        #expect(out.value("score.mean", "2016-12") == 1000)
    }

    @Test("Full coverage records every occurrence, and every record costs its points")
    func fullCoverage() throws {
        let (_, out) = try SimulationFixture.run(SimulationFixture.scenario(), on: SimulationFixture.adults(300))
        let behaviors = out.total("behavior.offence")
        #expect(out.total("records.total") == behaviors)
        #expect(out.total("points.deducted") == 10 * behaviors)
        // 12 a year for a year: about 12 records each, 120 points: mean about 880 (tier B).
        let mean = try #require(out.value("score.mean", "2016-12"))
        #expect(abs(mean - (1000 - 10 * behaviors / 300)) < 0.01)
    }

    @Test("A false-attribution rate of 0 gives no false records and no wrongful sanctions; a rate above 0 gives some")
    func falseAttribution() throws {
        let extra = """
            actions:
              - {id: buy_flight, who: everyone, rate: 24}
            measures:
              - {id: flight_ban, kind: block, action: buy_flight, when: {tier_at_most: B}}
            """
        let clean = try SimulationFixture.run(
            SimulationFixture.scenario(source: "coverage: 1\nfalse_attribution: 0", extra: extra),
            on: SimulationFixture.adults(400)
        ).collector
        #expect(clean.total("blocked.buy_flight") > 0)
        #expect(clean.total("records.false") == 0)
        #expect(clean.total("blocked_wrongly.total") == 0)
        let noisy = try SimulationFixture.run(
            SimulationFixture.scenario(source: "coverage: 1\nfalse_attribution: 0.5", extra: extra),
            on: SimulationFixture.adults(400)
        ).collector
        #expect(noisy.total("records.false") > 0)
        #expect(noisy.total("blocked_wrongly.total") > 0)
    }

    @Test("An expired record stops counting: January's records are gone from December's scores")
    func expiry() throws {
        let yaml = SimulationFixture.scenario(
            source: "coverage: 1\nrollout: {start: 2016-01-01, end: 2016-01-31}",
            rule: "delta: -10\nlifetime_days: 60"
        )
        let (_, out) = try SimulationFixture.run(yaml, on: SimulationFixture.adults(300))
        #expect(try #require(out.value("score.mean", "2016-01")) < 995)
        #expect(out.value("score.mean", "2016-12") == 1000)
        #expect(out.total("records.expired") == out.total("records.total"))
    }

    @Test("A successful appeal restores the score; a failed one does not")
    func appeals() throws {
        let source = "coverage: 1\nrollout: {start: 2016-01-01, end: 2016-01-31}"
        let won = try SimulationFixture.run(
            SimulationFixture.scenario(
                source: source,
                extra: """
                    appeals: {contest: {true_records: 1, false_records: 1}, success: {true_records: 1, false_records: 1}, days_to_decide: 20}
                    """
            ),
            on: SimulationFixture.adults(200)
        ).collector
        #expect(won.total("appeals.overturned") == won.total("records.total"))
        #expect(won.value("score.mean", "2016-12") == 1000)
        let lost = try SimulationFixture.run(
            SimulationFixture.scenario(
                source: source,
                extra: """
                    appeals: {contest: {true_records: 1, false_records: 1}, success: {true_records: 0, false_records: 0}, days_to_decide: 20}
                    """
            ),
            on: SimulationFixture.adults(200)
        ).collector
        #expect(lost.total("appeals.overturned") == 0)
        #expect(try #require(lost.value("score.mean", "2016-12")) < 1000)
    }

    @Test("Deterrence: monitoring lowers the behaviour's rate by the declared factor")
    func deterrence() throws {
        // The source (and so monitoring) starts on 1 July; the response halves the rate.
        let yaml = SimulationFixture.scenario(
            source: "coverage: 1\nrollout: {start: 2016-07-01}",
            rule: "delta: 0",
            extra: """
                responses:
                  - {id: chilling, trigger: monitored, behaviors: [offence], factor: 0.5}
                """
        )
        let (_, out) = try SimulationFixture.run(yaml, on: SimulationFixture.adults(4_000))
        let first = (1...6).reduce(0.0) { $0 + (out.value("behavior.offence", "2016-0\($1)") ?? 0) }
        let second = (7...12).reduce(0.0) {
            $0 + (out.value("behavior.offence", $1 < 10 ? "2016-0\($1)" : "2016-\($1)") ?? 0)
        }
        // 4,000 people x 12 a year x half a year = 24,000 events; halved after July (days: 182 vs 184).
        let ratio = (second / 184) / (first / 182)
        #expect(abs(ratio - 0.5) < 0.03, "ratio \(ratio)")
    }

    @Test("Spillovers test a linked person's own standing: a grandparent's tier reaches the parent, not the grandchild")
    func spilloversDoNotChain() throws {
        let yaml = """
            scenario: {name: No chains, start: 2016-01-01, end: 2016-12-31}
            score:
              initial: 1000
              minimum: 0
              maximum: 2000
              tiers: [{id: A, min: 960}, {id: B, min: 850}, {id: C, min: 0}]
            behaviors:
              - {id: drunk_driving, conduct: contradictory, who: drivers, rate: 12}
            sources:
              - {id: police, observes: drunk_driving, coverage: 1}
            rules:
              - {id: drunk, behavior: drunk_driving, delta: -1, tier_ceiling: C}
            spillovers:
              - {id: family_shame, link: parents, when: {tier_at_most: C}, effect: {tier_ceiling: C}}
            """
        // Five families of three generations; only the grandparents drive.
        var people: [Population.HandMadePerson] = []
        for family in 0..<5 {
            let grandparent = people.count
            people.append(.init(age: 70, driver: true, household: family))
            people.append(.init(age: 45, household: family, mother: grandparent))
            people.append(.init(age: 15, household: family, mother: grandparent + 1))
        }
        let population = Population(seed: 5, people: people, census: SimulationFixture.census)
        let (simulation, _) = try SimulationFixture.run(yaml, on: population)
        let snapshots = simulation.finalSnapshots(census: SimulationFixture.census).sorted { $0.subject < $1.subject }
        #expect(snapshots.count == 15)
        for family in 0..<5 {
            let (grandparent, parent, child) = (
                snapshots[3 * family], snapshots[3 * family + 1], snapshots[3 * family + 2]
            )
            #expect(grandparent.tier == "C" && grandparent.spilloverCeiling == nil)
            // The parent is at C only through the spillover: that does not pass it on.
            #expect(parent.tier == "C" && parent.spilloverCeiling == "C")
            #expect(child.tier == "A" && child.spilloverCeiling == nil)
        }
    }

    @Test("A listed parent's child is refused a high-fee private school; other children are not")
    func schoolSpillover() throws {
        let yaml = Self.debtors(
            name: "School spillover",
            behaviors: "",
            rest: """
                actions:
                  - {id: enrol_private_school, who: school_children, rate: 52}
                spillovers:
                  - {id: school_ban, link: parents, when: {list: debtors}, effect: {block: enrol_private_school}}
                """
        )
        // Fifty families of a parent (who refuses to perform a judgment, being a parent) and a
        // child, then fifty children living without a parent.
        var people: [Population.HandMadePerson] = []
        for family in 0..<50 {
            let parent = people.count
            // Ages are at the census reference day (2020-11-01): 14 then is 9 or 10 in 2016.
            people.append(.init(age: 44, household: family))
            people.append(.init(age: 14, household: family, mother: parent))
        }
        for orphan in 0..<50 { people.append(.init(age: 14, household: 50 + orphan)) }
        let population = Population(seed: 3, people: people, census: SimulationFixture.census)
        let (simulation, out) = try SimulationFixture.run(yaml, on: population)
        #expect(out.total("list.entries.debtors") == 50)
        #expect(out.total("blocked.enrol_private_school") > 0)
        let snapshots = simulation.finalSnapshots(census: SimulationFixture.census)
        let blocked = snapshots.filter { $0.subjectKind == .people && $0.blocked > 0 }.map(\.subject)
        // Every debtor's child tried about 26 times in six months and was refused from the first
        // month's end; children without a listed parent never were.
        #expect(blocked.count == 50)
        #expect(blocked.allSatisfy { $0 < 100 && $0 % 2 == 1 })
    }

    @Test("A parent on a black list: the relative_listed response stops a child's behaviour from the next month end")
    func relativeListed() throws {
        let yaml = Self.debtors(
            name: "Relative listed",
            behaviors: """

                  - {id: post_online, conduct: conforming, who: minors, rate: 12}
                """,
            rest: """
                responses:
                  - {id: silence, trigger: relative_listed, behaviors: [post_online], factor: 0}
                """
        )
        // 400 families of a parent (listed within days) and a child of 9 or 10 in 2016.
        var people: [Population.HandMadePerson] = []
        for family in 0..<400 {
            let parent = people.count
            people.append(.init(age: 44, household: family))
            people.append(.init(age: 14, household: family, mother: parent))
        }
        let population = Population(seed: 5, people: people, census: SimulationFixture.census)
        let (_, out) = try SimulationFixture.run(yaml, on: population)
        #expect(out.total("list.entries.debtors") == 400)
        // January, before the first month end sees the parents listed: 400 x 12 x 31/366 = 407
        // posts expected (sd about 20). From February on, every child's parent is listed: none.
        let january = try #require(out.value("behavior.post_online", "2016-01"))
        #expect(abs(january - 407) < 100, "january \(january)")
        #expect(out.total("behavior.post_online") == january)
    }

    /// The first half of 2016 for parents who refuse to perform a judgment every day, and are
    /// listed as debtors for it; `behaviors` adds behaviour lines, `rest` further sections.
    static func debtors(name: String, behaviors: String, rest: String) -> String {
        """
        scenario: {name: \(name), start: 2016-01-01, end: 2016-06-30}
        score: {initial: 1000, minimum: 0, maximum: 2000, tiers: [{id: A, min: 0}]}
        behaviors:
          - {id: refuse_judgment, conduct: contradictory, who: parents, rate: 365}\(behaviors)
        sources:
          - {id: court, observes: refuse_judgment, coverage: 1}
        rules:
          - {id: listing, behavior: refuse_judgment, list: debtors}
        lists:
          - {id: debtors, kind: black, term_days: 730}
        \(rest)
        """
    }
}

/// The day loop's named codes stand for the language's cases they claim to.
@Suite("Day-loop codes")
struct CodeTests {
    @Test("Group bits are each group's place among Group.allCases")
    func groupBits() {
        let named: [(Group, UInt16)] = [
            (.everyone, GroupBit.everyone), (.adults, GroupBit.adults), (.minors, GroupBit.minors),
            (.schoolChildren, GroupBit.schoolChildren), (.drivers, GroupBit.drivers), (.parents, GroupBit.parents),
            (.employees, GroupBit.employees), (.internetUsers, GroupBit.internetUsers),
            (.companies, GroupBit.companies),
        ]
        #expect(named.count == Group.allCases.count)
        for (group, bit) in named { #expect(GroupBit.bit(group) == bit, "\(group)") }
    }

    @Test("Trigger codes keep distinct bits, one per trigger")
    func triggerBits() {
        let bits = Response.Trigger.allCases.map { TriggerCode($0).bit }
        #expect(Set(bits).count == Response.Trigger.allCases.count)
        #expect(bits.reduce(0, |) == 0b11111)
    }
}
