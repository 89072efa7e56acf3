import Foundation
import Testing

/// `sclab verify` end to end: the exit status says whether the engine agrees with the run.
@Suite("sclab verify", .serialized)
struct VerifyCommandTests {
    let cli = CommandLineTests()
    let helper = ImpactCommandTests()

    @Test("verify: a run of Rongcheng with everyone traced agrees (exit 0, text and JSON); a folder without a run exits 2")
    func verify() throws {
        let (run, _) = try helper.run("verify", ["--scenario", "rongcheng", "--trace-every", "1"])
        defer { try? FileManager.default.removeItem(atPath: run) }
        let text = try cli.sclab("verify", run)
        #expect(text.status == 0, "\(text.stdout)\(text.stderr)")
        #expect(text.stdout.contains("1,500 people"))
        #expect(text.stdout.contains("disagreements: 0"))
        let json = try cli.sclab("verify", run, "--json")
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["people"] as? Int == 1500 && (object["disagreements"] as? [Any])?.isEmpty == true)
        #expect((object["standings"] as? Int ?? 0) > 1500 * 6)
        let missing = try cli.sclab("verify", run + "-nothing")
        #expect(missing.status == 2)
        #expect(missing.stderr.contains(run + "-nothing"))
    }
}
