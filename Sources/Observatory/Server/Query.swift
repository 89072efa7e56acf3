import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// A request's query string, decoded as an HTML form sends it (`+` for a space, percent-escapes)
/// and bounded: at most 2,048 bytes in all; a parameter given twice keeps its first value.
struct Query: Sendable {
    private var values: [String: String] = [:]

    /// Longest query string accepted.
    static let maxLength = 2048

    /// Decodes a raw query string.
    /// - Throws: `.badRequest` for a query that is too long or not valid percent-encoding.
    init(_ raw: String?, maxLength: Int = Self.maxLength, what: String = "the query string") throws {
        guard let raw, !raw.isEmpty else { return }
        guard raw.utf8.count <= maxLength else {
            throw ObservatoryError.badRequest("\(what) is longer than \(maxLength) bytes")
        }
        for pair in raw.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let key = Self.decode(parts[0]) else {
                throw ObservatoryError.badRequest("a query parameter name is not valid percent-encoding")
            }
            guard let value = parts.count > 1 ? Self.decode(parts[1]) : "" else {
                throw ObservatoryError.badRequest("parameter '\(clip(key))' is not valid percent-encoding")
            }
            if values[key] == nil { values[key] = value }
        }
    }

    /// Parameters the generated API layer has already decoded (absent ones nil), to be checked
    /// by the same rules as a query string's.
    init(_ decoded: [String: String?]) {
        values = decoded.compactMapValues { $0 }
    }

    private static func decode(_ text: Substring) -> String? {
        text.replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }

    /// The parameters whose names hold a dot: a lab form's scenario parameters, named by their
    /// paths (`sources.cctv_cameras.coverage`), at most `limit` of them.
    /// - Throws: `.badRequest` beyond `limit`.
    func paths(limit: Int) throws -> [String: String] {
        let found = values.filter { $0.key.contains(".") }
        guard found.count <= limit else {
            throw ObservatoryError.badRequest("at most \(limit) parameters at once (got \(found.count))")
        }
        return found
    }

    /// A text parameter; nil when absent or empty.
    /// - Throws: `.badRequest` when longer than `maxLength` characters.
    func text(_ name: String, maxLength: Int = 100) throws -> String? {
        guard let value = values[name], !value.isEmpty else { return nil }
        guard value.count <= maxLength else {
            throw ObservatoryError.badRequest("parameter '\(name)' is longer than \(maxLength) characters")
        }
        return value
    }

    /// A whole-number parameter in a range; nil when absent.
    /// - Throws: `.badRequest` when empty, not a whole number or outside the range.
    func integer(_ name: String, in range: ClosedRange<Int>) throws -> Int? {
        guard let value = values[name] else { return nil }
        guard let number = Int(value) else {
            throw ObservatoryError.badRequest("parameter '\(name)' must be a whole number (got '\(clip(value))')")
        }
        guard range.contains(number) else {
            throw ObservatoryError.badRequest(
                "parameter '\(name)' must be from \(range.lowerBound) to \(range.upperBound) (got \(number))"
            )
        }
        return number
    }

    /// A date parameter (YYYY-MM-DD); nil when absent or empty (a form's blank date field).
    /// - Throws: `.badRequest` when not a date.
    func day(_ name: String) throws -> Day? {
        guard let value = values[name], !value.isEmpty else { return nil }
        guard value.utf8.count == 10, let day = Day(iso: value) else {
            throw ObservatoryError.badRequest("parameter '\(name)' must be a date as YYYY-MM-DD (got '\(clip(value))')")
        }
        return day
    }
}

extension PublicListQuery {
    /// The public-list search a query string asks for.
    /// - Throws: `.badRequest` for a list the run does not publish, a bad date or page, or dates
    ///   in the wrong order.
    init(_ query: Query, run: RunView) throws {
        self.init()
        text = try query.text("q", maxLength: Self.maxText) ?? ""
        if let list = try query.text("list") {
            guard run.publishedLists.contains(where: { $0.id == list }) else {
                throw ObservatoryError.badRequest(
                    "parameter 'list' must be a published list of the scenario ("
                        + run.publishedLists.map(\.id).joined(separator: ", ") + "; got '\(clip(list))')"
                )
            }
            self.list = list
        }
        from = try query.day("from")
        to = try query.day("to")
        if let from, let to, from > to {
            throw ObservatoryError.badRequest("parameter 'from' (\(from)) is after 'to' (\(to))")
        }
        page = try query.integer("page", in: 1...100_000) ?? 1
        perPage = try query.integer("per_page", in: 1...Self.maxPerPage) ?? 25
    }
}

/// A person index from a path segment.
/// - Throws: `.badRequest` when it is not a whole number, `.notFound` when negative or too large
///   for any society (the run checks its own size).
func personIndex(_ text: String) throws -> Int {
    guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
        let index = Int(text)
    else {
        throw ObservatoryError.badRequest("the person must be given as a whole number 0 or more (got '\(clip(text))')")
    }
    return index
}

/// A person index the generated API layer decoded, checked as `personIndex(_: String)` checks
/// the pages' path segment.
func personIndex(_ number: Int) throws -> Int {
    try personIndex(String(number))
}
