extension Comparison.Row {
    /// Run `i`'s figures as `sclab compare` writes them: its value, its difference from the
    /// baseline and the relative change, and over seeds the mean difference, its 95% interval
    /// and the verdict ("–" where there is none). The text table and the Observatory's comparison
    /// both write them through this one function.
    func cells(_ i: Int) -> Comparison.Cells {
        let interval = intervals[i]
        return Comparison.Cells(
            value: Comparison.value(values[i], format),
            difference: Comparison.difference(differences[i], format),
            change: Format.signedPercent(relative[i]),
            mean: Comparison.difference(interval?.mean, format),
            range: interval?.range(format) ?? "–",
            verdict: interval?.verdict ?? "–"
        )
    }
}

extension Comparison {
    /// One run's figures of a row, as text.
    struct Cells: Sendable, Equatable {
        var value: String
        var difference: String
        var change: String
        var mean: String
        var range: String
        var verdict: String
    }
}

/// A key metric of a baseline and a variant run, the numbers and their text exactly as `sclab
/// compare` gives them for the two runs (one `Comparison`, one way of writing them).
public struct MetricDifference: Sendable, Codable, Equatable {
    /// The key metric's id and label (`KeyMetric`).
    public var id: String
    public var label: String
    /// How it reads: `count`, `share`, `ratio` or `score`.
    public var format: Chart.Format
    /// The baseline's and the variant's value; absent where undefined for the run.
    public var baseline: Double?
    public var variant: Double?
    /// variant − baseline, and (variant − baseline) / baseline (absent when the baseline is 0).
    public var difference: Double?
    public var relative: Double?
    /// variant − baseline over the seeds the runs are measured over, with its 95% interval.
    public var interval: SeedInterval?
    /// The same as `sclab compare` prints them: the values, the difference, the change, and
    /// over seeds the mean difference, the interval and the verdict ("–" for none).
    public var baselineText: String
    public var variantText: String
    public var differenceText: String
    public var changeText: String
    public var meanText: String
    public var intervalText: String
    public var verdict: String

    /// The variant's (second run's) figures of a comparison's row.
    init(_ row: Comparison.Row) {
        id = row.id
        label = row.label
        format = row.format
        baseline = row.values[0]
        variant = row.values[1]
        difference = row.differences[1]
        relative = row.relative[1]
        interval = row.intervals[1]
        let base = row.cells(0)
        let cells = row.cells(1)
        baselineText = base.value
        variantText = cells.value
        differenceText = cells.difference
        changeText = cells.change
        meanText = cells.mean
        intervalText = cells.range
        verdict = cells.verdict
    }
}

extension MetricDifference {
    /// A difference of a figure as `sclab compare` writes it: signed, a share in percentage points
    /// ("+1.25 pp"), "–" for none; for tables of differences beside the key metrics.
    public static func text(difference: Double?, format: Chart.Format) -> String {
        Comparison.difference(difference, format)
    }
}
