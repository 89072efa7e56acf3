import Foundation
import Testing

@testable import SocialCredit

/// Calibration maths with answers worked by hand: relative errors, tolerances, the loss, metric
/// expressions over a known series, and the fit search on a function whose minimum is known.
@Suite("Calibration")
struct CalibrationTests {
    private func target(_ value: Double, tolerance: Double) throws -> CalibrationTarget {
        CalibrationTarget(
            id: "t",
            metric: try MetricExpression.parse("1"),
            value: value,
            tolerance: tolerance,
            source: "s"
        )
    }

    @Test(
        "Relative error: (simulated - published) / |published|",
        arguments: [
            (0.02, 0.022, 0.1), (0.02, 0.018, -0.1), (1.191, 1.191, 0.0), (-4.0, -3.0, 0.25), (200.0, 300.0, 0.5),
        ]
    )
    func relativeError(published: Double, simulated: Double, expected: Double) throws {
        #expect(abs(try target(published, tolerance: 0.1).error(of: simulated) - expected) < 1e-12)
    }

    @Test("Tolerance: within passes, the boundary passes, beyond fails")
    func tolerance() throws {
        let t = try target(0.0245, tolerance: 0.1)  // Guangdong's red share, +-10%
        #expect(t.passes(0.0245))
        #expect(t.passes(0.02205))  // -10.0%: on the boundary
        #expect(t.passes(0.02695))  // +10.0%: on the boundary
        #expect(!t.passes(0.0220))  // -10.2%
        #expect(!t.passes(0.0270))  // +10.2%
    }

    @Test("Loss: squared errors over tolerances, summed; an uncomputable target weighs 1e6")
    func loss() throws {
        let a = TargetResult(target: try target(1, tolerance: 0.1), simulated: 1.2, problem: nil)  // 0.2/0.1 = 2 -> 4
        let b = TargetResult(target: try target(10, tolerance: 0.5), simulated: 5, problem: nil)  // 0.5/0.5 = 1 -> 1
        let c = TargetResult(target: try target(3, tolerance: 0.1), simulated: nil, problem: "no such metric")
        #expect(abs(Calibration.loss([a, b]) - 5) < 1e-12)
        #expect(Calibration.loss([a, b, c]) == 5 + 1e6)
        #expect(a.passed == false && b.passed == true && c.passed == false)
    }

    /// Three months of two metrics and one constant.
    private var series: MetricSeries {
        var series = MetricSeries(constants: ["population.adults": 1000])
        for (month, entries, share) in [("2017-11", 10.0, 0.1), ("2017-12", 20.0, 0.2), ("2018-01", 40.0, 0.3)] {
            series.add("list.entries.debtors", month: MetricExpression.Month(month)!, value: entries)
            series.add("rating.environment.tier.share.red", month: MetricExpression.Month(month)!, value: share)
        }
        return series
    }

    @Test(
        "Metric expressions evaluate to the hand-worked values",
        arguments: [
            ("sum(list.entries.debtors, 2017-11, 2017-12) / population.adults", 0.03),
            ("total(list.entries.debtors)", 70.0),
            ("mean(list.entries.debtors, 2017-12, 2018-01)", 30.0),
            ("at(rating.environment.tier.share.red, 2017-12) * 100", 20.0),
            ("last(list.entries.debtors) - at(list.entries.debtors, 2017-11)", 30.0),
            ("-(1 + 2) * 3 / 4", -2.25),
            ("2 * (total(list.entries.debtors) - 10) / 1e1", 12.0),
        ]
    )
    func evaluate(text: String, expected: Double) throws {
        let value = try MetricExpression.parse(text).evaluate(on: series)
        #expect(abs(value - expected) < 1e-9)
    }

    @Test("Evaluation errors name the problem and suggest the likely metric")
    func evaluationErrors() throws {
        func message(_ text: String) throws -> String {
            do {
                _ = try MetricExpression.parse(text).evaluate(on: series)
                return "no error"
            } catch let error as MetricEvaluationError {
                return error.message
            }
        }
        #expect(
            try message("total(list.entries.debtor)")
                == "unknown metric 'list.entries.debtor' (did you mean 'list.entries.debtors'?)"
        )
        #expect(
            try message("at(list.entries.debtors, 2019-06)")
                == "list.entries.debtors: months 2019-06 were not all simulated (the run covers 2017-11 to 2018-01; give more --years)"
        )
        #expect(try message("1 / (at(list.entries.debtors, 2017-11) - 10)").hasPrefix("division by zero"))
        #expect(
            try message("population.adult") == "unknown constant 'population.adult' (did you mean 'population.adults'?)"
        )
    }

    @Test(
        "Syntax errors say what and where",
        arguments: [
            ("sum(list.entries.x, 2017-12)", "sum() takes a metric name and 2 months, found 1 month (at character 28)"),
            ("at(x, 2017-13)", "expected a month written YYYY-MM, e.g. 2017-12 (at character 7)"),
            ("count(x)", "unknown function 'count' (one of: at, sum, mean, last, total) (at character 7)"),
            ("sum(x, 2018-01, 2017-01)", "the months run backwards: 2018-01 is after 2017-01 (at character 24)"),
            ("total(x) 2", "unexpected '2' after the end of the expression (at character 10)"),
            ("(1 + 2", "missing ')' (at character 7)"),
        ]
    )
    func syntaxErrors(text: String, expected: String) {
        #expect(throws: MetricSyntaxError.self) { try MetricExpression.parse(text) }
        do {
            _ = try MetricExpression.parse(text)
        } catch {
            #expect("\(error)" == expected)
        }
    }

    @Test("Scenario paths: keys, ids and indices; malformed ones are refused")
    func paths() {
        #expect(
            ScenarioPath("behaviors.loan_arrears.rate")?.steps == [
                .key("behaviors"), .key("loan_arrears"), .key("rate"),
            ]
        )
        #expect(
            ScenarioPath("behaviors[2].varies.age[0].factor")?.steps
                == [.key("behaviors"), .index(2), .key("varies"), .key("age"), .index(0), .key("factor")]
        )
        for bad in ["", "a..b", "a[x]", "a[1", "[0]", "a.", "a[-1]"] { #expect(ScenarioPath(bad) == nil, "\(bad)") }
    }

    @Test("The fit search finds a known minimum: (x - 0.3)^2 + (log y - log 20)^2")
    func fitSearch() throws {
        let parameters = [
            FitParameter(path: ScenarioPath("a.x")!, minimum: 0, maximum: 1),
            FitParameter(path: ScenarioPath("a.y")!, minimum: 1, maximum: 1000),
        ]
        var calls = 0
        let result = try FitSearch(parameters: parameters, rounds: 3, evaluationsPerSearch: 14).run(start: [0.9, 500]) {
            v in
            calls += 1
            return (v[0] - 0.3) * (v[0] - 0.3) + pow(log(v[1]) - log(20), 2)
        }
        #expect(abs(result.values[0] - 0.3) < 0.01)
        #expect(abs(result.values[1] / 20 - 1) < 0.05)
        #expect(calls <= 1 + 3 * 2 * 14)
    }

    @Test("Whole parameters are searched in whole numbers")
    func wholeParameters() throws {
        let parameter = FitParameter(path: ScenarioPath("a.days")!, minimum: 0, maximum: 100, whole: true)
        var seen: [Double] = []
        let result = try FitSearch(parameters: [parameter], rounds: 2, evaluationsPerSearch: 10).run(start: [50]) { v in
            seen.append(v[0])
            return abs(v[0] - 37.4)
        }
        #expect(seen.allSatisfy { $0 == $0.rounded() })
        #expect(result.values == [37])
    }
}
