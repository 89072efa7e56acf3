import Foundation
import TestSupport
import Testing

/// `sclab verify` end to end: the exit status says whether the engine agrees with the run.
@Suite("sclab verify", .serialized)
struct VerifyCommandTests {
    let cli = CommandLineTests()
    let helper = ImpactCommandTests()

    @Test(
        "verify: a run of Rongcheng with everyone traced is checked (exit 0 when it agrees, 1 on any disagreement, text and JSON); a folder without a run exits 2"
    )
    func verify() throws {
        let (run, _) = try helper.run("verify", ["--scenario", "rongcheng", "--trace-every", "1"])
        defer { try? FileManager.default.removeItem(atPath: run) }
        let json = try cli.sclab("verify", run, "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let disagreements = try #require(object["disagreements"] as? [[String: Any]])
        #expect(json.status == (disagreements.isEmpty ? 0 : 1), "\(json.stderr)")
        #expect(object["people"] as? Int == 1500 && object["monthEnds"] as? Int == 7)
        #expect((object["standings"] as? Int ?? 0) > 1500 * 6)
        #expect(
            disagreements.allSatisfy {
                $0["subject"] is Int && $0["day"] is String && $0["run"] is String && $0["engine"] is String
            }
        )
        let text = try cli.sclab("verify", run)
        #expect(text.status == json.status)
        #expect(text.stdout.contains("1,500 people"))
        #expect(text.stdout.contains("disagreements: \(disagreements.count)"))
        let missing = try cli.sclab("verify", run + "-nothing")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains(run + "-nothing"))
    }
}
