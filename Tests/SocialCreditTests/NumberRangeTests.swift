import Foundation
import Testing

@testable import SocialCredit

/// Every number of the language is bounded where it is read (issue 14): the values that used to
/// trap `check` or pass it and trap `simulate` are each one located error, naming the key path
/// and the range; the ranges themselves are the ones docs/scenario-language.md lists.
@Suite("Number ranges")
struct NumberRangeTests {
    static let valid = """
        scenario: {name: Bounds, start: 2016-01-01, end: 2016-12-31}
        score:
          initial: 1000
          minimum: 0
          maximum: 2000
          tiers: [{id: A, min: 960}, {id: B, min: 0}]
        behaviors:
          - {id: offence, conduct: contradictory, rate: 12, dispersion: 1}
        sources:
          - {id: watcher, observes: offence, coverage: 1, delay_days: 3}
        rules:
          - {id: penalty, behavior: offence, delta: -10, cap_per_year: 50, lifetime_days: 365}
        spillovers:
          - {id: family, link: spouse, when: {score_below: 900}, effect: {delta: -5}}

        """

    @Test("The unbroken fixture is valid")
    func fixtureIsValid() {
        #expect(Scenario.read(Self.valid, file: "test.yaml").errors.isEmpty)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var old: String, new: String, path: String, message: String
        var testDescription: String { new }
    }

    @Test(
        "Each out-of-range value is one located error naming the key and the range",
        arguments: [
            // The values.
            Case(
                old: "initial: 1000",
                new: "initial: 99999999999999999999999999999",
                path: "score.initial",
                message:
                    "must be from -1000000 to 1000000 points (the score range the engine holds), found 99999999999999999999999999999"
            ),
            Case(
                old: "lifetime_days: 365",
                new: "lifetime_days: 1e19",
                path: "rules[0].lifetime_days",
                message: "must be from 0 to 32000 days (a run's longest period), found 1e19"
            ),
            Case(
                old: "delta: -10",
                new: "delta: -9223372036854775808",
                path: "rules[0].delta",
                message:
                    "must be from -1000000 to 1000000 points (the score range the engine holds), found -9223372036854775808"
            ),
            Case(
                old: "delay_days: 3",
                new: "delay_days: 99999999999",
                path: "sources[0].delay_days",
                message: "must be from 0 to 32000 days (a run's longest period), found 99999999999"
            ),
            Case(
                old: "cap_per_year: 50",
                new: "cap_per_year: 9223372036854775807",
                path: "rules[0].cap_per_year",
                message: "must be from 0 to 1000000000 points a year, found 9223372036854775807"
            ),
            Case(
                old: "minimum: 0",
                new: "minimum: -9223372036854775808",
                path: "score.minimum",
                message:
                    "must be from -1000000 to 1000000 points (the score range the engine holds), found -9223372036854775808"
            ),
            Case(
                old: "maximum: 2000",
                new: "maximum: 9223372036854775807",
                path: "score.maximum",
                message:
                    "must be from -1000000 to 1000000 points (the score range the engine holds), found 9223372036854775807"
            ),
            // NaN, infinities, fractions, and just past each end.
            Case(
                old: "rate: 12",
                new: "rate: .nan",
                path: "behaviors[0].rate",
                message: ".nan is not a finite number: from 0 to 10000 a year is allowed"
            ),
            Case(
                old: "dispersion: 1",
                new: "dispersion: -.inf",
                path: "behaviors[0].dispersion",
                message: "-.inf is not a finite number: from 0 to 100 is allowed"
            ),
            Case(
                old: "min: 960",
                new: "min: 1e400",
                path: "score.tiers[0].min",
                message: "1e400 is not a finite number: from -1000000 to 1000000 points is allowed"
            ),
            Case(
                old: "rate: 12",
                new: "rate: 10000.5",
                path: "behaviors[0].rate",
                message: "must be from 0 to 10000 a year, found 10000.5"
            ),
            Case(
                old: "lifetime_days: 365",
                new: "lifetime_days: 1.5",
                path: "rules[0].lifetime_days",
                message: "expected a whole number, found 1.5"
            ),
            Case(
                old: "lifetime_days: 365",
                new: "lifetime_days: 32001",
                path: "rules[0].lifetime_days",
                message: "must be from 0 to 32000 days (a run's longest period), found 32001"
            ),
            Case(
                old: "delta: -10",
                new: "delta: -1000001",
                path: "rules[0].delta",
                message: "must be from -1000000 to 1000000 points (the score range the engine holds), found -1000001"
            ),
            Case(
                old: "delta: -5}",
                new: "delta: -2001}",
                path: "spillovers[0].effect.delta",
                message:
                    "must be from -2000 to 2000 points (16 spillovers' points must fit the engine's 16-bit total), found -2001"
            ),
            Case(
                old: "score_below: 900",
                new: "score_below: 1e300",
                path: "spillovers[0].when.score_below",
                message: "must be from -1000000 to 1000000 points (the score range the engine holds), found 1e300"
            ),
            Case(
                old: "coverage: 1",
                new: "coverage: .NaN",
                path: "sources[0].coverage",
                message: ".NaN is not a finite number: from 0 to 1 is allowed"
            ),
        ]
    )
    func outOfRange(_ c: Case) throws {
        precondition(Self.valid.contains(c.old), "fixture does not contain \(c.old)")
        let reading = Scenario.read(Self.valid.replacingOccurrences(of: c.old, with: c.new), file: "test.yaml")
        #expect(reading.scenario == nil)
        let error = try #require(reading.errors.count == 1 ? reading.errors.first : nil, "\(reading.errors)")
        #expect(error.path == c.path)
        #expect(error.message == c.message)
        // Located at the value itself: its line, and the column where the new text starts.
        let line = try #require(Self.valid.components(separatedBy: "\n").firstIndex { $0.contains(c.old) })
        let column = try #require(Self.valid.components(separatedBy: "\n")[line].range(of: c.old)).lowerBound
        let text = Self.valid.components(separatedBy: "\n")[line]
        let valueColumn = text.distance(from: text.startIndex, to: column) + c.old.split(separator: " ")[0].count + 2
        #expect(error.location == SourceLocation(line: line + 1, column: valueColumn))
    }

    @Test(
        "Each end of a range is accepted",
        arguments: [
            ("lifetime_days: 365", "lifetime_days: 32000"), ("delta: -10", "delta: -1000000"),
            ("maximum: 2000", "maximum: 1000000"), ("cap_per_year: 50", "cap_per_year: 1000000000"),
            ("rate: 12", "rate: 10000"), ("rate: 12", "rate: 0"), ("dispersion: 1", "dispersion: 100"),
            ("delta: -5}", "delta: -2000}"), ("delay_days: 3", "delay_days: 0"),
        ]
    )
    func bounds(old: String, new: String) {
        let reading = Scenario.read(Self.valid.replacingOccurrences(of: old, with: new), file: "test.yaml")
        #expect(reading.errors.isEmpty, "\(reading.errors)")
    }

    @Test(
        "A bad number inside a list is one error: no follow-on complaint about the list's length",
        arguments: [
            (
                "dispersion: 1}", "dispersion: 1, varies: {income_quintile: [1, 1, .nan, 1, 1]}}",
                "behaviors[0].varies.income_quintile[2]"
            ),
            (
                "tiers: [{id: A, min: 960}, {id: B, min: 0}]", "tiers: [{id: A, min: 960}, {id: B, min: 0.5}]",
                "score.tiers[1].min"
            ),
        ]
    )
    func noFollowOn(old: String, new: String, path: String) {
        let errors = Scenario.read(Self.valid.replacingOccurrences(of: old, with: new), file: "test.yaml").errors
        #expect(errors.map(\.path) == [path], "\(errors)")
    }

    @Test(
        "A period outside 1900-01-01 to 2199-12-31 is refused at the date",
        arguments: [
            (
                "start: 2016-01-01, end: 2016-12-31", "start: 1899-12-31, end: 1900-12-31", "scenario.start",
                "1899-12-31 is outside the dates a run may cover, 1900-01-01 to 2199-12-31"
            ),
            (
                "start: 2016-01-01, end: 2016-12-31", "start: 2199-01-01, end: 2200-01-01", "scenario.end",
                "2200-01-01 is outside the dates a run may cover, 1900-01-01 to 2199-12-31"
            ),
        ]
    )
    func periodDates(old: String, new: String, path: String, message: String) throws {
        let errors = Scenario.read(Self.valid.replacingOccurrences(of: old, with: new), file: "test.yaml").errors
        let error = try #require(errors.count == 1 ? errors.first : nil, "\(errors)")
        #expect(error.path == path && error.message == message && error.location?.line == 1)
    }

    @Test("An entry extended past 32 bits lasts until removed, instead of wrapping to a past day")
    func extensionSaturates() {
        let rules = ListTermRules(
            extensionDays: 32_000,
            maxExtensionDays: -1,
            hasRemoval: false,
            removalMinimumDays: 0,
            removalDelayDays: 0
        )
        var term: ListTerm? = ListTerm(start: 0, end: Int32.max - 10_000, lastTrigger: 1)
        #expect(rules.trigger(&term, day: 5, record: 2, termDays: 365) == .extended(32_000))
        #expect(term?.end == Int32.max)
        #expect(term?.isOpen == true)
        #expect(term?.holds(on: 1_000_000) == true)
    }

    @Test("docs/scenario-language.md lists every kind of number with its range", arguments: NumberKind.allCases)
    func documented(kind: NumberKind) throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/scenario-language.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        #expect(
            text.contains("| `\(kind.rawValue)` | \(kind.rangeText) |"),
            "no row for \(kind.rawValue): \(kind.rangeText)"
        )
    }
}
