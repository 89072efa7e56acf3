import Testing

@testable import SocialCredit

/// Worked examples for scores and tiers, from the Rongcheng Assessment Standard
/// (shared/research/real-systems.md §1): start at 1,000; loan arrears -10; breach judgment -50.
@Suite("Decision engine: scores and tiers")
struct ScoreEngineTests {
    let policy = Fixture.workedPolicy

    private func tier(_ standing: Standing) -> String? {
        standing.tier.map { policy.scenario.score.tiers[$0].id }
    }

    @Test("Rongcheng schedule: 1000, arrears -10, breach -50; grade and perks follow")
    func rongchengSchedule() throws {
        var book = RecordBook(policy)
        book.add("loan_arrears", on: "2016-01-10")
        book.add("breach_judgment", on: "2016-05-02")
        let bike = try #require(policy.action("rent_bike"))

        let before = policy.assess(book.subject(), on: d("2016-01-09"))
        #expect(before.score == 1000)
        #expect(tier(before) == "A")  // 960...1029

        let afterArrears = policy.assess(book.subject(), on: d("2016-01-10"))
        #expect(afterArrears.score == 990)
        #expect(tier(afterArrears) == "A")
        #expect(policy.decide(bike, for: book.subject(), on: d("2016-01-10")).rewards.count == 1)

        let afterBreach = policy.assess(book.subject(), on: d("2016-05-02"))
        #expect(afterBreach.score == 940)  // 1000 - 10 - 50
        #expect(tier(afterBreach) == "B")  // 850...959: the deposit waiver (tier A or better) is lost
        let decision = policy.decide(bike, for: book.subject(), on: d("2016-05-02"))
        #expect(decision.allowed)
        #expect(decision.rewards.isEmpty)
    }

    @Test("Heroic acts raise the grade: +30 reaches AA, +60 reaches AAA and the red list")
    func heroicActs() throws {
        var book = RecordBook(policy)
        book.add("heroic_act", on: "2015-03-01")
        #expect(tier(policy.assess(book.subject(), on: d("2015-03-01"))) == "AA")  // 1030
        book.add("heroic_act", on: "2015-08-01")
        let standing = policy.assess(book.subject(), on: d("2015-08-01"))
        #expect(standing.score == 1060)
        #expect(tier(standing) == "AAA")
        #expect(standing.isListed(try #require(policy.list("trustworthy"))))
        let heating = try #require(policy.action("pay_heating_bill"))
        let decision = policy.decide(heating, for: book.subject(), on: d("2015-08-01"))
        #expect(
            decision.rewards.map(\.origin) == [
                .measure(try #require(policy.scenario.measures.firstIndex { $0.id == "heating_discount" }))
            ]
        )
    }

    @Test("Yearly cap: four arrears in one year cost 30, not 40; the cap resets next year")
    func yearlyCap() {
        var book = RecordBook(policy)
        for day in ["2016-02-01", "2016-03-01", "2016-04-01", "2016-05-01", "2017-01-15"] {
            book.add("loan_arrears", on: day)
        }
        let standing = policy.assess(book.subject(), on: d("2016-12-31"))
        #expect(standing.score == 970)
        #expect(standing.contributions.map(\.delta) == [-10, -10, -10, 0])
        #expect(policy.assess(book.subject(), on: d("2017-01-15")).score == 960)
    }

    @Test("An expired record stops counting: arrears count for 730 days")
    func expiry() {
        var book = RecordBook(policy)
        book.add("loan_arrears", on: "2015-01-01")
        // 2015 has 365 days and 2016 has 366: day 730 of the record's life is 2016-12-30.
        #expect(policy.assess(book.subject(), on: d("2016-12-30")).score == 990)
        let later = policy.assess(book.subject(), on: d("2016-12-31"))
        #expect(later.score == 1000)
        #expect(later.contributions.first?.status == .expired)
    }

    @Test("Discretion: a record judged otherwise has no effect")
    func discretion() {
        var book = RecordBook(policy)
        book.add("breach_judgment", on: "2016-05-02", judgedOtherwise: true)
        let standing = policy.assess(book.subject(), on: d("2016-06-01"))
        #expect(standing.score == 1000)
        #expect(standing.contributions.first?.status == .judgedOtherwise)
    }

    @Test("A successful appeal restores the score from the decision day")
    func appealRestoresScore() {
        var book = RecordBook(policy)
        let appeal = Appeal(filed: d("2016-05-10"), decided: d("2016-07-09"), outcome: .overturned)
        book.add("breach_judgment", on: "2016-05-02", appeal: appeal)
        #expect(policy.assess(book.subject(), on: d("2016-07-08")).score == 950)
        #expect(policy.assess(book.subject(), on: d("2016-07-09")).score == 1000)
        var upheld = RecordBook(policy)
        upheld.add(
            "breach_judgment",
            on: "2016-05-02",
            appeal: Appeal(filed: d("2016-05-10"), decided: d("2016-07-09"), outcome: .upheld)
        )
        #expect(policy.assess(upheld.subject(), on: d("2016-08-01")).score == 950)
    }

    @Test("Drunk driving caps the grade at C whatever the score (Foreign Policy: 'automatic C')")
    func tierCeiling() {
        var book = RecordBook(policy)
        book.add("heroic_act", on: "2015-01-01")
        book.add("drunk_driving", on: "2016-01-01")
        let standing = policy.assess(book.subject(), on: d("2016-01-01"))
        #expect(standing.score == 1025)  // 1000 + 30 - 5: grade A by points
        #expect(tier(standing) == "C")
        #expect(tier(policy.assess(book.subject(), on: d("2017-01-01"))) == "AA")  // record expired after 365 days
    }

    @Test("Rules tied to the pilot phase apply in pilot provinces from 2014 and everywhere from 2020")
    func rolloutByPhase() {
        var book = RecordBook(policy)
        book.add("jaywalking", on: "2016-03-01")
        #expect(policy.assess(book.subject(province: 37), on: d("2016-03-02")).score == 995)  // Shandong, a pilot
        let henan = policy.assess(book.subject(province: 41), on: d("2016-03-02"))
        #expect(henan.score == 1000)
        #expect(henan.contributions.first?.status == .ruleNotInForce)
        var later = RecordBook(policy)
        later.add("jaywalking", on: "2020-03-01")
        #expect(policy.assess(later.subject(province: 41), on: d("2020-03-02")).score == 995)
    }

    @Test("Without consent there is no score and no tier-based reward, but list measures still apply")
    func consent() throws {
        var book = RecordBook(policy)
        book.add("refuse_judgment", on: "2016-03-01")
        let subject = book.subject(enrolled: false)
        let standing = policy.assess(subject, on: d("2016-04-01"))
        #expect(standing.score == nil)
        #expect(standing.tier == nil)
        #expect(policy.decide("rent_bike", for: subject, on: d("2016-04-01"))?.rewards.isEmpty == true)
        #expect(policy.decide("buy_flight", for: subject, on: d("2016-04-01"))?.allowed == false)
    }
}
