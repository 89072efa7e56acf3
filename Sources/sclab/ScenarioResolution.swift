import ArgumentParser
import Foundation
import RunRecords
import RunStore
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

/// A scenario argument that cannot be read or is not a valid scenario: the message names the
/// argument, and the located errors of an invalid scenario come with it.
struct ScenarioInputProblem: Error, CustomStringConvertible {
    /// What is wrong, starting with the argument's name (`A: ...`).
    let message: String
    /// An invalid scenario's errors, each with file, line, column and key path.
    var diagnostics: [Diagnostic] = []

    var description: String { message }
}

/// The text of a scenario argument that may also be a run folder (`sclab diff`): a folder's
/// scenario as its run.sqlite stores it, else a file or a shipped scenario's name as
/// `loadScenario` resolves it; checked to be a valid scenario either way.
/// - Parameters:
///   - name: How errors name the argument (`A`).
///   - argument: What the user typed.
/// - Throws: `ScenarioInputProblem`.
func scenarioText(_ name: String, _ argument: String) throws -> String {
    var isDirectory: ObjCBool = false
    if FileManager.default.fileExists(atPath: argument, isDirectory: &isDirectory), isDirectory.boolValue {
        let text: String
        do { text = try RunStore.openReadOnly(directory: argument).info().scenarioText } catch {
            throw ScenarioInputProblem(message: "\(name): \(error)")
        }
        let file = (argument as NSString).appendingPathComponent("run.sqlite")
        try requireValid(name, file, Scenario.read(text, file: file))
        return text
    }
    let file: String
    switch ScenarioCatalog.discover().resolve(argument) {
    case let .success(found): file = found
    case let .failure(error): throw ScenarioInputProblem(message: "\(name): \(error)")
    }
    try requireValid(name, file, Scenario.read(contentsOf: file))
    do { return try String(contentsOfFile: file, encoding: .utf8) } catch {
        throw ScenarioInputProblem(message: "\(name): \(file): cannot be read: \(plainReason(of: error))")
    }
}

/// Throws, with its errors, when a reading found no valid scenario.
private func requireValid(_ name: String, _ file: String, _ reading: ScenarioReading) throws {
    guard reading.scenario == nil else { return }
    let count = reading.errors.count
    throw ScenarioInputProblem(
        message:
            "\(name): \(file) is not a valid scenario: \(count) error\(count == 1 ? "" : "s") (run `sclab check \(file)`)",
        diagnostics: reading.errors
    )
}
