import Foundation
import Testing

@testable import SocialCredit

/// Shared fixtures: the worked-example policy and a compact way to write records.
enum Fixture {
    static func text(_ name: String) throws -> String {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/\(name)", withExtension: nil))
        return try String(contentsOf: url, encoding: .utf8)
    }

    static let workedPolicy: Policy = {
        let text = try! Fixture.text("worked-examples.yaml")
        return try! Policy(Scenario.parse(text, file: "worked-examples.yaml"))
    }()
}

/// `d("2016-03-01")`: a day from its ISO text, for readable tests.
func d(_ text: String) -> Day { Day(iso: text)! }

/// Builds a subject's records by behaviour id, numbering them from 1.
struct RecordBook {
    let policy: Policy
    private(set) var records: [Record] = []

    init(_ policy: Policy) { self.policy = policy }

    /// Adds a record of `behavior` from its first observing source on `day`; returns its id.
    @discardableResult
    mutating func add(_ behavior: String, on day: String, judgedOtherwise: Bool = false, appeal: Appeal? = nil) -> Int {
        let index = policy.behavior(behavior)!
        let source = policy.scenario.sources.firstIndex { $0.observes.contains { $0.id == behavior } } ?? 0
        let record = Record(
            id: records.count + 1,
            behavior: index,
            source: source,
            occurred: d(day),
            judgedOtherwise: judgedOtherwise,
            appeal: appeal
        )
        records.append(record)
        return record.id
    }

    func subject(province: Int = 37, enrolled: Bool = true, kind: SubjectKind = .people) -> Subject {
        Subject(kind: kind, province: province, enrolled: enrolled, records: records)
    }
}
