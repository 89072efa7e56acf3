/// A rule's yearly cap on points (`cap_per_year`): the one implementation the decision engine and
/// the simulation both call, so that a capped record is judged the same way by both.
///
/// Room is used when the authority judges a record, in the order records arrive (recorded day,
/// then record id). An appeal that later strikes a record out returns the record's points but not
/// the room it used: the records judged after it were judged with the room that was left then,
/// and are not judged again (docs/scenario-language.md, "How the engine reads it").
public enum YearlyCap {
    /// The points a record gets under a cap, with `used` (points already used by this rule for
    /// this subject this year, in absolute value) advanced by them. A nil or negative cap is no cap.
    @inlinable
    public static func judge(_ delta: Int, cap: Int?, used: inout Int) -> Int {
        guard let cap, cap >= 0, delta != 0 else { return delta }
        let room = max(0, cap - used)
        let allowed = delta < 0 ? -min(-delta, room) : min(delta, room)
        used += abs(allowed)
        return allowed
    }
}

/// A rule's `lifetime_days`: how long a record's points (and its tier ceiling) count.
public enum RecordLifetime {
    /// The first day a record no longer counts (exclusive end), or nil when it never expires.
    /// A record that arrived on day `d` with a lifetime of `n` days counts on days d ... d+n-1;
    /// a lifetime past the end of the integer type counts as never expiring.
    @inlinable
    public static func end<T: FixedWidthInteger>(recorded: T, lifetime: T?) -> T? {
        guard let lifetime, lifetime >= 0 else { return nil }
        let (end, overflow) = recorded.addingReportingOverflow(lifetime)
        return overflow ? nil : end
    }
}

/// The `clean_days` condition: no record lowered the score in the last `days` days.
public enum CleanDays {
    /// Whether a subject whose latest negative, still-standing record arrived on `lastNegative`
    /// (nil: none) is clean on `day`: the record must be at least `days` days old.
    @inlinable
    public static func holds<T: FixedWidthInteger>(lastNegative: T?, days: T, on day: T) -> Bool {
        guard let lastNegative else { return true }
        let (since, overflow) = day.subtractingReportingOverflow(days)
        return !overflow && lastNegative <= since
    }
}

/// Tier ceilings (`tier_ceiling` on rules and spillovers): a subject's tier is the worse of the
/// tier its score gives and every ceiling in force. Each record's ceiling is held on its own,
/// from the day the record arrives until its lifetime ends or an appeal strikes it out.
public enum TierCeiling {
    /// The tier after ceilings (indices: 0 is best, larger is worse).
    @inlinable
    public static func tier<T: FixedWidthInteger>(score scoreTier: T, ceilings: some Sequence<T>) -> T {
        ceilings.reduce(scoreTier) { max($0, $1) }
    }
}
