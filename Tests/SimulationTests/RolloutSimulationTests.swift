import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// Rollouts in the day loop: a phase opens a part only for the kinds of subject it covers.
@Suite("Simulation: rollout by kind of subject")
struct RolloutSimulationTests {
    @Test(
        "A source tied to a company-only phase records companies everywhere, and people only where a people's phase opens"
    )
    func sourcePhaseByKind() throws {
        // Companies in Hebei (13), people in Shandong (37). The people's phase covers Guangdong
        // (44) only, so from `firms` on the bureau is open for companies in every province and for
        // people nowhere they live.
        let yaml = """
            scenario: {name: Phases, start: 2018-01-01, end: 2018-03-31}
            score: {initial: 100, minimum: 0, maximum: 200, tiers: [{id: all, min: 0}]}
            company_score: {initial: 100, minimum: 0, maximum: 200, tiers: [{id: all, min: 0}]}
            behaviors:
              - {id: dump, conduct: contradictory, who: companies, rate: 52}
              - {id: litter, conduct: contradictory, who: adults, rate: 52}
            sources:
              - {id: bureau, observes: [dump, litter], coverage: 1, rollout: {phase: firms}}
            timeline:
              - {id: firms, start: 2018-01-01, regions: all, subjects: [companies]}
              - {id: people_pilot, start: 2018-01-01, regions: [Guangdong], subjects: [people]}
            """
        let companies: [(province: Int, sector: Sector)] = (0..<10).map { _ in (13, .manufacturing) }
        let people = (0..<10).map { Population.HandMadePerson(age: 35, household: $0, employer: $0) }
        let population = Population(seed: 3, people: people, companies: companies, census: SimulationFixture.census)
        let (_, out) = try SimulationFixture.run(yaml, on: population)
        let dumped = out.total("behavior.dump")
        let littered = out.total("behavior.litter")
        #expect(dumped > 0 && littered > 0)
        // Coverage 1: every company behaviour is recorded, no person's.
        #expect(out.total("records.source.bureau") == dumped)
    }
}
