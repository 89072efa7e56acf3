import MemoryHints

/// Each subject's total behaviour rate when it was last worked out in full, with what it was
/// worked out from, so a behaviour event whose subject's rates are unchanged draws from it.
///
/// At a behaviour event the next day is drawn from the total of the subject's behaviour rates,
/// and which behaviour it was from a draw below that total. Working out every rate for the total
/// (twenty or more behaviours) cost more than anything else an event does; with the total at
/// hand, the behaviour is found by working out rates most frequent first until the draw falls
/// in one, usually after two or three.
///
/// A total depends on the subject's constants (province, propensities, sector), on the day's
/// monitoring factors, and on three things that change: the row of the rate table (sex,
/// residence, income and age), the groups the subject is in (ages again, parenthood) and the
/// responses about it in effect. Those three are kept packed in `key` (`EventContext.rateKey`):
/// a total is used only while they are the same. On a day monitoring changes in a province, its
/// subjects' totals are forgotten before the day's first event (`Simulation.step`); a new model
/// (a policy switch) or restored state clears every entry. The cache is derived: not hashed,
/// not saved.
///
/// An entry is 12 bytes, the total's bits kept as two 32-bit halves so that nothing pads it to
/// 16 (0.4 GB less at 100 million people); one entry in sixteen then spans two cache lines.
struct RateCacheEntry {
    private var low: UInt32
    private var high: UInt32
    var key: UInt32

    /// No total kept (also the key of a model whose rates cannot be keyed in 32 bits).
    static let none = UInt32.max

    init(total: Double = 0, key: UInt32 = Self.none) {
        low = UInt32(truncatingIfNeeded: total.bitPattern)
        high = UInt32(truncatingIfNeeded: total.bitPattern >> 32)
        self.key = key
    }

    /// The total rate as it was worked out, bit for bit.
    var total: Double { Double(bitPattern: UInt64(high) << 32 | UInt64(low)) }
}

extension Column where Element == RateCacheEntry {
    /// Asks for a subject's entry ahead of its event: both its ends, since one entry in sixteen
    /// spans two cache lines (the second ask is for a line already asked for, otherwise).
    @inline(__always) func prefetch(_ subject: Int) {
        let entry = UnsafeRawPointer(base + subject)
        sclab_prefetch(entry)
        sclab_prefetch(entry + MemoryLayout<RateCacheEntry>.size - 1)
    }

    /// Forgets every total.
    func clear() {
        for subject in 0..<count { base[subject].key = RateCacheEntry.none }
    }
}

extension Simulation {
    /// Forgets every subject's kept total (a new model, or state restored from a checkpoint).
    func clearRateCaches() {
        people.rateCache.clear()
        companies.rateCache.clear()
    }
}

extension EventContext {
    /// Forgets the kept totals of the subjects of `range` who live in `provinces` (a bit each).
    func forgetRateTotals(_ range: Range<Int>, provinces: UInt64) {
        for subject in range where provinces & (1 << UInt64(province(subject))) != 0 {
            state.rateCache[subject].key = RateCacheEntry.none
        }
    }
}
