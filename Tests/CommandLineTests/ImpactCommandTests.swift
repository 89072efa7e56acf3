import Foundation
import TestSupport
import Testing

/// `sclab export` end to end, on small runs (and the small runs the other impact command tests use).
@Suite("sclab impact commands", .serialized)
struct ImpactCommandTests {
    let cli = CommandLineTests()

    func folder(_ name: String) -> String { TemporaryFolder.unusedPath("sclab-\(name)") }

    func digest(_ output: String) -> String? { SCLab.digest(in: output) }

    /// A small finished run.
    func run(_ name: String, _ extra: [String] = []) throws -> (folder: String, stdout: String) {
        let out = folder(name)
        let outcome = try cli.sclab(
            [
                "simulate", "--population", "1500", "--days", "200", "--start", "2015-01-01",
                "--out", out, "--no-counterfactual",
            ] + extra
        )
        #expect(outcome.status == 0, "\(outcome.stderr)")
        return (out, outcome.stdout)
    }

    @Test("export writes each table as CSV and JSON; an unknown table is a usage error")
    func export() throws {
        let (run, _) = try run("export")
        defer { try? FileManager.default.removeItem(atPath: run) }
        let people = try cli.sclab("export", run, "--table", "people")
        #expect(people.status == 0, "\(people.stderr)")
        #expect(people.stdout.hasPrefix("person,reason,traced,score,tier,lists_at_end,ever_listed,"))
        // 1,500 people trace one in 1 (population / 1,000): everyone is stored, plus the header.
        #expect(people.stdout.components(separatedBy: "\r\n").count == 1 + 1500 + 1)
        let file = run + "/metrics.json"
        let metrics = try cli.sclab("export", run, "--table", "metrics", "--format", "json", "--out", file)
        #expect(metrics.status == 0)
        let rows = try #require(
            try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: file))) as? [[String: Any]]
        )
        #expect(rows.first?.keys.sorted() == ["name", "period", "value"])
        let bad = try cli.sclab("export", run, "--table", "peeple")
        #expect(bad.status == 64)
        #expect(bad.stderr.contains("peeple"))
        let missing = try cli.sclab("export", run + "-nothing", "--table", "people")
        #expect(missing.status != 0)
        #expect(missing.stderr.contains("no such run folder"))
    }
}
