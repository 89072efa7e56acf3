import Foundation
import Testing

@testable import SocialCredit

/// Hostile structure is a located error, never a crash or a runaway: alias bombs, nesting far
/// beyond any scenario, huge files and metrics nested until the stack would overflow. Each case
/// states where the error must point, so a bound that moved or stopped being checked fails.
@Suite("Bounded input structure")
struct StructureLimitTests {
    /// The only error of reading `text`, as "line:column: message".
    private func onlyError(_ text: String, file: String = "hostile.yaml") throws -> Diagnostic {
        let reading = Scenario.read(text, file: file)
        #expect(reading.scenario == nil)
        #expect(reading.errors.count == 1, "\(reading.errors.map(\.description))")
        return try #require(reading.errors.first)
    }

    /// The classic "billion laughs": nine levels of nine aliases, 9^9 scalars once expanded.
    static let billionLaughs = """
        lol1: &lol1 [lol, lol, lol, lol, lol, lol, lol, lol, lol]
        lol2: &lol2 [*lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1, *lol1]
        lol3: &lol3 [*lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2, *lol2]
        lol4: &lol4 [*lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3, *lol3]
        lol5: &lol5 [*lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4, *lol4]
        lol6: &lol6 [*lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5, *lol5]
        lol7: &lol7 [*lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6, *lol6]
        lol8: &lol8 [*lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7, *lol7]
        lol9: &lol9 [*lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8, *lol8]
        scenario: *lol9

        """

    @Test("A billion laughs is refused at the alias that takes the document past 1,000,000 nodes")
    func billionLaughs() throws {
        // lolN stands for 1 + 9 * lol(N-1) nodes: 10, 91, 820, 7381, 66430, 597871. Before lol7 the
        // document holds 1 + sum(1 + lolN) = 672,610 nodes; lol7's key and list make 672,612 and its first
        // alias of lol6 (597,871 nodes) crosses the budget, at line 7, column 14.
        let error = try onlyError(Self.billionLaughs)
        #expect(error.location == SourceLocation(line: 7, column: 14))
        #expect(error.message.contains("the alias '*lol6' repeats 597871 nodes"))
        #expect(error.message.contains("past 1000000 nodes"))
    }

    @Test("Aliases as mapping keys are counted too (Yams would hash every repeated node)")
    func aliasKeys() throws {
        // The first six lines (672,610 nodes), then lol6 as a key: 1,270,481 nodes.
        let six = Self.billionLaughs.split(separator: "\n").prefix(6).joined(separator: "\n")
        let error = try onlyError(six + "\n? *lol6\n: 1\n")
        #expect(error.location == SourceLocation(line: 7, column: 3))
        #expect(error.message.contains("the alias '*lol6' repeats 597871 nodes"))
    }

    @Test("An alias that repeats a deep node is refused where it would nest past the limit")
    func deepAlias() throws {
        // An anchor 40 lists deep, repeated 30 lists deep: 70 levels in all.
        let anchor = "a: &deep " + Self.nested(40, "[", "", "]")
        let use = "b: " + Self.nested(30, "[", "*deep", "]")
        let error = try onlyError(anchor + "\n" + use + "\n")
        #expect(error.location == SourceLocation(line: 2, column: 34))
        #expect(error.message.contains("the alias '*deep' repeats mappings and lists 40 levels deep"))
    }

    /// `n` copies of `open`, `middle`, `n` copies of `close`.
    static func nested(_ n: Int, _ open: String, _ middle: String, _ close: String) -> String {
        String(repeating: open, count: n) + middle + String(repeating: close, count: n)
    }

    /// Nesting in flow lists, flow mappings and block lists: how to open and close a level, how
    /// many levels, and the column of the error. For a line of brackets libyaml's scanner reads
    /// ahead and its own limit of 1,000 levels trips first, at the line's first bracket; 100
    /// brackets show the 65th.
    static let deepCases: [(open: String, middle: String, close: String, levels: Int, column: Int)] = [
        ("[", "", "]", 100_000, 1),
        ("[", "", "]", 100, 65),
        ("{a: ", "1", "}", 100_000, 257),
        ("- ", "x", "", 100_000, 129),
    ]

    @Test("Nesting 100,000 deep is refused at the 65th level, in flow and in block style", arguments: deepCases)
    func deepNesting(open: String, middle: String, close: String, levels: Int, column: Int) throws {
        let error = try onlyError(Self.nested(levels, open, middle, close) + "\n")
        #expect(error.location == SourceLocation(line: 1, column: column))
        #expect(error.message.contains("nest more than 64 levels deep"))
    }

    @Test("Block mappings indented 200 levels are refused at line 65")
    func deepIndentation() throws {
        let text = (0..<200).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n") + " 1\n"
        let error = try onlyError(text)
        #expect(error.location == SourceLocation(line: 65, column: 65))
    }

    @Test("64 levels are within the limit and 65 are not", arguments: [(64, false), (65, true)])
    func depthBoundary(levels: Int, refused: Bool) {
        let text = Self.nested(levels, "[", "", "]")
        #expect((DocumentLimits.violation(in: text) != nil) == refused)
    }

    @Test("A list of 1,000,001 scalars is refused at the node past the budget, without any alias")
    func tooManyNodes() throws {
        // The list itself is node 1, so scalar number 1,000,000 (at column 2 * 999,999 + 2) crosses.
        let text = "[" + String(repeating: "0,", count: 1_000_000) + "0]"
        let violation = try #require(DocumentLimits.violation(in: text))
        #expect(violation.location == SourceLocation(line: 1, column: 2 * 999_999 + 2))
        #expect(violation.message.contains("this node takes the document past 1000000 nodes"))
    }

    @Test("A scenario may use anchors and aliases within the limits")
    func smallAliasesRead() throws {
        let text = ScenarioErrorTests.valid
            .replacingOccurrences(
                of: "observes: [jaywalking, blood_donation]",
                with: "observes: &seen [jaywalking, blood_donation]"
            )
        let reading = Scenario.read(text + "extra_source_list: *seen\n", file: "aliases.yaml")
        // The alias itself is fine; the unknown top-level key is the only complaint.
        #expect(reading.errors.count == 1)
        #expect(reading.errors.first?.message.contains("extra_source_list") == true)
        #expect(Scenario.read(text, file: "aliases.yaml").scenario != nil)
    }

    @Test("Text over 4 MiB is refused before it is parsed; a file is read no further than that")
    func size() throws {
        let big = "# " + String(repeating: "x", count: DocumentLimits.maximumBytes) + "\n"
        let error = try onlyError(big)
        #expect(error.location == SourceLocation(line: 1, column: 1))
        #expect(error.message.contains("a scenario may be at most 4194304 bytes"))
        // An endless device: at most one byte past the limit is read.
        let endless = Scenario.read(contentsOf: "/dev/zero")
        #expect(
            endless.errors.map(\.message) == ["is larger than 4194304 bytes (4 MiB): a scenario may be at most that"]
        )
    }

    @Test("A control character is an error at its line and column (found by fuzzing: it had no place)")
    func controlCharacterLocated() throws {
        // "scenario:\n" is bytes 0-9, "  name: a" bytes 10-18: the control character is byte 19.
        let error = try onlyError("scenario:\n  name: a\u{1}b\n")
        #expect(error.location == SourceLocation(line: 2, column: 10))
        #expect(error.message.contains("control characters are not allowed"))
    }

    @Test("A sweep's edit refuses an alias bomb the same way")
    func editRefusesBomb() {
        #expect(throws: ScenarioEdit.Failure.self) { try ScenarioEdit.value(at: "lol1[0]", in: Self.billionLaughs) }
    }
}

/// Metric expressions: long or deep ones are located syntax errors, never a stack overflow.
@Suite("Bounded metric expressions")
struct MetricLimitTests {
    /// Expressions that break a bound, as (open, middle, close, count), the 0-based offset of
    /// the character that does, and what the error says.
    static let refusedCases: [(open: String, middle: String, close: String, levels: Int, offset: Int, says: String)] = [
        // 40,000 nested parentheses: far past the length limit, refused at character 1,001.
        ("(", "1", ")", 40_000, 1_000, "80001 characters long"),
        // 100 nested parentheses: the 65th is refused.
        ("(", "1", ")", 100, 64, "more than 64 levels deep"),
        // 100 signs: the 65th is refused.
        ("-", "1", "", 100, 64, "more than 64 levels deep"),
        // 65 additions: the 65th operator (at 2 + 64 * 4) is refused.
        ("", "1", " + 1", 65, 258, "more than 64 levels deep"),
    ]

    /// Expressions exactly 64 levels deep and their values.
    static let acceptedCases: [(open: String, middle: String, close: String, value: Double)] = [
        ("(", "2", ")", 2),
        ("", "1", " + 1", 65),
        ("-", "3", "", 3),
    ]

    @Test("Too long or too deep is refused at the character that crosses the bound", arguments: refusedCases)
    func refused(open: String, middle: String, close: String, levels: Int, offset: Int, says message: String) {
        do {
            _ = try MetricExpression.parse(StructureLimitTests.nested(levels, open, middle, close))
            Issue.record("accepted an expression that breaks a bound")
        } catch let error as MetricSyntaxError {
            #expect(error.offset == offset)
            #expect(error.message.contains(message), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test("64 levels are accepted and evaluate to the known value", arguments: acceptedCases)
    func accepted(open: String, middle: String, close: String, value: Double) throws {
        let expression = try MetricExpression.parse(StructureLimitTests.nested(64, open, middle, close))
        #expect(try expression.evaluate(on: MetricSeries()) == value)
    }

    @Test("A calibration metric 100 parentheses deep is an error at its line and character")
    func locatedInScenario() throws {
        let metric = StructureLimitTests.nested(100, "(", "1", ")")
        let text =
            ScenarioErrorTests.valid + """
                calibration:
                  targets:
                    - id: t
                      metric: \(metric)
                      value: 1
                      tolerance: 0.1
                      source: test

                """
        let reading = Scenario.read(text, file: "deep-metric.yaml")
        let line =
            text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("metric: (") }! + 1
        #expect(reading.errors.map(\.location) == [SourceLocation(line: line, column: 15 + 64)])
    }
}
