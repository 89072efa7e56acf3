import ArgumentParser
import SocialCredit

/// `sclab diff A B`: what changed between two scenarios, by parameter path, before comparing
/// what the change did (`sclab compare`).
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "What changed between two scenarios, by parameter path.",
        discussion: """
            A and B are each a scenario file, the name of a shipped scenario, or a run folder (the \
            scenario stored in its run.sqlite). Paths are those `sclab sweep --vary` takes \
            (sources.cctv_cameras.coverage; a list item by its id, or [index] when it has none). \
            Comments, layout and key order are no differences. Prints `~ path: old -> new`, \
            `+ path (added)` and `- path (removed)`, then a count. Exits 0 when the scenarios are \
            the same, 1 when they differ, 2 when A or B cannot be read or is not a valid scenario.
            """
    )

    @Argument(
        help: ArgumentHelp("The first scenario: a file, a shipped scenario's name or a run folder.", valueName: "A")
    )
    var a: String

    @Argument(
        help: ArgumentHelp("The second scenario: a file, a shipped scenario's name or a run folder.", valueName: "B")
    )
    var b: String

    @Flag(name: .long, help: "Print the differences as a JSON array of {path, kind, old, new}.")
    var json = false

    func run() throws {
        let diff: ScenarioDiff
        do {
            let first = try scenarioText("A", a)
            let second = try scenarioText("B", b)
            diff = try ScenarioDiff(from: first, to: second)
        } catch let problem as ScenarioInputProblem {
            for diagnostic in problem.diagnostics { printError(diagnostic.description) }
            printError("Error: \(problem.message)")
            throw ExitCode(2)
        } catch {
            printError("Error: \(error)")
            throw ExitCode(2)
        }
        print(json ? diff.json : diff.text, terminator: "")
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
