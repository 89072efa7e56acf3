import Foundation
import RunRecords
import RunStore
import Simulation

/// Checkpoint files of a run: `DIR/checkpoints/day-N.bin`, each `CheckpointFile`'s header (run
/// identity, length, SHA-256) in front of the state, written whole and durable or not at all,
/// recorded in the run store, the older ones deleted once a newer one is recorded.
public enum Checkpoints {
    /// The folder inside a run folder.
    static let folder = "checkpoints"
    /// Checkpoints kept by default: the latest, and the one before in case the latest is damaged.
    public static let defaultKeep = 2
    /// What `--keep-checkpoints` accepts (a bound, not a need: each checkpoint is the whole state).
    public static let keepRange = 1...1_000

    /// The file of the checkpoint taken `daysDone` days in, relative to the run folder.
    static func file(daysDone: Int) -> String { "\(folder)/day-\(daysDone).bin" }

    /// What fixes a run's state (scenario text, population, seed, first and last day), hashed:
    /// a checkpoint of any other run is refused. Threads and tracing change no state, so a run
    /// resumed with other threads or more people traced reads its checkpoints.
    static func identity(of info: RunInfo) -> [UInt8] {
        CheckpointFile.identity(of: [
            info.scenarioText, String(info.population), String(info.seed), info.start, info.end,
        ])
    }

    /// Writes the simulation's state durably: to a temporary name, synced, renamed into place,
    /// the folder synced, so a killed process or a lost machine leaves the previous file or the
    /// whole new one. Returns the record to store with the period.
    static func write(_ simulation: Simulation, info: RunInfo, in directory: String) throws -> CheckpointRecord {
        let folderPath = (directory as NSString).appendingPathComponent(folder)
        try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
        let relative = file(daysDone: simulation.daysDone)
        let path = (directory as NSString).appendingPathComponent(relative)
        let data = CheckpointFile.seal(
            simulation.checkpointData(),
            identity: identity(of: info),
            daysDone: simulation.daysDone
        )
        let temporary = (folderPath as NSString).appendingPathComponent(
            ".day-\(simulation.daysDone).partial-\(UUID().uuidString)"
        )
        do {
            try DurableFile.write(data, to: temporary)
            try DurableFile.rename(temporary, to: path)
            try DurableFile.sync(directory: folderPath)
        } catch {
            unlink(temporary)
            throw error
        }
        return CheckpointRecord(
            daysDone: simulation.daysDone,
            file: relative,
            bytes: data.count,
            sha256: CheckpointFile.checksum(of: data)!
        )
    }

    /// Keeps the newest `keep` checkpoints up to `daysDone` (the one just recorded among them)
    /// and deletes the older ones: first from the store, then their files, so the store never
    /// offers a file that is gone. Leftover partial files of killed writers go too.
    static func prune(store: RunStore, keep: Int, upTo daysDone: Int) throws {
        let known = Set(try store.checkpoints().map(\.daysDone)).union(filesOnDisk(in: store.directory).keys)
        let older = known.filter { $0 <= daysDone }.sorted(by: >).dropFirst(keep)
        try store.forgetCheckpoints(days: Array(older))
        for day in older { unlink((store.directory as NSString).appendingPathComponent(file(daysDone: day))) }
        let folderPath = (store.directory as NSString).appendingPathComponent(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []
        where name.contains(".partial-") {
            unlink((folderPath as NSString).appendingPathComponent(name))
        }
    }

    /// The checkpoint files in the run folder by the days done their names give.
    static func filesOnDisk(in directory: String) -> [Int: String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(
                atPath: (directory as NSString).appendingPathComponent(folder)
            )) ?? []
        var files: [Int: String] = [:]
        for name in names where name.hasPrefix("day-") && name.hasSuffix(".bin") {
            if let day = Int(name.dropFirst(4).dropLast(4)), day >= 0, file(daysDone: day) == "\(folder)/\(name)" {
                files[day] = "\(folder)/\(name)"
            }
        }
        return files
    }
}
