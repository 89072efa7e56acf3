import Foundation

/// JSON answers of one run, kept once made (as the generated API's values, with the size of
/// their JSON): a run is immutable once read, and a person's report or a decision is a pure
/// function of it, so the answer can be served again without being built again. This is what lets the server answer thousands of report and decision requests a
/// second (docs/observatory.md, README). Bounded: past `maxBytes` it starts again empty.
final class ResponseCache: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (value: any Sendable, bytes: Int)] = [:]
    private var bytes = 0
    /// Most bytes kept.
    let maxBytes: Int

    init(maxBytes: Int = 64 << 20) {
        self.maxBytes = maxBytes
    }

    /// The answer for `key`, made by `make` (and kept) if not there yet. Errors are not kept.
    func get<Value: Sendable>(_ key: String, _ make: () throws -> APIValue<Value>) rethrows -> Value {
        lock.lock()
        if let hit = entries[key]?.value as? Value {
            lock.unlock()
            return hit
        }
        lock.unlock()
        let made = try make()
        lock.lock()
        if bytes + made.bytes > maxBytes {
            entries.removeAll(keepingCapacity: true)
            bytes = 0
        }
        if entries.updateValue((made.value, made.bytes), forKey: key) == nil { bytes += made.bytes }
        lock.unlock()
        return made.value
    }
}
