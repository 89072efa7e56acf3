import Foundation
import Testing

@testable import SocialCredit

/// The language extensions for real systems: further ratings (environmental colours, score
/// dimensions), tiers reached only by assignment (tax grade M), the calibration section. Valid
/// inputs with what the engine makes of them; invalid ones with their exact messages.
@Suite("Ratings, assigned tiers and calibration in the language")
struct RatingLanguageTests {
    /// Companies with tax grades A/B/M/C/D and an environmental colour; people with a score fed by
    /// one dimension.
    static let valid = """
        scenario: {name: Ratings, start: 2018-01-01, end: 2019-12-31}
        score:
          initial: 550
          minimum: 350
          maximum: 950
          tiers: [{id: high, min: 600}, {id: low, min: 350}]
        company_score:
          initial: 90
          minimum: 0
          maximum: 100
          tiers:
            - {id: A, min: 90}
            - {id: B, min: 70, max: 89}
            - {id: M, assigned_only: true}
            - {id: C, min: 40, max: 69}
            - {id: D, min: 0, max: 39}
        ratings:
          - id: environment
            subject: companies
            sectors: [manufacturing]
            scale:
              initial: 70
              minimum: 0
              maximum: 100
              tiers: [{id: green, min: 85}, {id: blue, min: 60}, {id: yellow, min: 40}, {id: red, min: 0}]
          - id: credit_history
            scale: {initial: 33, minimum: 0, maximum: 100, tiers: [{id: strong, min: 67}, {id: weak, min: 0}]}
            score_weight: 2.1
        behaviors:
          - {id: repay, conduct: conforming, rate: 1}
          - {id: no_income, conduct: conforming, who: companies, rate: 1}
          - {id: pollute, conduct: contradictory, who: companies, rate: 1}
          - {id: veto, conduct: contradictory, who: companies, rate: 1}
        sources:
          - {id: s, observes: [repay, no_income, pollute, veto], coverage: 1}
        rules:
          - {id: repay_points, behavior: repay, rating: credit_history, delta: 20}
          - {id: grade_m, behavior: no_income, tier_ceiling: M, lifetime_days: 365}
          - {id: pollute_points, behavior: pollute, rating: environment, delta: -15, lifetime_days: 365}
          - {id: one_vote_veto, behavior: veto, rating: environment, delta: -100}
        lists:
          - {id: env_black, kind: black, subject: companies, entry: {tier_at_most: red}}
        actions:
          - {id: bid, who: companies, rate: 1}
        measures:
          - {id: no_bids, kind: block, subject: companies, action: bid, when: {any: [{tier_at_most: D}, {list: env_black}]}}
        calibration:
          targets:
            - id: red_share
              metric: "at(rating.environment.tier.share.red, 2018-10)"
              value: 0.0245
              tolerance: 0.1
              source: "Guangdong, 26 of 1,060 key firms"
          fit:
            - {path: behaviors.pollute.rate, min: 0.01, max: 1}

        """

    private func breaking(_ old: String, _ new: String) -> String {
        precondition(Self.valid.contains(old), "fixture does not contain \(old)")
        return Self.valid.replacingOccurrences(of: old, with: new)
    }

    private func errors(_ text: String) -> [String] {
        let reading = Scenario.read(text, file: "test.yaml")
        #expect(reading.scenario == nil, "an invalid scenario must not be returned")
        return reading.errors.map(\.description)
    }

    @Test("The fixture is valid and reads as declared")
    func valid() throws {
        let reading = Scenario.read(Self.valid, file: "test.yaml")
        #expect(reading.errors.isEmpty, "\(reading.errors)")
        let scenario = try #require(reading.scenario)
        // Company rules only lower the environment rating, which feeds no score, and cap grades at
        // M: the company score stays at its initial 90 (B, C and D never reached; M by the ceiling),
        // and the rating never climbs from 70 to green (85).
        #expect(
            reading.warnings.map(\.path) == [
                "company_score.tiers[1]", "company_score.tiers[3]", "company_score.tiers[4]",
                "ratings[0].scale.tiers[0]",
            ]
        )
        #expect(scenario.staticWarnings().allSatisfy { $0.kind == .unreachableTier })
        #expect(scenario.ratings.map(\.id) == ["environment", "credit_history"])
        #expect(scenario.ratings[0].subject == .companies && scenario.ratings[0].sectors == [.manufacturing])
        #expect(scenario.ratings[1].scoreWeight == 2.1)
        #expect(scenario.companyScore?.tiers[2].assignedOnly == true)
        #expect(scenario.rules[0].rating?.id == "credit_history")
        #expect(scenario.calibration?.targets.first?.value == 0.0245)
        #expect(scenario.calibration?.fit.first?.path.text == "behaviors.pollute.rate")
        _ = try Policy(scenario)
    }

    private var policy: Policy { try! Policy(Scenario.parse(Self.valid, file: "test.yaml")) }

    private func company(_ records: [(String, String)], sector: Sector = .manufacturing) -> Subject {
        let policy = self.policy
        return Subject(
            kind: .companies,
            province: 44,
            records: records.enumerated().map { index, record in
                Record(id: index + 1, behavior: policy.behavior(record.0)!, source: 0, occurred: d(record.1))
            },
            sector: sector
        )
    }

    @Test("An assigned-only tier takes no scores; a ceiling assigns it, and a worse grade stays")
    func assignedTier() {
        let policy = self.policy
        let tiers = policy.scenario.companyScore!.tiers.map(\.id)
        #expect((0...100).allSatisfy { policy.scenario.companyScore!.tierIndex(for: $0) != 2 })  // no score is M
        let plain = policy.assess(company([]), on: d("2018-06-01"))
        #expect(plain.score == 90 && plain.tier.map { tiers[$0] } == "A")
        let noIncome = policy.assess(company([("no_income", "2018-03-01")]), on: d("2018-06-01"))
        #expect(noIncome.score == 90 && noIncome.tier.map { tiers[$0] } == "M")  // A capped at M
        let expired = policy.assess(company([("no_income", "2018-03-01")]), on: d("2019-03-01"))
        #expect(expired.tier.map { tiers[$0] } == "A")  // the ceiling lasted 365 days
    }

    @Test("A rating moves on its own rules; its tiers drive conditions; other sectors are not rated")
    func ratingConditions() throws {
        let policy = self.policy
        let colours = policy.scenario.ratings[0].scale.tiers.map(\.id)
        let bid = try #require(policy.action("bid"))
        let yellow = policy.assess(
            company([("pollute", "2018-02-01"), ("pollute", "2018-03-01")]),
            on: d("2018-06-01")
        )
        let environment = try #require(yellow.rating(0))
        #expect(environment.score == 40 && colours[environment.tier] == "yellow")  // 70 - 15 - 15
        #expect(yellow.score == 90)  // the tax score is untouched
        #expect(policy.decide(bid, for: company([("pollute", "2018-02-01")]), on: d("2018-06-01")).allowed)
        let vetoed = company([("veto", "2018-02-01")])
        let red = try #require(policy.assess(vetoed, on: d("2018-06-01")).rating(0))
        #expect(red.score == 0 && colours[red.tier] == "red")  // one-vote veto
        #expect(policy.assess(vetoed, on: d("2018-06-01")).isListed(try #require(policy.list("env_black"))))
        #expect(!policy.decide(bid, for: vetoed, on: d("2018-06-01")).allowed)
        let retailer = company([("veto", "2018-02-01")], sector: .retail)
        #expect(policy.assess(retailer, on: d("2018-06-01")).rating(0) == nil)
        #expect(policy.decide(bid, for: retailer, on: d("2018-06-01")).allowed)
    }

    @Test("A weighted rating feeds the score within its own bounds: 550 + 2.1 x (min(33 + 20n, 100) - 33)")
    func weightedDimension() {
        let policy = self.policy
        func score(repaid n: Int) -> Int? {
            let records = (0..<n).map {
                Record(
                    id: $0 + 1,
                    behavior: policy.behavior("repay")!,
                    source: 0,
                    occurred: d("2018-02-01").adding(days: $0)
                )
            }
            return policy.assess(Subject(province: 44, records: records), on: d("2018-06-01")).score
        }
        #expect(score(repaid: 0) == 550)
        #expect(score(repaid: 1) == 592)  // 550 + 2.1 x 20
        #expect(score(repaid: 3) == 676)  // 550 + 2.1 x 60
        #expect(score(repaid: 5) == 691)  // the dimension stops at 100: 550 + 2.1 x 67 = 690.7
        let unenrolled = Subject(province: 44, enrolled: false)
        #expect(policy.assess(unenrolled, on: d("2018-06-01")).ratings.isEmpty)
    }

    @Test(
        "Invalid ratings, assigned tiers and rating rules: each error with its place",
        arguments: [
            (
                "{id: M, assigned_only: true}", "{id: M, assigned_only: true, min: 75}",
                [
                    "test.yaml:14:41: company_score.tiers[2].min: a tier with 'assigned_only' has no band of scores: remove 'min' (it is reached only through a tier ceiling)"
                ]
            ),
            (
                "{id: A, min: 90}", "{id: A, assigned_only: true}",
                [
                    "test.yaml:12:7: company_score.tiers[0]: the best tier 'A' cannot be 'assigned_only': scores above the next tier need a tier (give it a 'min')"
                ]
            ),
            (
                "{id: yellow, min: 40}", "{id: B, min: 40}",
                [
                    "test.yaml:25:63: ratings[0].scale.tiers[2].id: tier id 'B' is already used by company_score: conditions name tiers by id, so every tier of the companies's scales needs its own id (e.g. 'environment_B')"
                ]
            ),
            (
                "rating: credit_history, delta: 20", "rating: credit_histry, delta: 20",
                ["test.yaml:37:49: rules[0].rating: unknown rating 'credit_histry' (did you mean 'credit_history'?)"]
            ),
            (
                "behavior: pollute, rating: environment", "behavior: pollute, rating: credit_history",
                [
                    "test.yaml:39:53: rules[2].rating: rating 'credit_history' rates people, but behaviour 'pollute' is done by companies"
                ]
            ),
            (
                "tier_ceiling: M,", "tier_ceiling: red,",
                [
                    "test.yaml:38:54: rules[1].tier_ceiling: tier 'red' belongs to rating 'environment': tier ceilings apply to the main score (lower the rating with a negative 'delta' instead)"
                ]
            ),
            (
                "    score_weight: 2.1", "    score_weight: 2.1\n    sectors: [retail]",
                [
                    "test.yaml:29:14: ratings[1].sectors: 'sectors' only applies to company ratings; add 'subject: companies'"
                ]
            ),
            (
                "{tier_at_most: red}", "{tier_at_most: redd}",
                ["test.yaml:42:76: lists[0].entry.tier_at_most: unknown company tier 'redd' (did you mean 'red'?)"]
            ),
        ]
    )
    func invalid(old: String, new: String, expected: [String]) {
        #expect(errors(breaking(old, new)) == expected)
    }

    @Test(
        "Invalid calibration sections: each error with its place",
        arguments: [
            (
                "at(rating.environment.tier.share.red, 2018-10)", "at(rating.environment.tier.share.red 2018-10)",
                ["test.yaml:50:53: calibration.targets[0].metric: expected ')', found '2'"]
            ),
            (
                "value: 0.0245", "value: 0",
                [
                    "test.yaml:51:14: calibration.targets[0].value: a published value of 0 has no relative error: targets need a non-zero value"
                ]
            ),
            (
                "path: behaviors.pollute.rate", "path: behaviors.polute.rate",
                [
                    "test.yaml:55:14: calibration.fit[0].path: behaviors.polute.rate: no element with id 'polute' in behaviors (did you mean 'pollute'?)"
                ]
            ),
            (
                "path: behaviors.pollute.rate", "path: behaviors.pollute.conduct",
                [
                    "test.yaml:55:14: calibration.fit[0].path: behaviors.pollute.conduct is text 'contradictory', not a number, so it cannot be fitted"
                ]
            ),
            (
                "min: 0.01, max: 1}", "min: 1, max: 0.5}",
                ["test.yaml:55:51: calibration.fit[0].max: the range is empty: min (1) must be below max (0.5)"]
            ),
            (
                "      source: \"Guangdong, 26 of 1,060 key firms\"\n", "",
                ["test.yaml:49:7: calibration.targets[0]: missing required key 'source'"]
            ),
        ]
    )
    func invalidCalibration(old: String, new: String, expected: [String]) {
        #expect(errors(breaking(old, new)) == expected)
    }
}
