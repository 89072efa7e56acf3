import MemoryHints

/// Memory for the state's records and columns: large blocks start on a 2 MB boundary and are
/// offered huge pages before they are first touched (see `sclab_advise_huge_pages`).
///
/// The day loop reads a few subjects' records at random across the whole state every day; with
/// 4 KB pages the address translations of hundreds of megabytes do not fit the processor's
/// cache of them, so most reads pay a page walk too (twice over in a virtual machine). Huge
/// pages cover the same memory with a few hundred entries. Small blocks are left as they are.
enum StateMemory {
    /// Blocks this large or larger get huge pages.
    static let hugePage = 2 << 20

    /// Uninitialised memory for `byteCount` bytes, aligned to at least `alignment`.
    static func allocate(byteCount: Int, alignment: Int) -> UnsafeMutableRawPointer {
        guard byteCount >= hugePage else {
            return UnsafeMutableRawPointer.allocate(byteCount: max(1, byteCount), alignment: alignment)
        }
        let rounded = (byteCount + hugePage - 1) / hugePage * hugePage
        let base = UnsafeMutableRawPointer.allocate(byteCount: rounded, alignment: max(alignment, hugePage))
        _ = sclab_advise_huge_pages(base, rounded)
        return base
    }
}
