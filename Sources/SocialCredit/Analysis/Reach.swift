/// Which lists can be entered and which spillovers can act within the period, and the scores and
/// tiers that allows. Lists and spillovers test standings that spillovers move, so this is the
/// least fixpoint: start from nothing, add what the current answer makes possible, until nothing
/// changes. Every step only over-approximates, so anything a run does is inside the answer.
struct Reach {
    let scenario: Scenario
    /// Per list: whether someone can be on it within the period.
    let entered: [Bool]
    /// Per spillover: whether it can reach someone within the period.
    let spilloversAct: [Bool]
    /// People's score, companies' score (when they are scored) and each rating.
    let people: ScaleReach
    let companies: ScaleReach?
    let ratings: [ScaleReach]

    /// The least fixpoint for a scenario whose rules act on the days given.
    static func fixpoint(
        scenario: Scenario,
        ruleActs: [ClosedRange<Day>?],
        listOpen: [ClosedRange<Day>?],
        spilloverOpen: [ClosedRange<Day>?]
    ) -> Reach {
        var reach = Reach(
            scenario,
            ruleActs: ruleActs,
            entered: scenario.lists.map { _ in false },
            spilloversAct: scenario.spillovers.map { _ in false }
        )
        while true {
            let entered = scenario.lists.indices.map { reach.canEnter($0, open: listOpen[$0], ruleActs: ruleActs) }
            let acting = scenario.spillovers.indices.map {
                spilloverOpen[$0] != nil && reach.spilloverObstacles($0).isEmpty
            }
            if entered == reach.entered && acting == reach.spilloversAct { return reach }
            reach = Reach(scenario, ruleActs: ruleActs, entered: entered, spilloversAct: acting)
        }
    }

    private init(_ scenario: Scenario, ruleActs: [ClosedRange<Day>?], entered: [Bool], spilloversAct: [Bool]) {
        self.scenario = scenario
        self.entered = entered
        self.spilloversAct = spilloversAct
        func kind(_ rule: Rule) -> SubjectKind { scenario.subject(ofBehavior: rule.behavior.id) }
        func movement(_ included: (Rule) -> Bool) -> Movement {
            var moved = Movement()
            for (index, rule) in scenario.rules.enumerated() where included(rule) {
                moved.add(rule.delta, bound: Movement.points(rule, acting: ruleActs[index]))
            }
            return moved
        }
        ratings = scenario.ratings.map { rating in
            ScaleReach(scale: rating.scale, moved: movement { $0.rating?.id == rating.id }, ceilings: [])
        }
        let ratingReach = ratings
        func main(_ subject: SubjectKind, _ scale: ScoreScale) -> ScaleReach {
            var moved = movement { $0.rating == nil && kind($0) == subject }
            var ceilings = Set<Int>()
            for (index, rule) in scenario.rules.enumerated() where ruleActs[index] != nil && kind(rule) == subject {
                if let tier = rule.tierCeiling, let t = scale.tiers.firstIndex(where: { $0.id == tier.id }) {
                    ceilings.insert(t)
                }
            }
            for (g, rating) in scenario.ratings.enumerated()
            where rating.subject == subject && rating.scoreWeight != nil {
                let low = rating.scoreContribution(ratingDelta: ratingReach[g].low - rating.scale.initial)
                let high = rating.scoreContribution(ratingDelta: ratingReach[g].high - rating.scale.initial)
                moved.add(min(low, high), bound: abs(min(low, high)))
                moved.add(max(low, high), bound: abs(max(low, high)))
            }
            if subject == .people {
                for (index, spillover) in scenario.spillovers.enumerated() where spilloversAct[index] {
                    switch spillover.effect {
                    case let .delta(points): moved.add(points, bound: abs(points))
                    case let .tierCeiling(tier):
                        if let t = scale.tiers.firstIndex(where: { $0.id == tier.id }) { ceilings.insert(t) }
                    case .block, .reward: break
                    }
                }
            }
            return ScaleReach(scale: scale, moved: moved, ceilings: ceilings)
        }
        people = main(.people, scenario.score)
        companies = scenario.companyScore.map { main(.companies, $0) }
    }

    /// Whether someone can be on list `index` within the period: it is in force, and its entry
    /// condition can hold, or a rule that lists on it acts while it is in force.
    func canEnter(_ index: Int, open: ClosedRange<Day>?, ruleActs: [ClosedRange<Day>?]) -> Bool {
        guard let open else { return false }
        let list = scenario.lists[index]
        if let entry = list.entry { return obstacles(entry, list.subject).isEmpty }
        return scenario.rules.indices.contains { r in
            scenario.rules[r].list?.id == list.id && ruleActs[r].map { $0.overlaps(open) } == true
        }
    }

    /// Why spillover `index` can never act, in force or not: its condition can never hold on the
    /// linked subject, or it blocks or rewards an action nobody attempts. Empty when it can act.
    func spilloverObstacles(_ index: Int) -> [String] {
        let spillover = scenario.spillovers[index]
        var reasons = obstacles(spillover.when, spillover.link == .employer ? .companies : .people)
        switch spillover.effect {
        case let .block(action), let .reward(action): reasons += neverAttempted(action)
        case .delta, .tierCeiling: break
        }
        return reasons
    }

    /// "action 'x' is never attempted (rate 0)" when nobody attempts it.
    func neverAttempted(_ action: Reference) -> [String] {
        scenario.actions.first { $0.id == action.id }.map { $0.rate.perYear > 0 } == false
            ? ["action '\(action.id)' is never attempted (rate 0)"] : []
    }

    /// Why a condition can never hold for a subject of this kind within the period, one phrase per
    /// part that cannot hold; empty when it can hold. Parts of `all` are taken one at a time
    /// (a conjunction of parts that each can hold is taken to hold).
    func obstacles(_ condition: Condition, _ kind: SubjectKind) -> [String] {
        switch condition {
        case let .listed(list):
            let index = scenario.lists.firstIndex { $0.id == list.id }
            return index.map { entered[$0] } == true ? [] : ["nobody enters list '\(list.id)'"]
        case let .tierAtMost(tier), let .tierAtLeast(tier):
            let worse: Bool
            if case .tierAtMost = condition { worse = true } else { worse = false }
            guard let (reach, index) = self.tier(tier.id, of: kind) else {
                return ["\(kind.rawValue) have no tier '\(tier.id)'"]
            }
            let range = worse ? index..<reach.scale.tiers.count : 0..<(index + 1)
            return range.contains(where: reach.reaches)
                ? [] : ["no score reaches tier '\(tier.id)' or \(worse ? "worse" : "better")"]
        case let .scoreBelow(value):
            guard let reach = main(kind) else { return ["\(kind.rawValue) have no score"] }
            return reach.low < value ? [] : ["scores never fall below \(value) (lowest \(reach.low))"]
        case let .scoreAtLeast(value):
            guard let reach = main(kind) else { return ["\(kind.rawValue) have no score"] }
            return reach.high >= value ? [] : ["scores never reach \(value) (highest \(reach.high))"]
        case .cleanFor:
            return []
        case let .all(parts):
            return Self.unique(parts.flatMap { obstacles($0, kind) })
        case let .any(parts):
            let each = parts.map { obstacles($0, kind) }
            return each.contains(where: \.isEmpty) ? [] : Self.unique(each.flatMap { $0 })
        }
    }

    /// The main scale of a subject kind, if it is scored.
    func main(_ kind: SubjectKind) -> ScaleReach? { kind == .people ? people : companies }

    /// The scale a tier id belongs to (the kind's main score or one of its ratings) and its index.
    private func tier(_ id: String, of kind: SubjectKind) -> (ScaleReach, Int)? {
        if let main = main(kind), let index = main.scale.tiers.firstIndex(where: { $0.id == id }) {
            return (main, index)
        }
        for (g, rating) in scenario.ratings.enumerated() where rating.subject == kind {
            if let index = rating.scale.tiers.firstIndex(where: { $0.id == id }) { return (ratings[g], index) }
        }
        return nil
    }

    private static func unique(_ phrases: [String]) -> [String] {
        var seen = Set<String>()
        return phrases.filter { seen.insert($0).inserted }
    }
}

/// How far a score can move from its initial value within the period, down and up, in points;
/// `Movement.unbounded` when nothing bounds it.
struct Movement: Equatable {
    /// Larger than any scale: a move this big reaches every bound.
    static let unbounded = 1 << 40
    var down = 0
    var up = 0

    /// Adds a part that moves the score in the direction of `sign` by at most `bound` points.
    mutating func add(_ sign: Int, bound: Int) {
        if sign < 0 { down = min(down + bound, Self.unbounded) }
        if sign > 0 { up = min(up + bound, Self.unbounded) }
    }

    /// The most points a rule can move one subject's score at any moment within the period: its
    /// `cap_per_year` times the calendar years its counting records can span (the years of the
    /// days it acts on, and no more than a `lifetime_days` window touches). Unbounded without a
    /// cap: false attributions alone put no limit on the records one subject receives.
    static func points(_ rule: Rule, acting span: ClosedRange<Day>?) -> Int {
        guard let span, rule.delta != 0 else { return 0 }
        guard let cap = rule.capPerYear else { return unbounded }
        var years = span.upperBound.year - span.lowerBound.year + 1
        if let lifetime = rule.lifetimeDays { years = min(years, lifetime <= 0 ? 0 : 1 + (lifetime - 1 + 364) / 365) }
        return min(min(cap, unbounded) * years, unbounded)
    }
}

/// One scale (a main score or a rating) as far as the period lets it move: its lowest and highest
/// reachable values, and the tiers that tier ceilings which can apply name.
struct ScaleReach {
    let scale: ScoreScale
    let moved: Movement
    /// Indices of tiers named by a tier ceiling (a rule's or a spillover's) that can apply.
    let ceilings: Set<Int>

    var low: Int { scale.clamp(scale.initial - moved.down) }
    var high: Int { scale.clamp(scale.initial + moved.up) }

    /// Whether some subject can be in tier `index`: its band of scores meets `low...high`, or a
    /// ceiling that can apply names it (a ceiling gives the worse of the score's tier and its own).
    func reaches(_ index: Int) -> Bool {
        if ceilings.contains(index) { return true }
        let tier = scale.tiers[index]
        guard !tier.assignedOnly else { return false }
        let top = scale.tiers[..<index].last { !$0.assignedOnly }.map { $0.minimum - 1 } ?? Int.max
        let worst = !scale.tiers[(index + 1)...].contains { !$0.assignedOnly }
        return (worst || tier.minimum <= high) && low <= top
    }
}
