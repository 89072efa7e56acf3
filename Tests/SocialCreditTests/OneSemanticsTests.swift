import Foundation
import Testing

@testable import SocialCredit

/// The decisions of issue 12, where the decision engine and the simulation used to disagree,
/// each with an answer worked out by hand on the worked-example policy (Fixtures/worked-examples.yaml:
/// arrears -10 capped at 30 a year with a 730-day lifetime, drunk driving -5 with a tier ceiling of C
/// for 365 days, the court list with a 730-day term, 365-day extensions up to 1,095 days and repair
/// three days after repayment). docs/scenario-language.md, "How the engine reads it", states them.
@Suite("One semantics: the decided rules")
struct OneSemanticsTests {
    let policy = Fixture.workedPolicy

    /// An appeal decided on `day`, overturning.
    func overturned(_ filed: String, _ decided: String) -> Appeal {
        Appeal(filed: d(filed), decided: d(decided), outcome: .overturned)
    }

    @Test("An overturned capped record gives back its points, not its room under the cap")
    func capRoomStaysUsed() {
        var book = RecordBook(policy)
        book.add("loan_arrears", on: "2016-01-10", appeal: overturned("2016-01-10", "2016-05-01"))
        book.add("loan_arrears", on: "2016-02-10")
        book.add("loan_arrears", on: "2016-03-10")
        book.add("loan_arrears", on: "2016-04-10")  // the cap of 30 is used up: 0 points
        // Before the decision: -10 -10 -10 +0. After: the first is struck out, the fourth stays at 0.
        #expect(policy.assess(book.subject(), on: d("2016-04-30")).score == 970)
        let after = policy.assess(book.subject(), on: d("2016-06-01"))
        #expect(after.score == 980)
        #expect(after.contributions.map(\.delta) == [-10, -10, -10, 0])
        #expect(after.contributions.map(\.status) == [.overturned, .counting, .counting, .counting])
    }

    @Test("The cap takes records in arrival order and starts again each calendar year")
    func capByYear() {
        var used = 0
        #expect(YearlyCap.judge(-10, cap: 25, used: &used) == -10)
        #expect(YearlyCap.judge(-10, cap: 25, used: &used) == -10)
        #expect(YearlyCap.judge(-10, cap: 25, used: &used) == -5)
        #expect(YearlyCap.judge(-10, cap: 25, used: &used) == 0)
        #expect(used == 25)
        #expect(YearlyCap.judge(7, cap: nil, used: &used) == 7)
    }

    @Test("Each record holds its own tier ceiling; overturning the later one leaves the earlier")
    func ceilingsPerRecord() throws {
        let c = try #require(policy.tier("C"))
        let a = try #require(policy.tier("A"))
        var book = RecordBook(policy)
        book.add("drunk_driving", on: "2016-01-01")
        book.add("drunk_driving", on: "2016-07-01", appeal: overturned("2016-07-01", "2016-08-01"))
        // Score 1000 - 5 = 995 (tier A), capped at C by the first record for 365 days: 2016 is a
        // leap year, so through 2016-12-30.
        let september = policy.assess(book.subject(), on: d("2016-09-01"))
        #expect(september.score == 995)
        #expect(september.tier == c)
        #expect(policy.assess(book.subject(), on: d("2016-12-30")).tier == c)
        let january = policy.assess(book.subject(), on: d("2016-12-31"))
        #expect(january.score == 1000)
        #expect(january.tier == a)
    }

    @Test("clean_days ignores overturned records and counts expired ones")
    func cleanDays() throws {
        let bikes = try #require(policy.action("rent_public_bike"))
        var struck = RecordBook(policy)
        struck.add("loan_arrears", on: "2016-01-10", appeal: overturned("2016-01-10", "2016-02-10"))
        #expect(policy.decide(bikes, for: struck.subject(), on: d("2016-02-01")).rewards.isEmpty)
        #expect(!policy.decide(bikes, for: struck.subject(), on: d("2016-02-10")).rewards.isEmpty)

        var expired = RecordBook(policy)
        expired.add("loan_arrears", on: "2014-06-01")  // expires after 730 days, still bad for 1,825
        let decision = policy.decide(bikes, for: expired.subject(), on: d("2017-01-01"))
        #expect(decision.standing.score == 1000)
        #expect(decision.rewards.isEmpty)
        #expect(!policy.decide(bikes, for: expired.subject(), on: d("2019-05-31")).rewards.isEmpty)
        #expect(CleanDays.holds(lastNegative: Int32(100), days: 30, on: 130))
        #expect(!CleanDays.holds(lastNegative: Int32(100), days: 30, on: 129))
        #expect(!CleanDays.holds(lastNegative: Int32(0), days: Int32.max, on: Int32.min + 5))
    }

    @Test(
        "A record judged by two rules naming the same list lists once, and the second rule stands in when the first is overturned"
    )
    func twoRulesOneList() throws {
        let text = try Fixture.text("worked-examples.yaml").replacingOccurrences(
            of: "  - {id: court_listing, behavior: refuse_judgment, list: dishonest_debtors}",
            with: """
                  - {id: court_listing, behavior: refuse_judgment, list: dishonest_debtors}
                  - {id: court_listing_long, behavior: refuse_judgment, list: dishonest_debtors, list_term_days: 1825}
                """
        )
        let policy = try Policy(Scenario.parse(text, file: "two-rules.yaml"))
        let list = try #require(policy.list("dishonest_debtors"))
        let first = try #require(policy.scenario.rules.firstIndex { $0.id == "court_listing" })
        var record = Record(
            id: 1,
            behavior: try #require(policy.behavior("refuse_judgment")),
            source: 1,
            occurred: d("2016-03-01")
        )
        let entry = try #require(
            policy.assess(Subject(province: 37, records: [record]), on: d("2016-04-01")).entry(list)
        )
        #expect(entry.end == d("2018-03-01"))  // 730 days, not extended by the second rule
        #expect(entry.extensions.isEmpty && entry.extendedDays == 0)

        record.ruleAppeals[first] = overturned("2016-03-01", "2016-04-01")
        let rebuilt = try #require(
            policy.assess(Subject(province: 37, records: [record]), on: d("2016-04-01")).entry(list)
        )
        #expect(rebuilt.start == d("2016-03-01"))
        #expect(rebuilt.end == d("2021-02-28"))  // 1,825 days from 2016-03-01
    }

    @Test("A trigger while a repaired entry runs out is noted and extends nothing")
    func triggerAfterRepair() throws {
        let list = try #require(policy.list("dishonest_debtors"))
        var book = RecordBook(policy)
        book.add("refuse_judgment", on: "2016-03-01")
        book.add("repay_debt", on: "2016-06-01")
        let late = book.add("refuse_judgment", on: "2016-06-02")
        let entry = try #require(policy.assess(book.subject(), on: d("2016-06-03")).entry(list))
        #expect(entry.end == d("2016-06-04"))
        #expect(entry.extensions == [late])
        #expect(entry.extendedDays == 0)
        #expect(!policy.assess(book.subject(), on: d("2016-06-04")).isListed(list))
    }

    @Test(
        "Overturning an extension takes its days off; overturning the listing record restarts the entry from the extension"
    )
    func overturnedListRecords() throws {
        let list = try #require(policy.list("dishonest_debtors"))
        var extended = RecordBook(policy)
        extended.add("refuse_judgment", on: "2016-03-01")
        extended.add("refuse_judgment", on: "2017-06-01", appeal: overturned("2017-06-01", "2017-08-01"))
        #expect(policy.assess(extended.subject(), on: d("2017-07-01")).entry(list)?.end == d("2019-03-01"))
        #expect(policy.assess(extended.subject(), on: d("2017-08-01")).entry(list)?.end == d("2018-03-01"))
        #expect(!policy.assess(extended.subject(), on: d("2018-03-01")).isListed(list))

        var restarted = RecordBook(policy)
        restarted.add("refuse_judgment", on: "2016-03-01", appeal: overturned("2016-03-01", "2016-04-01"))
        let second = restarted.add("refuse_judgment", on: "2016-03-15")
        let entry = try #require(policy.assess(restarted.subject(), on: d("2016-04-01")).entry(list))
        #expect(entry.start == d("2016-03-15"))
        #expect(entry.end == d("2018-03-15"))
        #expect(entry.triggers == [second])
    }

    @Test("A repair is undone only when the whole repairing record is overturned")
    func overturnedRepair() throws {
        let list = try #require(policy.list("dishonest_debtors"))
        var book = RecordBook(policy)
        book.add("refuse_judgment", on: "2016-03-01")
        book.add("repay_debt", on: "2016-06-01", appeal: overturned("2016-06-01", "2016-07-01"))
        #expect(!policy.assess(book.subject(), on: d("2016-06-20")).isListed(list))
        #expect(policy.assess(book.subject(), on: d("2016-07-01")).entry(list)?.end == d("2018-03-01"))
    }

    @Test("The list state machine, step by step")
    func listTermMachine() {
        let rules = ListTermRules(
            extensionDays: 100,
            maxExtensionDays: 150,
            hasRemoval: true,
            removalMinimumDays: 10,
            removalDelayDays: 3
        )
        var term: ListTerm?
        #expect(rules.trigger(&term, day: 0, record: 1, termDays: 365) == .entered)
        #expect(rules.trigger(&term, day: 5, record: 1, termDays: 365) == .unchanged)
        #expect(rules.trigger(&term, day: 6, record: 2, termDays: 365) == .extended(100))
        #expect(rules.trigger(&term, day: 7, record: 3, termDays: 365) == .extended(50))
        #expect(rules.trigger(&term, day: 8, record: 4, termDays: 365) == .noted)
        #expect(term?.end == 515)
        #expect(rules.repair(&term, day: 9) == .unchanged)  // listed for less than 10 days
        #expect(rules.repair(&term, day: 10) == .repaired)
        #expect(term?.end == 13)
        #expect(rules.trigger(&term, day: 12, record: 5, termDays: 365) == .noted)
        #expect(rules.trigger(&term, day: 13, record: 6, termDays: 365) == .entered)
        #expect(term?.end == 378)
    }

    @Test("Published lists give their people and companies a name_published notice")
    func notices() throws {
        let text = try Fixture.text("worked-examples.yaml").replacingOccurrences(
            of: "  - {id: wage_arrears, kind: black, subject: companies, term_days: 1095}",
            with: "  - {id: wage_arrears, kind: black, subject: companies, term_days: 1095, published: true}"
        )
        let policy = try Policy(Scenario.parse(text, file: "published.yaml"))
        #expect(policy.noticeChannels == ["ringtone_warning", "name_published"])
        var company = RecordBook(policy)
        company.add("unpaid_wages", on: "2016-03-01")
        let standing = policy.assess(company.subject(kind: .companies), on: d("2016-04-01"))
        #expect(policy.notices(for: standing) == ["name_published"])
        #expect(policy.notices(for: policy.assess(company.subject(kind: .companies), on: d("2016-02-01"))).isEmpty)
        let mask = policy.notices(kind: .people, measureInForce: { _ in true }, listHeld: { _ in false })
        #expect(mask == 1)  // the ringtone measure only: no published list held
        // The same company on the same list, unpublished: no notice (the channel exists, for the
        // fixture's other, published, list).
        let unpublished = try Policy(Scenario.parse(try Fixture.text("worked-examples.yaml"), file: "unpublished.yaml"))
        #expect(unpublished.noticeChannels == ["ringtone_warning", "name_published"])
        var same = RecordBook(unpublished)
        same.add("unpaid_wages", on: "2016-03-01")
        let listed = unpublished.assess(same.subject(kind: .companies), on: d("2016-04-01"))
        #expect(listed.isListed(try #require(unpublished.list("wage_arrears"))))
        #expect(unpublished.notices(for: listed).isEmpty)
    }
}
