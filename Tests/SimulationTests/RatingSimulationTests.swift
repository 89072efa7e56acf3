import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// Further ratings and assigned-only tiers in the day loop, held to hand-worked answers: the same
/// semantics as the decision engine (a rating moves on its own rules, within its own bounds, feeds
/// the score with its weight, rates only its sectors, and its tiers drive conditions).
@Suite("Simulation: ratings and assigned tiers")
struct RatingSimulationTests {
    @Test("Each kind of subject keeps points only for the ratings that rate it, tiers for all when it has one")
    func columnsByKind() throws {
        let yaml = """
            scenario: {name: Both kinds, start: 2018-01-01, end: 2018-06-30}
            score: {initial: 0, minimum: 0, maximum: 1, tiers: [{id: person, min: 0}]}
            company_score: {initial: 90, minimum: 0, maximum: 100, tiers: [{id: A, min: 90}, {id: D, min: 0}]}
            ratings:
              - id: conduct
                subject: people
                scale: {initial: 50, minimum: 0, maximum: 100, tiers: [{id: good, min: 50}, {id: poor, min: 0}]}
              - id: environment
                subject: companies
                scale: {initial: 70, minimum: 0, maximum: 100, tiers: [{id: blue, min: 60}, {id: red, min: 0}]}
            behaviors:
              - {id: litter, conduct: contradictory, who: adults, rate: 365}
              - {id: pollute, conduct: contradictory, who: companies, rate: 365}
            sources:
              - {id: bureau, observes: [litter, pollute], coverage: 1}
            rules:
              - {id: litter_rule, behavior: litter, rating: conduct, delta: -100}
              - {id: pollute_rule, behavior: pollute, rating: environment, delta: -100}
            """
        let companies: [(province: Int, sector: Sector)] = (0..<12).map { _ in (44, .manufacturing) }
        let people = (0..<20).map { Population.HandMadePerson(age: 35, household: $0, employer: $0 % 12) }
        let population = Population(seed: 5, people: people, companies: companies, census: SimulationFixture.census)
        let (simulation, out) = try SimulationFixture.run(yaml, on: population)
        #expect(simulation.people.ratingDelta.map(\.count) == [20, 0])
        #expect(simulation.people.ratingFalse.map(\.count) == [20, 0])
        #expect(simulation.companies.ratingDelta.map(\.count) == [0, 12])
        #expect(simulation.people.ratingSnapshot.width == 2 && simulation.companies.ratingSnapshot.width == 2)
        // Daily offences drive both ratings to their minimum, each on its own kind.
        #expect(out.value("rating.conduct.rated", "2018-06") == 20)
        #expect(out.value("rating.conduct.mean", "2018-06") == 0)
        #expect(out.value("rating.environment.rated", "2018-06") == 12)
        #expect(out.value("rating.environment.tier.share.red", "2018-06") == 1)
    }

    @Test("Companies: a one-vote veto turns every polluter red and blocks its bids; other sectors are not rated")
    func vetoToRed() throws {
        let yaml = """
            scenario: {name: Veto, start: 2018-01-01, end: 2018-06-30}
            score: {initial: 0, minimum: 0, maximum: 1, tiers: [{id: person, min: 0}]}
            company_score:
              initial: 90
              minimum: 0
              maximum: 100
              tiers: [{id: A, min: 90}, {id: M, assigned_only: true}, {id: D, min: 0}]
            ratings:
              - id: environment
                subject: companies
                sectors: [manufacturing]
                scale: {initial: 70, minimum: 0, maximum: 100, tiers: [{id: blue, min: 60}, {id: red, min: 0}]}
            behaviors:
              - {id: veto, conduct: contradictory, who: companies, sectors: [manufacturing], rate: 365}
              - {id: no_income, conduct: conforming, who: companies, sectors: [retail], rate: 365}
            sources:
              - {id: bureau, observes: [veto, no_income], coverage: 1}
            rules:
              - {id: one_vote_veto, behavior: veto, rating: environment, delta: -100}
              - {id: grade_m, behavior: no_income, tier_ceiling: M}
            actions:
              - {id: bid, who: companies, rate: 52}
            measures:
              - {id: no_bids, kind: block, subject: companies, action: bid, when: {tier_at_most: red}}
            """
        let companies: [(province: Int, sector: Sector)] = (0..<20).map { (44, $0 < 10 ? .manufacturing : .retail) }
        let people = (0..<20).map { Population.HandMadePerson(age: 35, household: $0, employer: $0) }
        let population = Population(seed: 5, people: people, companies: companies, census: SimulationFixture.census)
        let (_, out) = try SimulationFixture.run(yaml, on: population)
        // Ten manufacturers are rated and all vetoed to red; ten retailers are not rated.
        #expect(out.value("rating.environment.rated", "2018-06") == 10)
        #expect(out.value("rating.environment.tier.share.red", "2018-06") == 1)
        #expect(out.value("rating.environment.mean", "2018-06") == 0)  // clamped at the minimum
        // Retailers are assigned M (their score of 90 would be A); manufacturers stay A: the
        // rating's points never touch the tax score.
        #expect(out.value("company.tier.share.A", "2018-06") == 0.5)
        #expect(out.value("company.tier.share.M", "2018-06") == 0.5)
        #expect(out.value("company.score.mean", "2018-06") == 90)
        // Only red (rated, vetoed) firms' bids are blocked, and all of theirs are.
        #expect(out.total("blocked.bid") > 0)
        #expect(out.total("blocked.bid") == out.total("attempts.bid"))
    }

    @Test("People: a dimension feeds the score with its weight and stops at its own maximum")
    func weightedDimension() throws {
        let yaml = """
            scenario: {name: Dimension, start: 2016-01-01, end: 2016-12-31}
            score:
              initial: 550
              minimum: 350
              maximum: 950
              tiers: [{id: excellent, min: 700}, {id: fair, min: 350}]
            ratings:
              - id: credit_history
                scale: {initial: 33, minimum: 0, maximum: 100, tiers: [{id: strong, min: 67}, {id: weak, min: 0}]}
                score_weight: 2.1
            behaviors:
              - {id: repay, conduct: conforming, who: everyone, rate: 24}
            sources:
              - {id: platform, observes: repay, coverage: 1}
            rules:
              - {id: repay_points, behavior: repay, rating: credit_history, delta: 20}
            actions:
              - {id: visa, who: everyone, rate: 12}
            measures:
              - {id: visa_fast_track, kind: reward, action: visa, when: {all: [{score_at_least: 690}, {tier_at_least: strong}]}}
            """
        let (_, out) = try SimulationFixture.run(yaml, on: SimulationFixture.adults(200))
        // Two repayments a month: by December everyone's dimension has hit 100, so every score is
        // 550 + 2.1 x (100 - 33) = 690.7, rounded to 691.
        #expect(out.value("rating.credit_history.mean", "2016-12") == 100)
        #expect(out.value("rating.credit_history.tier.share.strong", "2016-12") == 1)
        #expect(out.value("score.mean", "2016-12") == 691)
        #expect(out.total("rewards.visa") > 0)
    }
}
