import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// The event counts `sclab bench` divides its time by, on cases whose counts are known.
@Suite("Loop profile")
struct LoopProfileTests {
    static func run(rate: Double, end: String, measuresTime: Bool = false) throws -> Simulation {
        let yaml = SimulationFixture.scenario(behaviorRate: rate)
            .replacingOccurrences(of: "end: 2016-12-31", with: "end: \(end)")
        let policy = try Policy(Scenario.parse(yaml, file: "profile.yaml"))
        var simulation = Simulation(
            policy: policy,
            population: SimulationFixture.adults(100),
            census: SimulationFixture.census,
            config: SimulationConfig(
                period: policy.scenario.period,
                seed: 1,
                threads: 2,
                traceEvery: 10,
                measuresTime: measuresTime
            )
        )
        var sink = Collector()
        simulation.run(observer: &sink)
        return simulation
    }

    @Test("Without behaviour, each person's only events are yearly refresh days")
    func refreshesOnly() throws {
        // Rate 0: every first draw is a refresh 365 days on, 2016-12-31, the run's last day
        // (2016 has 366 days); the next would be in 2017.
        let simulation = try Self.run(rate: 0, end: "2016-12-31")
        #expect(simulation.profile.behaviorEvents == 100)
        #expect(simulation.profile.actionEvents == 0)
        #expect(simulation.profile.events == 100)
        #expect(simulation.runTotals["behaviors.total"] == 0)
        // A day short of the refresh: no event at all.
        #expect(try Self.run(rate: 0, end: "2016-12-30").profile.events == 0)
    }

    @Test("With frequent behaviour, every event is a behaviour and each one is counted once")
    func everyBehaviourCounted() throws {
        let simulation = try Self.run(rate: 50, end: "2016-03-31")
        let behaviours = try #require(simulation.runTotals["behaviors.total"])
        // A gap of a year at 50 a year has a chance of e^-50: no refresh day comes up.
        #expect(Double(simulation.profile.behaviorEvents) == behaviours)
        #expect(behaviours > 100 * 50 * 91 / 366 * 0.9)
        // A record arrives the day it is made (no delay): the calendar holds nothing but
        // points' expiries, and this rule's points never expire.
        #expect(simulation.profile.calendarItems == 0)
    }

    @Test("Times are read only when asked for, and share out the days' time")
    func times() throws {
        let untimed = try Self.run(rate: 12, end: "2016-06-30")
        #expect(untimed.profile.daySeconds == 0 && untimed.profile.monthEndSeconds == 0)
        #expect(untimed.profile.scanSeconds == 0)
        let timed = try Self.run(rate: 12, end: "2016-06-30", measuresTime: true)
        let profile = timed.profile
        #expect(profile.daySeconds > 0 && profile.monthEndSeconds > 0)
        let parts = profile.scanSeconds + profile.eventSeconds + profile.calendarSeconds
        #expect(abs(parts - profile.daySeconds) < 1e-9 * max(1, profile.daySeconds))
        // Timing changes nothing the run computes.
        #expect(timed.digest() == untimed.digest())
        #expect(timed.profile.events == untimed.profile.events)
    }
}
