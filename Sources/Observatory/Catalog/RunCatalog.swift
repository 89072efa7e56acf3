import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// The runs folder the server shows, and the runs read from it.
///
/// A run id in a URL is only ever compared with the names this catalog lists: the folder is
/// listed, each entry must be a plain name (letters, digits, `.`, `_`, `-`, no leading dot, at
/// most 128 characters) that is a folder holding `run.sqlite`, and a request's id must be one of
/// them. No text from a request is ever joined to a path.
public final class RunCatalog: @unchecked Sendable {
    /// The runs folder.
    public let root: String
    private let generator = Lazy { try PopulationGenerator() }
    private let lock = NSLock()
    private var views: [String: Cached] = [:]

    private struct Cached {
        var view: RunView
        var stamp: FileStamp
        /// When the file was last looked at (a finished run is looked at again after a while,
        /// in case it was replaced; a run still being written at every request).
        var checked: Date
    }

    /// Seconds between looks at a finished run's file.
    private static let recheck: TimeInterval = 2

    /// A catalog of the runs in `root` (a missing folder simply has no runs).
    public init(root: String) {
        self.root = root
    }

    /// The ids of the runs in the folder, sorted, newest name last.
    public func runIDs() -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? []
        return names.filter { Self.isPlainName($0) && staysInside($0) && FileStamp(of: databasePath($0)) != nil }
            .sorted()
    }

    /// Whether the entry `name` is a folder of the runs folder itself: a symbolic link is
    /// followed only when it leads to a folder inside the runs folder, so that no link can serve
    /// a run (or any file) from elsewhere on the machine.
    private func staysInside(_ name: String) -> Bool {
        let path = (root as NSString).appendingPathComponent(name)
        guard let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType else {
            return false
        }
        guard type == .typeSymbolicLink else { return true }
        let inside = URL(fileURLWithPath: root).resolvingSymlinksInPath().path + "/"
        return URL(fileURLWithPath: path).resolvingSymlinksInPath().path.hasPrefix(inside)
    }

    /// The run with this id, read on first use and again whenever its database changes (a run
    /// still being written).
    /// - Throws: `ObservatoryError.notFound` for an id that is not a run in the folder;
    ///   `.unavailable` when the run cannot be read (damaged, newer schema).
    func run(_ id: String) throws -> RunView {
        guard Self.isPlainName(id) else { throw ObservatoryError.notFound("no run '\(clip(id))' in \(root)") }
        let now = Date()
        lock.lock()
        let cached = views[id]
        lock.unlock()
        if let cached, cached.view.data.progress.finished, now.timeIntervalSince(cached.checked) < Self.recheck {
            return cached.view
        }
        let path = databasePath(id)
        guard let stamp = FileStamp(of: path) else {
            throw ObservatoryError.notFound("no run '\(clip(id))' in \(root)")
        }
        if var cached, cached.stamp == stamp {
            cached.checked = now
            lock.lock()
            views[id] = cached
            lock.unlock()
            return cached.view
        }
        // Listed by the folder, so the id names a folder of the catalog and nothing else.
        guard runIDs().contains(id) else { throw ObservatoryError.notFound("no run '\(clip(id))' in \(root)") }
        let view: RunView
        do {
            view = try RunView(id: id, directory: (root as NSString).appendingPathComponent(id), generator: generator)
        } catch {
            throw ObservatoryError.unavailable("run '\(id)' cannot be read: \(error)")
        }
        lock.lock()
        views[id] = Cached(view: view, stamp: stamp, checked: now)
        lock.unlock()
        return view
    }

    private func databasePath(_ id: String) -> String {
        ((root as NSString).appendingPathComponent(id) as NSString).appendingPathComponent(RunStore.databaseFileName)
    }

    /// Whether a name can be a run id: 1 to 128 of letters, digits, `.`, `_` and `-`, not starting
    /// with a dot (so never `.` or `..`, never hidden files).
    static func isPlainName(_ name: String) -> Bool {
        guard (1...128).contains(name.utf8.count), name.first != "." else { return false }
        return name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
    }
}

/// When a run database (and its write-ahead log) last changed, so a run still being written is
/// read again and a finished one never is.
struct FileStamp: Equatable {
    var modified: Date
    var size: UInt64
    var logModified: Date?

    init?(of path: String) {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
            attributes[.type] as? FileAttributeType == .typeRegular,
            let modified = attributes[.modificationDate] as? Date
        else { return nil }
        self.modified = modified
        size = (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        logModified = (try? FileManager.default.attributesOfItem(atPath: path + "-wal"))?[.modificationDate] as? Date
    }
}

/// Text from a request cut to a length fit for an error message.
func clip(_ text: String, _ limit: Int = 64) -> String {
    text.count <= limit ? text : String(text.prefix(limit)) + "…"
}
