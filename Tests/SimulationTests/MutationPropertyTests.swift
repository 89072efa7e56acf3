import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// The property the fuzzer checks at scale, on the shipped scenarios with a fixed set of
/// mutations: every mutated scenario either passes the reader (what `sclab check` runs) and then
/// compiles and runs 30 days on 1,000 people, or fails it with errors that each say where.
@Suite("Mutated scenarios: checked or located")
struct MutationPropertyTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    /// The shipped scenarios by file name.
    static let shipped: [String] = {
        let folder = repository.appendingPathComponent("scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted()
    }()

    /// SplitMix64: the mutations are the same on every run.
    struct Mix {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int((z ^ (z >> 31)) % UInt64(max(bound, 1)))
        }
    }

    /// One of five line-level mutations: a line deleted, a line repeated, a character replaced by
    /// YAML punctuation, the text cut short, or a number replaced by another plain number.
    static func mutate(_ text: String, _ mix: inout Mix) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let line = mix.next(lines.count)
        switch mix.next(5) {
        case 0:
            lines.remove(at: line)
        case 1:
            lines.insert(lines[line], at: line)
        case 2:
            var characters = Array(lines[line])
            guard !characters.isEmpty else { return lines.joined(separator: "\n") }
            let punctuation: [Character] = [":", "-", "[", "]", "{", "}", "&", "*", "#", "'", "\"", "|"]
            characters[mix.next(characters.count)] = punctuation[mix.next(punctuation.count)]
            lines[line] = String(characters)
        case 3:
            return String(text.prefix(mix.next(text.count)))
        default:
            let numbers = ["0", "1", "-1", "0.5", "2", "365", "1000"]
            let words = lines[line].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            guard
                let index = words.indices.filter({
                    Double(words[$0].trimmingCharacters(in: CharacterSet(charactersIn: ",]}"))) != nil
                })
                .first
            else { return lines.joined(separator: "\n") }
            var changed = words
            changed[index] = numbers[mix.next(numbers.count)]
            lines[line] = changed.joined(separator: " ")
        }
        return lines.joined(separator: "\n")
    }

    @Test(
        "Each of 20 mutations of a shipped scenario passes and runs 30 days on 1,000 people, or fails with located errors",
        arguments: shipped
    )
    func mutations(file: String) throws {
        let text = try String(contentsOf: Self.repository.appendingPathComponent("scenarios/\(file)"), encoding: .utf8)
        let population = SimulationFixture.adults(1_000)
        var mix = Mix(state: UInt64(file.utf8.count))
        var accepted = 0
        var refused = 0
        for _ in 0..<20 {
            let mutated = Self.mutate(text, &mix)
            let reading = Scenario.read(mutated, file: file)
            guard let scenario = reading.scenario else {
                refused += 1
                #expect(!reading.errors.isEmpty)
                for error in reading.errors {
                    #expect(error.location != nil || !error.path.isEmpty, "an error with no place: \(error)")
                }
                continue
            }
            accepted += 1
            let policy = try Policy(scenario)
            let period = Period(start: scenario.period.start, end: scenario.period.start.adding(days: 29))
            var simulation = Simulation(
                policy: policy,
                population: population,
                census: SimulationFixture.census,
                config: SimulationConfig(period: period, seed: 1, threads: 2, traceEvery: 1_000)
            )
            var collector = Collector()
            simulation.run(observer: &collector)
            #expect(collector.months >= 1, "\(file): a 30-day run reported no month")
        }
        // Both outcomes occur, so neither branch is vacuous.
        #expect(accepted > 0 && refused > 0, "\(file): \(accepted) accepted, \(refused) refused")
    }
}
