import Foundation
import TestSupport
import Testing

/// `sclab compare` end to end.
@Suite("sclab compare", .serialized)
struct CompareCommandTests {
    let cli = CommandLineTests()
    let helper = ImpactCommandTests()

    @Test("compare: the same society side by side; a different seed is refused unless allowed")
    func compare() throws {
        let (a, _) = try helper.run("compare-a")
        let (b, _) = try helper.run("compare-b", ["--seed", "2"])
        defer {
            try? FileManager.default.removeItem(atPath: a)
            try? FileManager.default.removeItem(atPath: b)
        }
        let same = try cli.sclab("compare", a, a)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout.contains("records made") && same.stdout.contains("has the baseline's digest"))
        let refused = try cli.sclab("compare", a, b)
        #expect(refused.status != 0)
        #expect(refused.stderr.contains("are runs of different societies (seed 1 and 2)"))
        let allowed = try cli.sclab("compare", a, b, "--allow-different-societies", "--json")
        #expect(allowed.status == 0, "\(allowed.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(allowed.stdout.utf8)) as? [String: Any])
        #expect((object["runs"] as? [Any])?.count == 2)
        #expect(try cli.sclab("compare", a).status == 64)
    }
}
