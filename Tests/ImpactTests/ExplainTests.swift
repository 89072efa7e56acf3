import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Testing

@testable import Impact

/// The decision engine against the simulation on traced people, and credit reports from a run.
struct ExplainTests {
    @Test(
        "The decision engine, run on a traced person's records, gives the score, tier and lists the simulation stored"
    )
    func engineAgrees() throws {
        let folder = try SharedRun.folder()
        let store = try RunStore.open(directory: folder)
        let data = try RunData.load(store: store)
        let policy = try Policy(data.scenario)
        let people = try store.snapshots().filter {
            $0.subjectKind == .people && $0.reason.contains("traced") && $0.spilloverPoints == 0
                && $0.spilloverCeiling == nil
        }
        var withRecords = 0
        for person in people {
            let records = try TracedRecords(
                store.traces(subject: person.subject, kind: "people"),
                scenario: data.scenario
            )
            if !records.records.isEmpty { withRecords += 1 }
            let standing = policy.assess(
                records.subject(kind: .people, province: person.province, enrolled: person.score != nil),
                on: data.lastDay
            )
            let tier = standing.tier.map { policy.scenario.score.tiers[$0].id }
            let lists = standing.lists.map { policy.scenario.lists[$0.list].id }.sorted()
            #expect(standing.score == person.score && tier == person.tier, "person \(person.subject)")
            #expect(lists == person.lists.split(separator: ",").map(String.init).sorted(), "person \(person.subject)")
        }
        #expect(withRecords > 100)
    }

    @Test(
        "A traced, listed person's credit report: every traced record, the list stay that lasts, the measures that block"
    )
    func listedPerson() throws {
        let folder = try SharedRun.folder()
        let store = try RunStore.open(directory: folder)
        let person = try #require(
            try store.snapshots().first {
                $0.subjectKind == .people && $0.reason == "traced,listed" && !$0.lists.isEmpty
                    && $0.spilloverPoints == 0
            }
        )
        let report = try CreditReport.load(directory: folder, person: person.subject, threads: 2)
        #expect(report.traced && report.notTraced == nil)
        #expect(report.records.count == (try store.traces(subject: person.subject, kind: "people")).count)
        #expect(report.final?.lists == person.lists.split(separator: ",").map(String.init))
        #expect(
            report.lists.filter(\.atEnd).map(\.list).sorted()
                == person.lists.split(separator: ",").map(String.init).sorted()
        )
        #expect(report.engine?.score == person.score)
        #expect(report.engine?.decisions.contains { $0.contains("BLOCKED") } == true)
        #expect(report.text.contains("Measures in force at the end, and why"))
        let untraced = try CreditReport.load(directory: folder, person: 1, threads: 2)  // odd: one in 2 is traced
        #expect(!untraced.traced && untraced.records.isEmpty)
        #expect(untraced.notTraced?.contains("sclab simulate --like \(folder) --trace-person 1") == true)
        #expect(throws: ImpactError.self) { try CreditReport.load(directory: folder, person: 3_000, threads: 2) }
    }
}
