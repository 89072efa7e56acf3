import Foundation
import RunRecords
import RunStore
import SocialCredit

/// The lab form's fields read into a `LabSubmission`, each checked where it is read: the
/// starting point (`scenario` or `run`), the society (`population`, `years`, `seeds`, `seed`),
/// `branch_date`, a pasted scenario (`yaml`) and the parameters (named by their paths, which
/// hold a dot; no other field's name does).
enum LabRequestForm {
    /// The starting point a query or form names.
    static func origin(_ query: Query) throws -> LabSubmission.Origin {
        let scenario = try query.text("scenario", maxLength: 128)
        let run = try query.text("run", maxLength: 128)
        switch (scenario, run) {
        case let (name?, nil): return .scenario(name)
        case let (nil, name?): return .run(name)
        case (nil, nil): throw ObservatoryError.badRequest("choose a starting point: a scenario or a run")
        case (_?, _?): throw ObservatoryError.badRequest("choose one starting point: a scenario or a run, not both")
        }
    }

    /// The text of a starting point: a shipped scenario's file or a run's stored scenario.
    static func startingText(_ origin: LabSubmission.Origin, root: String) throws -> String {
        try origin.start(root: root).text
    }

    /// A submission from the form's fields.
    static func submission(_ form: Query) throws -> LabSubmission {
        var submission = LabSubmission(origin: try origin(form))
        // Whole numbers are range-checked by `plan`, which shows each problem beside its field.
        func whole(_ name: String) throws -> Int? {
            guard let text = try form.text(name, maxLength: 40) else { return nil }
            guard let value = Int(text.trimmingCharacters(in: .whitespaces)) else {
                submission.unreadable[name] = text
                return nil
            }
            return value
        }
        submission.population = try whole("population")
        submission.years = try whole("years")
        submission.seeds = try whole("seeds")
        if let seed = try whole("seed") {
            if seed >= 0 { submission.seed = UInt64(seed) } else { submission.unreadable["seed"] = String(seed) }
        }
        submission.branchDate = try form.text("branch_date", maxLength: 40)
        submission.scenarioText = try form.text("yaml", maxLength: DocumentLimits.maximumBytes)
        // A pasted scenario is run as it is: the form's parameters (the starting point's) are not applied to it.
        if submission.scenarioText == nil {
            submission.edits = try form.paths(limit: LabSubmission.maximumEdits)
        }
        return submission
    }
}
