import Testing

@testable import SocialCredit

/// Spillovers as a run holds them: computed from linked subjects' standing at a month end and
/// kept in force until the next, which the engine answers for with `spilloversAsOf`.
@Suite("Decision engine: spillovers as of a snapshot")
struct SnapshotSpilloverTests {
    let policy = Fixture.workedPolicy

    @Test(
        "A parent listed on 1 March blocks the child's school from a snapshot on or after that day, not before; nil: no spillover"
    )
    func listingReachesAtTheNextSnapshot() throws {
        var parent = RecordBook(policy)
        parent.add("refuse_judgment", on: "2016-03-01")
        let school = try #require(policy.action("enrol_private_school"))
        let child = Subject(province: 37)
        let relations = Relations(parents: [parent.subject()])
        // 15 March: the run still holds the spillovers of the February month end.
        #expect(
            policy.decide(
                school,
                for: child,
                relations: relations,
                on: d("2016-03-15"),
                spilloversAsOf: d("2016-02-29")
            ).allowed
        )
        let blocked = policy.decide(
            school,
            for: child,
            relations: relations,
            on: d("2016-04-15"),
            spilloversAsOf: d("2016-03-31")
        )
        #expect(!blocked.allowed)
        #expect(blocked.blocks.map(\.origin) == [.spillover(0, through: [0])])
        #expect(
            policy.decide(school, for: child, relations: relations, on: d("2016-04-15"), spilloversAsOf: nil).allowed
        )
        // Without a snapshot day the engine tests the parent on the day itself, as before.
        #expect(!policy.decide(school, for: child, relations: relations, on: d("2016-03-15")).allowed)
    }

    @Test("A delisted parent (repaid 10 February, off the list 13 February) still blocks until the February month end")
    func delistingReachesAtTheNextSnapshot() throws {
        var parent = RecordBook(policy)
        parent.add("refuse_judgment", on: "2016-03-01")
        parent.add("repay_debt", on: "2017-02-10")
        let child = Subject(province: 37)
        let relations = Relations(parents: [parent.subject()])
        let held = policy.assess(child, on: d("2017-02-20"), relations: relations, spilloversAsOf: d("2017-01-31"))
        #expect(held.spillovers.map(\.spillover) == [0])
        let next = policy.assess(child, on: d("2017-03-05"), relations: relations, spilloversAsOf: d("2017-02-28"))
        #expect(next.spillovers.isEmpty)
    }
}
