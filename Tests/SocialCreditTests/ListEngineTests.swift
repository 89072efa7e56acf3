import Testing

@testable import SocialCredit

/// Worked examples for the court list of dishonest judgment debtors (shared/research/real-systems.md §2):
/// a 2-year term, extension for further dishonest acts, joint punishment (flights, a child's
/// high-fee private school), early deletion after performance, and the ringback-tone notice.
@Suite("Decision engine: lists, joint punishment and spillovers")
struct ListEngineTests {
    let policy = Fixture.workedPolicy

    @Test("A listed judgment debtor is blocked from flights, and their child from a high-fee private school")
    func jointPunishment() throws {
        var parent = RecordBook(policy)
        let refusal = parent.add("refuse_judgment", on: "2016-03-01")
        let flight = try policy.decide(
            #require(policy.action("buy_flight")),
            for: parent.subject(),
            on: d("2016-06-01")
        )
        #expect(!flight.allowed)
        let block = try #require(flight.blocks.first)
        #expect(block.origin == .measure(try #require(policy.scenario.measures.firstIndex { $0.id == "flight_ban" })))
        #expect(block.because.lists == [try #require(policy.list("dishonest_debtors"))])
        #expect(block.because.records == [refusal])
        #expect(block.because.rules == [try #require(policy.scenario.rules.firstIndex { $0.id == "court_listing" })])
        #expect(policy.notices(for: flight.standing) == ["ringtone_warning", "name_published"])

        let child = Subject(province: 37)
        let school = try #require(
            policy.decide(
                "enrol_private_school",
                for: child,
                relations: Relations(parents: [parent.subject()]),
                on: d("2016-09-01")
            )
        )
        #expect(!school.allowed)
        #expect(school.blocks.map(\.origin) == [.spillover(0, through: [0])])
        #expect(school.blocks.first?.because.records == [refusal])
        let unlinked = try #require(policy.decide("enrol_private_school", for: child, on: d("2016-09-01")))
        #expect(unlinked.allowed)
    }

    @Test("Delisting after repayment restores access three days later")
    func repaymentDelists() throws {
        var book = RecordBook(policy)
        book.add("refuse_judgment", on: "2016-03-01")
        let repayment = book.add("repay_debt", on: "2017-02-10")
        let flight = try #require(policy.action("buy_flight"))
        #expect(!policy.decide(flight, for: book.subject(), on: d("2017-02-12")).allowed)
        let after = policy.decide(flight, for: book.subject(), on: d("2017-02-13"))
        #expect(after.allowed)
        let past = try #require(after.standing.pastLists.first)
        #expect(past.ending == .repaired(record: repayment))
        #expect(past.end == d("2017-02-13"))
        let school = try #require(
            policy.decide(
                "enrol_private_school",
                for: Subject(province: 37),
                relations: Relations(parents: [book.subject()]),
                on: d("2017-02-13")
            )
        )
        #expect(school.allowed)
    }

    @Test("The 2-year term ends the entry; a further refusal while listed extends it by a year")
    func termAndExtension() throws {
        let list = try #require(policy.list("dishonest_debtors"))
        var book = RecordBook(policy)
        book.add("refuse_judgment", on: "2016-03-01")
        #expect(policy.assess(book.subject(), on: d("2018-02-28")).isListed(list))
        #expect(!policy.assess(book.subject(), on: d("2018-03-01")).isListed(list))  // 730 days later

        book.add("refuse_judgment", on: "2017-06-01")
        let extended = try #require(policy.assess(book.subject(), on: d("2018-03-01")).entry(list))
        #expect(extended.end == d("2019-03-01"))
        #expect(extended.extendedDays == 365)
        #expect(extended.extensions == [2])
    }

    @Test("Extensions stop at the 3-year maximum")
    func extensionCap() throws {
        let list = try #require(policy.list("dishonest_debtors"))
        var book = RecordBook(policy)
        book.add("refuse_judgment", on: "2016-03-01")
        for day in ["2016-04-01", "2016-05-01", "2016-06-01", "2016-07-01"] { book.add("refuse_judgment", on: day) }
        let entry = try #require(policy.assess(book.subject(), on: d("2016-08-01")).entry(list))
        #expect(entry.extendedDays == 1095)
        #expect(entry.end == d("2016-03-01").adding(days: 730 + 1095))
    }

    @Test("An overturned listing record takes the debtor off the list from the decision day")
    func appealDelists() throws {
        var book = RecordBook(policy)
        book.add(
            "refuse_judgment",
            on: "2016-03-01",
            appeal: Appeal(filed: d("2016-03-05"), decided: d("2016-05-04"), outcome: .overturned)
        )
        let flight = try #require(policy.action("buy_flight"))
        #expect(!policy.decide(flight, for: book.subject(), on: d("2016-05-03")).allowed)
        #expect(policy.decide(flight, for: book.subject(), on: d("2016-05-04")).allowed)
    }

    @Test(
        "Friends: a penalty when at least 30% of friends are at tier C or worse",
        arguments: [
            (lowFriends: 1, friends: 5, expected: 1000),
            (lowFriends: 2, friends: 5, expected: 980),
            (lowFriends: 3, friends: 10, expected: 980),
        ]
    )
    func friends(lowFriends: Int, friends: Int, expected: Int) {
        var low = RecordBook(policy)
        low.add("breach_judgment", on: "2015-01-01")
        low.add("breach_judgment", on: "2015-02-01")
        low.add("breach_judgment", on: "2015-03-01")
        low.add("breach_judgment", on: "2015-04-01")  // 800: tier C
        let circle = (0..<friends).map { $0 < lowFriends ? low.subject() : Subject(province: 37) }
        let standing = policy.assess(Subject(province: 37), on: d("2016-01-01"), relations: Relations(friends: circle))
        #expect(standing.score == expected)
    }

    @Test("Employer: a company on the wage-arrears list caps its employees at tier B")
    func employer() {
        var company = RecordBook(policy)
        company.add("unpaid_wages", on: "2016-01-01")
        let employee = policy.assess(
            Subject(province: 37),
            on: d("2016-02-01"),
            relations: Relations(employer: company.subject(kind: .companies))
        )
        #expect(employee.score == 1000)
        #expect(employee.tier.map { policy.scenario.score.tiers[$0].id } == "B")
        let companyStanding = policy.assess(company.subject(kind: .companies), on: d("2016-02-01"))
        #expect(companyStanding.score == 60)
        #expect(companyStanding.tier.map { policy.scenario.companyScore!.tiers[$0].id } == "C")
    }

    @Test("The explanation names the measure, the list, the record and the rule")
    func explanation() throws {
        var book = RecordBook(policy)
        book.add("loan_arrears", on: "2016-01-10")
        book.add("refuse_judgment", on: "2016-03-01")
        let decision = try #require(policy.decide("buy_flight", for: book.subject(), on: d("2016-06-01")))
        let text = policy.explain(decision, records: book.records)
        #expect(
            text == """
                buy_flight on 2016-06-01: BLOCKED
                  blocked by measure flight_ban: on list dishonest_debtors; records #2; rules court_listing
                score 990 on 2016-06-01, tier A (from 1000 initial)
                  -10: record #1 loan_arrears on 2016-01-10 from bank  [rule arrears]
                  0: record #2 refuse_judgment on 2016-03-01 from court  [rule court_listing]
                  on black list dishonest_debtors since 2016-03-01 until 2018-03-01; records #2; published
                  measure flight_ban (block) in force: on list dishonest_debtors; records #2; rules court_listing
                  measure private_school_ban (block) in force: on list dishonest_debtors; records #2; rules court_listing
                  measure deposit_waiver (reward) in force: tier A; score 990
                  measure ringtone (notice) in force: on list dishonest_debtors; records #2; rules court_listing
                """
        )
    }
}

/// The language's finer rules: per-rule list terms, history conditions, rewards through family.
@Suite("Decision engine: terms, clean records and family rewards")
struct RefinementTests {
    let policy = Fixture.workedPolicy

    @Test("A rule's list_term_days overrides the list's term: violent obstruction lists for 5 years")
    func ruleTerm() throws {
        let list = try #require(policy.list("dishonest_debtors"))
        var book = RecordBook(policy)
        book.add("obstruct_enforcement", on: "2016-03-01")
        let entry = try #require(policy.assess(book.subject(), on: d("2016-03-02")).entry(list))
        #expect(entry.end == d("2021-02-28"))  // 1825 days: one short of five calendar years (2020-02-29 between)
    }

    @Test("clean_days: a bad record within 5 years withholds the public-bike deposit waiver")
    func cleanDays() throws {
        var book = RecordBook(policy)
        book.add("loan_arrears", on: "2016-01-10")
        let bike = try #require(policy.action("rent_public_bike"))
        #expect(policy.decide(bike, for: Subject(province: 37), on: d("2016-02-01")).rewards.count == 1)
        #expect(policy.decide(bike, for: book.subject(), on: d("2021-01-07")).rewards.isEmpty)
        // 1825 days after 2016-01-10 is 2021-01-08 (two leap days in between): the record falls out of the window.
        #expect(policy.decide(bike, for: book.subject(), on: d("2021-01-08")).rewards.count == 1)
    }

    @Test("A parent at AAA wins the child priority at a good school; a listed parent's block wins over it")
    func familyReward() throws {
        var parent = RecordBook(policy)
        parent.add("heroic_act", on: "2015-01-01")
        parent.add("heroic_act", on: "2015-02-01")  // 1060: AAA
        let school = try #require(policy.action("enrol_private_school"))
        let child = Subject(province: 37)
        let rewarded = policy.decide(
            school,
            for: child,
            relations: Relations(parents: [parent.subject()]),
            on: d("2015-09-01")
        )
        #expect(rewarded.allowed)
        #expect(rewarded.rewards.map(\.origin) == [.spillover(1, through: [0])])

        var other = RecordBook(policy)
        other.add("refuse_judgment", on: "2015-03-01")
        let mixed = policy.decide(
            school,
            for: child,
            relations: Relations(parents: [parent.subject(), other.subject()]),
            on: d("2015-09-01")
        )
        #expect(!mixed.allowed)
        #expect(mixed.blocks.map(\.origin) == [.spillover(0, through: [1])])
        #expect(mixed.rewards.isEmpty)
    }
}
