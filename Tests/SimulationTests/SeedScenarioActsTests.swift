import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// The default scenario does what the article says, on a small society over its whole period:
/// every mechanism the article names acts on someone (issue 13). The magnitudes are checked by
/// `sclab calibrate seed-article` at 1,000,000 people; here each must simply not be zero, which
/// before this scenario was reworked several were (nobody at grade D, no company records).
@Suite("Seed scenario: every mechanism acts")
struct SeedScenarioActsTests {
    static let run: (collector: Collector, tallies: [GroupTally], policy: Policy) = {
        let policy = DeterminismTests.seedScenario
        let generator = Societies.generator
        let population = generator.generate(size: 4_000, seed: 1, threads: 2)
        var simulation = Simulation(
            policy: policy,
            population: population,
            census: generator.census,
            config: SimulationConfig(
                period: policy.scenario.period,
                seed: 1,
                threads: 2,
                traceEvery: 1_000
            )
        )
        var collector = Collector()
        simulation.run(observer: &collector)
        return (collector, simulation.groupTallies(census: generator.census), policy)
    }()

    @Test(
        "Sanctions, lists, notices and rewards each reach someone",
        arguments: [
            "blocked.buy_flight", "blocked.buy_train_ticket", "blocked.buy_luxury", "blocked.rent_office",
            "blocked.take_loan", "blocked.enrol_private_school",
            "notices.name_published", "notices.ringtone_warning", "notices.honour_board",
            "rewards.pay_energy_bill", "rewards.use_dating_site", "rewards.rent_with_deposit",
            "list.entries.dishonest_judgment_debtors", "list.size.red_list",
            "list.entries.company_blacklist", "company.notices.name_published", "blocked.bid_government_procurement",
        ]
    )
    func mechanismActs(metric: String) {
        #expect(Self.run.collector.total(metric) > 0, "\(metric) is 0 over the whole run")
    }

    @Test("Some people reach the lowest grade, D, before the national run")
    func gradeD() {
        let before2020 = Self.run.collector.metrics.filter { $0.name == "tier.share.D" && $0.period < "2020-01" }
        #expect(before2020.contains { $0.value > 0 })
    }

    @Test("Every source records something, and companies are recorded from 2014")
    func sourcesAndCompanies() {
        // The rail and aviation administrations observe only misconduct on board, at the published
        // 1.6 per 100,000 adults a year: about 0.4 records on 3,000 adults over 8 years.
        for source in Self.run.policy.scenario.sources where source.id != "tourism_transport_admin" {
            #expect(Self.run.collector.total("records.source.\(source.id)") > 0, "\(source.id) never records")
        }
        let companyRecords2014 = Self.run.collector.metrics.filter {
            $0.name == "records.source.environmental_bureaus" && $0.period.hasPrefix("2014")
        }
        #expect(companyRecords2014.reduce(0) { $0 + $1.value } > 0)
    }

    @Test("Spillovers reach people: points from friends or employers, blocks and rewards through parents")
    func spillovers() throws {
        let everyone = try #require(Self.run.tallies.first { $0.dimension == "all" })
        #expect(everyone.spilloverPoints > 0)
        #expect(everyone.spilloverBlocked > 0)
        #expect(everyone.spilloverRewarded > 0)
    }
}
