/// A validated scenario compiled for evaluation: every id resolved to an index, every condition
/// and rollout in a form the engine can test without looking anything up by name.
///
/// Build one with `Policy(scenario)`; it re-validates scenarios made in code, so an invalid
/// scenario never reaches the engine.
public struct Policy: Sendable {
    /// The scenario compiled.
    public let scenario: Scenario

    package let behaviorIndex: [String: Int]
    package let sourceIndex: [String: Int]
    package let listIndex: [String: Int]
    package let actionIndex: [String: Int]
    package let tierIndex: [String: Int]
    package let companyTierIndex: [String: Int]

    /// For each behaviour, the rules that judge it.
    package let rulesByBehavior: [[Int]]
    package let ruleSources: [Set<Int>]
    package let ruleList: [Int?]
    package let ruleCeiling: [Int?]
    /// For each rule, the rating its points go to (nil: the main score).
    package let ruleRating: [Int?]
    package let ruleRollout: [Window]
    /// For each list, the behaviours whose records remove entries.
    package let listRemovals: [Set<Int>]
    package let listEntry: [Test?]
    package let listRollout: [Window]
    package let measureTest: [Test]
    package let measureAction: [Int?]
    package let measureRollout: [Window]
    package let spilloverTest: [Test]
    package let spilloverEffect: [CompiledEffect]
    package let spilloverRollout: [Window]
    /// Per source, when it is in force for the behaviours of people, and (`companySourceRollout`)
    /// of companies: a source tied to a phase opens for a kind of subject only with the phases that
    /// cover that kind, so a company-only phase opens a source for companies and not for people.
    package let sourceRollout: [Window]
    /// Per source, when it is in force for the behaviours of companies (see `sourceRollout`).
    package let companySourceRollout: [Window]
    /// Every notice channel the scenario can give, each once (see `notices(kind:measureInForce:listHeld:)`).
    public let noticeChannels: [String]
    /// Per measure: the bit of its channel among `noticeChannels` if it is a notice, else 0.
    package let noticeBit: [UInt64]
    /// Per list: the bit of `name_published` if the list is published, else 0.
    package let publishedBit: [UInt64]
    /// Per measure and per list: the kind of subject it concerns.
    package let measureSubject: [SubjectKind]
    package let listSubject: [SubjectKind]

    /// Compiles a scenario, or throws `ScenarioError` when it is not valid.
    public init(_ scenario: Scenario) throws {
        let reader = NodeReader(file: scenario.id)
        scenario.validate(into: reader)
        if reader.log.hasErrors { throw ScenarioError(diagnostics: reader.log.sorted) }
        self.scenario = scenario

        func index(_ ids: [String]) -> [String: Int] {
            Dictionary(ids.enumerated().map { ($0.element, $0.offset) }, uniquingKeysWith: { first, _ in first })
        }
        behaviorIndex = index(scenario.behaviors.map(\.id))
        sourceIndex = index(scenario.sources.map(\.id))
        listIndex = index(scenario.lists.map(\.id))
        actionIndex = index(scenario.actions.map(\.id))
        tierIndex = index(scenario.score.tiers.map(\.id))
        companyTierIndex = index(scenario.companyScore?.tiers.map(\.id) ?? [])

        var byBehavior = [[Int]](repeating: [], count: scenario.behaviors.count)
        for (ruleIndex, rule) in scenario.rules.enumerated() {
            byBehavior[behaviorIndex[rule.behavior.id]!].append(ruleIndex)
        }
        rulesByBehavior = byBehavior
        let sources = sourceIndex
        let lists = listIndex
        let behaviors = behaviorIndex
        let actions = actionIndex
        let peopleTiers = tierIndex
        let companyTiers = companyTierIndex
        let timeline = scenario.timeline
        func window(_ rollout: Rollout, _ subject: SubjectKind) -> Window {
            Window(rollout, subject: subject, timeline: timeline)
        }
        // Tiers of ratings, by id: (rating index, tier index); ids are unique per subject kind.
        var ratingTiers: [SubjectKind: [String: RatingTier]] = [.people: [:], .companies: [:]]
        for (r, rating) in scenario.ratings.enumerated() {
            for (t, tier) in rating.scale.tiers.enumerated() {
                ratingTiers[rating.subject]![tier.id] = RatingTier(rating: r, tier: t)
            }
        }
        func test(_ condition: Condition, _ subject: SubjectKind) -> Test {
            Test(
                condition,
                lists: lists,
                tiers: subject == .people ? peopleTiers : companyTiers,
                ratingTiers: ratingTiers[subject]!
            )
        }
        let ratingIndex = index(scenario.ratings.map(\.id))
        ruleRating = scenario.rules.map { $0.rating.map { ratingIndex[$0.id]! } }

        ruleSources = scenario.rules.map { Set($0.sources.map { sources[$0.id]! }) }
        ruleList = scenario.rules.map { $0.list.map { lists[$0.id]! } }
        ruleCeiling = scenario.rules.map { rule in
            rule.tierCeiling.map {
                (scenario.subject(ofBehavior: rule.behavior.id) == .people ? peopleTiers : companyTiers)[$0.id]!
            }
        }
        ruleRollout = scenario.rules.map { window($0.rollout, scenario.subject(ofBehavior: $0.behavior.id)) }
        listRemovals = scenario.lists.map { Set(($0.removal?.on ?? []).map { behaviors[$0.id]! }) }
        listEntry = scenario.lists.map { list in list.entry.map { test($0, list.subject) } }
        listRollout = scenario.lists.map { window($0.rollout, $0.subject) }
        measureTest = scenario.measures.map { test($0.when, $0.subject) }
        measureAction = scenario.measures.map { $0.action.map { actions[$0.id]! } }
        measureRollout = scenario.measures.map { window($0.rollout, $0.subject) }
        spilloverTest = scenario.spillovers.map { test($0.when, $0.link == .employer ? .companies : .people) }
        spilloverEffect = scenario.spillovers.map { spillover in
            switch spillover.effect {
            case let .block(action): return .block(actions[action.id]!)
            case let .reward(action): return .reward(actions[action.id]!)
            case let .delta(points): return .delta(points)
            case let .tierCeiling(tier): return .tierCeiling(peopleTiers[tier.id]!)
            }
        }
        spilloverRollout = scenario.spillovers.map { window($0.rollout, .people) }
        // A source may observe people and companies alike: one window for each kind.
        sourceRollout = scenario.sources.map { window($0.rollout, .people) }
        companySourceRollout = scenario.sources.map { window($0.rollout, .companies) }
        let channels = Self.noticeChannels(of: scenario)
        noticeChannels = channels
        noticeBit = scenario.measures.map { measure in
            guard measure.kind == .notice, let k = channels.firstIndex(of: measure.channel ?? measure.id) else {
                return 0
            }
            return 1 << UInt64(k)
        }
        measureSubject = scenario.measures.map(\.subject)
        listSubject = scenario.lists.map(\.subject)
        publishedBit = scenario.lists.map { list in
            guard list.published, let k = channels.firstIndex(of: Self.namePublished) else { return 0 }
            return 1 << UInt64(k)
        }
    }

    /// The score scale for a kind of subject; nil when companies are not scored.
    public func scale(for kind: SubjectKind) -> ScoreScale? {
        kind == .people ? scenario.score : scenario.companyScore
    }

    /// The index of a behaviour, source, list or action by id.
    public func behavior(_ id: String) -> Int? { behaviorIndex[id] }
    /// The index of a source by id.
    public func source(_ id: String) -> Int? { sourceIndex[id] }
    /// The index of a list by id.
    public func list(_ id: String) -> Int? { listIndex[id] }
    /// The index of an action by id.
    public func action(_ id: String) -> Int? { actionIndex[id] }
    /// The index of a tier by id, for people or companies.
    public func tier(_ id: String, of kind: SubjectKind = .people) -> Int? {
        kind == .people ? tierIndex[id] : companyTierIndex[id]
    }
}

/// A spillover's effect with its target resolved.
package enum CompiledEffect: Sendable {
    case block(Int)
    case reward(Int)
    case delta(Int)
    case tierCeiling(Int)
}

/// A `Condition` with list and tier ids resolved to indices.
package indirect enum Test: Sendable {
    case listed(Int)
    case tierAtMost(Int)
    case tierAtLeast(Int)
    case scoreBelow(Int)
    case scoreAtLeast(Int)
    case cleanFor(days: Int)
    /// In this tier of a rating, or a worse one.
    case ratingTierAtMost(RatingTier)
    /// In this tier of a rating, or a better one.
    case ratingTierAtLeast(RatingTier)
    case all([Test])
    case any([Test])

    init(_ condition: Condition, lists: [String: Int], tiers: [String: Int], ratingTiers: [String: RatingTier] = [:]) {
        switch condition {
        case let .listed(r): self = .listed(lists[r.id]!)
        case let .tierAtMost(r): self = ratingTiers[r.id].map { .ratingTierAtMost($0) } ?? .tierAtMost(tiers[r.id]!)
        case let .tierAtLeast(r): self = ratingTiers[r.id].map { .ratingTierAtLeast($0) } ?? .tierAtLeast(tiers[r.id]!)
        case let .scoreBelow(value): self = .scoreBelow(value)
        case let .scoreAtLeast(value): self = .scoreAtLeast(value)
        case let .cleanFor(days): self = .cleanFor(days: days)
        case let .all(parts): self = .all(parts.map { Test($0, lists: lists, tiers: tiers, ratingTiers: ratingTiers) })
        case let .any(parts): self = .any(parts.map { Test($0, lists: lists, tiers: tiers, ratingTiers: ratingTiers) })
        }
    }
}

/// A tier of a rating: which rating, and the tier's index in it (0 = best).
package struct RatingTier: Sendable, Hashable {
    package var rating: Int
    package var tier: Int
}

/// When and where one part of the system is in force, resolved against the timeline.
package struct Window: Sendable {
    /// Phases (start, regions) whose start opens the window: the named phase and every later one
    /// that covers the subject kind. Empty with `explicit` set means explicit dates and regions.
    let phases: [(start: Day, regions: RegionSet)]
    let start: Day?
    let end: Day?
    let regions: RegionSet
    let usesPhases: Bool

    init(_ rollout: Rollout, subject: SubjectKind, timeline: [Phase]) {
        start = rollout.start
        end = rollout.end
        regions = rollout.regions
        if let phase = rollout.phase, let first = timeline.firstIndex(where: { $0.id == phase.id }) {
            usesPhases = true
            phases = timeline[first...].filter { $0.subjects.contains(subject) }.map { ($0.start, $0.regions) }
        } else {
            usesPhases = false
            phases = []
        }
    }

    /// Whether it is in force on `day` in the province with this code.
    package func isOpen(on day: Day, in province: Int) -> Bool {
        if let end, day > end { return false }
        if usesPhases {
            return phases.contains { day >= $0.start && $0.regions.contains(province) }
        }
        if let start, day < start { return false }
        return regions.contains(province)
    }

    /// The days of `period` from the first on which it is open in some province to the last on
    /// which it can be open (once open it stays open, there or wider, until `end`); nil when it is
    /// never open within `period`. Static analysis (`Scenario.staticWarnings`) asks this.
    package func openSpan(within period: ClosedRange<Day>) -> ClosedRange<Day>? {
        let opens: Day
        if usesPhases {
            guard let earliest = phases.filter({ $0.regions != .provinces([]) }).map(\.start).min() else { return nil }
            opens = earliest
        } else {
            guard regions != .provinces([]) else { return nil }
            opens = start ?? period.lowerBound
        }
        let first = max(opens, period.lowerBound)
        let last = min(end ?? period.upperBound, period.upperBound)
        return first <= last ? first...last : nil
    }
}
