import Foundation
import RunRecords
import RunStore
import Simulation

extension Checkpoints {
    /// Restores `simulation` from the latest checkpoint that is whole and of this run, and
    /// returns its file. Candidates are every checkpoint the store records and every
    /// `checkpoints/day-N.bin` in the folder (the store may have lost the pointer, or an older
    /// run may not record them), newest first, up to the days the store holds (a file written
    /// just before a kill, whose month was never committed, would skip that month's data). A
    /// missing, damaged or foreign file is reported through `skipped` by name and the one
    /// before it tried.
    /// - Throws: a `RunError` listing what was tried when no checkpoint can be used.
    public static func restoreLatest(
        _ simulation: inout Simulation,
        info: RunInfo,
        store: RunStore,
        progress: RunProgress,
        skipped: (String) -> Void
    ) throws -> String {
        let recorded = try store.checkpoints()
        var candidates = filesOnDisk(in: store.directory)
        for record in recorded { candidates[record.daysDone] = record.file }
        if let latest = progress.checkpoint, let day = Int(latest.split(separator: "-").last?.dropLast(4) ?? ""),
            candidates[day] == nil
        {
            candidates[day] = latest
        }
        let byDay = Dictionary(recorded.map { ($0.daysDone, $0) }, uniquingKeysWith: { $1 })
        let identity = identity(of: info)
        var tried: [String] = []
        for (day, file) in candidates.sorted(by: { $0.key > $1.key }) where day <= progress.daysDone {
            let path = (store.directory as NSString).appendingPathComponent(file)
            do {
                try restore(&simulation, path: path, day: day, record: byDay[day], identity: identity)
                return file
            } catch {
                skipped("\(file): \(error), skipped")
                tried.append(file)
            }
        }
        let what =
            otherRanks(in: store.directory, than: 1)
            ?? (tried.isEmpty
                ? "the run has no checkpoint to resume from (run it with --checkpoint-every DAYS)"
                : "no usable checkpoint (tried \(tried.joined(separator: ", ")))")
        throw RunError("\(store.directory): \(what)")
    }

    /// Restores one checkpoint file, checked against its record in the store (when there is one),
    /// its header and the day its name gives.
    static func restore(
        _ simulation: inout Simulation,
        path: String,
        day: Int,
        record: CheckpointRecord?,
        identity: [UInt8]
    ) throws {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CheckpointError("missing or unreadable")
        }
        if let record {
            guard data.count == record.bytes else {
                throw CheckpointError("\(data.count) bytes where the run store recorded \(record.bytes)")
            }
            guard CheckpointFile.checksum(of: data) == record.sha256 else {
                throw CheckpointError("checksum mismatch with the run store's record")
            }
        }
        let (daysDone, payload) = try CheckpointFile.open(data, identity: identity)
        guard daysDone == day else { throw CheckpointError("taken \(daysDone) days in, not \(day) as its name says") }
        try simulation.restore(from: payload)
        guard simulation.daysDone == day else {
            throw CheckpointError("holds the state \(simulation.daysDone) days in, not \(day) as its header says")
        }
    }
}
