import Foundation
import GRDB
import TestSupport
import Testing

/// `sclab simulate --branch DIR@DATE` end to end (what if the rules changed from a date).
@Suite("sclab simulate --branch", .serialized)
struct BranchCommandTests {
    let cli = CommandLineTests()

    /// Every metric point of the run in `folder` (the counterfactual's included), as text.
    func metrics(_ folder: String) throws -> [String] {
        let queue = try DatabaseQueue(path: folder + "/run.sqlite")
        defer { try? queue.close() }
        return try queue.read {
            try Row.fetchAll($0, sql: "SELECT * FROM metric ORDER BY period, name").map(\.description)
        }
    }

    @Test(
        "--branch with the baseline's own scenario from a mid-month date ends with the baseline's digest, metrics and counterfactual"
    )
    func unchangedBranch() throws {
        let baseline = TemporaryFolder.unusedPath("sclab-branch-baseline")
        let branch = TemporaryFolder.unusedPath("sclab-branch")
        defer {
            try? FileManager.default.removeItem(atPath: baseline)
            try? FileManager.default.removeItem(atPath: branch)
        }
        // 95 days from 2014-01-01: checkpoints 31, 59, 90 and 95 days in, all kept.
        let made = try cli.sclab(
            "simulate",
            "--population",
            "600",
            "--days",
            "95",
            "--seeds",
            "1",
            "--checkpoint-every",
            "28",
            "--keep-checkpoints",
            "10",
            "--out",
            baseline
        )
        #expect(made.status == 0, "\(made.stderr)")
        let branched = try cli.sclab("simulate", "--branch", "\(baseline)@2014-03-10", "--seeds", "1", "--out", branch)
        #expect(branched.status == 0, "\(branched.stderr)")
        #expect(
            branched.stderr.contains(
                "branch of \(baseline) from 2014-03-10: from the baseline's checkpoint checkpoints/day-59.bin"
            ),
            "\(branched.stderr)"
        )
        #expect(branched.stdout.contains("a branch of \(baseline): its scenario until 2014-03-10"))
        let digest = try #require(SCLab.digest(in: made.stdout))
        #expect(SCLab.digest(in: branched.stdout) == digest)
        let points = try metrics(baseline)
        #expect(points.contains { $0.contains("counterfactual.") })
        #expect(try metrics(branch) == points)
        let late = try cli.sclab(
            "simulate",
            "--branch",
            "\(baseline)@2014-04-06",
            "--out",
            TemporaryFolder.unusedPath("sclab-late")
        )
        #expect(late.status != 0)
        #expect(
            late.stderr.contains("the branch date 2014-04-06 is not inside the baseline's period"),
            "\(late.stderr)"
        )
    }
}
