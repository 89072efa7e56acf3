import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

extension RunCatalog {
    /// The comparison of two runs of the folder, named by the `baseline` and `variant` query
    /// parameters (the page's and the API's one reading): Impact's `RunPairComparison` of the
    /// runs in memory, each run named by its id.
    /// - Throws: `.badRequest` when a parameter is missing or is not a run id, `.notFound` for a
    ///   run not in the folder, `.unavailable` for one that cannot be read.
    func comparison(baseline: String?, variant: String?) throws -> RunPairComparison {
        let first = try run(Self.runParameter("baseline", baseline))
        let second = try run(Self.runParameter("variant", variant))
        do {
            return try RunPairComparison(baseline: first.compared, variant: second.compared)
        } catch {
            throw ObservatoryError.unavailable("runs '\(first.id)' and '\(second.id)' cannot be compared: \(error)")
        }
    }

    /// A run id given as a query parameter.
    /// - Throws: `.badRequest` naming the parameter when it is missing or not a plain name.
    static func runParameter(_ name: String, _ value: String?) throws -> String {
        guard let value, !value.isEmpty else {
            throw ObservatoryError.badRequest(
                "parameter '\(name)' is missing: give two runs of the folder, as /compare?baseline=RUN&variant=RUN"
            )
        }
        guard isPlainName(value) else {
            throw ObservatoryError.badRequest(
                "parameter '\(name)' must be a run's folder name (letters, digits, '.', '_', '-', at most 128, not starting with '.'; got '\(clip(value))')"
            )
        }
        return value
    }
}

extension RunView {
    /// The run as one side of a comparison, named by its id (never the server's path).
    var compared: ComparedRun {
        var named = data
        named.directory = id
        return ComparedRun(data: named, people: people, listings: peopleListings)
    }
}
