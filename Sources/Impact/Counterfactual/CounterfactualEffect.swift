import Foundation
import SocialCredit

/// What the system changed against its counterfactual for people's behaviours of one conduct:
/// the totals with the system and switched off, the relative change, and how sure the figure is.
/// The one place the report's findings and the key metric `contradictory_change` read the
/// comparison from, so that an interval over seeds, once runs carry one, reaches both.
public struct CounterfactualEffect: Sendable, Equatable {
    /// The behaviours compared: people's conforming or contradictory ones.
    public var conduct: Behavior.Conduct
    /// Behaviours over the run with the system, and in the counterfactual.
    public var real: Double
    public var switchedOff: Double
    /// (real − switched off) / switched off; nil when the counterfactual is 0.
    public var relative: Double?
    /// The relative change over seeds (`RunData.conductChangeInterval`): nil for a run that
    /// stores no further seeds.
    public var interval: SeedInterval?

    /// An effect from its parts.
    public init(conduct: Behavior.Conduct, real: Double, switchedOff: Double, interval: SeedInterval? = nil) {
        self.conduct = conduct
        self.real = real
        self.switchedOff = switchedOff
        self.relative = Effect.relativeChange(real: real, counterfactual: switchedOff)
        self.interval = interval
    }

    /// How sure the figure is, in words: the verdict of the interval over seeds (`SeedInterval.verdict`,
    /// the report's and `sclab compare`'s one wording), with the interval when there is one.
    public var certainty: String {
        guard let interval else { return SeedInterval(method: .paired, seeds: 1, mean: 0).verdict }
        guard let lower = interval.lower, let upper = interval.upper else { return interval.verdict }
        return
            "\(interval.verdict): \(Format.signedPercent(lower)) to \(Format.signedPercent(upper)) over \(interval.seeds) seeds"
    }
}

extension RunData {
    /// The effect on people's behaviours of one conduct, from the stored `behavior.<id>` and
    /// `counterfactual.behavior.<id>` series; nil without a counterfactual or such behaviours.
    public func counterfactualEffect(_ conduct: Behavior.Conduct) -> CounterfactualEffect? {
        let ids = scenario.behaviors.filter { $0.conduct == conduct && !$0.who.contains(.companies) }.map(\.id)
        guard ids.contains(where: { series[Counterfactual.prefix + "behavior.\($0)"] != nil }) else { return nil }
        return CounterfactualEffect(
            conduct: conduct,
            real: ids.reduce(0) { $0 + sum("behavior.\($1)") },
            switchedOff: ids.reduce(0) { $0 + sum(Counterfactual.prefix + "behavior.\($1)") }
        )
    }

    /// The effect with its interval over the run's seeds (`conductChangeInterval`), as the
    /// findings state it. Each seed's own figure is `counterfactualEffect` (the key metric
    /// `contradictory_change`), so this one is not part of a seed's outcome.
    public func counterfactualEffectOverSeeds(_ conduct: Behavior.Conduct) -> CounterfactualEffect? {
        guard var effect = counterfactualEffect(conduct) else { return nil }
        effect.interval = conductChangeInterval(conduct)
        return effect
    }
}
