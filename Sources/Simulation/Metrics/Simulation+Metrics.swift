import Foundation
import RunRecords
import SocialCredit
import Society

/// The monthly metrics: the month's counters, and figures over everyone's standing.
extension Simulation {
    /// The current month as "YYYY-MM".
    var period: String {
        let (y, m, _) = today.components
        return "\(y)-\(m < 10 ? "0" : "")\(m)"
    }

    /// The month's counters (summed over the shards) as metric points.
    func counterMetrics() -> [MetricPoint] {
        let s = model.scenario
        let month = summedOverShards(self.month)
        var points: [MetricPoint] = []
        func add(_ name: String, _ value: Int) {
            points.append(MetricPoint(period: period, name: name, value: Double(value)))
        }
        for (b, behavior) in s.behaviors.enumerated() { add("behavior.\(behavior.id)", month.behaviors[b]) }
        for (i, source) in s.sources.enumerated() {
            add("records.source.\(source.id)", month.records[i])
            add("records.source_false.\(source.id)", month.falseBySource[i])
        }
        add("records.total", month.records.reduce(0, +))
        add("records.false", month.falseRecords)
        add("records.judged_otherwise", month.judgedOtherwise)
        add("records.expired", month.expired)
        add("points.added", month.pointsAdded)
        add("points.deducted", month.pointsDeducted)
        for (l, list) in s.lists.enumerated() {
            add("list.entries.\(list.id)", month.listEntries[l])
            add("list.removals.\(list.id)", month.listRemovals[l])
        }
        add("list.entries_false", month.wrongfulListings)
        for (a, action) in s.actions.enumerated() {
            add("attempts.\(action.id)", month.attempts[a])
            add("blocked.\(action.id)", month.blocked[a])
            add("blocked_wrongly.\(action.id)", month.wrongfulBlocked[a])
            add("rewards.\(action.id)", month.rewards[a])
        }
        for (m, measure) in s.measures.enumerated() where measure.kind == .reward {
            add("rewards.measure.\(measure.id)", month.grants[m])
            // The benefit granted, in the measure's unit (a count of grants times its size).
            if let benefit = measure.benefit {
                points.append(
                    MetricPoint(period: period, name: "benefit.\(measure.id)", value: Double(month.grants[m]) * benefit)
                )
            }
        }
        add("blocked.total", month.blocked.reduce(0, +))
        add("blocked_wrongly.total", month.wrongfulBlocked.reduce(0, +))
        add("rewards.total", month.rewards.reduce(0, +))
        add("appeals.filed", month.appealsFiled)
        add("appeals.filed_false", month.appealsFiledFalse)
        add("appeals.overturned", month.appealsOverturned)
        add("appeals.overturned_false", month.appealsOverturnedFalse)
        add("appeals.filed_added", month.appealsFiledAdded)
        add("appeals.overturned_added", month.appealsOverturnedAdded)
        return points
    }

    /// Scores, tiers, lists and notices across everyone at the month's end. Companies without a
    /// `company_score` have no score figures, but their lists are counted all the same. The
    /// standing figures come first (people, then companies), then the notice figures
    /// (`noticePoints`).
    func standingMetrics(_ figures: [Kind: MonthFigures]) -> [MetricPoint] {
        var points: [MetricPoint] = []
        var notices: [MetricPoint] = []
        for kind in [Kind.people, .companies] {
            guard let figures = figures[kind] else { continue }
            if let standing = figures.standing { points += standingPoints(kind, standing) }
            if let counts = figures.notices { notices += noticePoints(kind, counts, wrongly: figures.wrongly) }
        }
        return points + notices
    }

    /// The standing figures of a kind from its counts: how many are scored, the mean score, the
    /// share in each tier, the score's histogram, and each list's size.
    func standingPoints(_ kind: Kind, _ total: StandingTally) -> [MetricPoint] {
        var points: [MetricPoint] = []
        let prefix = kind == .people ? "" : "company."
        let scale = model.policy.scale(for: kind == .people ? .people : .companies)
        let scored = total.scored
        func add(_ name: String, _ value: Double) {
            points.append(MetricPoint(period: period, name: prefix + name, value: value))
        }
        if let scale {
            let width = StandingTally.binWidth(minimum: scale.minimum, maximum: scale.maximum)
            add("scored", Double(scored))
            add("score.mean", scored > 0 ? Double(total.sum) / Double(scored) : 0)
            for (t, tier) in scale.tiers.enumerated() {
                add("tier.share.\(tier.id)", scored > 0 ? Double(total.tiers[t]) / Double(scored) : 0)
            }
            for (i, count) in total.bins.enumerated() {
                add("score.bin.\(scale.minimum + i * width)", Double(count))
            }
        }
        for (l, list) in model.scenario.lists.enumerated() where model.listCompanies[l] == (kind == .companies) {
            add("list.size.\(list.id)", Double(total.lists[l]))
        }
        return points
    }

    /// Whether any notice reaches subjects of the kind: a notice measure, or a published list.
    func givesNotices(_ kind: SubjectKind) -> Bool {
        model.scenario.measures.contains { $0.kind == .notice && $0.subject == kind }
            || model.scenario.lists.contains { $0.published && $0.subject == kind }
    }

    /// People on a list because of a false record, and people and companies with each notice
    /// in force (`Policy.notices`, the rule the engine's credit reports use), at the month's end.
    func noticePoints(_ kind: Kind, _ counts: [Int], wrongly: Int) -> [MetricPoint] {
        var points: [MetricPoint] = []
        let isPeople = kind == .people
        let gives = givesNotices(isPeople ? .people : .companies)
        if isPeople {
            points.append(MetricPoint(period: period, name: "list.wrongly_listed", value: Double(wrongly)))
        }
        if gives {
            let prefix = isPeople ? "" : "company."
            for (k, channel) in model.policy.noticeChannels.enumerated() {
                points.append(
                    MetricPoint(period: period, name: prefix + "notices.\(channel)", value: Double(counts[k]))
                )
            }
        }
        return points
    }
}

/// A kind's month-end figures: the standing figures' counts and the notices' (nil where the
/// kind has none), and the people on a list because of a false record.
struct MonthFigures: Sendable {
    var standing: StandingTally?
    var notices: [Int]?
    var wrongly: Int
    /// The shard's entries and removals of condition-filled lists.
    var listChanges: ListChanges
}

/// A histogram bin width with its division done by a multiplication: the month's figures put
/// every touched subject's score in a bin, and the processor's division was a tenth of that pass.
struct BinWidth: Sendable {
    /// ceil(2^64 / width) (0 for a width of 1): for any n below 2^32, n / width is the high
    /// 64 bits of multiplier x n (Lemire, Kaser and Kurz, "Faster remainder by direct
    /// computation", 2019, theorem 1).
    let multiplier: UInt64

    /// A width of at least 1 and below 2^32.
    init(_ width: Int) {
        precondition(width >= 1 && width < 1 << 32, "a bin width from 1 to 2^32 - 1")
        multiplier = width == 1 ? 0 : UInt64.max / UInt64(width) &+ 1
    }

    /// The bin of a score `offset` from the scale's minimum (bin 0 below it): offset / width.
    @inline(__always) func bin(_ offset: Int) -> Int {
        let n = UInt64(truncatingIfNeeded: min(max(0, offset), Int(UInt32.max)))
        return multiplier == 0 ? Int(n) : Int(multiplier.multipliedFullWidth(by: n).high)
    }
}

/// Counts of one chunk of standings, for the monthly metrics.
struct StandingTally: Sendable {
    var tiers: [Int]
    var lists: [Int]
    var bins = [Int](repeating: 0, count: StandingTally.binCount)
    var scored = 0
    /// The sum of scores: whole numbers, so the sum is the same in any order of shards and chunks.
    var sum = 0

    /// The score histogram's bins: the scale cut in twenty.
    static let binCount = 20

    /// The width of a histogram bin on a scale from `minimum` to `maximum` (at least 1), so that
    /// `binCount` bins cover it; the last bin takes the rest.
    static func binWidth(minimum: Int, maximum: Int) -> Int {
        max(1, (maximum - minimum + binCount - 1) / binCount)
    }

    init(tiers: Int, lists: Int) {
        self.tiers = [Int](repeating: 0, count: tiers)
        self.lists = [Int](repeating: 0, count: lists)
    }

    /// Counts `n` subjects with month-end standing `s` on a scale starting at `minimum`, in
    /// histogram bins `width` wide.
    @inline(__always) mutating func add(_ s: StandingSnapshot, _ n: Int, minimum: Int, width: BinWidth) {
        if s.tier != 0xFF {
            tiers[Int(s.tier)] += n
            scored += n
            sum += Int(s.score) * n
            bins[min(StandingTally.binCount - 1, width.bin(Int(s.score) - minimum))] += n
        }
        var lists = s.lists
        while lists != 0 {
            self.lists[lists.trailingZeroBitCount] += n
            lists &= lists &- 1
        }
    }

    /// Counts `n` subjects with each notice of the mask `notices` (bits by channel).
    @inline(__always) static func add(notices: UInt64, _ n: Int, to counts: inout [Int]) {
        var notices = notices
        while notices != 0 {
            counts[notices.trailingZeroBitCount] += n
            notices &= notices &- 1
        }
    }

    mutating func add(_ other: StandingTally) {
        for i in tiers.indices { tiers[i] += other.tiers[i] }
        for i in lists.indices { lists[i] += other.lists[i] }
        for i in bins.indices { bins[i] += other.bins[i] }
        scored += other.scored
        sum += other.sum
    }

    /// Every count in a fixed order (tiers, lists, bins, scored, sum), to be summed over shards.
    var flat: [Int] { tiers + lists + bins + [scored, sum] }

    /// A tally of the same shape as `shape` from counts in `flat`'s order.
    init(_ flat: [Int], like shape: StandingTally) {
        precondition(flat.count == shape.flat.count, "a tally's counts keep their shape")
        let t = shape.tiers.count
        let l = shape.lists.count
        let b = shape.bins.count
        tiers = Array(flat[0..<t])
        lists = Array(flat[t..<(t + l)])
        bins = Array(flat[(t + l)..<(t + l + b)])
        scored = flat[t + l + b]
        sum = flat[t + l + b + 1]
    }
}
