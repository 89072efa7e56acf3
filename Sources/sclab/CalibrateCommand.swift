import ArgumentParser
import Foundation
import RunRecords
import Simulation
import SocialCredit
import Society

/// `sclab calibrate`: runs a scenario and compares its calibration targets (published figures)
/// with the simulated ones; with `--fit`, searches the declared fit parameters first and writes
/// the fitted values back into the scenario file.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Compare a scenario's calibration targets with a simulated run (exit 1 if any fails).",
        discussion: """
            Runs the scenario in memory on a synthetic society and prints each target of its \
            `calibration` section: the published figure, the simulated one, the relative error and \
            pass or fail against the target's tolerance. With --fit, first searches the section's \
            fit parameters (coordinate descent, golden-section search on the sum of squared errors \
            over tolerances), writes the best values into the scenario file with a comment saying \
            what was fitted, and then reports on the fitted scenario. Check a fit on other seeds \
            with --seed.
            """
    )

    @Argument(help: "Scenario name (see `sclab scenarios`) or file.")
    var scenario: String

    @OptionGroup var society: SocietyOptions

    @Option(name: .long, help: "Years to simulate from the scenario's start (default: its whole period).")
    var years: Int?

    @Flag(name: .long, help: "Search the fit parameters and write the fitted values into the scenario file.")
    var fit = false

    @Option(
        name: .long,
        parsing: .upToNextOption,
        help: "With --fit: search only these fit parameters (their paths); the others keep their values."
    )
    var only: [String] = []

    @Option(name: .long, help: "With --fit: passes over all parameters.")
    var rounds: Int = 2

    @Option(name: .long, help: "With --fit: simulations per parameter and pass.")
    var evaluations: Int = 8

    func validate() throws {
        try OptionBounds.check("--years", years, RunLimits.years)
        try OptionBounds.check("--rounds", rounds, 1...100)
        try OptionBounds.check("--evaluations", evaluations, 2...1_000)
    }

    func run() throws {
        let (path, loaded) = try loadScenario(scenario)
        guard let calibration = loaded.calibration else {
            throw ValidationError(
                "\(path) has no 'calibration' section: nothing to compare (see docs/scenario-language.md#calibration)"
            )
        }
        if fit && calibration.fit.isEmpty {
            throw ValidationError("\(path) declares no fit parameters: add 'calibration.fit' or run without --fit")
        }
        if !only.isEmpty && !fit { throw ValidationError("--only chooses fit parameters: give --fit too") }
        let declared = calibration.fit.map(\.path.text)
        for name in only where !declared.contains(name) {
            let hint = declared.first { $0.hasSuffix(name) || name.hasSuffix($0) } ?? declared.joined(separator: ", ")
            throw ValidationError("--only \(name) is not a fit parameter of \(path) (declared: \(hint))")
        }
        let threadCount = society.threadCount
        let population = society.population
        let seed = society.seed
        try OptionBounds.checkMemory(population: population, runsAtOnce: 1)
        let generator = try PopulationGenerator()
        printError("generating \(grouped(population)) people (seed \(seed))...")
        let society = generator.generate(size: population, seed: seed, threads: threadCount)
        let period = self.period(of: loaded)
        func series(_ scenario: Scenario) throws -> MetricSeries {
            CalibrationRun.series(
                policy: try Policy(scenario),
                population: society,
                census: generator.census,
                period: period,
                seed: seed,
                threads: threadCount
            )
        }
        var scenario = loaded
        if fit {
            let text = try String(contentsOfFile: path, encoding: .utf8)
            let fitted = try search(calibration, text: text, path: path, series: series)
            try fitted.write(toFile: path, atomically: true, encoding: .utf8)
            printError("wrote the fitted values to \(path)")
            scenario = try Scenario.parse(fitted, file: path)
        }
        let results = scenario.calibration!.evaluate(on: try series(scenario))
        let report = CalibrationReport(
            results: results,
            heading: "\(scenario.id): \(grouped(population)) people, \(period.start) to \(period.end), seed \(seed)"
        )
        print(report.text)
        if !report.passed { throw ExitCode(1) }
    }

    private func period(of scenario: Scenario) -> Period {
        guard let years else { return scenario.period }
        let start = scenario.period.start
        return Period(
            start: start,
            end: Day(year: start.year + years, month: start.components.month, day: 1)!
                .adding(days: start.components.day - 2)
        )
    }

    /// Searches the fit parameters; returns the file text with the best values written in.
    private func search(
        _ calibration: Calibration,
        text: String,
        path: String,
        series: (Scenario) throws -> MetricSeries
    ) throws -> String {
        let population = society.population
        let seed = society.seed
        let parameters = only.isEmpty ? calibration.fit : calibration.fit.filter { only.contains($0.path.text) }
        let root = try Scenario.numbers(at: parameters.map(\.path), in: text, file: path)
        func candidate(_ values: [Double]) throws -> Scenario {
            let changes = zip(parameters, values).map { ScenarioText.Change(path: $0.path, value: $1, whole: $0.whole) }
            return try Scenario.parse(ScenarioText.applying(changes, to: text, file: path), file: path)
        }
        let names = parameters.map(\.path.text)
        printError("fitting \(names.joined(separator: ", "))")
        let search = FitSearch(parameters: parameters, rounds: rounds, evaluationsPerSearch: evaluations)
        var count = 0
        let best = try search.run(start: root.map(\.value)) { values in
            Calibration.loss(calibration.evaluate(on: try series(candidate(values))))
        } progress: { values, loss in
            count += 1
            let shown = zip(names, values).map { "\($0)=\(ScenarioText.format($1))" }.joined(separator: " ")
            printError(String(format: "  %3d  loss %10.3f  %@", count, loss, shown))
        }
        printError(String(format: "best loss %.3f after %d simulations", best.loss, count))
        let changes = zip(zip(parameters, best.values), root).map { pair, old in
            ScenarioText.Change(
                path: pair.0.path,
                value: pair.1,
                whole: pair.0.whole,
                note: ScenarioText.fittedNote(
                    old: old.text,
                    new: ScenarioText.format(pair.1, whole: pair.0.whole),
                    people: population,
                    seed: seed
                )
            )
        }
        return try ScenarioText.applying(changes, to: text, file: path)
    }
}
