import Foundation
import RunRecords
import Simulation
import SocialCredit

/// A rate in a group: how many of its people had an outcome (docs/metrics.md, "Rates").
public struct GroupRate: Sendable, Codable, Equatable {
    /// The group's name ("1", "urban", "Shandong").
    public var group: String
    /// People with the outcome.
    public var count: Int
    /// People in the group.
    public var people: Int

    /// A rate from its counts.
    public init(group: String, count: Int, people: Int) {
        self.group = group
        self.count = count
        self.people = people
    }

    /// count / people; nil for an empty group.
    public var rate: Double? { people > 0 ? Double(count) / Double(people) : nil }
}

/// Whether an outcome is a burden (a sanction: the most favoured group has the lowest rate) or
/// a benefit (a reward: the most favoured group has the highest rate).
public enum Outcome: String, Sendable, Codable {
    case burden, benefit
}

/// Disparate impact (docs/metrics.md): each group's rate over the rate of the most favoured
/// group, the form of the "four-fifths rule" of US employment law applied to a social credit
/// system's sanctions and rewards.
public enum DisparateImpact {
    /// The most favoured group's rate: the lowest positive rate of a burden, the highest rate of
    /// a benefit, over the groups with people. A burden's rate of 0 is passed over, since a ratio
    /// against 0 is infinite and says nothing (children cannot be sanctioned; a small province may
    /// see no sanction at all): those groups get a ratio of 0. Nil when no rate is positive.
    public static func reference(_ rates: [GroupRate], outcome: Outcome) -> Double? {
        let known = rates.compactMap(\.rate).filter { $0 > 0 }
        return outcome == .burden ? known.min() : known.max()
    }

    /// Each group's ratio rate / reference rate, in the order given: 1 for the most favoured
    /// group, above 1 for groups more burdened, below 1 for groups less rewarded. Nil for a group
    /// with no people, and for every group when no group has a positive rate.
    public static func ratios(_ rates: [GroupRate], outcome: Outcome) -> [Double?] {
        guard let reference = reference(rates, outcome: outcome) else { return rates.map { _ in nil } }
        return rates.map { $0.rate.map { $0 / reference } }
    }
}

/// Differences between a run and its counterfactual, and other plain ratios (docs/metrics.md).
public enum Effect {
    /// (real − counterfactual) / counterfactual: the relative change the system caused; nil
    /// when the counterfactual is 0.
    public static func relativeChange(real: Double, counterfactual: Double) -> Double? {
        counterfactual != 0 ? (real - counterfactual) / counterfactual : nil
    }

    /// part / whole, nil when the whole is 0.
    public static func share(_ part: Double, of whole: Double) -> Double? {
        whole != 0 ? part / whole : nil
    }

    /// Events per 1,000 people per year: count × 1000 / (people × days / 365.25).
    public static func perThousandPerYear(_ count: Double, people: Int, days: Int) -> Double? {
        guard people > 0, days > 0 else { return nil }
        return count * 1000 / (Double(people) * Double(days) / 365.25)
    }
}
