import Foundation
import TestSupport
import Testing

/// `sclab calibrate` end to end on a tiny scenario whose figures are known: the society's size,
/// and a behaviour's yearly count, which `--fit` must bring to the published value.
@Suite("sclab calibrate", .serialized)
struct CalibrateCommandTests {
    let cli = CommandLineTests()

    /// One behaviour everyone does; targets on the society's size (known exactly) and on the
    /// behaviours per person in a year (about `rate`).
    static func scenario(rate: String = "0.5", sizeTarget: String = "300") -> String {
        """
        scenario: {id: tiny, name: Tiny, start: 2016-01-01, end: 2016-12-31}
        score: {initial: 0, minimum: 0, maximum: 1, tiers: [{id: all, min: 0}]}
        behaviors:
          - id: b
            conduct: conforming
            who: everyone
            rate: \(rate)              # assumption
        calibration:
          targets:
            - {id: size, metric: "population.people", value: \(sizeTarget), tolerance: 0.1, source: "the flag"}
            - {id: per_person, metric: "total(behavior.b) / population.people", value: 2, tolerance: 0.1, source: "made up"}
          fit:
            - {path: behaviors.b.rate, min: 0.1, max: 10}

        """
    }

    private func file(_ text: String) throws -> String {
        let path = TemporaryFolder.unusedPath("calibrate") + ".yaml"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test("Each target against the run, with error and pass or fail; exit 1 when one fails")
    func report() throws {
        let path = try file(Self.scenario(rate: "2", sizeTarget: "250"))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try cli.sclab("calibrate", path, "--population", "300", "--threads", "1")
        #expect(outcome.status == 1, "\(outcome.stderr)")
        let lines = outcome.stdout.split(separator: "\n").map(String.init)
        #expect(lines.first == "tiny: 300 people, 2016-01-01 to 2016-12-31, seed 1")
        // 300 people against a published 250: +20%, outside 10%.
        #expect(
            lines.contains {
                $0.hasPrefix("  size") && $0.contains("250") && $0.contains("300") && $0.contains("+20.0%")
                    && $0.hasSuffix("FAIL")
            }
        )
        #expect(lines.contains { $0.hasPrefix("  per_person") && $0.hasSuffix("pass") })
        #expect(lines.contains("1 of 2 targets pass"))
        #expect(lines.contains("  size: the flag"))
    }

    @Test("--fit finds the rate, writes it back with a note, and the fitted file passes on another seed")
    func fit() throws {
        let path = try file(Self.scenario())
        defer { try? FileManager.default.removeItem(atPath: path) }
        let outcome = try cli.sclab(
            "calibrate",
            path,
            "--population",
            "300",
            "--fit",
            "--rounds",
            "1",
            "--evaluations",
            "10"
        )
        #expect(outcome.status == 0, "\(outcome.stdout)\n\(outcome.stderr)")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let line = try #require(written.split(separator: "\n").first { $0.contains("rate:") })
        let value = try #require(Double(line.split(separator: " ")[1]))
        #expect(abs(value - 2) < 0.2, "\(line)")
        #expect(
            line.contains(
                "# fitted: 0.5 -> \(line.split(separator: " ")[1]) by sclab calibrate --fit (300 people, seed 1); assumption"
            )
        )
        // Everything else is as it was.
        #expect(
            written.replacingOccurrences(of: String(line), with: "")
                == Self.scenario().replacingOccurrences(
                    of: Self.scenario().split(separator: "\n").first { $0.contains("rate:") }!,
                    with: ""
                )
        )
        let other = try cli.sclab("calibrate", path, "--population", "300", "--seed", "2")
        #expect(other.status == 0, "\(other.stdout)")
    }

    @Test(
        "Bad input is a clear error",
        arguments: [
            (["sesame"], "has no 'calibration' section"),
            (["corporate", "--only", "behaviors.x.rate"], "--only chooses fit parameters: give --fit too"),
            (["corporate", "--fit", "--only", "behaviors.x.rate"], "--only behaviors.x.rate is not a fit parameter"),
            (["corporate", "--population", "0"], "--population must be from 1 to 200000000 (got 0)"),
            (["nonexistent"], "unknown scenario 'nonexistent'"),
        ]
    )
    func badInput(arguments: [String], message: String) throws {
        let outcome = try cli.sclab(["calibrate"] + arguments)
        #expect(outcome.status != 0)
        #expect(outcome.stderr.contains(message), "\(outcome.stderr)")
    }
}
