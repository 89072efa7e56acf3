import Foundation
import TestSupport
import Testing

/// `sclab simulate --seeds` end to end: the further seeds are stored with the run, and the report
/// and `compare` give intervals over them.
@Suite("sclab simulate --seeds", .serialized)
struct SeedsCommandTests {
    let cli = CommandLineTests()
    let helper = ImpactCommandTests()

    @Test("--seeds 3 on 300 people for a year: three seeds stored, the report gives intervals")
    func threeSeeds() throws {
        let out = helper.folder("seeds")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try cli.sclab(
            "simulate",
            "--population",
            "300",
            "--years",
            "1",
            "--seed",
            "5",
            "--seeds",
            "3",
            "--out",
            out,
            "--json"
        )
        #expect(run.status == 0, "\(run.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        #expect(summary["seeds"] as? [String] == ["5", "6", "7"])
        let report = try cli.sclab("report", out, "--format", "markdown")
        #expect(report.status == 0, "\(report.stderr)")
        #expect(report.stdout.contains("This run was measured over 3 seeds (5, 6, 7)"))
        #expect(report.stdout.contains("| mean difference over seeds | 95% interval | verdict |"))
        #expect(!report.stdout.contains("not chance"))
        // compare of the run with itself: paired over the three stored seeds, every difference 0.
        let compare = try cli.sclab("compare", out, out, "--json")
        #expect(compare.status == 0, "\(compare.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(compare.stdout.utf8)) as? [String: Any])
        let rows = try #require(object["rows"] as? [[String: Any]])
        let records = try #require(rows.first { $0["id"] as? String == "records" })
        let interval = try #require((records["intervals"] as? [Any])?.last as? [String: Any])
        #expect(interval["seeds"] as? Int == 3 && interval["method"] as? String == "paired")
        #expect(interval["mean"] as? Double == 0 && interval["halfWidth"] as? Double == 0)
    }

    @Test("--seeds 1 says no interval can be given; --seeds outside 1 to 100 is a usage error")
    func oneSeedAndRange() throws {
        let out = helper.folder("one-seed")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let run = try cli.sclab("simulate", "--population", "300", "--days", "62", "--seeds", "1", "--out", out)
        #expect(run.status == 0, "\(run.stderr)")
        let report = try cli.sclab("report", out, "--format", "markdown")
        #expect(report.stdout.contains("This run was measured over one seed, so no interval can be given"))
        for bad in ["0", "101"] {
            let refused = try cli.sclab(
                "simulate",
                "--population",
                "300",
                "--days",
                "31",
                "--seeds",
                bad,
                "--out",
                out + "-bad"
            )
            #expect(refused.status == 64)
            #expect(refused.stderr.contains("--seeds must be from 1 to 100 (got \(bad))"))
        }
    }
}
