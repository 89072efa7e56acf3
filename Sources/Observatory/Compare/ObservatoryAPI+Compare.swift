import Foundation
import Impact
import OpenAPIRuntime

extension ObservatoryAPI {
    /// `GET /api/compare?baseline=&variant=`: the comparison page's data (`RunPairComparison`).
    func getComparison(_ input: Operations.getComparison.Input) async throws -> Operations.getComparison.Output {
        let query = Query(["baseline": input.query.baseline, "variant": input.query.variant])
        let comparison = try catalog.comparison(
            baseline: try query.text("baseline", maxLength: 200),
            variant: try query.text("variant", maxLength: 200)
        )
        return .ok(.init(body: .json(try APIValue(comparison).value)))
    }
}
