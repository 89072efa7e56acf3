import ArgumentParser
import SocialCredit

/// Resolves a scenario argument (a shipped name or a file) and reads it, with the same errors
/// for every command: an unknown name lists the shipped ones; an invalid file prints its
/// diagnostics and points at `sclab check`.
func loadScenario(_ nameOrPath: String) throws -> (path: String, scenario: Scenario) {
    let path: String
    switch ScenarioCatalog.discover().resolve(nameOrPath) {
    case let .success(found): path = found
    case let .failure(error): throw ValidationError("\(error)")
    }
    let reading = Scenario.read(contentsOf: path)
    guard let scenario = reading.scenario else {
        for diagnostic in reading.diagnostics { printError(diagnostic.description) }
        throw ValidationError("\(path) is not a valid scenario (run `sclab check \(path)`)")
    }
    return (path, scenario)
}
