/// A fixed-size column of plain values that parallel chunks write without locks.
///
/// This is the one place the simulation steps outside Swift's checked concurrency: the day loop
/// gives each chunk a disjoint range of subjects, and a chunk writes only its own subjects'
/// entries (false attribution stays within a block, and blocks never straddle chunks). Entries of
/// other subjects are read only from the monthly snapshots, which nobody writes during a day.
/// Values must be plain (no references), so the memory can be hashed and saved as bytes.
final class Column<Element>: @unchecked Sendable {
    let base: UnsafeMutablePointer<Element>
    let count: Int

    init(repeating value: Element, count: Int) {
        self.count = count
        base = StateMemory.allocate(
            byteCount: max(count, 1) * MemoryLayout<Element>.stride,
            alignment: MemoryLayout<Element>.alignment
        ).bindMemory(to: Element.self, capacity: max(count, 1))
        base.initialize(repeating: value, count: max(count, 1))
    }

    deinit {
        base.deinitialize(count: max(count, 1))
        base.deallocate()
    }

    @inline(__always)
    subscript(index: Int) -> Element {
        get { base[index] }
        set { base[index] = newValue }
    }

    /// The column's bytes, for hashing and checkpoints.
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride)
    }

    /// Overwrites the column from bytes of the same length (a checkpoint).
    func load(_ data: UnsafeRawBufferPointer) {
        UnsafeMutableRawBufferPointer(start: base, count: count * MemoryLayout<Element>.stride).copyMemory(from: data)
    }

    /// The values as an array (for tests and snapshots).
    var array: [Element] { Array(UnsafeBufferPointer(start: base, count: count)) }
}
