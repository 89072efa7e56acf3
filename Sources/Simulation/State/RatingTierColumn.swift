import MemoryHints

/// Each subject's tier in every further rating at the last month end, a byte per rating (0xFF:
/// not rated), read and written as `Standing.ratings` has them: a `UInt64` of 8 bits per
/// rating whose bytes past the scenario's ratings are 0xFF.
///
/// A scenario has at most eight ratings and usually one or two, so a byte per rating rather than
/// the whole `UInt64` saves 6 or 7 bytes a subject (0.7 GB at 100 million people). Without
/// ratings the column is empty (`count` 0).
struct RatingTierColumn: Sendable {
    /// The bytes, `width` a subject.
    let column: Column<UInt8>
    /// Bytes (ratings) a subject.
    let width: Int
    /// Subjects (0 without ratings).
    let count: Int

    /// Tiers of `ratings` ratings (at most 8) for `count` subjects, none rated yet.
    init(ratings: Int, count: Int) {
        precondition((0...8).contains(ratings), "at most eight ratings fit a 64-bit word")
        width = ratings
        self.count = ratings > 0 ? count : 0
        column = Column<UInt8>(repeating: 0xFF, count: self.count * ratings)
    }

    @inline(__always)
    subscript(subject: Int) -> UInt64 {
        get {
            var tiers = UInt64.max
            withUnsafeMutableBytes(of: &tiers) {
                $0.baseAddress!.copyMemory(from: column.base + subject &* width, byteCount: width)
            }
            return tiers
        }
        nonmutating set {
            withUnsafeBytes(of: newValue.littleEndian) {
                UnsafeMutableRawPointer(column.base + subject &* width).copyMemory(
                    from: $0.baseAddress!,
                    byteCount: width
                )
            }
        }
    }

    /// Asks for the subject's tiers ahead of reading them.
    @inline(__always) func prefetch(_ subject: Int) { sclab_prefetch(column.base + subject &* width) }

    /// The column cut by subject.
    var stateColumn: StateColumn { StateColumn(bytes: column.bytes, rowStride: width) }
}
