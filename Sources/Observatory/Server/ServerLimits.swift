import Foundation
import Hummingbird
import HummingbirdCore
import NIOCore

#if canImport(Glibc)
import Glibc
#endif

/// What one client may cost the server, so that no client can take it down: connections that
/// send nothing, or trickle their headers, are closed after `idleSeconds`; at most
/// `maxConnections` are open at once (more wait in the listen queue until one closes, so the
/// descriptors in use stay bounded); a request's headers and body are bounded.
public struct ServerLimits: Sendable, Equatable {
    /// Seconds a connection may stay without a complete request part (idle between requests,
    /// or still sending its headers) before it is closed.
    public var idleSeconds: Int
    /// Connections open at once; further ones wait to be accepted.
    public var maxConnections: Int
    /// Bytes of a request's headers (the request line's path and query included), beyond which
    /// the request is refused.
    public var maxHeaderBytes: Int
    /// Bytes of a request's body (the server reads none; a client may still send one), beyond
    /// which the request is answered 413.
    public var maxBodyBytes: Int

    /// The limits from their parts.
    public init(
        idleSeconds: Int = 10,
        maxConnections: Int = 128,
        maxHeaderBytes: Int = 16 * 1024,
        maxBodyBytes: Int = 64 * 1024
    ) {
        self.idleSeconds = idleSeconds
        self.maxConnections = maxConnections
        self.maxHeaderBytes = maxHeaderBytes
        self.maxBodyBytes = maxBodyBytes
    }

    /// The range of `idleSeconds`: at least a second, at most an hour.
    public static let idleSecondsRange = 1...3_600
    /// The range of `maxConnections`; the command line also keeps it under the process's
    /// descriptor limit (`descriptorLimit`).
    public static let maxConnectionsRange = 1...100_000
    /// Descriptors kept for everything but connections: run databases, the listening socket,
    /// standard streams.
    public static let reservedDescriptors = 64

    /// The process's limit on open files (the soft `RLIMIT_NOFILE`), or nil when unknown.
    public static var descriptorLimit: Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// Why these limits cannot be served, naming the option; nil when they can.
    public func problem(descriptors: Int? = Self.descriptorLimit) -> String? {
        if !Self.idleSecondsRange.contains(idleSeconds) {
            return
                "--idle-timeout must be from \(Self.idleSecondsRange.lowerBound) to \(Self.idleSecondsRange.upperBound) seconds (got \(idleSeconds))"
        }
        var most = Self.maxConnectionsRange.upperBound
        if let descriptors { most = min(most, max(1, descriptors - Self.reservedDescriptors)) }
        if !(1...most).contains(maxConnections) {
            let why =
                descriptors.map {
                    " (the process may open \($0) files; \(Self.reservedDescriptors) are kept for run databases)"
                } ?? ""
            return "--max-connections must be from 1 to \(most)\(why) (got \(maxConnections))"
        }
        return nil
    }

    /// The HTTP/1 server with the idle timeout and header bounds.
    var server: HTTPServerBuilder {
        .http1(
            configuration: HTTP1Channel.Configuration(
                idleTimeout: .seconds(Int64(idleSeconds)),
                httpDecoderConfiguration: .init(
                    maxHeaderFieldSize: maxHeaderBytes,
                    maxHeaderListSize: maxHeaderBytes,
                    maxHeaderFieldCount: 100
                )
            )
        )
    }
}

/// Answers 413 to a request whose body is larger than the limit: by its declared length at
/// once, otherwise (a chunked body) after reading at most the limit. A request without a body
/// (every request the server answers) reads nothing.
struct BodyLimitMiddleware<Context: RequestContext>: RouterMiddleware {
    let pageLimit: Int
    /// The lab's paths take a whole scenario text (`LabSettings.maxBodyBytes`); nil: the lab is off.
    var labLimit: Int? = nil

    func handle(
        _ request: Request,
        context: Context,
        next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        var request = request
        let limit = labLimit.flatMap { ErrorMiddleware<Context>.isLab(request.uri.path) ? $0 : nil } ?? pageLimit
        if let length = request.headers[.contentLength].flatMap({ Int($0) }), length > limit {
            throw Self.tooLarge(limit)
        }
        do {
            _ = try await request.collectBody(upTo: limit)
        } catch let error as HTTPError where error.status == .contentTooLarge {
            throw Self.tooLarge(limit)
        }
        return try await next(request, context)
    }

    static func tooLarge(_ limit: Int) -> ObservatoryError {
        .tooLarge("a request body may be at most \(limit) bytes")
    }
}
