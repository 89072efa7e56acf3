import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// A month end keeps a touched subject's snapshot from the month before when nothing was written
/// to its standing since and none of its list terms or ceilings ended (`SubjectState.snapshotWake`);
/// after it every subject's snapshot must be its own standing worked out in full.
@Suite("Month-end snapshots kept")
struct SnapshotWakeTests {
    /// Subjects of both kinds whose snapshot (or rating snapshot) differs from their own
    /// standing worked out in full on `day`.
    static func staleSnapshots(_ simulation: Simulation, on day: Day) -> [String] {
        var stale: [String] = []
        for kind in [Simulation.Kind.people, .companies] {
            let context = simulation.context(kind, on: day)
            let snapshot = kind == .people ? simulation.peopleSnapshot : simulation.companySnapshot
            let ratings = context.state.ratingSnapshot
            for subject in snapshot.indices {
                let own = context.ownSnapshot(subject)
                if snapshot[subject] != own.snapshot || (ratings.count > 0 && ratings[subject] != own.ratings) {
                    stale.append("\(kind) \(subject)")
                }
            }
        }
        return stale
    }

    /// The people's link answers that the month end's spillover pass kept (`SpilloverMemory`)
    /// where they differ from the answers worked out from every snapshot one by one.
    static func staleLinkBits(_ simulation: Simulation) -> [String] {
        guard let memory = simulation.spilloverMemory else { return [] }
        let everyone = UntouchedWordsTests.oneByOne(simulation.untouchedSubjects().people)
        let full = simulation.linkBits(simulation.linkPlanes().tests, everyone)
        return full.words.indices.filter { full.words[$0] != memory.people.words[$0] }.map { "link word \($0)" }
    }

    @Test(
        "After each month end every snapshot is the subject's own standing, and every link answer its own",
        arguments: [
            // List terms of 180 days and two years, tier ceilings, rollouts: snapshots kept.
            ("seed-article", 24, true),
            // Terms of one and two years.
            ("judgment-defaulters", 24, true),
            // Companies' lists and ratings.
            ("corporate", 24, true),
            // Conditions on clean days: a standing changes with the day alone, nothing is kept.
            ("sesame", 12, false),
        ]
    )
    func snapshotsAreCurrent(name: String, months: Int, keeps: Bool) throws {
        var kept = 0
        let stale = try GateRefreshTests.monthEnds(name, months: months) { simulation, end in
            // Touched subjects whose snapshot will stand at this month end unless the last day writes.
            let today = RunDays.encode(end.number, origin: simulation.origin)
            for state in [simulation.people, simulation.companies] {
                kept += (0..<state.count).filter { state.records[$0] > 0 && state.snapshotWake[$0] > today }.count
            }
        } check: { simulation, end in
            Self.staleSnapshots(simulation, on: end) + Self.staleLinkBits(simulation)
        }
        #expect(stale.isEmpty, "\(stale.count) stale, first \(stale.prefix(5))")
        // The case is a real one: some touched people kept their snapshots (or, with clean
        // days, none did).
        #expect((kept > 0) == keeps, "\(kept) kept")
    }

    @Test("A subject wakes at the first list term or ceiling to end after today")
    func wakeDay() throws {
        let scenario = try Scenario.parse(Societies.shippedText("seed-article"), file: "seed-article.yaml")
        let start = scenario.period.start
        let simulation = Simulation(
            policy: try Policy(scenario),
            population: Societies.society(100),
            census: Societies.census,
            config: SimulationConfig(
                period: Period(start: start, end: start.adding(days: 60)),
                seed: 1,
                threads: 1,
                traceEvery: 0
            )
        )
        let context = simulation.context(.people, on: start)
        let state = context.state
        let listed = try #require((0..<simulation.model.listCount).first { !simulation.model.listConditional[$0] })
        let encode = { (day: Int32) in RunDays.encode(day, origin: simulation.origin) }
        #expect(context.snapshotWake(7) == Int16.max)
        state.listedUntil[listed][7] = start.number + 90
        #expect(context.snapshotWake(7) == encode(start.number + 90))
        state.ceilingUntil[7] = start.number + 30
        #expect(context.snapshotWake(7) == encode(start.number + 30))
        // Ended terms and ceilings wake no one.
        state.ceilingUntil[7] = start.number
        state.listedUntil[listed][7] = start.number - 5
        #expect(context.snapshotWake(7) == Int16.max)
    }
}
