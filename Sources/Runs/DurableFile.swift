import Foundation

/// Writes that survive a killed process and a lost machine: data synced to disk before it is
/// renamed into place, and the folder synced after, so the new name is on disk too.
enum DurableFile {
    /// Writes `data` to a new file at `path` (which must not exist) and syncs it.
    static func write(_ data: Data, to path: String) throws {
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create", path) }
        defer { close(descriptor) }
        try data.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let written = Foundation.write(descriptor, raw.baseAddress! + offset, raw.count - offset)
                if written < 0 && errno == EINTR { continue }
                guard written > 0 else { throw failure("cannot write", path) }
                offset += written
            }
        }
        guard fsync(descriptor) == 0 else { throw failure("cannot sync", path) }
    }

    /// Renames `source` to `target`, replacing it in one step.
    static func rename(_ source: String, to target: String) throws {
        guard Foundation.rename(source, target) == 0 else { throw failure("cannot rename \(source) to", target) }
    }

    /// Syncs a folder, so that names created or renamed in it are on disk.
    static func sync(directory: String) throws {
        let descriptor = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard descriptor >= 0 else { throw failure("cannot open folder", directory) }
        defer { close(descriptor) }
        guard fsync(descriptor) == 0 else { throw failure("cannot sync folder", directory) }
    }

    /// An error saying what failed on which path, with the system's reason.
    private static func failure(_ what: String, _ path: String) -> RunError {
        RunError("\(path): \(what): \(String(cString: strerror(errno)))")
    }
}
