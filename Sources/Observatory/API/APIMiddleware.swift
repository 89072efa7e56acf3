import Foundation
import Hummingbird

/// Around the generated API's routes: the raw query string is checked first by `Query`'s rules
/// (at most 2,048 bytes, valid percent-encoding), which the generated decoder does not enforce,
/// and every answer gets the headers all of the server's answers carry (`Responses.setHeaders`,
/// with `application/json` as the content type, as before the API was generated).
struct APIMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        _ = try Query(request.uri.query)
        var response = try await next(request, context)
        let type = response.headers[.contentType] ?? "application/json"
        Responses.setHeaders(&response.headers, type: type.hasPrefix("application/json") ? "application/json" : type)
        return response
    }
}
