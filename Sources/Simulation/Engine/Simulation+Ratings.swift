import Foundation
import RunRecords
import SocialCredit
import Society

extension Simulation {
    /// Each further rating across the subjects it rates at the month's end: how many are rated,
    /// the mean value, and the share in each tier (`rating.<id>.rated`, `rating.<id>.mean`,
    /// `rating.<id>.tier.share.<tier>`).
    func ratingMetrics() -> [MetricPoint] {
        let ratings = model.scenario.ratings
        guard !ratings.isEmpty else { return [] }
        var points: [MetricPoint] = []
        for kind in [Kind.people, .companies] {
            let indices = ratings.indices.filter { (ratings[$0].subject == .companies) == (kind == .companies) }
            guard !indices.isEmpty else { continue }
            let context = reader(kind)
            let count = kind == .people ? population.count : population.companies.count
            let model = self.model
            // Per chunk: for each rating, rated count, sum of values, count per tier.
            let partials: [[(rated: Int, sum: Int, tiers: [Int])]] = ParallelChunks(threads: config.threads)
                .mapChunks(count: count) { range in
                    indices.map { r in
                        let scale = model.ratings[r].scale
                        var tiers = [Int](repeating: 0, count: scale.tierMinimum.count)
                        var rated = 0
                        var sum = 0
                        for subject in range where context.isRated(subject, r) {
                            let value = context.ratingValue(subject, r, cleared: false)
                            rated += 1
                            sum += Int(value)
                            tiers[Int(scale.tier(value))] += 1
                        }
                        return (rated, sum, tiers)
                    }
                }
            for (k, r) in indices.enumerated() {
                var rated = 0
                var sum = 0
                var tiers = [Int](repeating: 0, count: ratings[r].scale.tiers.count)
                for partial in partials {
                    rated += partial[k].rated
                    sum += partial[k].sum
                    for t in tiers.indices { tiers[t] += partial[k].tiers[t] }
                }
                // Whole numbers summed over the shards: the same figures however the society is split.
                let summed = summedOverShards([rated, sum] + tiers)
                rated = summed[0]
                sum = summed[1]
                tiers = Array(summed[2...])
                let prefix = "rating.\(ratings[r].id)."
                points.append(MetricPoint(period: period, name: prefix + "rated", value: Double(rated)))
                points.append(
                    MetricPoint(
                        period: period,
                        name: prefix + "mean",
                        value: rated > 0 ? Double(sum) / Double(rated) : 0
                    )
                )
                for (t, tier) in ratings[r].scale.tiers.enumerated() {
                    points.append(
                        MetricPoint(
                            period: period,
                            name: prefix + "tier.share.\(tier.id)",
                            value: rated > 0 ? Double(tiers[t]) / Double(rated) : 0
                        )
                    )
                }
            }
        }
        return points
    }
}
