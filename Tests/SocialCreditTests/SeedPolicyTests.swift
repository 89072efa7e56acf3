import Foundation
import Testing

@testable import SocialCredit

/// The seed scenario's own rules at work on single people: what the article describes, traced.
@Suite("Seed scenario policy")
struct SeedPolicyTests {
    let policy: Policy

    init() throws {
        let path = ShippedScenarioTests.folder + "/seed-article.yaml"
        let reading = Scenario.read(contentsOf: path)
        policy = try Policy(#require(reading.scenario))
    }

    @Test(
        "A judgment debtor in a non-pilot province is listed nationally, blocked from flights and G-trains; their child from a good school"
    )
    func courtListIsNational() throws {
        var debtor = RecordBook(policy)
        debtor.add("judgment_not_performed", on: "2016-03-01")
        let guangdong = debtor.subject(province: 44)
        let flight = try #require(policy.decide("buy_flight", for: guangdong, on: d("2016-06-01")))
        #expect(!flight.allowed)
        #expect(try #require(policy.decide("buy_train_ticket", for: guangdong, on: d("2016-06-01"))).allowed == false)
        #expect(flight.standing.score == 1000)  // the points deduction runs only where the pilots run
        #expect(policy.notices(for: flight.standing).contains("name_published"))
        let school = try #require(
            policy.decide(
                "enrol_private_school",
                for: Subject(province: 44),
                relations: Relations(parents: [guangdong]),
                on: d("2016-09-01")
            )
        )
        #expect(!school.allowed)
    }

    @Test("In a pilot province the same debtor also loses 50 points; repayment delists three days later")
    func pilotDeductionAndRepair() throws {
        var debtor = RecordBook(policy)
        debtor.add("judgment_not_performed", on: "2016-03-01")
        debtor.add("judgment_debt_repaid", on: "2016-08-01")
        let shandong = debtor.subject(province: 37)
        #expect(policy.assess(shandong, on: d("2016-06-01")).score == 950)
        #expect(try #require(policy.decide("buy_flight", for: shandong, on: d("2016-08-03"))).allowed == false)
        #expect(try #require(policy.decide("buy_flight", for: shandong, on: d("2016-08-04"))).allowed)
    }

    @Test("Before the 2014 pilots nothing is scored: a record in 2014-01 has no effect anywhere")
    func beforePilots() {
        var book = RecordBook(policy)
        book.add("loan_arrears", on: "2014-02-01")
        let standing = policy.assess(book.subject(province: 37), on: d("2014-03-01"))
        #expect(standing.score == 1000)
        #expect(standing.contributions.allSatisfy { $0.status == .ruleNotInForce })
    }
}
