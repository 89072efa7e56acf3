import ArgumentParser
import SocialCredit

/// `sclab scenarios`: lists the shipped scenarios.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the shipped scenarios with a one-line description each.",
        discussion: "Scenarios are read from the scenarios/ folder (or $SCLAB_SCENARIOS)."
    )

    func run() throws {
        let catalog = ScenarioCatalog.discover()
        let entries = catalog.entries
        guard !entries.isEmpty else {
            throw ValidationError("no scenarios found: run from the SocialCreditLab checkout or set SCLAB_SCENARIOS")
        }
        let width = entries.map(\.name.count).max() ?? 0
        for entry in entries {
            print(entry.name.padding(toLength: width + 2) + entry.summary)
        }
    }
}

extension String {
    func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
