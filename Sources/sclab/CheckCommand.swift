import ArgumentParser
import SocialCredit

/// `sclab check`: validates a scenario and prints a compact summary of the system it declares.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario file and summarise the system it declares.",
        discussion: """
            Prints every error and warning as file:line:column: key.path: message. Warnings include \
            what can never happen within the scenario's period: parts never in force, tiers no score \
            reaches, rules, measures and spillovers that never act, lists nobody enters, behaviours \
            no source records. Errors include a number outside its kind's range (docs/scenario-language.md, \
            "Numbers and their ranges") and a list whose entry depends on itself. \
            Exits 0 when the scenario is valid (warnings allowed), 1 when it has errors (or, with \
            --strict, warnings).
            """
    )

    @Argument(help: "A scenario file (YAML or JSON) or the name of a shipped scenario, e.g. seed-article.")
    var scenario: String

    @Flag(name: .shortAndLong, help: "Print only diagnostics, no summary.")
    var quiet = false

    @Flag(help: "Treat warnings as errors: print them as errors and exit 1 if there are any (for CI).")
    var strict = false

    func run() throws {
        let path: String
        switch ScenarioCatalog.discover().resolve(scenario) {
        case let .success(found): path = found
        case let .failure(error):
            printError("sclab: \(error)")
            throw ExitCode(1)
        }
        let reading = Scenario.read(contentsOf: path)
        let diagnostics = reading.diagnostics.map { diagnostic in
            var strictly = diagnostic
            if strict { strictly.severity = .error }
            return strictly
        }
        for diagnostic in diagnostics { printError(diagnostic.description) }
        let errors = diagnostics.filter { $0.severity == .error }.count
        guard let scenario = reading.scenario, errors == 0 else {
            let warned = strict && !reading.warnings.isEmpty ? " (warnings count as errors under --strict)" : ""
            printError("\(path): invalid: \(errors) error\(errors == 1 ? "" : "s")\(warned)")
            throw ExitCode(1)
        }
        if !quiet { print(ScenarioSummary(scenario: scenario, path: path).text) }
    }
}
