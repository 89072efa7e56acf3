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
    /// Seeds the figure rests on, and the interval of `relative` over them (nil with one seed).
    public var seeds: Int
    public var interval: ClosedRange<Double>?

    /// An effect from its parts.
    public init(conduct: Behavior.Conduct, real: Double, switchedOff: Double, seeds: Int = 1, interval: ClosedRange<Double>? = nil) {
        self.conduct = conduct
        self.real = real
        self.switchedOff = switchedOff
        self.relative = Effect.relativeChange(real: real, counterfactual: switchedOff)
        self.seeds = seeds
        self.interval = interval
    }

    /// How sure the figure is, in words: "one seed; no interval" for a single run; else the
    /// interval over the seeds, said to be not distinguishable from chance when it holds 0.
    public var certainty: String {
        guard let interval, seeds > 1 else { return "one seed; no interval" }
        let range = "interval \(Format.signedPercent(interval.lowerBound)) to \(Format.signedPercent(interval.upperBound)) over \(seeds) seeds"
        return interval.contains(0) ? "not distinguishable from chance: \(range)" : range
    }
}

extension RunData {
    /// The effect on people's behaviours of one conduct, from the stored `behavior.<id>` and
    /// `counterfactual.behavior.<id>` series; nil without a counterfactual or such behaviours.
    public func counterfactualEffect(_ conduct: Behavior.Conduct) -> CounterfactualEffect? {
        let ids = scenario.behaviors.filter { $0.conduct == conduct && !$0.who.contains(.companies) }.map(\.id)
        guard ids.contains(where: { series[Counterfactual.prefix + "behavior.\($0)"] != nil }) else { return nil }
        return CounterfactualEffect(conduct: conduct, real: ids.reduce(0) { $0 + sum("behavior.\($1)") },
                                    switchedOff: ids.reduce(0) { $0 + sum(Counterfactual.prefix + "behavior.\($1)") })
    }
}
