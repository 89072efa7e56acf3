import ArgumentParser

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
        subcommands: [SimulateCommand.self, ResumeCommand.self, ReportCommand.self, ExportCommand.self, ExplainCommand.self, VerifyCommand.self, CompareCommand.self, SweepCommand.self, ScenariosCommand.self, CheckCommand.self, CalibrateCommand.self, PopulationCommand.self, BenchCommand.self, StoreStressCommand.self, ServeCommand.self]
    )
}
