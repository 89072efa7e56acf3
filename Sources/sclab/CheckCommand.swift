import ArgumentParser
import SocialCredit

/// `sclab check`: validates a scenario and prints a compact summary of the system it declares.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Validate a scenario file and summarise the system it declares.",
        discussion: """
            Prints every error and warning as file:line:column: key.path: message. \
            Exits 0 when the scenario is valid (warnings allowed), 1 when it has errors.
            """)

    @Argument(help: "A scenario file (YAML or JSON) or the name of a shipped scenario, e.g. seed-article.")
    var scenario: String

    @Flag(name: .shortAndLong, help: "Print only diagnostics, no summary.")
    var quiet = false

    func run() throws {
        let path: String
        switch ScenarioCatalog.discover().resolve(scenario) {
        case let .success(found): path = found
        case let .failure(error):
            printError("sclab: \(error)")
            throw ExitCode(1)
        }
        let reading = Scenario.read(contentsOf: path)
        for diagnostic in reading.diagnostics { printError(diagnostic.description) }
        guard let scenario = reading.scenario else {
            let count = reading.errors.count
            printError("\(path): invalid: \(count) error\(count == 1 ? "" : "s")")
            throw ExitCode(1)
        }
        if !quiet { print(ScenarioSummary(scenario: scenario, path: path).text) }
    }
}
