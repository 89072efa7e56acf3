import Foundation
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// Month-end passes take untouched subjects a word at a time (`UntouchedWords`): each must end
/// exactly where the same pass over subjects one by one ends.
@Suite("Untouched words")
struct UntouchedWordsTests {
    /// The spillover pass's scenario, with enrolment by consent (both slots of a province are
    /// filled) and an honour board for the best tier rolled out in two provinces in May 2016,
    /// so the untouched subjects' standing changes there part-way through.
    static let yaml = SpilloverPassTests.yaml
        .replacingOccurrences(of: "behaviors:\n", with: "enrolment: {mode: consent, share: 0.7}\nbehaviors:\n")
        .replacingOccurrences(
            of: "lists:\n",
            with: "lists:\n  - {id: honour, kind: red, entry: {tier_at_least: A}, rollout: {phase: pilots}}\n"
        )

    static func simulation() throws -> Simulation { try SpilloverPassTests.simulation(yaml) }

    /// The same subjects with no one taken a word at a time: every pass then goes one by one.
    static func oneByOne(_ words: UntouchedWords) -> UntouchedWords {
        UntouchedWords(
            own: words.own.map { _ in 0 },
            still: words.still.map { _ in 0 },
            enrolled: words.enrolled,
            province: words.province.map { _ in -1 },
            count: words.count,
            provinces: words.provinces,
            representative: words.representative
        )
    }

    @Test("A word's bits are the subjects' own answers, one by one")
    func bitsAgree() throws {
        var simulation = try Self.simulation()
        var sink = Collector()
        simulation.run(until: Day(year: 2016, month: 8, day: 20), observer: &sink)
        let untouched = simulation.untouchedSubjects()
        for kind in [Simulation.Kind.people, .companies] {
            let words = untouched[kind]
            let context = simulation.reader(kind)
            var firstInSlot = [Int?](repeating: nil, count: 2 * words.provinces)
            var plain = 0
            for subject in 0..<words.count {
                let (word, bit) = (subject >> 6, UInt64(1) << UInt64(subject & 63))
                let slot = context.untouchedSlot(subject, ownOnly: true)
                #expect((words.own[word] & bit != 0) == (slot != nil), "\(kind) \(subject)")
                let still = slot != nil && !context.spilloverMovesStanding(subject)
                #expect((words.still[word] & bit != 0) == still, "\(kind) \(subject)")
                let enrolled = kind == .companies || context.state.bits[subject] & EventBit.enrolled != 0
                #expect((words.enrolled[word] & bit != 0) == enrolled, "\(kind) \(subject)")
                if words.province[word] >= 0 { #expect(Int(words.province[word]) == context.province(subject)) }
                if let slot {
                    plain += 1
                    if firstInSlot[slot] == nil { firstInSlot[slot] = subject }
                }
            }
            // Each slot's representative is its first untouched subject (people are in province order).
            #expect(words.representative == firstInSlot, "\(kind)")
            if kind == .people {
                #expect(plain > 1_000 && plain < words.count)
                #expect(words.province.filter { $0 >= 0 }.count > words.wordCount / 2)
                #expect(words.representative.compactMap { $0 }.count > 4)
            }
        }
    }

    @Test("Snapshots, figures and link bits a word at a time end each month as one by one")
    func passesAgree() throws {
        var simulation = try Self.simulation()
        var sink = Collector()
        var day = simulation.config.period.start
        var rewritten = 0
        while day <= simulation.config.period.end {
            let (year, month, _) = day.components
            let first = try #require(Day(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1))
            let last = min(first.adding(days: -1), simulation.config.period.end)
            // Up to the month's last day, then its month end by hand as `closeMonth` runs it.
            simulation.run(until: last.adding(days: -1), observer: &sink)
            simulation.step()
            let before = simulation.untouchedSnapshots[.people]?.slots
            let untouched = simulation.untouchedSubjects()
            let taken = simulation.takeSnapshots(untouched, figures: true)
            if before != simulation.untouchedSnapshots[.people]?.slots { rewritten += 1 }
            // Everyone written one by one, from scratch.
            var everyone = simulation
            everyone.untouchedSnapshots = [:]
            let plainNone = UntouchedSubjects(
                people: Self.oneByOne(untouched.people),
                companies: Self.oneByOne(untouched.companies)
            )
            let plain = everyone.takeSnapshots(plainNone, figures: true)
            #expect(everyone.peopleSnapshot == simulation.peopleSnapshot, "month ending \(last)")
            #expect(everyone.companySnapshot == simulation.companySnapshot, "month ending \(last)")
            // The two share their state: the first pass also kept the condition-filled lists
            // held, which the figures do not read.
            #expect(simulation.standingMetrics(taken.figures) == everyone.standingMetrics(plain.figures))
            let tests: [Int?] = simulation.model.spilloverProgram.map { Optional($0) } + [nil]
            #expect(
                simulation.linkBits(tests, untouched.people).words
                    == simulation.linkBits(tests, plainNone.people).words
            )
            // No untouched subject holds a list entry begun by a false record (notices count none).
            for person in 0..<simulation.people.count
            where untouched.people.own[person >> 6] & (1 << UInt64(person & 63)) != 0 {
                #expect(simulation.people.listFalse[person] == 0)
            }
            // The rest of the month end, and on to the next month.
            simulation.today = last
            simulation.closeMonth(afterSnapshots: untouched, figures: taken.figures, observer: &sink)
            simulation.today = last.adding(days: 1)
            day = simulation.today
        }
        // The case is a real one: the untouched standing changed at the rollout, and the first pass.
        #expect(rewritten >= 2)
    }

    @Test(
        "The first set bit of two bitsets in a range",
        arguments: [
            (0..<128, [UInt64(0), 1 << 3], [UInt64.max, UInt64.max], Optional(67)),
            (68..<128, [UInt64(0), 1 << 3], [UInt64.max, UInt64.max], nil),
            (0..<67, [UInt64(0), 1 << 3], [UInt64.max, UInt64.max], nil),
            (0..<128, [UInt64(0b1010), 1], [UInt64(0b1000), 0], Optional(3)),
            (4..<128, [UInt64(0b11010), 1], [UInt64(0b11010), 1], Optional(4)),
            (5..<5, [UInt64.max], [UInt64.max], nil),
        ]
    )
    func firstSet(range: Range<Int>, a: [UInt64], b: [UInt64], expected: Int?) {
        #expect(Simulation.firstSet(in: range, a, b) == expected)
    }

    @Test("The farthest mother, father or spouse in index order")
    func relativeReach() {
        let census = Societies.generator.census
        // Two households: 0-3 (mother 0, father 1, their children 2 and 3) and 4-9 (a couple
        // 4 and 9 with their child 7, whose mother is 4).
        var people = (0..<10).map { Population.HandMadePerson(household: $0 < 4 ? 0 : 1) }
        people[0].spouse = 1
        people[1].spouse = 0
        people[2].mother = 0
        people[2].father = 1
        people[3].mother = 0
        people[3].father = 1
        people[4].spouse = 9
        people[9].spouse = 4
        people[7].mother = 4
        let population = Population(seed: 1, people: people, census: census)
        #expect(Simulation.relativeReach(RunSociety(population)) == 5)  // 4 and 9
        #expect(Simulation.relativeReach(RunSociety(Population(seed: 1, people: [], census: census))) == 0)
    }
}
