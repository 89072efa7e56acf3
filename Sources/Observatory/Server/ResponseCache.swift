import Foundation
import Hummingbird

/// Encoded JSON answers of one run, kept once made: a run is immutable once read, and a
/// person's report or a decision is a pure function of it, so the bytes can be served again
/// as they are. This is what lets the server answer thousands of report and decision requests a
/// second (docs/observatory.md, README). Bounded: past `maxBytes` it starts again empty.
final class ResponseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: ByteBuffer] = [:]
    private var bytes = 0
    /// Most bytes kept.
    let maxBytes: Int

    init(maxBytes: Int = 64 << 20) {
        self.maxBytes = maxBytes
    }

    /// The bytes for `key`, made by `make` (and kept) if not there yet. Errors are not kept.
    func get(_ key: String, _ make: () throws -> ByteBuffer) rethrows -> ByteBuffer {
        lock.lock()
        if let hit = entries[key] {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let made = try make()
        lock.lock()
        if bytes + made.readableBytes > maxBytes {
            entries.removeAll(keepingCapacity: true)
            bytes = 0
        }
        if entries.updateValue(made, forKey: key) == nil { bytes += made.readableBytes }
        lock.unlock()
        return made
    }
}
