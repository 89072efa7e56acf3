import Foundation
import SocialCredit

/// A lab form's changes applied to a scenario text: each value by its parameter path, as
/// `sclab sweep --vary` sets them (`ScenarioEdit`), every problem collected with its path so
/// the form can show it beside the field, and the result read as a scenario like `sclab check`.
enum LabEdits {
    /// Why the changes cannot be made: problems by path, and the edited scenario's located errors.
    struct Failure: Error, Sendable {
        var problems: [(field: String, message: String)] = []
        var diagnostics: [Diagnostic] = []
    }

    /// Most changes in one submission (a scenario has a few hundred parameters).
    static let maximumEdits = 2_000

    /// The text with the changes made.
    /// - Throws: `Failure` naming each path whose value is not a number, is out of the field's
    ///   range, or is not in the scenario; and the edited scenario's errors.
    static func apply(_ edits: [String: String], to text: String) throws -> String {
        var failure = Failure()
        guard edits.count <= maximumEdits else {
            failure.problems.append(("scenario", "at most \(maximumEdits) changes at once (got \(edits.count))"))
            throw failure
        }
        var numbers: [(path: String, value: Double)] = []
        for path in edits.keys.sorted() {
            let raw = (edits[path] ?? "").trimmingCharacters(in: .whitespaces)
            guard let value = Double(raw), value.isFinite else {
                failure.problems.append((path, "'\(clip(raw))' is not a number"))
                continue
            }
            do {
                // Unchanged values are left as written.
                if try ScenarioEdit.value(at: path, in: text) == value { continue }
                numbers.append((path, value))
            } catch {
                failure.problems.append((path, "\(error)"))
            }
        }
        guard failure.problems.isEmpty else { throw failure }
        guard !numbers.isEmpty else { return text }
        do {
            return try ScenarioEdit.apply(numbers, to: text)
        } catch let error as ScenarioEdit.Failure {
            failure.problems.append(("scenario", error.description))
        } catch let error as ScenarioError {
            failure.diagnostics = error.diagnostics
        } catch {
            failure.problems.append(("scenario", "\(error)"))
        }
        throw failure
    }
}
