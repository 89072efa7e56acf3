import Foundation
import RunRecords
import RunStore
import Simulation

/// Checkpoint files of a run: `DIR/checkpoints/day-N.bin`, each `CheckpointFile`'s header (run
/// identity, length, SHA-256) in front of the state, written whole and durable or not at all,
/// recorded in the run store, the older ones deleted once a newer one is recorded.
///
/// A run sharded over K ranks checkpoints every rank's shard at the same month end, in
/// `DIR/checkpoints/day-N.rank-R-of-K.bin` (`ShardPlace`); the store records rank 0's file, and
/// each file's header holds its own checksum and the run's identity with the rank and K.
public enum Checkpoints {
    /// The folder inside a run folder.
    static let folder = "checkpoints"
    /// Checkpoints kept by default: the latest, and the one before in case the latest is damaged.
    public static let defaultKeep = 2
    /// What `--keep-checkpoints` accepts (a bound, not a need: each checkpoint is the whole state).
    public static let keepRange = 1...1_000

    /// The file of the checkpoint taken `daysDone` days in, relative to the run folder (of the
    /// shard `place` of a sharded run).
    static func file(daysDone: Int, place: ShardPlace = .whole) -> String {
        "\(folder)/day-\(daysDone)\(place.suffix).bin"
    }

    /// What fixes a run's state (scenario text, population, seed, first and last day, and a
    /// branch's baseline scenario and date), hashed:
    /// a checkpoint of any other run is refused. Threads and tracing change no state, so a run
    /// resumed with other threads or more people traced reads its checkpoints.
    static func identity(of info: RunInfo, place: ShardPlace = .whole) -> [UInt8] {
        var run = [info.scenarioText, String(info.population), String(info.seed), info.start, info.end]
        // A branch's state is of its baseline's scenario before its date too.
        if let branch = info.branch { run += ["branch", branch.baselineText, branch.date] }
        // A shard's file is of its rank and K too, so that no rank restores another's shard.
        return CheckpointFile.identity(of: place.ranks > 1 ? run + [String(place.rank), String(place.ranks)] : run)
    }

    /// Writes the simulation's state durably: to a temporary name, synced, renamed into place,
    /// the folder synced, so a killed process or a lost machine leaves the previous file or the
    /// whole new one. Returns the record to store with the period.
    static func write(
        _ simulation: Simulation,
        info: RunInfo,
        in directory: String,
        place: ShardPlace = .whole
    ) throws -> CheckpointRecord {
        let folderPath = (directory as NSString).appendingPathComponent(folder)
        try FileManager.default.createDirectory(atPath: folderPath, withIntermediateDirectories: true)
        let relative = file(daysDone: simulation.daysDone, place: place)
        let path = (directory as NSString).appendingPathComponent(relative)
        let data = CheckpointFile.seal(
            simulation.checkpointData(),
            identity: identity(of: info, place: place),
            daysDone: simulation.daysDone
        )
        let temporary = (folderPath as NSString).appendingPathComponent(
            ".day-\(simulation.daysDone)\(place.suffix).partial-\(UUID().uuidString)"
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
    /// A rank of a sharded run other than 0 (no store) prunes its own files the same way.
    static func prune(
        store: RunStore?,
        directory: String,
        keep: Int,
        upTo daysDone: Int,
        place: ShardPlace = .whole
    )
        throws
    {
        var known = Set(filesOnDisk(in: directory, place: place).keys)
        if let store { known.formUnion(try store.checkpoints().map(\.daysDone)) }
        let older = known.filter { $0 <= daysDone }.sorted(by: >).dropFirst(keep)
        try store?.forgetCheckpoints(days: Array(older))
        for day in older { unlink((directory as NSString).appendingPathComponent(file(daysDone: day, place: place))) }
        let folderPath = (directory as NSString).appendingPathComponent(folder)
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folderPath)) ?? []
        where name.contains(".partial-") && place.owns(partial: name) {
            unlink((folderPath as NSString).appendingPathComponent(name))
        }
    }

    /// The checkpoint files in the run folder by the days done their names give (the shard
    /// `place`'s files, of a sharded run).
    static func filesOnDisk(in directory: String, place: ShardPlace = .whole) -> [Int: String] {
        let names =
            (try? FileManager.default.contentsOfDirectory(
                atPath: (directory as NSString).appendingPathComponent(folder)
            )) ?? []
        var files: [Int: String] = [:]
        let tail = place.suffix + ".bin"
        for name in names where name.hasPrefix("day-") && name.hasSuffix(tail) {
            if let day = Int(name.dropFirst(4).dropLast(tail.count)), day >= 0,
                file(daysDone: day, place: place) == "\(folder)/\(name)"
            {
                files[day] = "\(folder)/\(name)"
            }
        }
        return files
    }

    /// The numbers of ranks whose shard checkpoints lie in the run folder (from rank 0's file
    /// names), for telling a user which K a run must be resumed with.
    static func shardCounts(in directory: String) -> Set<Int> {
        let names =
            (try? FileManager.default.contentsOfDirectory(
                atPath: (directory as NSString).appendingPathComponent(folder)
            )) ?? []
        var counts = Set<Int>()
        for name in names where name.hasPrefix("day-") && name.hasSuffix(".bin") {
            guard let range = name.range(of: ".rank-0-of-") else {
                if !name.contains(".rank-") { counts.insert(1) }
                continue
            }
            if let k = Int(name[range.upperBound...].dropLast(4)) { counts.insert(k) }
        }
        return counts
    }
}

/// Which shard's checkpoint a file holds: rank R of K ranks (`.whole`, rank 0 of 1, for a run in
/// one process, whose files keep their plain names).
public struct ShardPlace: Sendable, Equatable {
    /// The rank, from 0.
    public let rank: Int
    /// How many ranks run the society.
    public let ranks: Int

    /// A place from its parts.
    public init(rank: Int, ranks: Int) {
        self.rank = rank
        self.ranks = ranks
    }

    /// A run in one process.
    public static let whole = ShardPlace(rank: 0, ranks: 1)

    /// What follows `day-N` in a file's name: nothing for a whole run, `.rank-R-of-K` for a shard.
    var suffix: String { ranks > 1 ? ".rank-\(rank)-of-\(ranks)" : "" }

    /// Whether a leftover partial file is this place's to delete (never another rank's, which
    /// may be writing it).
    func owns(partial name: String) -> Bool {
        ranks > 1 ? name.contains(suffix + ".partial-") : !name.contains(".rank-")
    }
}
