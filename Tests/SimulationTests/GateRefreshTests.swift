import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// A month end refreshes the action gates of its candidates only (`GateCandidates`: subjects the
/// system touched and people whose spillovers changed); after it every subject's gate must be
/// the one worked out in full from its standing.
@Suite("Month-end gate refresh")
struct GateRefreshTests {
    /// Subjects of both kinds whose kept gate differs from the gate worked out in full on `day`.
    static func staleGates(_ simulation: Simulation, on day: Day) -> [String] {
        var stale: [String] = []
        for kind in [Simulation.Kind.people, .companies] {
            let context = simulation.context(kind, on: day)
            let count = kind == .people ? simulation.people.count : simulation.companies.count
            for subject in 0..<count where context.state.actionGate[subject] != context.gate(subject) {
                stale.append("\(kind) \(subject)")
            }
        }
        return stale
    }

    /// The last day of `day`'s month.
    static func monthEnd(_ day: Day) throws -> Day {
        let (year, month) = (day.components.year, day.components.month)
        let next = try #require(Day(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1))
        return next.adding(days: -1)
    }

    /// Runs the shipped scenario `name` on 3,000 people from its start, month end by month end,
    /// for `months`, and returns the gates that were stale after a month end, and the most
    /// people with a gate that was not empty after one.
    static func monthEnds(_ name: String, months: Int) throws -> (stale: [String], gated: Int) {
        var gated = 0
        let stale = try monthEnds(name, months: months) { simulation, end in
            gated = max(gated, (0..<simulation.people.count).filter { simulation.people.actionGate[$0] != 0 }.count)
            return staleGates(simulation, on: end)
        }
        return (stale, gated)
    }

    /// Runs the shipped scenario `name` on 3,000 people from its start for `months`, calling
    /// `beforeEnd` on the day before each month end and `check` after each month end, and
    /// returns what `check` found, each with its month end.
    static func monthEnds(
        _ name: String,
        months: Int,
        beforeEnd: (Simulation, Day) -> Void = { _, _ in },
        check: (Simulation, Day) -> [String]
    ) throws -> [String] {
        let scenario = try Scenario.parse(Societies.shippedText(name), file: "\(name).yaml")
        let start = scenario.period.start
        var ends = [try monthEnd(start)]
        while ends.count < months { ends.append(try monthEnd(ends[ends.count - 1].adding(days: 1))) }
        var simulation = Simulation(
            policy: try Policy(scenario),
            population: Societies.society(3_000),
            census: Societies.census,
            config: SimulationConfig(
                period: Period(start: start, end: ends[months - 1]),
                seed: 5,
                threads: 2,
                traceEvery: 0
            )
        )
        var sink = Collector()
        var found: [String] = []
        for end in ends {
            simulation.run(until: end.adding(days: -1), observer: &sink)
            beforeEnd(simulation, end)
            simulation.run(until: end, observer: &sink)
            found += check(simulation, end).map { "\(end): \($0)" }
        }
        return found
    }

    @Test(
        "After each month end every gate is the one worked out in full",
        arguments: [
            // Lists with terms, tier ceilings, spillovers and rollouts over the first two years.
            ("seed-article", 24),
            // Conditions on clean days (a gate can change with time alone) and condition-filled lists.
            ("sesame", 24),
        ]
    )
    func gatesAreCurrent(name: String, months: Int) throws {
        let (stale, gated) = try Self.monthEnds(name, months: months)
        #expect(stale.isEmpty, "\(stale.count) stale, first \(stale.prefix(5))")
        // The case is a real one: measures acted on some people's actions.
        #expect(gated > 0)
    }

    @Test("The candidates are everyone touched and everyone whose spillovers changed, and no one past the end")
    func candidates() {
        let count = 130  // three words, the last of two subjects
        var own = [UInt64](repeating: UInt64.max, count: 3)
        own[0] &= ~(1 << 5)  // subject 5 was touched
        own[2] = 0  // subjects 128 and 129 were touched
        let words = UntouchedWords(
            own: own,
            still: own,
            enrolled: own,
            province: [0, 0, 0],
            count: count,
            provinces: 1,
            representative: [0, nil]
        )
        let untouched = UntouchedSubjects(people: words, companies: words)
        let changed: [UInt64] = [0, 1 << 3, 0]  // person 67's spillovers changed
        let candidates = GateCandidates(untouched: untouched, kept: KeptSnapshots(), spillChanged: changed)
        #expect(candidates[.people].members(0) == 1 << 5)
        #expect(candidates[.people].members(1) == 1 << 3)
        #expect(candidates[.people].members(2) == 0b11)
        // Spillovers reach people only.
        #expect(candidates[.companies].members(1) == 0)
        // Person 128 kept last month's snapshot: no candidate unless its spillovers changed.
        var kept = KeptSnapshots(people: [0, 1 << 3, 1], companies: [])
        #expect(GateCandidates(untouched: untouched, kept: kept, spillChanged: changed)[.people].members(2) == 0b10)
        #expect(GateCandidates(untouched: untouched, kept: kept, spillChanged: changed)[.people].members(1) == 1 << 3)
        kept.companies = [1 << 5]
        #expect(GateCandidates(untouched: untouched, kept: kept, spillChanged: changed)[.companies].members(0) == 0)
    }
}
