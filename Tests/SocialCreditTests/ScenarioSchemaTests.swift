import Foundation
import Testing

@testable import SocialCredit

/// The scenario schema is the reader's declarations written as JSON Schema: the committed file
/// is the builder's output, every key is documented, ranges are `NumberKind`'s, and the shipped
/// scenarios pass while the broken fixtures fail, both by the reader and by the schema.
struct ScenarioSchemaTests {
    /// The repository's root, from this file's place in it.
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func schema() throws -> [String: Any] {
        try #require(JSONSerialization.jsonObject(with: Data(ScenarioSchema.text.utf8)) as? [String: Any])
    }

    @Test func committedSchemaIsTheBuildersOutput() throws {
        let committed = try String(
            contentsOf: Self.root.appendingPathComponent("schema/scenario.schema.json"),
            encoding: .utf8
        )
        #expect(
            committed == ScenarioSchema.text,
            "schema/scenario.schema.json differs from what the declarations give: regenerate it with `swift run sclab schema --out schema/scenario.schema.json`"
        )
    }

    @Test func everyDeclaredKeyHasItsMeaningInTheDocs() throws {
        let docs = try String(
            contentsOf: Self.root.appendingPathComponent("docs/scenario-language.md"),
            encoding: .utf8
        )
        let rows = docs.split(separator: "\n").filter { $0.hasPrefix("| ") }.map {
            $0.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        }
        for table in ScenarioFields.all {
            for field in table.fields {
                let key = "`\(table.documentedPrefix)\(field.key)`"
                let documented = rows.contains {
                    $0.count > 2 && $0[1].contains(key) && $0.dropFirst(2).contains(field.summary)
                }
                #expect(
                    documented,
                    "\(table.name).\(field.key): no row of docs/scenario-language.md for \(key) reads '\(field.summary)'"
                )
            }
        }
    }

    @Test func tablesReferToDeclaredTables() {
        func names(_ shape: FieldShape) -> [String] {
            switch shape {
            case let .table(name): return [name]
            case let .list(element): return names(element)
            default: return []
            }
        }
        let referred = Set(ScenarioFields.all.flatMap { $0.fields.flatMap { names($0.shape) } })
        #expect(referred.allSatisfy { ScenarioFields.table(named: $0) != nil })
        // Every table but the file's own is reached from another.
        #expect(referred == Set(ScenarioFields.all.map(\.name)).subtracting(["scenario"]))
    }

    @Test func numbersCarryTheirKindsRanges() throws {
        let defs = try #require(try Self.schema()["$defs"] as? [String: [String: Any]])
        func property(_ table: String, _ key: String) throws -> [String: Any] {
            try #require((defs[table]?["properties"] as? [String: Any])?[key] as? [String: Any])
        }
        let lifetime = try property("rule", "lifetime_days")
        #expect(lifetime["type"] as? String == "integer")
        #expect(lifetime["minimum"] as? Int == 0 && lifetime["maximum"] as? Int == 32_000)
        let initial = try property("score_scale", "initial")
        #expect(initial["minimum"] as? Int == -1_000_000 && initial["maximum"] as? Int == 1_000_000)
        let coverage = try property("source", "coverage")
        #expect(coverage["type"] as? String == "number" && coverage["maximum"] as? Int == 1)
        let delta = try property("spillover_effect", "delta")
        #expect(delta["minimum"] as? Int == -2_000 && delta["maximum"] as? Int == 2_000)
        #expect(try property("measure", "kind")["enum"] as? [String] == ["block", "reward", "notice"])
        #expect(defs["rule"]?["required"] as? [String] == ["id", "behavior"])
        #expect(defs.values.allSatisfy { $0["additionalProperties"] as? Bool == false })
    }

    static let shipped: [String] = {
        let folder = root.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    @Test(arguments: shipped)
    func shippedScenarioPassesTheSchema(name: String) throws {
        let text = try String(contentsOf: Self.root.appendingPathComponent("scenarios/\(name)"), encoding: .utf8)
        #expect(text.hasPrefix("# yaml-language-server: $schema=../schema/scenario.schema.json\n"))
        let problems = try SchemaWalk(schema: Self.schema()).problems(in: text)
        #expect(problems.isEmpty, "\(name): \(problems)")
    }

    @Test func thereAreShippedScenarios() { #expect(Self.shipped.count >= 5) }

    /// The broken fixtures CI also gives `check-jsonschema`: each is refused by the reader with
    /// the message given here, and by the schema at the same key path.
    @Test(arguments: [
        ("unknown-key.yaml", "sources[0]", "unknown key 'delay'"),
        ("wrong-type.yaml", "rules[0].delta", "expected a number, found text '-10'"),
        (
            "out-of-range.yaml", "rules[0].lifetime_days",
            "must be from 0 to 32000 days (a run's longest period), found 40000"
        ),
        ("missing-key.yaml", "behaviors[1]", "missing required key 'conduct'"),
    ])
    func brokenFixtureIsRefusedByReaderAndSchema(file: String, path: String, message: String) throws {
        let text = try Fixture.text("broken/\(file)")
        let reading = Scenario.read(text, file: file)
        let errors = reading.diagnostics.filter { $0.severity == .error }
        #expect(errors.map(\.message) == [message])
        #expect(errors.map(\.path) == [path])
        let problems = try SchemaWalk(schema: Self.schema()).problems(in: text)
        #expect(problems.map(\.path) == [path], "\(problems)")
    }
}

/// A walk of a document tree against the schema's JSON, for the keywords the builder writes
/// (`$ref`, `type`, `properties`, `required`, `additionalProperties`, `items`, `anyOf`, `enum`,
/// `minimum`, `maximum`, `pattern`): enough to see the committed schema accept and refuse
/// files without a JSON Schema library.
struct SchemaWalk {
    struct Problem: CustomStringConvertible {
        var path: String, message: String
        var description: String { "\(path): \(message)" }
    }

    let schema: [String: Any]

    func problems(in text: String) -> [Problem] {
        var log = DiagnosticLog(file: "walk.yaml")
        guard let root = DocumentNode.parse(text, isJSON: false, log: &log) else {
            return [Problem(path: "", message: "unreadable")]
        }
        var found: [Problem] = []
        check(root, schema, "", &found)
        return found
    }

    private func resolve(_ node: [String: Any]) -> [String: Any] {
        guard let ref = node["$ref"] as? String, ref.hasPrefix("#/$defs/"),
            let target = (schema["$defs"] as? [String: Any])?[String(ref.dropFirst(8))] as? [String: Any]
        else { return node }
        return target
    }

    private func check(_ node: DocumentNode, _ raw: [String: Any], _ path: String, _ found: inout [Problem]) {
        let rule = resolve(raw)
        if let options = rule["anyOf"] as? [[String: Any]] {
            if !options.contains(where: {
                var none: [Problem] = []
                check(node, $0, path, &none)
                return none.isEmpty
            }) {
                found.append(Problem(path: path, message: "matches none of anyOf"))
            }
            return
        }
        let types = (rule["type"] as? String).map { [$0] } ?? rule["type"] as? [String] ?? []
        switch node.value {
        case let .mapping(pairs):
            guard types.isEmpty || types.contains("object") else {
                return found.append(Problem(path: path, message: "a mapping"))
            }
            let properties = rule["properties"] as? [String: Any] ?? [:]
            var keys: [String] = []
            for pair in pairs {
                guard case let .scalar(key, _) = pair.key.value else { continue }
                keys.append(key)
                let at = path.isEmpty ? key : "\(path).\(key)"
                if let sub = properties[key] as? [String: Any] {
                    check(pair.value, sub, at, &found)
                } else if rule["additionalProperties"] as? Bool == false {
                    found.append(Problem(path: path, message: "unknown key '\(key)'"))
                }
            }
            for key in rule["required"] as? [String] ?? [] where !keys.contains(key) {
                found.append(Problem(path: path, message: "missing '\(key)'"))
            }
        case let .sequence(items):
            guard types.isEmpty || types.contains("array") else {
                return found.append(Problem(path: path, message: "a list"))
            }
            if let element = rule["items"] as? [String: Any] {
                for (index, item) in items.enumerated() { check(item, element, "\(path)[\(index)]", &found) }
            }
        case let .scalar(text, plain):
            if let message = scalarProblem(text, plain: plain, rule, types) {
                found.append(Problem(path: path, message: message))
            }
        }
    }

    private func scalarProblem(_ text: String, plain: Bool, _ rule: [String: Any], _ types: [String]) -> String? {
        let number = plain ? Double(text.filter { $0 != "_" }) : nil
        let boolean = plain && ["true", "false", "yes", "no", "on", "off", "True", "False"].contains(text)
        let fits =
            types.isEmpty
            || types.contains { type in
                switch type {
                case "string": return number == nil && !boolean
                case "number": return number != nil
                case "integer": return number.map { $0 == $0.rounded() } ?? false
                case "boolean": return boolean
                default: return false
                }
            }
        if !fits { return "'\(text)' is not \(types.joined(separator: " or "))" }
        if let words = rule["enum"] as? [String], !words.contains(text) { return "'\(text)' is not one of \(words)" }
        if let number, let low = rule["minimum"] as? Double, number < low { return "\(text) is below \(low)" }
        if let number, let high = rule["maximum"] as? Double, number > high { return "\(text) is above \(high)" }
        if let pattern = rule["pattern"] as? String, let regex = try? Regex(pattern), text.wholeMatch(of: regex) == nil
        {
            return "'\(text)' does not match \(pattern)"
        }
        return nil
    }
}
