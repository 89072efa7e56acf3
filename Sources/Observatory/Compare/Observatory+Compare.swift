import Foundation
import Hummingbird

extension Observatory {
    /// The comparison page, `/compare?baseline=RUN&variant=RUN` (its JSON is the API's
    /// `getComparison`, `ObservatoryAPI+Compare.swift`).
    func addComparison(to router: Router<BasicRequestContext>) {
        let catalog = self.catalog
        router.get("/compare") { request, _ in
            let query = try Query(request.uri.query)
            let baseline = try query.text("baseline", maxLength: 200)
            let variant = try query.text("variant", maxLength: 200)
            let comparison = try catalog.comparison(baseline: baseline, variant: variant)
            return Responses.html(ComparePages.page(comparison, runs: catalog.runIDs()))
        }
    }
}
