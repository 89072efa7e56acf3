import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// A property of `check` (issue 14): every mutation of a shipped scenario either passes `check`
/// and then runs 30 days on 1,000 people without trapping, or fails `check` with errors that
/// each say where. The mutations are deterministic and bounded: numbers replaced by extremes,
/// keys deleted, values swapped to another type, keys duplicated, spread evenly over each file.
@Suite("Mutated shipped scenarios")
struct ScenarioMutationTests {
    static let extremes = ["0", "-1", "1e308", "-9223372036854775808", "99999999999999999999", ".nan", ".inf", "1.5"]
    /// Mutants per scenario and kind of mutation (about 240 mutants over the shipped scenarios;
    /// numbers get twice as many, so each extreme is tried twice per file).
    static let perKind = 8

    static let scenariosFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scenarios")

    static var shipped: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: scenariosFolder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }

    /// A line's `key: value`, split at the first ": ", with where the value stands in the line.
    struct KeyLine {
        var index: Int
        var key: String
        var value: Range<String.Index>
    }

    /// Lines of the form `  key: value` (block mappings, not flow ones), value without its comment.
    static func keyLines(_ lines: [String]) -> [KeyLine] {
        lines.enumerated().compactMap { index, line in
            let trimmed = line.drop { $0 == " " || $0 == "-" }
            guard let colon = trimmed.range(of: ": "), !trimmed.hasPrefix("#"), !trimmed.hasPrefix("{") else {
                return nil
            }
            let key = String(trimmed[..<colon.lowerBound])
            guard key.allSatisfy({ $0.isLetter || $0 == "_" }), !key.isEmpty else { return nil }
            let rest = line[colon.upperBound...]
            let end = rest.range(of: " #")?.lowerBound ?? rest.endIndex
            let value = rest[..<end].trimmingCharacters(in: .whitespaces)
            guard !value.isEmpty, let start = line.range(of: value, range: colon.upperBound..<line.endIndex) else {
                return nil
            }
            return KeyLine(index: index, key: key, value: start)
        }
    }

    /// At most `limit` of the items, evenly spread from the first.
    static func spread<T>(_ items: [T], limit: Int) -> [T] {
        guard items.count > limit else { return items }
        let step = Double(items.count) / Double(limit)
        return (0..<limit).map { items[Int(Double($0) * step)] }
    }

    /// The mutants of one scenario's text, each with a name saying what changed.
    static func mutants(of text: String) -> [(name: String, text: String)] {
        let lines = text.components(separatedBy: "\n")
        let keyed = keyLines(lines)
        let numeric = keyed.filter { Double(lines[$0.index][$0.value]) != nil }
        let textual = keyed.filter { Double(lines[$0.index][$0.value]) == nil }
        func replacing(_ k: KeyLine, with value: String) -> String {
            var copy = lines
            copy[k.index].replaceSubrange(k.value, with: value)
            return copy.joined(separator: "\n")
        }
        var out: [(name: String, text: String)] = []
        // Numbers replaced by each extreme in turn (the n-th number gets the n-th extreme).
        for (n, k) in spread(numeric, limit: perKind * 2).enumerated() {
            let extreme = extremes[n % extremes.count]
            out.append(("line \(k.index + 1) \(k.key): \(extreme)", replacing(k, with: extreme)))
        }
        // A key deleted.
        for k in spread(keyed, limit: perKind) {
            var copy = lines
            copy.remove(at: k.index)
            out.append(("line \(k.index + 1) \(k.key) deleted", copy.joined(separator: "\n")))
        }
        // Types swapped: a number to text or a list, text to a number.
        for (n, k) in spread(numeric, limit: perKind).enumerated() {
            let swapped = n % 2 == 0 ? "'often'" : "[1, 2]"
            out.append(("line \(k.index + 1) \(k.key): \(swapped)", replacing(k, with: swapped)))
        }
        for k in spread(textual, limit: perKind) {
            out.append(("line \(k.index + 1) \(k.key): 7", replacing(k, with: "7")))
        }
        // A key written twice.
        for k in spread(keyed, limit: perKind) {
            var copy = lines
            copy.insert(copy[k.index].replacingOccurrences(of: "- ", with: "  "), at: k.index + 1)
            out.append(("line \(k.index + 1) \(k.key) duplicated", copy.joined(separator: "\n")))
        }
        return out
    }

    @Test("The shipped scenarios are all found, and each yields mutants")
    func shippedFound() throws {
        #expect(Self.shipped.count >= 5)
        for name in Self.shipped {
            let text = try String(contentsOf: Self.scenariosFolder.appendingPathComponent(name), encoding: .utf8)
            #expect(Self.mutants(of: text).count >= Self.perKind * 4, "\(name)")
        }
    }

    @Test(
        "Every mutant passes check and runs 30 days, or fails check with located errors",
        arguments: ScenarioMutationTests.shipped
    )
    func mutantsAreSafe(name: String) throws {
        let text = try String(contentsOf: Self.scenariosFolder.appendingPathComponent(name), encoding: .utf8)
        var refused = 0
        var ran = 0
        for mutant in Self.mutants(of: text) {
            let reading = Scenario.read(mutant.text, file: name)
            if let scenario = reading.scenario {
                let collector = try BoundsSimulationTests.run30Days(scenario)
                #expect(collector.months >= 1, "\(name), \(mutant.name): no month ended")
                ran += 1
            } else {
                refused += 1
                #expect(!reading.errors.isEmpty)
                for error in reading.errors {
                    #expect(error.location != nil, "\(name), \(mutant.name): unlocated error \(error.description)")
                }
            }
        }
        // Both outcomes occur (a deleted label still runs; most extremes are out of range): a
        // property that only ever refused, or only ever ran, would be testing nothing.
        #expect(refused >= Self.perKind)
        #expect(ran >= 1)
    }
}
