import Foundation
import Hummingbird

/// Guards the lab's paths. With a token (a server reachable from other machines), a lab
/// request must carry it: as the `sclab_lab` cookie (set when a page is opened with
/// `?token=…`, the address printed at start-up), as `Authorization: Bearer …`, or as a `token`
/// query parameter; others get a 403 that says how to get in. Whatever the host, a POST from
/// another site's page (its `Origin` or `Sec-Fetch-Site` says so) is refused, so a page elsewhere
/// cannot start or cancel jobs through a visitor's browser.
struct LabGuardMiddleware<Context: RequestContext>: RouterMiddleware {
    /// The token lab requests must carry; nil: none needed (loopback, or the lab is off).
    let token: String?

    /// The cookie that carries the token once a page has been opened with it.
    static var cookie: String { "sclab_lab" }

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        guard ErrorMiddleware<Context>.isLab(request.uri.path) else { return try await next(request, context) }
        if request.method == .post, let problem = Self.crossSite(request) { throw ObservatoryError.forbidden(problem) }
        guard let token else { return try await next(request, context) }
        let query = try? Query(request.uri.query)
        let fromQuery = (try? query?.text("token", maxLength: 200)) ?? nil
        let presented = [
            request.cookies[Self.cookie]?.value,
            request.headers[.authorization].flatMap { $0.hasPrefix("Bearer ") ? String($0.dropFirst(7)) : nil },
            fromQuery,
        ]
        guard presented.contains(where: { $0.map { Self.same($0, token) } ?? false }) else {
            throw ObservatoryError.forbidden(
                "the lab needs the token printed when the server started: open /lab?token=… with it, or send Authorization: Bearer …"
            )
        }
        var response = try await next(request, context)
        // The token is hexadecimal (`LabSettings.freshToken`), always a valid cookie value.
        if let fromQuery, Self.same(fromQuery, token),
            let cookie = try? Cookie.validated(name: Self.cookie, value: token, path: "/", sameSite: .strict)
        {
            response.setCookie(cookie)
        }
        return response
    }

    /// Why a POST comes from another site, or nil when it comes from the lab's own pages (or a
    /// client that is not a browser and says nothing).
    static func crossSite(_ request: Request) -> String? {
        let site = request.headers.first { $0.name.canonicalName == "sec-fetch-site" }?.value
        if let site, site == "cross-site" || site == "same-site" {
            return "lab requests must come from the lab's own pages (Sec-Fetch-Site: \(clip(site)))"
        }
        if let origin = request.headers[.origin], origin != "null" {
            let host = request.head.authority ?? ""
            guard let url = URL(string: origin), let originHost = url.host else {
                return "lab requests must come from the lab's own pages (Origin: \(clip(origin)))"
            }
            let withPort = url.port.map { "\(originHost):\($0)" } ?? originHost
            guard withPort == host || originHost == host else {
                return "lab requests must come from the lab's own pages (Origin \(clip(origin)) is not \(clip(host)))"
            }
        }
        return nil
    }

    /// Compares in time that does not depend on where the texts first differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8)
        let y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var difference: UInt8 = 0
        for i in x.indices { difference |= x[i] ^ y[i] }
        return difference == 0
    }
}
