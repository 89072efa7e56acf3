import ArgumentParser
import SocialCredit

/// `sclab schema`: the JSON Schema of scenario files, so that editors can complete and explain
/// keys; `schema/scenario.schema.json` is this command's output, committed.
struct SchemaCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "schema",
        abstract: "Print the JSON Schema (draft 2020-12) of scenario files.",
        discussion: """
            The schema is built from the declarations the scenario reader reads by: the same keys, \
            types, number ranges and words, with each key's meaning from docs/scenario-language.md. \
            Regenerate the committed copy with: sclab schema --out schema/scenario.schema.json
            """
    )

    @Option(name: .long, help: "Write the schema to this file instead of standard output.")
    var out: String = "-"

    func run() throws {
        try Output.write(ScenarioSchema.text, to: out)
    }
}
