/// A test on a subject's standing: on a list, in a tier range, or a score range. Gates measures,
/// list entry and spillovers.
public indirect enum Condition: Sendable, Equatable {
    /// On the list.
    case listed(Reference)
    /// In this tier or a worse one.
    case tierAtMost(Reference)
    /// In this tier or a better one.
    case tierAtLeast(Reference)
    /// Score strictly below the value.
    case scoreBelow(Int)
    /// Score at or above the value.
    case scoreAtLeast(Int)
    /// No record that lowered the score arrived in the last this many days (e.g. Suzhou's
    /// deposit-free bikes: "no bad record in 5 years").
    case cleanFor(days: Int)
    /// Every condition holds.
    case all([Condition])
    /// At least one condition holds.
    case any([Condition])
}
