/// Tiers that no subject can be in within the period: the score's reachable
/// range (from its initial value, by the acting rules' deltas within their yearly caps, the
/// weighted ratings and the spillover deltas) misses the tier's band, and no tier ceiling that
/// can apply names it.
extension ScenarioAnalysis {
    func tierWarnings() -> [StaticWarning] {
        var warnings: [StaticWarning] = []
        func check(_ reach: ScaleReach, path: String, what: String) {
            for (index, tier) in reach.scale.tiers.enumerated() where !reach.reaches(index) {
                let message: String
                if tier.assignedOnly {
                    message =
                        "tier '\(tier.id)' is never reached: it is assigned only, and no tier ceiling that can apply names it"
                } else {
                    message =
                        "tier '\(tier.id)' (\(band(index, of: reach.scale))) is never reached: within the period "
                        + "\(what) stay\(what.hasSuffix("s") ? "" : "s") within \(reach.low)...\(reach.high) "
                        + "(\(reach.scale.initial) initial, \(movement(reach.moved)))"
                }
                warnings.append(StaticWarning(.unreachableTier, path: "\(path).tiers[\(index)]", message: message))
            }
        }
        check(reach.people, path: "score", what: "scores")
        if let companies = reach.companies { check(companies, path: "company_score", what: "company scores") }
        for (g, rating) in scenario.ratings.enumerated() {
            check(reach.ratings[g], path: "ratings[\(g)].scale", what: "rating '\(rating.id)'")
        }
        return warnings
    }

    /// "scores 600-849", "scores from 1050", "scores below 600".
    private func band(_ index: Int, of scale: ScoreScale) -> String {
        let tier = scale.tiers[index]
        let better = scale.tiers[..<index].last { !$0.assignedOnly }
        let worst = !scale.tiers[(index + 1)...].contains { !$0.assignedOnly }
        switch (better, worst) {
        case (nil, _): return "scores from \(tier.minimum)"
        case let (better?, true): return "scores below \(better.minimum)"
        case let (better?, false): return "scores \(tier.minimum)-\(better.minimum - 1)"
        }
    }

    /// "at most 60 down and 0 up", "at most 60 down, up without bound".
    private func movement(_ moved: Movement) -> String {
        func side(_ points: Int, _ direction: String) -> String {
            points >= Movement.unbounded ? "\(direction) without bound" : "at most \(points) \(direction)"
        }
        return
            "\(side(moved.down, "down")) and \(side(moved.up, "up")) by rules within their yearly caps, ratings and spillovers"
    }
}
