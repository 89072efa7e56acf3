/// Something a valid scenario declares that can never happen within its own period, found
/// without running it: a part never in force, a tier no score reaches, a rule,
/// measure or spillover that never acts, a list nobody enters,
/// a behaviour nobody records. `Scenario.read` reports these as warnings, so `sclab check` prints
/// them located and `sclab check --strict` fails on them.
public struct StaticWarning: Sendable, Equatable {
    /// What can never happen.
    public enum Kind: String, Sendable, CaseIterable {
        /// A source, rule, list, measure or spillover whose rollout never opens within the period.
        case neverInForce = "never_in_force"
        /// A tier that no score reaches, given the rules' deltas and caps, ratings, spillovers and
        /// the period, and that no tier ceiling that can apply names.
        case unreachableTier = "unreachable_tier"
        /// A rule, measure or spillover in force that can never take effect, or a list in force
        /// that nobody can enter.
        case neverActs = "never_acts"
        /// A behaviour that no source records within the period.
        case unrecorded
    }

    /// What can never happen.
    public var kind: Kind
    /// The key path of the part, e.g. `rules[3].rollout.phase`.
    public var path: String
    /// Where in the file, when a reference carries it; `Scenario.read` places the others by path.
    public var location: SourceLocation?
    /// What can never happen, and why.
    public var message: String
    /// How to make it happen, when one fix is likely.
    public var hint: String?

    /// A warning from its parts.
    public init(_ kind: Kind, path: String, location: SourceLocation? = nil, message: String, hint: String? = nil) {
        self.kind = kind
        self.path = path
        self.location = location
        self.message = message
        self.hint = hint
    }
}

extension Scenario {
    /// Everything this scenario declares that can never happen within its own period (`period`;
    /// a run may be given a longer one), worked out from the file alone. Conservative: a part is
    /// flagged only when no run of the period can make it act; a part that might act is never
    /// flagged. Empty for a scenario that does not compile (`read` reports its errors instead).
    public func staticWarnings() -> [StaticWarning] {
        guard let analysis = try? ScenarioAnalysis(self) else { return [] }
        return analysis.rolloutWarnings() + analysis.recordingWarnings() + analysis.tierWarnings()
            + analysis.actingWarnings()
    }
}
