/// Answers of a month-end rule already worked out in one chunk of a pass, kept by what they
/// were worked out from, so that the many touched subjects who share a standing (the same
/// score, tier and lists) are answered once: which notices a subject gets
/// (`MonthFigurePass`), which spillover tests a person meets (`Simulation.linkBits`).
///
/// Both answers depend only on the standing as a month-end snapshot keeps it, the rating tiers
/// and, for notices, the province; and on the day of the last negative record only where some
/// condition counts clean days. A few hundred distinct keys cover most touched subjects of a
/// month (their scores cluster a few records below the initial score), where a memory of the
/// last answer alone caught only neighbours in the same standing. The table is direct-mapped:
/// a key that lands on an occupied slot replaces it, so its size only decides how often an
/// answer is worked out again, never what it is.
struct StandingMemo {
    private struct Entry {
        var snapshot = StandingSnapshot()
        var ratings: UInt64 = 0
        var province: Int32 = -1
        var answer: UInt64 = 0
    }

    /// Slots (a power of two).
    static let size = 1024

    private var entries = [Entry](repeating: Entry(), count: Self.size)
    /// Whether the last negative day is part of the key (a condition counts clean days).
    private let keepsLastNegative: Bool

    /// An empty memory; `cleanDays` says whether any condition counts clean days.
    init(cleanDays: Bool) { keepsLastNegative = cleanDays }

    /// The answer for a subject with snapshot `s` and rating tiers `ratings` in province `p`
    /// (0 for a rule that does not read it): the kept answer for the same key, else `work()`'s,
    /// kept.
    @inline(__always) mutating func answer(
        _ s: StandingSnapshot,
        _ ratings: UInt64,
        _ p: Int,
        work: () -> UInt64
    ) -> UInt64 {
        var key = s
        if !keepsLastNegative { key.lastNegativeDay = Int16.min }
        let province = Int32(truncatingIfNeeded: p)
        let slot = Self.slot(key, ratings, province)
        let entry = entries[slot]
        if entry.province == province && entry.snapshot == key && entry.ratings == ratings { return entry.answer }
        let answer = work()
        entries[slot] = Entry(snapshot: key, ratings: ratings, province: province, answer: answer)
        return answer
    }

    /// Where a key is kept: its fields mixed by a multiply and shift.
    @inline(__always) private static func slot(_ s: StandingSnapshot, _ ratings: UInt64, _ province: Int32) -> Int {
        var h = UInt64(UInt32(bitPattern: s.score)) | UInt64(s.tier) << 32 | UInt64(s.lists) << 40
        h ^= UInt64(UInt16(bitPattern: s.lastNegativeDay)) << 48
        h ^= ratings &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(UInt32(bitPattern: province)) << 20
        h = (h ^ h >> 29) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: h >> 54) & (size - 1)
    }
}
