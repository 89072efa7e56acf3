import Foundation
import TestSupport
import Testing

/// End-to-end tests of the `sclab` executable: exit codes and what it prints.
@Suite("sclab command line", .serialized)
struct CommandLineTests {
    /// Runs the `sclab` built with the tests.
    func sclab(_ arguments: String...) throws -> Subprocess.Outcome { try SCLab.run(arguments) }

    /// Runs the `sclab` built with the tests with an argument list.
    func sclab(_ arguments: [String]) throws -> Subprocess.Outcome { try SCLab.run(arguments) }

    @Test("check: a broken file gives located errors and exit 1")
    func checkBroken() throws {
        let file = TemporaryFolder.unusedPath("broken") + ".yaml"
        let text = ScenarioTexts.minimal.replacingOccurrences(
            of: "    behavior: jaywalking",
            with: "    behavior: jaywalk"
        )
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try sclab("check", file)
        #expect(outcome.status == 1)
        #expect(
            outcome.stderr.contains(
                "\(file):27:15: rules[0].behavior: unknown behaviour 'jaywalk' (did you mean 'jaywalking'?)"
            )
        )
        #expect(outcome.stderr.contains("invalid: 1 error"))
        #expect(outcome.stdout.isEmpty)
    }

    @Test("check: a valid file prints the summary and exits 0")
    func checkValid() throws {
        let file = TemporaryFolder.unusedPath("valid") + ".yaml"
        try ScenarioTexts.minimal.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try sclab("check", file)
        #expect(outcome.status == 0)
        #expect(outcome.stdout.contains("behaviours   2 (1 conforming, 1 contradictory)"))
        #expect(outcome.stdout.contains("measures     1 (1 block, 0 reward, 0 notice)"))
    }

    @Test("check: a warning of what can never happen exits 0, and 1 under --strict")
    func checkStrict() throws {
        let file = TemporaryFolder.unusedPath("warned") + ".yaml"
        let text = ScenarioTexts.reachable.replacingOccurrences(of: "cap_per_year: 5", with: "cap_per_year: 3")
        try text.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let warned = "\(file):10:7: warning: score.tiers[0]: tier 'A' (scores from 1010) is never reached"
        let lenient = try sclab("check", "--quiet", file)
        #expect(lenient.status == 0)
        #expect(lenient.stderr.contains(warned))
        let strict = try sclab("check", "--strict", "--quiet", file)
        #expect(strict.status == 1)
        #expect(strict.stderr.contains("\(file):10:7: score.tiers[0]: tier 'A' (scores from 1010) is never reached"))
        #expect(!strict.stderr.contains("warning:"))
        #expect(strict.stderr.contains("invalid: 1 error (warnings count as errors under --strict)"))
    }

    @Test("check --strict: the unbroken scenario passes")
    func checkStrictClean() throws {
        let file = TemporaryFolder.unusedPath("clean") + ".yaml"
        try ScenarioTexts.reachable.write(toFile: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: file) }
        let outcome = try sclab("check", "--strict", "--quiet", file)
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stderr.isEmpty)
    }

    @Test("check: an unknown scenario name is an error with the shipped names")
    func checkUnknown() throws {
        let outcome = try sclab("check", "seed-articel")
        #expect(outcome.status == 1)
        #expect(outcome.stderr.contains("unknown scenario 'seed-articel' (did you mean 'seed-article'?)"))
    }

    @Test("check: the seed scenario by name is valid")
    func checkSeed() throws {
        let outcome = try sclab("check", "seed-article")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        #expect(outcome.stdout.contains("valid"))
        #expect(outcome.stdout.contains("timeline"))
    }

    @Test("scenarios: lists each shipped scenario with its summary")
    func scenarios() throws {
        let outcome = try sclab("scenarios")
        #expect(outcome.status == 0)
        #expect(outcome.stdout.split(separator: "\n").contains { $0.hasPrefix("seed-article  ") })
    }

    @Test("schema: prints the committed schema, and --out writes it")
    func schema() throws {
        let committed = try String(
            contentsOf: SCLab.repository.appendingPathComponent("schema/scenario.schema.json"),
            encoding: .utf8
        )
        let printed = try sclab("schema")
        #expect(printed.status == 0)
        #expect(printed.stdout == committed)
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("schema-\(UUID().uuidString).json")
        defer { try? FileManager.default.removeItem(at: file) }
        let written = try sclab("schema", "--out", file.path)
        #expect(written.status == 0)
        #expect(written.stderr == "wrote \(file.path)\n")
        #expect(try String(contentsOf: file, encoding: .utf8) == committed)
    }

    @Test("Bad flags are usage errors, not crashes")
    func badFlags() throws {
        let outcome = try sclab("check")
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("Missing expected argument '<scenario>'"))
        #expect(try sclab("--help").status == 0)
    }
}

/// `sclab population` end to end.
@Suite("sclab population", .serialized)
struct PopulationCommandTests {
    let cli = CommandLineTests()

    @Test("A small society passes --check and prints the comparison")
    func check() throws {
        let outcome = try cli.sclab("population", "--size", "3000", "--seed", "5", "--check")
        #expect(outcome.status == 0, "\(outcome.stdout)")
        #expect(outcome.stdout.contains("Synthetic society: 3,000 people, seed 5"))
        #expect(outcome.stdout.contains("All ") && outcome.stdout.contains("marginals within tolerance."))
        #expect(outcome.stdout.contains("Friendship network"))
    }

    @Test("--json prints one JSON object with every marginal")
    func json() throws {
        let outcome = try cli.sclab("population", "--size", "2000", "--json")
        #expect(outcome.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect(object["size"] as? Int == 2000)
        // 107 census marginals and the 4 aggregates (sex ratio, under 15, 65 and over, mean age).
        #expect((object["marginals"] as? [Any])?.count == 111)
        #expect(object["network"] is [String: Any])
    }

    @Test(
        "Bad sizes and thread counts are usage errors",
        arguments: [["--size", "0"], ["--size", "-5"], ["--threads", "0"]]
    )
    func badFlags(arguments: [String]) throws {
        let outcome = try cli.sclab(["population"] + arguments)
        #expect(outcome.status == 64)
        #expect(outcome.stderr.contains("Error:"))
    }
}

/// `sclab simulate`, `resume` and `bench` end to end, on small societies.
@Suite("sclab simulate", .serialized)
struct SimulateCommandTests {
    let cli = CommandLineTests()

    func folder(_ name: String) -> String {
        let path = TemporaryFolder.unusedPath("sclab-\(name)")
        return path
    }

    func digest(_ output: String) -> String? {
        output.split(separator: "\n").first { $0.hasPrefix("digest: ") }.map { String($0.dropFirst(8)) }
    }

    @Test("A run writes run.sqlite and its digest does not depend on the thread count")
    func threadsGiveTheSameDigest() throws {
        let one = folder("one")
        let two = folder("two")
        defer {
            try? FileManager.default.removeItem(atPath: one)
            try? FileManager.default.removeItem(atPath: two)
        }
        let a = try cli.sclab("simulate", "--population", "700", "--days", "62", "--threads", "1", "--out", one)
        let b = try cli.sclab("simulate", "--population", "700", "--days", "62", "--threads", "2", "--out", two)
        #expect(a.status == 0, "\(a.stderr)")
        #expect(b.status == 0, "\(b.stderr)")
        #expect(FileManager.default.fileExists(atPath: one + "/run.sqlite"))
        let digestA = try #require(digest(a.stdout))
        #expect(digestA.count == 64)
        #expect(digestA == digest(b.stdout))
    }

    @Test("A run stopped at a checkpoint and resumed gives the same digest as an uninterrupted one")
    func resumeEquivalence() throws {
        let whole = folder("whole")
        let parts = folder("parts")
        defer {
            try? FileManager.default.removeItem(atPath: whole)
            try? FileManager.default.removeItem(atPath: parts)
        }
        let uninterrupted = try cli.sclab("simulate", "--population", "600", "--days", "95", "--out", whole)
        let stopped = try cli.sclab(
            "simulate",
            "--population",
            "600",
            "--days",
            "95",
            "--out",
            parts,
            "--stop-after",
            "31"
        )
        #expect(stopped.status == 0, "\(stopped.stderr)")
        #expect(stopped.stdout.contains("continue with: sclab resume"))
        let resumed = try cli.sclab("resume", parts)
        #expect(resumed.status == 0, "\(resumed.stderr)")
        let expected = try #require(digest(uninterrupted.stdout))
        #expect(expected == digest(resumed.stdout))
        let again = try cli.sclab("resume", parts)
        #expect(again.status != 0)
        #expect(again.stderr.contains("already finished"))
    }

    @Test("--json prints one object with the digest and timings")
    func json() throws {
        let out = folder("json")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let outcome = try cli.sclab("simulate", "--population", "800", "--days", "31", "--out", out, "--json")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Any])
        #expect((object["digest"] as? String)?.count == 64)
        #expect(object["timings"] is [String: Any])
        #expect(object["population"] as? Int == 800)
    }

    @Test(
        "Bad flags are clear errors",
        arguments: [
            (["--population=-5"], "--population must be from 1 to 2000000000 (got -5)"),
            (["--scenario", "nonexistent"], "unknown scenario 'nonexistent'"),
            (["--start", "2022-06-01"], "is after the end"),
            (["--start", "2021-13-01"], "is not a date"),
            (["--days", "0"], "--days must be from 1 to 32000 (got 0)"),
            (["--years", "2", "--days", "5"], "give --years or --days, not both"),
            (["--days", "32001"], "--days must be from 1 to 32000 (got 32001)"),
            (["--years", "88"], "--years must be from 1 to 87"),
            (["--branch", "runs/x"], "--branch 'runs/x' is not DIR@DATE"),
            (["--branch", "runs/x@2014-13-01"], "--branch's DATE '2014-13-01' is not a date (YYYY-MM-DD)"),
            (
                ["--branch", "runs/x@2014-06-01", "--seed", "3", "--days", "9"],
                "--branch takes the society, seed, days and tracing from the baseline run; drop --seed, --days"
            ),
            (["--branch", "/nonexistent/run@2014-06-01"], "/nonexistent/run"),
        ]
    )
    func badFlags(arguments: [String], message: String) throws {
        let outcome = try cli.sclab(["simulate", "--out", folder("bad")] + arguments)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test("Resuming a folder without a run is a clear error")
    func resumeNothing() throws {
        let outcome = try cli.sclab("resume", "/nonexistent/run")
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains("/nonexistent/run"))
    }

    @Test("bench prints speed and memory")
    func bench() throws {
        let outcome = try cli.sclab("bench", "--population", "1000", "--days", "31", "--json")
        #expect(outcome.status == 0, "\(outcome.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(outcome.stdout.utf8)) as? [String: Double]
        )
        #expect((object["personDaysPerSecond"] ?? 0) > 0)
        #expect((object["peakMemoryBytes"] ?? 0) > 0)
        // Nanoseconds per event are the simulation's time over its events, of either kind.
        let events = try #require(object["events"])
        #expect(events > 0 && events == (object["behaviorEvents"] ?? -1) + (object["actionEvents"] ?? -1))
        let seconds = try #require(object["simulationSeconds"])
        #expect(abs((object["nanosecondsPerEvent"] ?? 0) - seconds * 1e9 / events) < 1e-6 * seconds * 1e9 / events)
        let shares = ["scanShare", "eventShare", "calendarShare", "monthEndShare"].map { object[$0] ?? -1 }
        #expect(shares.allSatisfy { (0...1).contains($0) } && shares.reduce(0, +) <= 1.0001)
    }
}
