import Foundation
import RunRecords
import SocialCredit
import Testing

@testable import Impact

#if canImport(FoundationXML)
import FoundationXML
#endif

/// Scenario edits by path, sweep designs, and the sweep's CSV and charts.
struct SweepTests {
    static let yaml = ReportTests.yaml

    @Test(
        "A path reaches a number through keys, list items by id and indices",
        arguments: [
            ("score.initial", 1000.0), ("sources.watcher.coverage", 0.5), ("sources[0].false_attribution", 0.1),
            ("rules.penalty.delta", -50.0), ("lists.banned.term_days", 365.0), ("score.tiers.1.min", 0.0),
        ]
    )
    func read(path: String, expected: Double) throws {
        #expect(try ScenarioEdit.value(at: path, in: Self.yaml) == expected)
    }

    @Test("Setting a number changes that number only, and the result is a valid scenario")
    func edit() throws {
        let edited = try ScenarioEdit.apply(
            [("sources.watcher.coverage", 0.25), ("rules.penalty.delta", -20)],
            to: Self.yaml
        )
        let scenario = try Scenario.parse(edited)
        #expect(scenario.sources[0].coverage == 0.25)
        #expect(scenario.rules[0].delta == -20)
        let original = try Scenario.parse(Self.yaml)
        #expect(scenario.sources[0].falseAttribution == original.sources[0].falseAttribution)
        #expect(
            scenario.lists == original.lists && scenario.measures == original.measures
                && scenario.score == original.score
        )
    }

    @Test(
        "Bad paths and values are clear errors",
        arguments: [
            (
                "sources.watchr.coverage", 0.1,
                "no item 'watchr' in the list sources (did you mean 'watcher'?); ids: watcher"
            ),
            ("score.initail", 1.0, "no key 'initail' in score (did you mean 'initial'?)"),
            ("score.tiers", 1.0, "score.tiers: a list, not a number"),
            ("sources.watcher.id", 1.0, "sources.watcher.id: 'watcher', not a number"),
            ("rules.penalty.delta", -2.5, "holds a whole number (-50); -2.5 is not one"),
            ("score..initial", 1.0, "is not a path"),
        ]
    )
    func badPaths(path: String, value: Double, message: String) {
        #expect {
            try ScenarioEdit.apply([(path, value)], to: Self.yaml)
        } throws: { error in
            "\(error)".contains(message)
        }
    }

    @Test("A value the language refuses is reported as the variant's error, by path")
    func invalidVariant() {
        #expect {
            try SweepPlan(
                scenarioText: Self.yaml,
                file: "tiny.yaml",
                vary: [("sources.watcher.coverage", [0.5, 1.5])],
                design: .grid,
                samples: 0,
                seed: 1
            )
        } throws: { error in
            "\(error)".contains("the variant sources.watcher.coverage=1.5 is not a valid scenario")
                && "\(error)".contains("sources[0].coverage: must be a probability between 0 and 1")
        }
    }

    @Test("A grid is every combination, first parameter slowest")
    func grid() throws {
        let plan = try SweepPlan(
            scenarioText: Self.yaml,
            file: "tiny.yaml",
            vary: [("sources.watcher.coverage", [0.2, 0.4]), ("rules.penalty.delta", [-10, -20, -30])],
            design: .grid,
            samples: 0,
            seed: 1
        )
        #expect(
            plan.variants.map(\.values) == [
                [0.2, -10], [0.2, -20], [0.2, -30], [0.4, -10], [0.4, -20], [0.4, -30],
            ]
        )
        #expect(try Scenario.parse(plan.variants[5].text).rules[0].delta == -30)
        #expect(plan.parameters.map(\.integer) == [false, true])
    }

    @Test(
        "A Latin hypercube uses each stratum of each range once, the same for the same seed",
        arguments: [1, 7] as [UInt64]
    )
    func latinHypercube(seed: UInt64) {
        let samples = 10
        let points = SweepPlan.latinHypercube(ranges: [(0, 1), (100, 200)], samples: samples, seed: seed)
        #expect(points.count == samples)
        for (d, range) in [(0.0, 1.0), (100.0, 200.0)].enumerated() {
            let strata = points.map { Int(($0[d] - range.0) / (range.1 - range.0) * Double(samples)) }
            #expect(strata.sorted() == Array(0..<samples), "dimension \(d): \(strata)")
        }
        #expect(points == SweepPlan.latinHypercube(ranges: [(0, 1), (100, 200)], samples: samples, seed: seed))
        #expect(points != SweepPlan.latinHypercube(ranges: [(0, 1), (100, 200)], samples: samples, seed: seed + 1))
    }

    @Test("An integer field sampled by a Latin hypercube is rounded")
    func lhsIntegers() throws {
        let plan = try SweepPlan(
            scenarioText: Self.yaml,
            file: "tiny.yaml",
            vary: [("rules.penalty.delta", [-60, -10])],
            design: .lhs,
            samples: 5,
            seed: 3
        )
        #expect(plan.variants.count == 5)
        for variant in plan.variants {
            #expect(variant.values[0] == variant.values[0].rounded() && (-60...(-10)).contains(variant.values[0]))
        }
    }

    static func result() -> SweepResult {
        func metrics(_ records: Double) -> [KeyMetric] {
            [
                KeyMetric(id: "records", label: "records made", format: .count, value: records),
                KeyMetric(id: "mean_score", label: "mean final score", format: .score, value: nil),
            ]
        }
        let parameter = SweepPlan.Parameter(
            path: "sources.watcher.coverage",
            values: [0.2, 0.4],
            original: 0.5,
            integer: false
        )
        return SweepResult(
            parameters: [parameter],
            design: .grid,
            scenario: "tiny",
            population: 1000,
            start: "2016-01-01",
            end: "2016-03-31",
            command: "sclab sweep ...",
            runs: [
                .init(variant: 1, seed: 2, directory: "d/v001-s2", values: [0.4], metrics: metrics(300)),
                .init(variant: 0, seed: 1, directory: "d/v000-s1", values: [0.2], metrics: metrics(100)),
                .init(variant: 0, seed: 2, directory: "d/v000-s2", values: [0.2], metrics: metrics(140)),
                .init(variant: 1, seed: 1, directory: "d/v001-s1", values: [0.4], metrics: metrics(260)),
            ]
        )
    }

    @Test("sweep.csv has one row per run, by variant then seed, parameters then metrics")
    func csv() throws {
        let rows = try StrictCSV.parse(Self.result().csv())
        #expect(
            rows == [
                ["run", "variant", "seed", "directory", "sources.watcher.coverage", "records", "mean_score"],
                ["0", "0", "1", "d/v000-s1", "0.2", "100", ""], ["1", "0", "2", "d/v000-s2", "0.2", "140", ""],
                ["2", "1", "1", "d/v001-s1", "0.4", "260", ""], ["3", "1", "2", "d/v001-s2", "0.4", "300", ""],
            ]
        )
    }

    @Test("An outcome's chart against a parameter: the mean over seeds with the lowest and highest, and each seed")
    func chart() throws {
        let chart = Self.result().chart(outcome: 0, parameter: 0)
        #expect(chart.kind == .scatter && chart.x == [0.2, 0.4])
        #expect(chart.series[0].values == [120, 280])
        #expect(chart.series[0].lower! == [100, 260] && chart.series[0].upper! == [140, 300])
        #expect(chart.series.map(\.name) == ["mean (whiskers: lowest to highest)", "seed 1", "seed 2"])
        #expect(chart.series[1].values == [100, 260])
        let svg = chart.svg()
        // 2 means, 4 seed points, 2 legend markers.
        #expect(svg.components(separatedBy: "<circle").count - 1 == 2 + 4 + 2)
        #expect(svg.contains(">0.2</text>") || svg.contains(">0.20</text>"))
        let parser = XMLParser(data: Data(svg.utf8))
        #expect(parser.parse(), "the scatter SVG is not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        let report = Self.result().report
        #expect(report.charts.count == 2)  // two outcomes × one parameter
        #expect(report.html().contains("Records made against sources.watcher.coverage"))
    }
}
