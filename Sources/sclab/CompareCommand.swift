import ArgumentParser
import Foundation
import Impact
import RunRecords

/// `sclab compare A B [...]`: key metrics of runs side by side, with differences (N4).
struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Key metrics of runs side by side, with differences from the first.",
        discussion: """
            The first run is the baseline: each other run's value, its difference and relative change \
            against it. Runs must be of the same society (same population size and seed), so that \
            differences are the systems'; --allow-different-societies compares others anyway.
            """
    )

    @Argument(help: "Two or more run folders; the first is the baseline.")
    var directories: [String]

    @Flag(name: .long, help: "Print the comparison as JSON.")
    var json = false

    @Flag(name: .long, help: "Compare runs of different societies (population or seed differ).")
    var allowDifferentSocieties = false

    func validate() throws {
        guard directories.count >= 2 else {
            throw ValidationError("give at least two run folders (got \(directories.count))")
        }
    }

    func run() throws {
        let comparison = try Comparison(
            directories.map(RunData.load(directory:)),
            allowDifferentSocieties: allowDifferentSocieties
        )
        print(json ? try comparison.json() : comparison.text, terminator: "")
    }
}
