import Foundation
import SocialCredit
import TestSupport
import Testing

@testable import Simulation

/// Subjects the system never touched share one standing and one gate per slot: what lets the
/// snapshot pass and the gate refreshes of a rollout day work each out once per slot.
@Suite("Untouched subjects")
struct UntouchedSlotTests {
    @Test("Everyone in an untouched slot has the same standing and gate as the others there")
    func slotsShare() throws {
        var simulation = try SpilloverPassTests.simulation()
        var sink = Collector()
        // Past the pilots' rollout (2016-05-10) and a few month ends with spillovers in force.
        simulation.run(until: Day(year: 2016, month: 8, day: 20), observer: &sink)
        let context = simulation.reader(.people)
        var gates: [Int: UInt64] = [:]
        var standings: [Int: [Int64]] = [:]
        var own: [Int: [Int64]] = [:]
        // A standing as plain numbers: scored, score, tier, lists, last negative day, ratings.
        func standing(_ person: Int, spillovers: Bool) -> [Int64] {
            let s = context.standing(person, spillovers: spillovers)
            return [s.scored ? 1 : 0, Int64(s.score), Int64(s.tier), Int64(s.lists), Int64(s.lastNegative)]
                + [Int64(bitPattern: s.ratings)]
        }
        var shared = 0
        var touched = 0
        for person in 0..<simulation.people.count {
            if let slot = context.untouchedSlot(person, ownOnly: false) {
                let gate = context.gate(person)
                let full = standing(person, spillovers: true)
                if let known = gates[slot] {
                    shared += 1
                    #expect(known == gate, "person \(person)")
                    #expect(standings[slot] == full, "person \(person)")
                }
                gates[slot] = gate
                standings[slot] = full
            } else {
                touched += 1
            }
            if let slot = context.untouchedSlot(person, ownOnly: true) {
                let mine = standing(person, spillovers: false)
                if let known = own[slot] { #expect(known == mine, "person \(person)") }
                own[slot] = mine
            }
        }
        // The case is a real one: many share a slot, many were touched.
        #expect(shared > 1_000)
        #expect(touched > 500)
        #expect(gates.count > 2)
    }
}
