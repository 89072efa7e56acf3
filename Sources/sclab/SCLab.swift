import ArgumentParser
import RunRecords
import Simulation

/// The `sclab` command: thin wrappers over the SocialCredit library.
@main
struct SCLab: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sclab",
        abstract: "SocialCreditLab: social credit systems as data, run on synthetic societies.",
        discussion: """
            Every mechanism of a social credit system (monitoring sources, assessment rules, \
            scores and tiers, black and red lists, punishments and rewards, spillovers to family, \
            friends and employers, the rollout timeline) is declared in a scenario file. The \
            engine runs it on a synthetic population; the project holds no data about real people.

            Start with `sclab scenarios` to see the shipped systems and `sclab check seed-article` \
            to validate and summarise one. See docs/scenario-language.md for the file format.
            """,
        version: "0.1.0",
        subcommands: [
            SimulateCommand.self, ResumeCommand.self, ReportCommand.self, ExportCommand.self, ExplainCommand.self,
            VerifyCommand.self, CompareCommand.self, DiffCommand.self, SweepCommand.self, ScenariosCommand.self,
            SchemaCommand.self,
            CheckCommand.self, CalibrateCommand.self, PopulationCommand.self, BenchCommand.self,
            StoreStressCommand.self, ServeCommand.self, ClusterCheckCommand.self,
        ]
    )

    /// Parses and runs a command as `AsyncParsableCommand.main` does, except that a file system
    /// error that reaches the top (a folder that cannot be made, a file that cannot be written)
    /// is said in plain words with its path, never as Foundation's "NSCocoaErrorDomain error 512".
    static func main() async {
        do {
            var command = try await asyncParseAsRoot(nil)
            if var asyncCommand = command as? any AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exit(withError: isFileError(error) ? FileProblem(error) : error)
        }
    }
}

/// A file system error in plain words, with its path when Foundation gives it.
struct FileProblem: Error, CustomStringConvertible {
    let description: String

    init(_ error: any Error) {
        description = (fileErrorPath(error).map { "\($0): " } ?? "") + plainReason(of: error)
    }
}
