import Foundation
import Yams

/// The OpenAPI document, `openapi.yaml` (the one source: the generator builds the API's types
/// from it, and this serves it), converted once to JSON for `/openapi.json`. Mappings keep the
/// order they are written in; a plain (unquoted) scalar is a number, boolean or null where
/// YAML's core schema reads it so, every other scalar a string.
enum APIDocument {
    /// The document as JSON text, or why it could not be read (served as a 503).
    static let json: Result<String, ObservatoryError> = Result {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml") else {
            throw ObservatoryError.unavailable("openapi.yaml is missing from the Observatory's resources")
        }
        return try json(fromYAML: String(contentsOf: url, encoding: .utf8))
    }.mapError { error in
        error as? ObservatoryError ?? .unavailable("openapi.yaml could not be read: \(error)")
    }

    /// YAML text as JSON text.
    /// - Throws: Yams's error for text that is not YAML; `.unavailable` for an empty document.
    static func json(fromYAML text: String) throws -> String {
        guard let node = try Yams.compose(yaml: text) else {
            throw ObservatoryError.unavailable("openapi.yaml is empty")
        }
        var out = ""
        try write(node, to: &out)
        return out
    }

    private static func write(_ node: Node, to out: inout String) throws {
        switch node {
        case let .scalar(scalar):
            if scalar.style == .plain, let literal = literal(scalar.string) {
                out += literal
            } else {
                try quote(scalar.string, to: &out)
            }
        case let .mapping(mapping):
            out += "{"
            for (index, pair) in mapping.enumerated() {
                if index > 0 { out += "," }
                try quote(pair.key.string ?? "", to: &out)
                out += ":"
                try write(pair.value, to: &out)
            }
            out += "}"
        case let .sequence(sequence):
            out += "["
            for (index, element) in sequence.enumerated() {
                if index > 0 { out += "," }
                try write(element, to: &out)
            }
            out += "]"
        case .alias:
            throw ObservatoryError.unavailable("openapi.yaml uses a YAML alias, which this conversion does not expand")
        }
    }

    /// A plain scalar that YAML's core schema reads as a number, boolean or null, as JSON.
    private static func literal(_ text: String) -> String? {
        switch text {
        case "true", "false", "null": return text
        case "~": return "null"
        default: break
        }
        guard text.allSatisfy({ "0123456789.-+eE".contains($0) }), text.contains(where: \.isNumber), Double(text) != nil
        else {
            return nil
        }
        return text
    }

    private static func quote(_ text: String, to out: inout String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        out += String(decoding: try encoder.encode(text), as: UTF8.self)
    }
}
