import Foundation
import TestSupport
import Testing

/// `sclab explain` and `simulate --trace-person` / `--like` end to end.
@Suite("sclab explain", .serialized)
struct ExplainCommandTests {
    let cli = CommandLineTests()
    let helper = ImpactCommandTests()

    @Test("explain: a person not traced is told how; the re-run tracing them has the same digest; then explain works")
    func explainUntraced() throws {
        let (run, output) = try helper.run("explain", ["--trace-every", "50"])
        let again = run + "-person-7"
        defer {
            try? FileManager.default.removeItem(atPath: run)
            try? FileManager.default.removeItem(atPath: again)
        }
        let untraced = try cli.sclab("explain", run, "--person", "7")
        #expect(untraced.status == 0, "\(untraced.stderr)")
        #expect(untraced.stdout.contains("Person 7 was not traced in this run"))
        #expect(untraced.stdout.contains("sclab simulate --like \(run) --trace-person 7 --out \(again)"))
        let rerun = try cli.sclab(
            "simulate",
            "--like",
            run,
            "--trace-person",
            "7",
            "--out",
            again,
            "--no-counterfactual"
        )
        #expect(rerun.status == 0, "\(rerun.stderr)")
        #expect(helper.digest(rerun.stdout) != nil && helper.digest(rerun.stdout) == helper.digest(output))
        let traced = try cli.sclab("explain", again, "--person", "7")
        #expect(traced.status == 0, "\(traced.stderr)")
        #expect(!traced.stdout.contains("was not traced"))
        #expect(traced.stdout.contains("Records (") && traced.stdout.contains("Score over time"))
        #expect(traced.stdout.contains("the decision engine, from the traced records"))
        #expect(traced.stdout.contains("Family, friends and employer"))
        let json = try cli.sclab("explain", again, "--person", "7", "--json")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["person"] as? Int == 7 && object["traced"] as? Bool == true)
        // The relatives of a person named are traced with them.
        let circle = try #require(object["circle"] as? [[String: Any]])
        #expect(circle.allSatisfy { $0["role"] as? String == "employer" || $0["traced"] as? Bool == true })
        let outside = try cli.sclab("explain", again, "--person", "1500")
        #expect(
            outside.status != 0 && outside.stderr.contains("person 1500 is not in this run's society of 1,500 people")
        )
    }
}
