import Foundation
import Hummingbird
import OpenAPIHummingbird
import OpenAPIRuntime

extension Observatory {
    /// The JSON API (generated from openapi.yaml, `ObservatoryAPI`) and the document itself.
    func addAPI(to router: Router<BasicRequestContext>) {
        router.add(middleware: APIMiddleware())
        router.get("/openapi.json") { _, _ in
            switch APIDocument.json {
            case let .success(text): Responses.jsonText(text)
            case let .failure(error): Responses.jsonError(error)
            }
        }
        // Compact JSON without escaped slashes, as the server wrote it before the API was generated.
        let configuration = Configuration(jsonEncodingOptions: [.withoutEscapingSlashes])
        do {
            try ObservatoryAPI(catalog: catalog, lab: lab).registerHandlers(on: router, configuration: configuration)
        } catch {
            // Registration fails only for a server URL it cannot parse; the default "/" always parses.
            preconditionFailure("the generated API could not be registered: \(error)")
        }
    }
}
