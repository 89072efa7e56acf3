import Foundation
import Hummingbird
import Impact
import OpenAPIRuntime
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// What a request can get wrong, each with the message the client sees. Pages show it as an
/// error page, the API as `{"error": "..."}`; nothing else ever reaches the client.
enum ObservatoryError: Error, Sendable, Equatable {
    /// An unknown run, person, action or page (404).
    case notFound(String)
    /// A parameter that is missing, malformed or out of range, saying which and why (400).
    case badRequest(String)
    /// A run that is listed but cannot be read: damaged, or written by a newer version (503).
    case unavailable(String)
    /// A request larger than the server reads (413).
    case tooLarge(String)
    /// A lab request without the lab's token, or a lab request to a server without the lab (403).
    case forbidden(String)
    /// A lab request that clashes with what is there: cancelling a finished job, a run name taken (409).
    case conflict(String)
    /// Too many lab submissions in a minute, or too many jobs waiting (429).
    case tooMany(String)

    /// The HTTP status code.
    var status: Int {
        switch self {
        case .notFound: 404
        case .badRequest: 400
        case .unavailable: 503
        case .tooLarge: 413
        case .forbidden: 403
        case .conflict: 409
        case .tooMany: 429
        }
    }

    /// The message.
    var message: String {
        switch self {
        case let .notFound(text), let .badRequest(text), let .unavailable(text), let .tooLarge(text),
            let .forbidden(text), let .conflict(text), let .tooMany(text):
            text
        }
    }
}

extension ObservatoryError {
    /// The client's error for what the generated API layer threw: a handler's own error as it
    /// is, a request it could not decode (a parameter of the wrong type, say) as a 400 naming the
    /// parameter, anything else as a 503.
    init(_ error: ServerError) {
        if let own = error.underlyingError as? ObservatoryError {
            self = own
        } else if (400..<500).contains(error.httpStatus.code) {
            self = .badRequest(Self.describe(error.underlyingError, cause: error.causeDescription))
        } else {
            self = .unavailable("the server could not answer: \(error.causeDescription)")
        }
    }

    private static func describe(_ error: any Error, cause: String) -> String {
        guard let decoding = error as? DecodingError else { return clip(cause) }
        switch decoding {
        case let .typeMismatch(type, context), let .valueNotFound(type, context):
            let name = context.codingPath.last?.stringValue ?? "a parameter"
            let what = type is any BinaryInteger.Type ? "a whole number" : "a \(type)"
            return "parameter '\(clip(name))' must be \(what)"
        case let .dataCorrupted(context), let .keyNotFound(_, context):
            return "a parameter is not valid: \(clip(context.debugDescription))"
        @unknown default:
            return clip(cause)
        }
    }
}
