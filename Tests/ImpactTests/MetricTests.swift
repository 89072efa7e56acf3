import RunRecords
import Testing

@testable import Impact

/// The metric definitions of docs/metrics.md on hand-made data with answers worked out by hand.
struct MetricTests {
    @Test(
        "Gini: equal shares give 0, one person with everything among four gives 0.75",
        arguments: [
            ([1.0, 1, 1, 1], 0.0),
            ([0.0, 0, 0, 1], 0.75),
            // Σ|xi-xj| over ordered pairs = 2·(1+2+1) = 8; 2·n²·mean = 2·9·2 = 36 → 2/9.
            ([1.0, 2, 3], 2.0 / 9.0),
        ]
    )
    func gini(values: [Double], expected: Double) throws {
        let g = try #require(Inequality.gini(values))
        #expect(abs(g - expected) < 1e-12)
    }

    @Test("Gini is undefined for nothing, for all zeros and for negative values")
    func giniUndefined() {
        #expect(Inequality.gini([]) == nil)
        #expect(Inequality.gini([0, 0]) == nil)
        #expect(Inequality.gini([-1, 2]) == nil)
    }

    @Test("Gini of a histogram equals the Gini of the values it stands for")
    func giniHistogram() throws {
        // 3 people with 0 and 1 with 1 → 0.75; 2 with 1, 1 with 2, 1 with 3 → as [1,1,2,3].
        #expect(abs(try #require(Inequality.gini(values: [0, 1], counts: [3, 1])) - 0.75) < 1e-12)
        let expanded = try #require(Inequality.gini([1, 1, 2, 3]))
        #expect(abs(try #require(Inequality.gini(values: [1, 2, 3], counts: [2, 1, 1])) - expanded) < 1e-12)
        // By hand: Σ|xi-xj| = 2·(0+1+2+1+2+1) = 14, 2·16·1.75 = 56 → 0.25.
        #expect(abs(expanded - 0.25) < 1e-12)
    }

    @Test("Disparate impact of a burden: each rate over the lowest rate")
    func disparateBurden() {
        // Rates 10/100 = 0.1, 30/100 = 0.3, 5/50 = 0.1, 0/10 = 0 (never hit: ratio 0).
        let rates = [
            GroupRate(group: "a", count: 10, people: 100), GroupRate(group: "b", count: 30, people: 100),
            GroupRate(group: "c", count: 5, people: 50), GroupRate(group: "d", count: 0, people: 10),
        ]
        #expect(DisparateImpact.reference(rates, outcome: .burden) == 0.1)
        let ratios = DisparateImpact.ratios(rates, outcome: .burden).map { $0.map { ($0 * 1e9).rounded() / 1e9 } }
        #expect(ratios == [1, 3, 1, 0])
    }

    @Test("Disparate impact of a benefit: each rate over the highest rate (four-fifths rule)")
    func disparateBenefit() {
        // 40/100 = 0.4 and 30/100 = 0.3 → 0.3 / 0.4 = 0.75, below four fifths.
        let rates = [
            GroupRate(group: "rich", count: 40, people: 100), GroupRate(group: "poor", count: 30, people: 100),
            GroupRate(group: "empty", count: 0, people: 0),
        ]
        let ratios = DisparateImpact.ratios(rates, outcome: .benefit)
        #expect(ratios[0] == 1)
        #expect(abs(ratios[1]! - 0.75) < 1e-12)
        #expect(ratios[2] == nil)
        #expect(DisparateImpact.ratios([GroupRate(group: "x", count: 0, people: 5)], outcome: .benefit) == [nil])
    }

    @Test("Effects: relative change, share, rate per 1,000 people per year")
    func effects() {
        #expect(Effect.relativeChange(real: 80, counterfactual: 100) == -0.2)
        #expect(Effect.relativeChange(real: 1, counterfactual: 0) == nil)
        #expect(Effect.share(1, of: 4) == 0.25)
        // 730.5 days = 2 years; 500 events among 1,000 people → 250 per 1,000 per year.
        #expect(Effect.perThousandPerYear(500, people: 1_000, days: 730).map { abs($0 - 250.171) < 0.001 } == true)
    }

    @Test(
        "Ticks land on round values and cover the range",
        arguments: [
            (0.0, 97.0, 0.0, 100.0, 20.0),
            (0.0, 0.0043, 0.0, 0.005, 0.001),
            (995.0, 1003.0, 994.0, 1004.0, 2.0),
            (0.0, 0.0, 0.0, 1.0, 0.2),
        ]
    )
    func ticks(minimum: Double, maximum: Double, lower: Double, upper: Double, step: Double) {
        let ticks = Ticks(minimum: minimum, maximum: maximum)
        #expect(abs(ticks.lower - lower) < 1e-12 && abs(ticks.upper - upper) < 1e-12 && abs(ticks.step - step) < 1e-12)
        #expect(ticks.values.first == ticks.lower)
    }

    @Test("Axis labels: percentages with the decimals the step needs, counts grouped or in k")
    func labels() {
        #expect(Chart.Format.share.label(0.25, step: 0.05) == "25%")
        #expect(Chart.Format.share.label(0.0025, step: 0.0005) == "0.25%")
        #expect(Chart.Format.count.label(12_000, step: 2_000) == "12k")
        #expect(Chart.Format.count.label(5_000, step: 5_000) == "5,000")
        #expect(Chart.Format.count.label(7.5, step: 2.5) == "7.5")
        #expect(Chart.Format.count.full(1_234_567) == "1,234,567")
    }
}
