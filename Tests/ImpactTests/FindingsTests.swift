import Foundation
import RunRecords
import Simulation
import SocialCredit
import Testing

@testable import Impact

/// The report's key findings: sentences whose numbers are worked out by hand on the hand-made
/// run, placed before the scenario's tables, with the province maps.
struct FindingsTests {
    /// The hand-made run with a few sanctioned people who had false records, and two provinces.
    static func run() throws -> RunData {
        var run = try ReportTests.handMade()
        run.groups[0].sanctionedWithFalseRecords = 6
        var guizhou = GroupTally(dimension: "province", group: "Guizhou")
        var shanghai = GroupTally(dimension: "province", group: "Shanghai")
        (guizhou.people, guizhou.sanctioned, guizhou.everBlacklisted, guizhou.sanctionedWithFalseRecords) = (
            100, 4, 10, 1
        )
        (shanghai.people, shanghai.sanctioned, shanghai.everBlacklisted) = (400, 4, 20)
        run.groups += [guizhou, shanghai]
        return run
    }

    static func findings(_ report: Report) throws -> [String] {
        let section = try #require(report.sections.first)
        #expect(section.id == "key-findings" && section.title == "Key findings")
        return try #require(section.blocks.compactMap { if case let .list(items) = $0 { items } else { nil } }.first)
    }

    @Test("Each finding carries the run's numbers, worked out by hand")
    func sentences() throws {
        let items = try Self.findings(Report(try Self.run()))
        #expect(
            items == [
                // 75 of 1,000 sanctioned, 150 blocks (30 + 50 + 70), 200 ever black-listed.
                "Punished: 75 of 1,000 people (7.50%) were sanctioned, an action of theirs blocked at least once (150 actions blocked in all), and 200 (20.00%) were ever on a black list.",
                // Q1 30/200 = 15% against Q5 10/200 = 5%; male 50/500 = 10% against female 25/500 = 5%;
                // Guizhou 4/100 = 4% against Shanghai 4/400 = 1%.
                "Hit hardest, by the share sanctioned and its multiple of the least-hit group's: Q1 (poorest) among income quintiles, 15.00% (3.00 times Q5 (richest)); male among the sexes, 10.00% (2.00 times female); Guizhou among provinces, 4.00% (4.00 times Shanghai).",
                // 3 + 5 + 7 = 15 of 150 blocks wrongful; 8 + 7 + 7 = 22 false listings; 6 of 75 = 8%.
                "Wrongly: 15 of the 150 actions blocked (10.00%) were blocked only because of false records; 22 listings were caused by a false record; 6 of the 75 sanctioned people (8.00%) had a false record on file, at most that many sanctioned wrongly.",
                // good_deed: 80 + 85 + 90 = 255 in both runs.
                "Against the same society with the system switched off, people's conforming behaviours did not change (255 with the system, 255 switched off; one seed: no interval can be given).",
                // offence: 160 + 150 + 140 = 450 against 165 + 166 + 164 = 495: (450 − 495) / 495 = −9.09%.
                "Against the same society with the system switched off, people's contradictory behaviours went down by 9.09% (450 with the system, 495 switched off; one seed: no interval can be given).",
            ]
        )
    }

    @Test("How sure: one seed says so; an interval over seeds holding 0 is not distinguishable from chance")
    func certainty() {
        #expect(
            CounterfactualEffect(conduct: .contradictory, real: 90, switchedOff: 100).certainty
                == "one seed: no interval can be given"
        )
        #expect(CounterfactualEffect(conduct: .contradictory, real: 90, switchedOff: 100).relative == -0.1)
        // Changes −20%, 0%, −10% over three seeds: mean −10%, sd 10%, half-width 4.303 × 0.1 / √3 = 24.84%.
        let holdsZero = SeedInterval.paired([-0.2, 0, -0.1])
        #expect(
            CounterfactualEffect(conduct: .contradictory, real: 90, switchedOff: 100, interval: holdsZero).certainty
                == "not distinguishable from chance: -34.84% to +14.84% over 3 seeds"
        )
        // −12%, −10%, −8%: mean −10%, sd 2%, half-width 4.303 × 0.02 / √3 = 4.97%.
        let excludesZero = SeedInterval.paired([-0.12, -0.1, -0.08])
        #expect(
            CounterfactualEffect(conduct: .contradictory, real: 90, switchedOff: 100, interval: excludesZero).certainty
                == "the 95% interval excludes 0: -14.97% to -5.03% over 3 seeds"
        )
    }

    @Test("Without tallies or a counterfactual the findings say what cannot be told, and draw no map")
    func missingData() throws {
        var run = try Self.run()
        run.groups = []
        run.series = run.series.filter { !$0.key.hasPrefix(Counterfactual.prefix) }
        let report = Report(run)
        let items = try Self.findings(report)
        #expect(items.count == 2)
        #expect(items[0].hasPrefix("This run holds no group tallies"))
        #expect(items[1].hasPrefix("This run holds no counterfactual"))
        #expect(!report.charts.contains { $0.kind == .tileMap })
    }

    @Test(
        "report.html opens with the findings and the province map, before the scenario's tables; markdown and JSON carry them"
    )
    func order() throws {
        let report = Report(try Self.run())
        let html = report.html()
        let findings = try #require(html.range(of: "<section id=\"key-findings\">"))
        let list = try #require(html.range(of: "<ul><li>Punished: 75 of 1,000 people"))
        let map = try #require(html.range(of: "<figure id=\"province-map\">"))
        let tables = try #require(html.range(of: "<caption>Tiers of the personal score</caption>"))
        let firstTable = try #require(html.range(of: "<table"))
        #expect(
            findings.lowerBound < list.lowerBound && list.lowerBound < map.lowerBound
                && map.lowerBound < tables.lowerBound
        )
        #expect(map.lowerBound < firstTable.lowerBound)
        #expect(html.contains("<li><a href=\"#key-findings\">Key findings</a></li><li><a href=\"#how-it-works\">"))
        // The map: three of them (listed, sanctioned, sanctioned with a false record), Guizhou's
        // rates 10%, 4% and 1%.
        #expect(html.components(separatedBy: "<g class=\"tile-map\">").count - 1 == 3)
        for tip in [
            "Guizhou (GZ), ever black-listed: 10.00%", "Guizhou (GZ), sanctioned: 4.00%",
            "Guizhou (GZ), sanctioned with a false record: 1.00%",
        ] {
            #expect(html.contains("<title>\(tip)</title>"), "\(tip)")
        }
        let markdown = report.markdown()
        let mdFindings = try #require(markdown.range(of: "## Key findings\n\n- Punished: 75 of 1,000 people"))
        #expect(mdFindings.lowerBound < (try #require(markdown.range(of: "## How it works"))).lowerBound)
        #expect(markdown.contains("| Guizhou | 10.00% | 4.00% | 1.00% |"))
        #expect(try report.json().contains("Punished: 75 of 1,000 people"))
    }
}
