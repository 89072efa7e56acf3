import MemoryHints

extension Array {
    /// Asks for the cache line holding element `index` ahead of its use (nothing past the end):
    /// month-end passes read scattered subjects' entries, each otherwise a wait for memory.
    @inline(__always) func prefetch(_ index: Int) {
        withUnsafeBufferPointer { buffer in
            if index < buffer.count, let base = buffer.baseAddress { sclab_prefetch(base + index) }
        }
    }
}
