import Foundation
import Hummingbird
import HummingbirdCore
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// The Observatory: a web app that shows the runs in a folder to people who would
/// rather look than read — the runs, each run's report, its rules, its public list, a person's
/// credit report and what the system decides when they try something — and the same data as a
/// JSON API described by an OpenAPI 3.1 document.
///
/// Without the lab everything is read-only: run databases are opened read-only, only GET and
/// HEAD are served, and a run id from a URL is only ever compared with the folder's listing.
/// With the lab (`sclab serve --lab`), its pages and API also take POST, and its jobs write new
/// runs into the runs folder (and nowhere else).
public struct Observatory: Sendable {
    /// The runs being served.
    public let catalog: RunCatalog
    /// What one client may cost the server (timeouts, connections, request sizes).
    public let limits: ServerLimits
    /// The policy lab, when it is on.
    public let lab: Lab?

    /// An observatory over the runs in `runsDirectory`, serving within `limits`, with the lab
    /// when `lab` is given.
    public init(runsDirectory: String, limits: ServerLimits = ServerLimits(), lab: Lab? = nil) {
        catalog = RunCatalog(root: runsDirectory)
        self.limits = limits
        self.lab = lab
    }

    /// The router with every page and API route, for a server or for tests.
    public func router() -> Router<BasicRequestContext> {
        let router = Router(options: .autoGenerateHeadEndpoints)
        router.add(middleware: ErrorMiddleware(lab: lab != nil))
        router.add(
            middleware: BodyLimitMiddleware(
                pageLimit: limits.maxBodyBytes,
                labLimit: lab == nil ? nil : LabSettings.maxBodyBytes
            )
        )
        router.add(middleware: LabGuardMiddleware(token: lab?.settings.token))
        addPages(to: router)
        addLab(to: router)
        addComparison(to: router)
        addAPI(to: router)
        return router
    }

    /// Serves until the process is interrupted (SIGINT or SIGTERM end it gracefully).
    /// - Parameters:
    ///   - host: The address to bind; 127.0.0.1 unless told otherwise, so nothing outside the
    ///     machine reaches the server by default.
    ///   - port: The port (0 picks a free one).
    ///   - onServerRunning: Called with the bound port once the server listens.
    public func serve(
        host: String = "127.0.0.1",
        port: Int = 8080,
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) async throws {
        let app = Application(
            router: router(),
            server: limits.server,
            configuration: .init(
                address: .hostname(host, port: port),
                serverName: "Observatory",
                availableConnectionsDelegate: MaximumAvailableConnections(limits.maxConnections)
            ),
            onServerRunning: { channel in await onServerRunning(channel.localAddress?.port ?? port) }
        )
        try await app.runService()
    }
}
