import Foundation

/// The outcome of a sweep: every run's parameter values and key metrics, as a CSV of all runs
/// and a report with each outcome charted against each varied parameter.
public struct SweepResult: Sendable {
    /// One run of one variant with one seed.
    public struct Run: Sendable, Equatable {
        /// Index of the variant in the plan.
        public var variant: Int
        /// The seed of the society and the run.
        public var seed: UInt64
        /// The run folder.
        public var directory: String
        /// The parameter values, in the plan's order.
        public var values: [Double]
        /// The run's key metrics.
        public var metrics: [KeyMetric]

        /// A run from its parts.
        public init(variant: Int, seed: UInt64, directory: String, values: [Double], metrics: [KeyMetric]) {
            self.variant = variant
            self.seed = seed
            self.directory = directory
            self.values = values
            self.metrics = metrics
        }
    }

    /// The parameters varied.
    public var parameters: [SweepPlan.Parameter]
    /// The design.
    public var design: SweepPlan.Design
    /// What was run: scenario id, people, first and last day, and the command line.
    public var scenario: String
    public var population: Int
    public var start: String
    public var end: String
    public var command: String
    /// The runs, by variant then seed.
    public var runs: [Run]

    /// A result from its parts.
    public init(
        parameters: [SweepPlan.Parameter],
        design: SweepPlan.Design,
        scenario: String,
        population: Int,
        start: String,
        end: String,
        command: String,
        runs: [Run]
    ) {
        self.parameters = parameters
        self.design = design
        self.scenario = scenario
        self.population = population
        self.start = start
        self.end = end
        self.command = command
        self.runs = runs.sorted { ($0.variant, $0.seed) < ($1.variant, $1.seed) }
    }

    /// Every run as one CSV row (RFC 4180, as `sclab export` writes): run, variant, seed, folder,
    /// each parameter by its path, each key metric by its id (docs/exports.md, "sweep.csv").
    public func csv() -> String {
        let metricIDs = runs.first?.metrics.map(\.id) ?? []
        var out = ExportTable.csvRow(["run", "variant", "seed", "directory"] + parameters.map(\.path) + metricIDs)
        for (index, run) in runs.enumerated() {
            let fields =
                [String(index), String(run.variant), String(run.seed), run.directory]
                + run.values.map { ExportTable.number($0) } + run.metrics.map { $0.value.map(ExportTable.number) ?? "" }
            out += ExportTable.csvRow(fields)
        }
        return out
    }

    /// The points of one outcome against one parameter: at each distinct value of the
    /// parameter, the mean over the runs there (seeds, and the other parameters' values) with
    /// the lowest and highest, and each seed's mean.
    func chart(outcome: Int, parameter: Int) -> Chart {
        let xs = Array(Set(runs.map { $0.values[parameter] })).sorted()
        let seeds = Array(Set(runs.map(\.seed))).sorted()
        func at(_ x: Double, seed: UInt64? = nil) -> [Double] {
            runs.filter { $0.values[parameter] == x && (seed == nil || $0.seed == seed) }.compactMap {
                $0.metrics[outcome].value
            }
        }
        func mean(_ values: [Double]) -> Double? { values.isEmpty ? nil : values.reduce(0, +) / Double(values.count) }
        let metric = runs[0].metrics[outcome]
        let path = parameters[parameter].path
        var series = [
            Chart.Series(
                name: seeds.count > 1 || parameters.count > 1 ? "mean (whiskers: lowest to highest)" : "value",
                values: xs.map { mean(at($0)) },
                lower: xs.map { at($0).min() },
                upper: xs.map { at($0).max() }
            )
        ]
        if seeds.count > 1 {
            series += seeds.map { seed in
                Chart.Series(name: "seed \(seed)", values: xs.map { mean(at($0, seed: seed)) })
            }
        }
        let spread = [
            seeds.count > 1 ? "\(seeds.count) seeds" : nil, parameters.count > 1 ? "the other parameters' values" : nil,
        ]
        .compactMap { $0 }.joined(separator: " and ")
        return Chart(
            id: "sweep-\(metric.id)-\(parameter)",
            kind: .scatter,
            title: metric.label.prefix(1).uppercased() + metric.label.dropFirst() + " against \(path)",
            summary: "\(metric.label) in each run against the value of \(path)"
                + (spread.isEmpty ? "." : ": the mean at each value, with the lowest and highest over \(spread)."),
            categories: xs.map(SweepPlan.format),
            series: series,
            categoryLabel: path,
            valueLabel: metric.label,
            format: metric.format,
            x: xs
        )
    }

    /// The sweep report: what was varied, every run, one section per outcome with a chart
    /// against each parameter, and how to reproduce it.
    public var report: Report {
        let seeds = Array(Set(runs.map(\.seed))).sorted()
        var sections = [
            Section(
                id: "varied",
                title: "What was varied",
                blocks: [
                    .paragraph(
                        """
                        \(runs.count) runs of \(scenario) on \(Format.count(population)) synthetic people from \(start) to \(end): \
                        \(Set(runs.map(\.variant)).count) variants (\(design == .grid ? "every combination of the values given" : "a Latin hypercube over the ranges given")) \
                        × \(seeds.count) seed\(seeds.count == 1 ? "" : "s") (\(seeds.map(String.init).joined(separator: ", "))). Each seed is its \
                        own synthetic society; the spread over seeds shows how much of a difference is chance.
                        """
                    ),
                    .table(
                        Table(
                            caption: "Parameters",
                            columns: ["path", "in the scenario", "values"],
                            rows: parameters.map {
                                [
                                    $0.path, SweepPlan.format($0.original),
                                    design == .grid
                                        ? $0.values.map(SweepPlan.format).joined(separator: ", ")
                                        : "\(SweepPlan.format($0.values.min()!)) to \(SweepPlan.format($0.values.max()!))",
                                ]
                            },
                            numeric: [false, true, false]
                        )
                    ),
                ]
            )
        ]
        let metrics = runs.first?.metrics ?? []
        sections.append(
            Section(
                id: "runs",
                title: "Runs",
                blocks: [
                    .table(
                        Table(
                            caption: "Every run (sweep.csv has all the figures)",
                            columns: ["run", "seed"] + parameters.map(\.path) + metrics.prefix(6).map(\.label) + [
                                "folder"
                            ],
                            rows: runs.enumerated().map { index, run in
                                [String(index), String(run.seed)] + run.values.map(SweepPlan.format)
                                    + run.metrics.prefix(6).map { $0.format.full($0.value) } + [run.directory]
                            },
                            numeric: [false, true] + parameters.map { _ in true } + metrics.prefix(6).map { _ in true }
                                + [false]
                        )
                    )
                ]
            )
        )
        for (outcome, metric) in metrics.enumerated() {
            sections.append(
                Section(
                    id: "outcome-\(metric.id)",
                    title: metric.label.prefix(1).uppercased() + metric.label.dropFirst(),
                    blocks: parameters.indices.map { .chart(chart(outcome: outcome, parameter: $0)) }
                )
            )
        }
        sections.append(
            Section(
                id: "reproduce",
                title: "Reproduce",
                blocks: [
                    .paragraph(
                        "Every run is a run folder with its own run.sqlite and report.html; `sclab compare` and `sclab explain` work on them."
                    ),
                    .code(command),
                ]
            )
        )
        return Report(
            title: "Sweep of \(scenario)",
            subtitle: "\(runs.count) runs, \(Format.count(population)) people each, \(start) to \(end)",
            sections: sections
        )
    }
}
