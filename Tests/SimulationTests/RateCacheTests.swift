import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// A behaviour event draws from the subject's kept total rate (`RateCacheEntry`) while the
/// inputs it was worked out from are the same: kept totals must equal the rates worked out again.
@Suite("Kept behaviour totals")
struct RateCacheTests {
    /// The seed scenario (every kind of response, monitoring rolled out province by province
    /// from June 2014) on 4,000 people over its first two years.
    static func simulation(end: Day? = nil) throws -> Simulation {
        let scenario = try Societies.seedScenario().scenario
        let policy = try Policy(scenario)
        let generator = Societies.generator
        let population = generator.generate(size: 4_000, seed: 3, threads: 2)
        let last = try end ?? #require(Day(year: 2015, month: 12, day: 31))
        let period = Period(start: scenario.period.start, end: last)
        return Simulation(
            policy: policy,
            population: population,
            census: generator.census,
            config: SimulationConfig(period: period, seed: 3, threads: 2, traceEvery: 0)
        )
    }

    /// Subjects whose kept total is in use (its key is today's), and those among them whose
    /// kept total differs from the rates worked out in full on the last day simulated.
    static func check(_ simulation: Simulation) -> (kept: Int, stale: [Int]) {
        var kept = 0
        var stale: [Int] = []
        let day = simulation.today.adding(days: -1)
        for kind in [Simulation.Kind.people, .companies] {
            let context = simulation.context(kind, on: day)
            let count = kind == .people ? simulation.people.count : simulation.companies.count
            for subject in 0..<count {
                let inputs = context.rateInputs(subject, triggers: context.triggers(subject))
                let key = context.rateKey(inputs)
                let entry = context.state.rateCache[subject]
                guard key != RateCacheEntry.none, entry.key == key else { continue }
                kept += 1
                let full = context.behaviors.withUnsafeBufferPointer { context.behaviorTotal(subject, inputs, $0) }
                if full != entry.total { stale.append(subject) }
            }
        }
        return (kept, stale)
    }

    @Test("Every kept total in use equals the rates at each month end, across monitoring rollouts")
    func keptTotalsAreCurrent() throws {
        var simulation = try Self.simulation()
        #expect(simulation.model.keysRates)
        var sink = Collector()
        var monitoringChanges = 0
        var previous = simulation.model.tables(on: simulation.config.period.start)
        for year in 2014...2015 {
            for month in 1...12 {
                let next = try #require(Day(year: month == 12 ? year + 1 : year, month: month % 12 + 1, day: 1))
                let last = next.adding(days: -1)
                simulation.run(until: last, observer: &sink)
                let tables = simulation.model.tables(on: last)
                if simulation.model.monitoringChanged(previous, tables) != 0 { monitoringChanges += 1 }
                previous = tables
                let (kept, stale) = Self.check(simulation)
                #expect(stale.count == 0, "\(last): first stale \(stale.prefix(5))")
                #expect(kept > simulation.people.count / 2, "\(last)")
            }
        }
        // The case is a real one: monitoring changed in some provinces during the run.
        #expect(monitoringChanges > 0)
    }

    @Test("A run drawing from kept totals ends as one that forgets them every day")
    func sameAsWorkedOutInFull() throws {
        let end: Day = try #require(Day(year: 2014, month: 12, day: 31))
        var kept = try Self.simulation(end: end)
        var forgetful = try Self.simulation(end: end)
        var sink = Collector()
        kept.run(observer: &sink)
        while !forgetful.isFinished {
            forgetful.clearRateCaches()
            forgetful.run(until: forgetful.today, observer: &sink)
        }
        #expect(kept.digest() == forgetful.digest())
    }

    @Test("The key changes with each input: row, groups and personal responses")
    func keyParts() throws {
        let simulation = try Self.simulation()
        let context = simulation.reader(.people)
        let inputs = context.rateInputs(0, triggers: 0)
        func key(row: Int, groups: UInt16, personal: UInt64) -> UInt32 {
            context.rateKey(
                EventContext.RateInputs(
                    groups: groups,
                    row: row,
                    triggers: 0,
                    lastSanctioned: Int32.min,
                    lastRecorded: Int32.min,
                    province: inputs.province,
                    personal: personal,
                    propensity: inputs.propensity,
                    words: inputs.words
                )
            )
        }
        let base = key(row: 5, groups: GroupBit.adults, personal: 0)
        #expect(base == 5 | UInt32(GroupBit.adults) << 11)
        #expect(key(row: 6, groups: GroupBit.adults, personal: 0) != base)
        #expect(key(row: 5, groups: GroupBit.adults | GroupBit.drivers, personal: 0) != base)
        #expect(key(row: 5, groups: GroupBit.adults, personal: 1 << 11) == base | 1 << 31)
        #expect(key(row: 2_046, groups: GroupBit.companies, personal: 0xFFF) != RateCacheEntry.none)
        // Every group's bit fits the key's nine bits for groups.
        #expect(Group.allCases.allSatisfy { GroupBit.bit($0) < 1 << 9 } && GroupBit.companies < 1 << 9)
    }

    @Test(
        "An entry keeps its total bit for bit in 12 bytes",
        arguments: [
            0.0, 0.1 + 0.2, 1e-300, Double.leastNonzeroMagnitude, 123_456.789, Double.greatestFiniteMagnitude, -0.0,
        ]
    )
    func entry(total: Double) {
        #expect(MemoryLayout<RateCacheEntry>.stride == 12)
        let entry = RateCacheEntry(total: total, key: 0x8000_0001)
        #expect(entry.total.bitPattern == total.bitPattern)
        #expect(entry.key == 0x8000_0001)
        #expect(RateCacheEntry().key == RateCacheEntry.none)
    }
}
