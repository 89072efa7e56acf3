import Foundation
import TestSupport
import Testing

/// Every option of every command is range-checked before anything is allocated: the issue's
/// crashing values are clear usage errors naming the option, its range and the value.
@Suite("sclab: options are bounded", .serialized)
struct OptionBoundsTests {
    let cli = CommandLineTests()

    static let big = "9223372036854775807"

    @Test(
        "Out-of-range options are refused with the option, its range and the value",
        arguments: [
            (["simulate", "--population", big], "--population must be from 1 to 2000000000 (got 9223372036854775807)"),
            (
                ["simulate", "--population", "200000001"],
                "--population (in one process) must be from 1 to 200000000 (got 200000001)"
            ),
            (["simulate", "--threads", "0"], "--threads must be from 1 to 1024 (got 0)"),
            (["simulate", "--threads", "1025"], "--threads must be from 1 to 1024 (got 1025)"),
            (
                ["simulate", "--trace-every", big],
                "--trace-every must be from 1 to 200000000 (got 9223372036854775807)"
            ),
            (["simulate", "--days", big], "--days must be from 1 to 32000 (got 9223372036854775807)"),
            (["simulate", "--checkpoint-every=-1"], "--checkpoint-every must be from 0 to 32000 (got -1)"),
            (["simulate", "--seeds", "0"], "--seeds must be from 1 to 100 (got 0)"),
            (["simulate", "--stop-after", big], "--stop-after must be from 1 to 32000"),
            (
                ["simulate", "--start", "9999-12-31"],
                "--start 9999-12-31 is outside the days a run may cover, 1900-01-01 to 2199-12-31"
            ),
            (["simulate", "--start", "1899-12-31"], "--start 1899-12-31 is outside the days a run may cover"),
            (
                ["simulate", "--start", "2199-12-01", "--days", "62"],
                "the run's last day 2200-01-31 is outside 1900-01-01 to 2199-12-31"
            ),
            (["resume", "/nonexistent", "--threads", "0"], "--threads must be from 1 to 1024 (got 0)"),
            (
                ["explain", "/nonexistent", "--person", "1", "--threads", "5000"],
                "--threads must be from 1 to 1024 (got 5000)"
            ),
            (["verify", "/nonexistent", "--threads", "0"], "--threads must be from 1 to 1024 (got 0)"),
            (["bench", "--days", big], "--days must be from 1 to 32000"),
            (["bench", "--population", "0"], "--population must be from 1 to 200000000 (got 0)"),
            (["population", "--size", "200000001"], "--size must be from 1 to 200000000 (got 200000001)"),
            (["calibrate", "seed-article", "--threads", "0"], "--threads must be from 1 to 1024 (got 0)"),
            (["calibrate", "seed-article", "--rounds", big], "--rounds must be from 1 to 100"),
            (
                ["sweep", "--vary", "sources.cctv_cameras.coverage=0.1", "--samples", "0"],
                "--samples must be from 1 to 10000 (got 0)"
            ),
            (
                ["sweep", "--vary", "sources.cctv_cameras.coverage=0.1", "--jobs", "0"],
                "--jobs must be from 1 to 1024 (got 0)"
            ),
            (
                ["sweep", "--vary", "sources.cctv_cameras.coverage=0.1", "--start", "9999-12-31"],
                "--start 9999-12-31 is outside"
            ),
            (["serve", ".", "--max-connections", "0"], "--max-connections must be from 1 to"),
            (["serve", ".", "--idle-timeout", big], "--idle-timeout must be from 1 to 3600 seconds"),
            (["store-stress", "/nonexistent", "--metrics", big], "--metrics must be from 0 to 1000000"),
        ]
    )
    func refused(arguments: [String], message: String) throws {
        let outcome = try cli.sclab(arguments)
        #expect(outcome.status == 64, "\(outcome.stderr)")
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }

    @Test("A run too big for the memory available is refused before anything is made, saying what it needs")
    func memory() throws {
        let out = TemporaryFolder.unusedPath("sclab-memory")
        // 64 MiB + 200,000,000 people × (240 bytes for the run + 300 × 2 for two of its companions
        // at once with 2 threads: 2 further seeds and the counterfactual) = 168,067,108,864 bytes.
        let outcome = try cli.sclab("simulate", "--population", "200000000", "--threads", "2", "--out", out)
        #expect(outcome.status != 0)
        #expect(
            outcome.stderr.contains("a run of 200,000,000 people with 3 runs in memory at once"),
            "\(outcome.stderr)"
        )
        #expect(outcome.stderr.contains("needs about 168.1 GB of memory"), "\(outcome.stderr)")
        #expect(outcome.stderr.contains("MemAvailable"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(
        "Folder problems are said in plain words, never as an NSError",
        arguments: [
            (
                ["simulate", "--population", "300", "--days", "31", "--out", "/etc/passwd/run"],
                "/etc/passwd/run: cannot create the run folder: not a directory"
            ),
            (["report", "/nonexistent/run"], "/nonexistent/run"),
        ]
    )
    func plainFolderErrors(arguments: [String], message: String) throws {
        let outcome = try cli.sclab(arguments)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
        #expect(!outcome.stderr.contains("NSCocoaErrorDomain"))
        #expect(!outcome.stderr.contains("Error Domain="))
    }

    /// A run of 300 people over 31 days in a new folder, which `body` is given and which is
    /// removed after it.
    func withSmallRun(_ body: (String) throws -> Void) throws {
        let out = TemporaryFolder.unusedPath("sclab-small-run")
        defer { try? FileManager.default.removeItem(atPath: out) }
        let made = try cli.sclab(
            "simulate",
            "--population",
            "300",
            "--days",
            "31",
            "--seeds",
            "1",
            "--no-counterfactual",
            "--out",
            out
        )
        try #require(made.status == 0, "\(made.stderr)")
        try body(out)
    }

    @Test(
        "A run folder with a stored trace_every of 2⁶³ − 1: report and explain are errors naming the field, not crashes"
    )
    func storedNumberOutOfRange() throws {
        try withSmallRun { out in
            let sqlite = Process()
            sqlite.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            sqlite.arguments = [out + "/run.sqlite", "UPDATE run SET trace_every = 9223372036854775807"]
            try sqlite.run()
            sqlite.waitUntilExit()
            try #require(sqlite.terminationStatus == 0)
            for command in [
                ["report", out, "--format", "markdown"], ["report", out], ["explain", out, "--person", "0"],
            ] {
                let outcome = try cli.sclab(command)
                #expect(outcome.status == 1, "\(command[0]): \(outcome.status) \(outcome.stderr)")
                #expect(
                    outcome.stderr.contains("run.trace_every must be from 1 to 200000000 (got 9223372036854775807)"),
                    "\(outcome.stderr)"
                )
            }
        }
    }

    @Test("A report written to a missing folder says so in plain words")
    func writeError() throws {
        try withSmallRun { out in
            let outcome = try cli.sclab("report", out, "--format", "markdown", "--out", "/nonexistent/folder/report.md")
            #expect(outcome.status != 0)
            #expect(
                outcome.stderr.contains("/nonexistent/folder/report.md: cannot write: no such file or directory"),
                "\(outcome.stderr)"
            )
        }
    }
}
