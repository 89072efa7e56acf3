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
struct RateCacheEntry {
    var total: Double
    var key: UInt32

    /// No total kept (also the key of a model whose rates cannot be keyed in 32 bits).
    static let none = UInt32.max

    init(total: Double = 0, key: UInt32 = Self.none) {
        self.total = total
        self.key = key
    }
}

extension Column where Element == RateCacheEntry {
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
