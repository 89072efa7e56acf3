import Foundation
import TestSupport
import Testing

/// `sclab diff` end to end: a shipped scenario against a copy with one number changed, a run
/// folder's stored scenario, and the errors of bad arguments.
@Suite("sclab diff", .serialized)
struct DiffCommandTests {
    let cli = CommandLineTests()

    /// The seed scenario's text with the CCTV coverage line's number replaced.
    private func seed(coverage: String) throws -> String {
        let text = try String(
            contentsOf: SCLab.repository.appendingPathComponent("scenarios/seed-article.yaml"),
            encoding: .utf8
        )
        let line = "    coverage: 0.2               # assumption (~1 camera per 7 people"
        #expect(text.components(separatedBy: line).count == 2)
        return text.replacingOccurrences(of: line, with: line.replacingOccurrences(of: "0.2", with: coverage))
    }

    @Test("diff: one changed number, as text and JSON; exit 1 when different, 0 when the same")
    func changedNumber() throws {
        let folder = try TemporaryFolder("sclab-diff")
        let variant = folder.appending("variant.yaml")
        try seed(coverage: "0.15").write(toFile: variant, atomically: true, encoding: .utf8)
        let text = try cli.sclab("diff", "seed-article", variant)
        #expect(text.status == 1, "\(text.stderr)")
        #expect(text.stdout == "~ sources.cctv_cameras.coverage: 0.2 -> 0.15\n1 difference (1 changed)\n")
        #expect(text.stderr.isEmpty)
        let json = try cli.sclab("diff", variant, "seed-article", "--json")
        #expect(json.status == 1, "\(json.stderr)")
        #expect(
            json.stdout == """
                [
                  {
                    "path": "sources.cctv_cameras.coverage",
                    "kind": "changed",
                    "old": "0.15",
                    "new": "0.2"
                  }
                ]

                """
        )
        let commented = folder.appending("commented.yaml")
        try (try seed(coverage: "0.20") + "# a comment at the end\n").write(
            toFile: commented,
            atomically: true,
            encoding: .utf8
        )
        let same = try cli.sclab("diff", "seed-article", commented)
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout == "no differences\n")
        #expect(try cli.sclab("diff", "seed-article", commented, "--json").stdout == "[]\n")
    }

    @Test("diff: a run folder's stored scenario against a shipped one and a changed copy")
    func runFolder() throws {
        let (run, _) = try ImpactCommandTests().run("diff-run")
        defer { try? FileManager.default.removeItem(atPath: run) }
        let folder = try TemporaryFolder("sclab-diff")
        let variant = folder.appending("variant.yaml")
        try seed(coverage: "0.15").write(toFile: variant, atomically: true, encoding: .utf8)
        let same = try cli.sclab("diff", run, "seed-article")
        #expect(same.status == 0, "\(same.stderr)")
        #expect(same.stdout == "no differences\n")
        let changed = try cli.sclab("diff", run, variant)
        #expect(changed.status == 1, "\(changed.stderr)")
        #expect(changed.stdout.hasPrefix("~ sources.cctv_cameras.coverage: 0.2 -> 0.15\n"))
    }

    @Test("diff: bad arguments are errors naming the argument, exit 2; a missing one is a usage error, 64")
    func badInput() throws {
        let folder = try TemporaryFolder("sclab-diff")
        let missing = folder.appending("missing.yaml")
        let absent = try cli.sclab("diff", "seed-article", missing)
        #expect(absent.status == 2)
        #expect(absent.stderr.contains("Error: B: no such file: \(missing)"), "\(absent.stderr)")
        #expect(absent.stdout.isEmpty)

        let broken = folder.appending("broken.yaml")
        try seed(coverage: "1.5").write(toFile: broken, atomically: true, encoding: .utf8)
        let invalid = try cli.sclab("diff", broken, "seed-article")
        #expect(invalid.status == 2)
        #expect(
            invalid.stderr.contains(
                "\(broken):387:15: sources[0].coverage: must be a probability between 0 and 1, found 1.5"
            ),
            "\(invalid.stderr)"
        )
        #expect(
            invalid.stderr.contains(
                "Error: A: \(broken) is not a valid scenario: 1 error (run `sclab check \(broken)`)"
            )
        )

        let notARun = try cli.sclab("diff", "seed-article", folder.path)
        #expect(notARun.status == 2)
        #expect(
            notARun.stderr.contains("Error: B: \(folder.path)/run.sqlite: no run database in this folder"),
            "\(notARun.stderr)"
        )
        #expect(try cli.sclab("diff", "seed-article").status == 64)
    }
}
