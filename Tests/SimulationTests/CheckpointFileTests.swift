import Foundation
import RunRecords
import SocialCredit
import Society
import TestSupport
import Testing

@testable import Simulation

/// Checkpoint files: the header refuses damaged, cut and foreign files by name, and no bytes
/// handed to `restore` make it trap.
@Suite("Checkpoint files")
struct CheckpointFileTests {
    static let identity = CheckpointFile.identity(of: ["scenario text", "200", "5", "2016-01-01", "2016-12-31"])

    /// A small run with pending records (lifetimes, appeals) stopped after its first quarter.
    static func quarter() throws -> Simulation {
        let yaml = SimulationFixture.scenario(
            rule: "delta: -10\nlifetime_days: 60",
            extra: """
                appeals: {contest: {true_records: 0.5, false_records: 1}, success: {true_records: 0.5, false_records: 1}, days_to_decide: 20}
                """
        )
        let policy = try Policy(Scenario.parse(yaml, file: "test.yaml"))
        var simulation = Simulation(
            policy: policy,
            population: SimulationFixture.adults(200, seed: 5),
            census: SimulationFixture.census,
            config: SimulationConfig(period: policy.scenario.period, seed: 5, threads: 1, traceEvery: 10)
        )
        var sink = Collector()
        simulation.run(until: Day(iso: "2016-03-31"), observer: &sink)
        return simulation
    }

    @Test("A sealed checkpoint opens to its state and days; its identity and days are what it was sealed with")
    func roundTrip() throws {
        let simulation = try Self.quarter()
        let payload = simulation.checkpointData()
        let file = CheckpointFile.seal(payload, identity: Self.identity, daysDone: simulation.daysDone)
        #expect(file.count == payload.count + CheckpointFile.headerSize)
        let (days, opened) = try CheckpointFile.open(file, identity: Self.identity)
        #expect(days == 91)
        #expect(opened == payload)
        #expect(CheckpointFile.checksum(of: file)?.count == 64)
    }

    @Test("Every flipped byte of the header and a stride of the state, and every cut, is refused by name")
    func damageIsRefused() throws {
        let simulation = try Self.quarter()
        let file = CheckpointFile.seal(
            simulation.checkpointData(),
            identity: Self.identity,
            daysDone: simulation.daysDone
        )
        let positions =
            Array(0..<CheckpointFile.headerSize)
            + Array(stride(from: CheckpointFile.headerSize, to: file.count, by: 97))
        for position in positions {
            var damaged = file
            damaged[position] ^= 0x20
            #expect(throws: CheckpointError.self, "byte \(position)") {
                try CheckpointFile.open(damaged, identity: Self.identity)
            }
        }
        var checksumMessages = 0
        for position in stride(from: CheckpointFile.headerSize, to: file.count, by: 97) {
            var damaged = file
            damaged[position] &+= 1
            do { _ = try CheckpointFile.open(damaged, identity: Self.identity) } catch {
                checksumMessages += "\(error)" == "checksum mismatch" ? 1 : 0
            }
        }
        #expect(checksumMessages == Array(stride(from: CheckpointFile.headerSize, to: file.count, by: 97)).count)
        for length in Array(0..<200) + Array(stride(from: 200, to: file.count, by: 251)) {
            #expect(throws: CheckpointError.self, "cut at \(length)") {
                try CheckpointFile.open(file.prefix(length), identity: Self.identity)
            }
        }
        let other = CheckpointFile.identity(of: ["scenario text", "200", "6", "2016-01-01", "2016-12-31"])
        let error = try #require(throws: CheckpointError.self) { try CheckpointFile.open(file, identity: other) }
        #expect("\(error)".contains("another run"))
        // A checkpoint of format 7 without a header is named as such.
        let bare = try #require(throws: CheckpointError.self) {
            try CheckpointFile.open(simulation.checkpointData(), identity: Self.identity)
        }
        #expect("\(bare)".contains("without a header"))
    }

    @Test("A checkpoint of an older format is refused, naming both formats")
    func olderFormat() throws {
        let source = try Self.quarter()
        var payload = [UInt8](source.checkpointData())
        payload[7] = UInt8(ascii: "9")
        var target = try Self.quarter()
        let error = try #require(throws: CheckpointError.self) { try target.restore(from: Data(payload)) }
        #expect("\(error)" == "a checkpoint of format 9 (from another version of sclab); this version reads format 10")
        #expect(Simulation.checkpointFormat(UInt8(ascii: "A")) == "10" && Simulation.checkpointFormat(0) == "0x0")
    }

    /// The state's own bytes, past the header's checksum (as a crafted file would bring them):
    /// every single-byte change of the chunk state at the end and a stride over the rest, and
    /// cuts at every length up to a stride, either restore or throw; none traps. A trap would
    /// end the test process.
    @Test("restore never traps on mutated or cut state")
    func restoreNeverTraps() throws {
        let source = try Self.quarter()
        let payload = source.checkpointData()
        var target = try Self.quarter()
        let tail = max(0, payload.count - 6_000)
        let positions = Array(0..<64) + Array(stride(from: 64, to: tail, by: 211)) + Array(tail..<payload.count)
        var refused = 0
        for position in positions {
            for change: UInt8 in [0x01, 0x80, 0xFF] {
                var mutated = payload
                mutated[position] ^= change
                do { try target.restore(from: mutated) } catch { refused += 1 }
            }
        }
        for length in stride(from: 0, to: payload.count, by: 7) {
            #expect(throws: CheckpointError.self) { try target.restore(from: payload.prefix(length)) }
        }
        #expect(refused > 0)
        // After all that, the whole state restores and continues as the source does.
        try target.restore(from: payload)
        var a = source
        var sinkA = Collector()
        var sinkB = Collector()
        a.run(observer: &sinkA)
        target.run(observer: &sinkB)
        #expect(a.digest() == target.digest())
    }
}
