import Foundation
import Hummingbird
import Impact
import OpenAPIRuntime
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// Building responses: HTML pages, JSON answers and errors, with the headers every response
/// carries (content type, caching, no sniffing, a content security policy that allows no scripts).
enum Responses {
    /// An HTML page.
    static func html(_ page: Page, status: HTTPResponse.Status = .ok) -> Response {
        text(page.html, type: "text/html; charset=utf-8", status: status)
    }

    /// A JSON answer.
    static func json(_ value: some Encodable, status: HTTPResponse.Status = .ok) -> Response {
        body(encode(value), type: "application/json", status: status)
    }

    private static func encode(_ value: some Encodable) -> ByteBuffer {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        let data = (try? encoder.encode(value)) ?? Data("{\"error\":\"the answer could not be encoded\"}".utf8)
        return ByteBuffer(bytes: data)
    }

    /// A redirect after a form is posted (303 See Other: the browser then GETs `path`).
    static func redirect(to path: String) -> Response {
        var response = text("", type: "text/plain; charset=utf-8", status: .seeOther)
        response.headers[.location] = path
        return response
    }

    /// A JSON document given as text (the OpenAPI document).
    static func jsonText(_ text: String) -> Response { Self.text(text, type: "application/json") }

    /// Text with a content type.
    static func text(
        _ text: String,
        type: String,
        status: HTTPResponse.Status = .ok,
        cache: String = "no-cache"
    ) -> Response {
        body(ByteBuffer(string: text), type: type, status: status, cache: cache)
    }

    private static func body(
        _ buffer: ByteBuffer,
        type: String,
        status: HTTPResponse.Status,
        cache: String = "no-cache"
    ) -> Response {
        var headers = HTTPFields()
        setHeaders(&headers, type: type, cache: cache)
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: buffer))
    }

    /// Sets the headers every response carries; the generated API's answers get them through
    /// `APIHeadersMiddleware`, so they are the same as those of every other answer.
    static func setHeaders(_ headers: inout HTTPFields, type: String, cache: String = "no-cache") {
        headers[.contentType] = type
        headers[.cacheControl] = cache
        headers[.xContentTypeOptions] = "nosniff"
        headers[.contentSecurityPolicy] =
            "default-src 'none'; style-src 'self'; img-src 'self' data:; script-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'"
    }

    /// An error as JSON, `{"error": "..."}`.
    static func jsonError(_ error: ObservatoryError) -> Response {
        json(["error": error.message], status: HTTPResponse.Status(code: error.status))
    }

    /// An error as a page.
    static func htmlError(_ error: ObservatoryError, run: String? = nil) -> Response {
        let title =
            switch error {
            case .notFound: "Not found"
            case .badRequest: "Bad request"
            case .unavailable: "Run unavailable"
            case .tooLarge: "Request too large"
            case .forbidden: "Not allowed"
            case .conflict: "Conflict"
            case .tooMany: "Too many requests"
            }
        let body = "<p class=\"banner\">\(e(error.message))</p><p><a href=\"/\">All runs</a></p>"
        return html(Page(title: title, run: run, tab: nil, body: body), status: HTTPResponse.Status(code: error.status))
    }
}

/// Turns every error into the client's answer: `ObservatoryError`s as they are, the router's own
/// (no such route) as a 404, anything else as a 503 saying the server could not answer, never a
/// 500 with nothing in it. Only GET and HEAD are served, and POST on the lab's paths when the
/// lab is on. API paths answer in JSON, pages in HTML.
struct ErrorMiddleware<Context: RequestContext>: RouterMiddleware {
    /// Whether the lab is on (`sclab serve --lab`): its paths then also take POST.
    var lab = false

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        let api = Self.isAPI(request.uri.path)
        let allowed = Self.allowedMethods(request.uri.path, lab: lab)
        guard allowed.contains(request.method) else {
            var response =
                api
                ? Responses.jsonError(
                    .badRequest(
                        "method \(request.method) is not allowed here (only \(allowed.map(\.rawValue).joined(separator: ", ")))"
                    )
                )
                : Responses.htmlError(
                    .badRequest(
                        "method \(request.method) is not allowed here (only \(allowed.map(\.rawValue).joined(separator: ", ")))"
                    )
                )
            response.status = .methodNotAllowed
            response.headers[.allow] = allowed.map(\.rawValue).joined(separator: ", ")
            return response
        }
        do {
            return try await next(request, context)
        } catch let error as ObservatoryError {
            return api ? Responses.jsonError(error) : Responses.htmlError(error)
        } catch let error as ServerError {
            return Responses.jsonError(ObservatoryError(error))
        } catch let error as HTTPError where error.status == .notFound {
            let missing = ObservatoryError.notFound("no such page: \(clip(request.uri.path))")
            return api ? Responses.jsonError(missing) : Responses.htmlError(missing)
        } catch {
            let failed = ObservatoryError.unavailable("the server could not answer: \(error)")
            return api ? Responses.jsonError(failed) : Responses.htmlError(failed)
        }
    }

    /// Whether a path belongs to the JSON API.
    static func isAPI(_ path: String) -> Bool { path.hasPrefix("/api/") || path == "/api" || path == "/openapi.json" }

    /// The methods a path answers: GET and HEAD everywhere, and with the lab on, POST alone on
    /// its forms (`/lab/jobs`, `…/cancel`) and POST besides on `/api/lab/jobs`.
    static func allowedMethods(_ path: String, lab: Bool) -> [HTTPRequest.Method] {
        guard lab else { return [.get, .head] }
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        switch parts.count {
        case 2 where parts == ["lab", "jobs"]: return [.post]
        case 3 where parts == ["api", "lab", "jobs"]: return [.get, .head, .post]
        case 4 where parts[0] == "lab" && parts[1] == "jobs" && parts[3] == "cancel": return [.post]
        case 5 where parts[0] == "api" && parts[1] == "lab" && parts[2] == "jobs" && parts[4] == "cancel":
            return [.post]
        default: return [.get, .head]
        }
    }

    /// Whether a path belongs to the lab (pages or API).
    static func isLab(_ path: String) -> Bool {
        path == "/lab" || path.hasPrefix("/lab/") || path == "/api/lab" || path.hasPrefix("/api/lab/")
    }
}
