/// How the subjects of a kind are cut into blocks for the state digest: blocks of `size`
/// consecutive subjects by global index, the last one possibly shorter.
///
/// The digest's definition fixes the size (`BlockDigest.cut`, 65,536); a smaller cut lets tests
/// split a small state across many blocks with the same code.
public struct BlockCut: Sendable, Equatable {
    /// Subjects per block.
    public let size: Int

    /// A cut into blocks of `size` subjects (at least 1).
    public init(size: Int) {
        precondition(size >= 1, "a block holds at least one subject")
        self.size = size
    }

    /// The number of blocks of a kind with `count` subjects.
    public func blocks(count: Int) -> Int { (count + size - 1) / size }

    /// The global indices of the subjects in block `block` of a kind with `count` subjects.
    public func subjects(ofBlock block: Int, count: Int) -> Range<Int> {
        (block * size)..<min(count, (block + 1) * size)
    }

    /// The blocks lying wholly inside `range` (global indices) of a kind with `count` subjects.
    public func wholeBlocks(in range: Range<Int>, count: Int) -> Range<Int> {
        let first = (range.lowerBound + size - 1) / size
        let end = range.upperBound >= count ? blocks(count: count) : range.upperBound / size
        return first..<max(first, end)
    }

    /// The blocks that `range` (global indices) reaches into without holding them whole: at most
    /// the block of its first subject and that of its last.
    public func partialBlocks(in range: Range<Int>, count: Int) -> [Int] {
        guard !range.isEmpty else { return [] }
        let whole = wholeBlocks(in: range, count: count)
        let ends = Set([range.lowerBound / size, (range.upperBound - 1) / size])
        return ends.sorted().filter { !whole.contains($0) }
    }
}
