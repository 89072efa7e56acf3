import Foundation
import Impact
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

    /// The HTTP status code.
    var status: Int {
        switch self {
        case .notFound: 404
        case .badRequest: 400
        case .unavailable: 503
        case .tooLarge: 413
        }
    }

    /// The message.
    var message: String {
        switch self {
        case let .notFound(text), let .badRequest(text), let .unavailable(text), let .tooLarge(text): text
        }
    }
}
