import Foundation
import TestSupport
import Testing

@testable import SocialCredit

/// `ScenarioForm` on the shipped seed scenario: fields, values, units and comments read from
/// scenarios/seed-article.yaml by hand (line numbers included), and submissions applied through
/// `ScenarioEdit` and checked as `sclab check` checks a file.
@Suite("Scenario form")
struct ScenarioFormTests {
    static let seed: String = {
        let path = SCLab.repository.appendingPathComponent("scenarios/seed-article.yaml").path
        return (try? String(contentsOfFile: path, encoding: .utf8)) ?? ""
    }()

    static func form() throws -> ScenarioForm { try ScenarioForm(text: seed) }

    /// The problems a rejected submission gives.
    static func problems(_ values: [String: String], in text: String = seed) -> [ScenarioForm.Problem] {
        do {
            _ = try ScenarioForm.apply(values, to: text)
            return []
        } catch let rejection as ScenarioForm.Rejection {
            return rejection.problems
        } catch {
            return [ScenarioForm.Problem(path: "?", message: "\(error)")]
        }
    }

    @Test("Groups follow the language's sections, calibration left out")
    func groups() throws {
        let form = try Self.form()
        #expect(
            form.groups.map(\.id) == [
                "period", "enrolment", "score", "company_score", "ratings", "behaviors", "sources", "rules", "lists",
                "actions", "measures", "spillovers", "appeals", "responses", "timeline",
            ]
        )
        #expect(!form.fields.contains { $0.path.hasPrefix("calibration") })
        #expect(form.groups.first { $0.id == "sources" }?.title == "Source coverage and false attribution")
    }

    @Test("A source's coverage and false attribution: value, unit, range and comment from its line")
    func sourceFields() throws {
        let form = try Self.form()
        let coverage = try #require(form.field("sources.cctv_cameras.coverage"))
        #expect(coverage.label == "cctv_cameras coverage")
        #expect(coverage.kind == .number)
        #expect(coverage.value == "0.2")
        #expect(coverage.unit == "share")
        #expect(coverage.numberKind == .probability)
        #expect(coverage.rangeText == "from 0 to 1")
        #expect(coverage.comment == "assumption (~1 camera per 7 people, not every street or moment)")
        #expect(coverage.line == 387)
        #expect(coverage.meaning == "share of occurrences it records while in force")
        let wrong = try #require(form.field("sources.cctv_cameras.false_attribution"))
        #expect(wrong.value == "0.03")
        #expect(wrong.comment == "assumption: face-matching errors")
        #expect(wrong.line == 388)
        #expect(form.groups.first { $0.id == "sources" }?.fields.contains { $0.path == coverage.path } == true)
    }

    @Test("Whole numbers, dates, truth values and factors")
    func otherFields() throws {
        let form = try Self.form()
        let initial = try #require(form.field("score.initial"))
        #expect(initial.kind == .integer)
        #expect(initial.value == "1000")
        #expect(initial.unit == "points")
        #expect(initial.rangeText == "from -1000000 to 1000000 points")
        #expect(
            initial.comment
                == "Rongcheng start of 1,000 points [RS §1, Foreign Policy 2018, B]; Suqian also 1,000 [RS §6, B]"
        )
        #expect(initial.line == 41)

        let cap = try #require(form.field("rules.loan_arrears.cap_per_year"))
        #expect(cap.kind == .integer)
        #expect(cap.value == "120")
        #expect(cap.unit == "points a year")
        #expect(cap.comment == "one record per monthly cycle [RS §1, A] -> at most 12 a year [derived]")

        // No comment on its line: the two comment lines directly above it.
        let start = try #require(form.field("scenario.start"))
        #expect(start.kind == .date)
        #expect(start.value == "2014-01-01")
        #expect(start.line == 31)
        #expect(start.rangeText == "from 1900-01-01 to 2199-12-31")
        #expect(
            start.comment
                == "\"The Chinese government has been preparing for planning and testing millions of people since 2014 and will officially run it in 2020.\""
        )
        #expect(form.groups.first?.fields.map(\.path) == ["scenario.start", "scenario.end"])

        let published = try #require(form.field("lists.dishonest_judgment_debtors.published"))
        #expect(published.kind == .boolean)
        #expect(published.value == "true")
        #expect(published.comment == "name, ID, obligation published [RS §2, A]")
        #expect(published.line == 778)

        let band = try #require(form.field("behaviors.critical_online_speech.varies.age[0].factor"))
        #expect(band.label == "critical_online_speech varies.age[0].factor")
        #expect(band.value == "0.3")
        #expect(band.unit == "factor")
        #expect(band.comment == "assumption")
        #expect(band.line == 140)
        let quintile = try #require(form.field("behaviors.false_expense_claim.varies.income_quintile[3]"))
        #expect(quintile.value == "1.4")
        #expect(quintile.comment == "assumption: more claims to pad higher up")

        // A reward's benefit counts in the measure's own unit.
        #expect(form.field("measures.public_facility_discount.benefit")?.unit == "share")
        #expect(form.field("measures.company_vat_green_channel.benefit")?.unit == "months")
        #expect(form.field("appeals.contest.true_records")?.label == "appeals contest.true_records")
        #expect(form.field("appeals.contest.true_records")?.line == 1227)
        #expect(form.field("spillovers.low_score_friends.effect.delta")?.value == "-20")
        #expect(form.field("spillovers.low_score_friends.effect.delta")?.numberKind == .spilloverPoints)
    }

    @Test("Phase and rollout dates are in the timeline group")
    func timeline() throws {
        let form = try Self.form()
        let timeline = try #require(form.groups.first { $0.id == "timeline" })
        let pilots = try #require(timeline.fields.first { $0.path == "timeline.pilots.start" })
        #expect(pilots.value == "2014-06-14")
        #expect(pilots.line == 1302)
        #expect(pilots.comment == "State Council Planning Outline GuoFa (2014) No. 21, dated 14 Jun 2014 [RS §5, A]")
        let end = try #require(timeline.fields.first { $0.path == "sources.online_monitoring.rollout.end" })
        #expect(end.label == "online_monitoring rollout.end")
        #expect(end.value == "2020-12-31")
        #expect(end.comment == "replaced by real-time monitoring after 2020")
        #expect(form.groups.first { $0.id == "sources" }?.fields.contains { $0.kind == .date } == false)
    }

    @Test("Measures and spillovers are switched by presence: the language has no enabled key")
    func presence() throws {
        let form = try Self.form()
        let ban = try #require(form.field("measures.list_flight_ban"))
        #expect(ban.kind == .presence)
        #expect(ban.value == "on")
        #expect(ban.label == "list_flight_ban (No flights for listed debtors and travel-blacklisted passengers)")
        #expect(ban.line == 936)
        #expect(ban.comment == "punishments for black-listed people (national)")
        #expect(form.groups.first { $0.id == "measures" }?.fields.first?.path == "measures.list_flight_ban")
        #expect(form.field("spillovers.low_score_friends")?.kind == .presence)
        #expect(form.field("rules.loan_arrears")?.kind == nil)
    }

    @Test("A changed coverage: the new value at its path, nothing else changed")
    func changedCoverage() throws {
        let edited = try ScenarioForm.apply(["sources.cctv_cameras.coverage": "0.25"], to: Self.seed)
        #expect(try ScenarioEdit.value(at: "sources.cctv_cameras.coverage", in: edited) == 0.25)
        #expect(
            try ScenarioDiff(from: Self.seed, to: edited).differences == [
                .init("sources.cctv_cameras.coverage", .changed, old: "0.2", new: "0.25")
            ]
        )
    }

    @Test("Values submitted unchanged leave the text as it was, comments and all")
    func unchanged() throws {
        let values = [
            "sources.cctv_cameras.coverage": "0.20", "score.initial": "1000", "lists.travel_blacklist.published": "yes",
            "timeline.pilots.start": "2014-06-14", "measures.list_flight_ban": "on",
        ]
        #expect(try ScenarioForm.apply(values, to: Self.seed) == Self.seed)
    }

    @Test("Truth values, dates and switches are edited through ScenarioEdit")
    func otherEdits() throws {
        let values = [
            "lists.travel_blacklist.published": "false", "timeline.national.start": "2019-01-01",
            "measures.list_flight_ban": "off", "spillovers.low_score_friends": "off",
        ]
        let edited = try ScenarioForm.apply(values, to: Self.seed)
        #expect(
            try ScenarioDiff(from: Self.seed, to: edited).differences == [
                .init("lists.travel_blacklist.published", .changed, old: "true", new: "false"),
                .init("measures.list_flight_ban", .removed, old: "list_flight_ban", new: nil),
                .init("spillovers.low_score_friends", .removed, old: "low_score_friends", new: nil),
                .init("timeline.national.start", .changed, old: "2020-01-01", new: "2019-01-01"),
            ]
        )
        let scenario = try Scenario.parse(edited)
        #expect(!scenario.measures.contains { $0.id == "list_flight_ban" })
        #expect(!scenario.spillovers.contains { $0.id == "low_score_friends" })
        #expect(scenario.spillovers.count == 5)
    }

    @Test("Out of range, wrong kind and unknown paths: every problem at its path, naming the field and range")
    func rejected() {
        let problems = Self.problems([
            "sources.cctv_cameras.coverage": "1.5",
            "rules.loan_arrears.cap_per_year": "12.5",
            "rules.jaywalking.delta": "abc",
            "sources.cctv_camera.coverage": "0.1",
            "timeline.national.start": "2019-02-30",
            "measures.list_flight_ban": "maybe",
            "lists.travel_blacklist.published": "2",
        ])
        #expect(
            problems == [
                .init(
                    path: "lists.travel_blacklist.published",
                    message: "travel_blacklist published: expected true or false, found a number"
                ),
                .init(
                    path: "measures.list_flight_ban",
                    message:
                        "list_flight_ban (No flights for listed debtors and travel-blacklisted passengers): expected on or off, found 'maybe'"
                ),
                .init(
                    path: "rules.jaywalking.delta",
                    message:
                        "jaywalking delta (points): expected a number, found text 'abc'; allowed: from -1000000 to 1000000 points"
                ),
                .init(
                    path: "rules.loan_arrears.cap_per_year",
                    message:
                        "loan_arrears cap_per_year (points a year): expected a whole number, found 12.5 (use 13); allowed: from 0 to 1000000000 points a year"
                ),
                .init(
                    path: "sources.cctv_camera.coverage",
                    message: "no such parameter in this scenario (did you mean 'sources.cctv_cameras.coverage'?)"
                ),
                .init(
                    path: "sources.cctv_cameras.coverage",
                    message:
                        "cctv_cameras coverage (share): must be a probability between 0 and 1, found 1.5 (if you meant 1.5%, write 0.015); allowed: from 0 to 1"
                ),
                .init(
                    path: "timeline.national.start",
                    message:
                        "national start: '2019-02-30' is not a valid date (write dates as YYYY-MM-DD, e.g. 2014-06-14); allowed: a date, YYYY-MM-DD"
                ),
            ]
        )
    }

    @Test("An edit the language refuses is placed at the field, items named by id")
    func invalidResult() {
        #expect(
            Self.problems(["score.initial": "1400"]) == [
                .init(path: "score.initial", message: "initial score 1400 is outside 0...1300")
            ]
        )
        // AA above AAA (1050), AA's max (1049) below its min, and A's max (1029) short of AA's new min.
        #expect(
            Self.problems(["score.tiers.AA.min": "1060"]).map(\.path) == [
                "score.tiers.AA.min", "score.tiers.AA.max", "score.tiers.A.max",
            ]
        )
        let period = Self.problems(["scenario.end": "2013-01-01"])
        #expect(period.map(\.path) == ["scenario.end"], "\(period)")
    }

    @Test("A pasted file's diagnostics carry the lines check reports")
    func locatedDiagnostics() {
        let text = """
            scenario:
              name: Broken
              start: 2020-01-01
              end: 2020-12-31
            score:
              initial: 2000000
              minimum: 0
              maximum: 100
              tiers: [{id: all, min: 0}]
            behaviors:
              - id: x
                conduct: contradictory
                rate: -1
              - id: y
                conduct: sometimes
                rate: 1
            """
        let reading = Scenario.read(text, file: "pasted.yaml")
        #expect(reading.scenario == nil)
        #expect(
            reading.errors.map { "\($0.location?.line ?? 0):\($0.location?.column ?? 0) \($0.path)" } == [
                "6:12 score.initial", "13:11 behaviors[0].rate", "15:14 behaviors[1].conduct",
            ]
        )
        let syntax = Scenario.read("scenario:\n  name: x\n   bad: [1, 2\n", file: "pasted.yaml")
        #expect(syntax.errors.count == 1)
        #expect(syntax.errors.first?.location?.line == 3)
    }

    @Test("ScenarioEdit refuses a value of another kind than its target holds")
    func editKinds() {
        let cases: [(path: String, value: ScenarioEdit.Value, message: String)] = [
            ("score.initial", .truth(true), "score.initial: '1000', not true or false"),
            (
                "sources.cctv_cameras.coverage", .date(Day(iso: "2020-01-01")!),
                "sources.cctv_cameras.coverage: '0.2', not a date"
            ),
            ("score.initial", .removed, "score.initial: not an item of a list, so it cannot be removed"),
            ("lists.travel_blacklist.published", .number(1), "lists.travel_blacklist.published: 'true', not a number"),
        ]
        for (path, value, message) in cases {
            do {
                _ = try ScenarioEdit.apply([(path, value)], to: Self.seed)
                Issue.record("\(path) was edited")
            } catch {
                #expect("\(error)" == message)
            }
        }
    }

    @Test("The truth words are the reader's")
    func truthWords() {
        #expect(ScenarioForm.truth("yes") == true)
        #expect(ScenarioForm.truth("off") == false)
        #expect(ScenarioForm.truth("y") == nil)
    }
}
