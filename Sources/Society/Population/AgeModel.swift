import Foundation

/// Which distribution a household's anchor age comes from.
enum AnchorClass: Int, CaseIterable, Sendable {
    case collective, single, couple, bottom2, bottom3, bottom4, bottom5

    init(_ spec: HouseholdSpec) {
        switch (spec.generations, spec.size) {
        case (0, _): self = .collective
        case (1, 1): self = .single
        case (1, _): self = .couple
        case (2, _): self = .bottom2
        case (3, _): self = .bottom3
        case (4, _): self = .bottom4
        default: self = .bottom5
        }
    }

    /// Ages the anchor may take before fitting: adults for adult-only households, children of
    /// plausible age for the youngest layer of multi-generation ones.
    var plausibleAges: ClosedRange<Int> {
        switch self {
        case .collective: return 15...100
        case .single: return 18...100
        case .couple: return 20...100
        case .bottom2: return 0...60
        case .bottom3: return 0...35
        case .bottom4: return 0...15
        case .bottom5: return 0...6
        }
    }
}

/// The anchor-age distributions, fitted so that the whole society's single-year age structure
/// matches the census. Each household's other ages follow from its anchor through the
/// mother's-age-at-birth distribution, so the anchors are adjusted by iterative proportional
/// fitting on a fixed sample until the generated age marginal meets the target.
struct AgeModel: Sendable {
    let anchors: [DiscreteDistribution]

    init(census: Census, households: HouseholdModel, iterations: Int = 12, sampleHouseholds: Int = 120_000) {
        let target: [Double] = {
            let ages = census.singleYearAges()
            let total = census.total
            return zip(ages.male, ages.female).map { ($0 + $1) / total }
        }()
        var weights: [[Double]] = AnchorClass.allCases.map { anchor in
            (0...100).map { anchor.plausibleAges.contains($0) ? target[$0] : 0 }
        }
        // A fixed sample, independent of any run's seed: the fitted model is a property of the
        // census tables alone.
        let random = CounterRandom(seed: 0x5EED_A6E5)
        let specs = (0..<sampleHouseholds).map { households.spec(random, key: UInt64($0), urban: $0 % 100 < 64) }
        var drafts: [MemberDraft] = []
        var memberAges: [UInt8] = [], memberStart: [Int] = [], anchorOf: [(c: Int, age: Int)] = []
        for _ in 0..<iterations {
            let model = AgeModel(anchors: weights.map { DiscreteDistribution(weights: $0) })
            var generated = [Double](repeating: 0, count: 101)
            memberAges.removeAll(keepingCapacity: true)
            memberStart.removeAll(keepingCapacity: true)
            anchorOf.removeAll(keepingCapacity: true)
            for (k, spec) in specs.enumerated() {
                model.draft(spec, households: households, random: random, key: UInt64(k), into: &drafts)
                memberStart.append(memberAges.count)
                anchorOf.append((AnchorClass(spec).rawValue, model.lastAnchor(spec, random: random, key: UInt64(k))))
                for member in drafts {
                    generated[member.age] += 1
                    memberAges.append(UInt8(member.age))
                }
            }
            memberStart.append(memberAges.count)
            let total = Double(memberAges.count)
            var logRatio = [Double](repeating: 0, count: 101)
            for age in 0...100 {
                let share = generated[age] / total
                logRatio[age] = log(max(target[age], 1e-9) / max(share, 1e-9))
            }
            // Each household's anchor is credited with the mean log ratio of all its members'
            // ages, so an anchor that makes too-old parents is pushed down, not just one that is
            // itself too common.
            var sum = [[Double]](repeating: [Double](repeating: 0, count: 101), count: weights.count)
            var count = sum
            for h in 0..<specs.count {
                var score = 0.0
                for m in memberStart[h]..<memberStart[h + 1] { score += logRatio[Int(memberAges[m])] }
                score /= Double(memberStart[h + 1] - memberStart[h])
                sum[anchorOf[h].c][anchorOf[h].age] += score
                count[anchorOf[h].c][anchorOf[h].age] += 1
            }
            for c in weights.indices {
                for age in 0...100 where weights[c][age] > 0 && count[c][age] > 0 {
                    weights[c][age] *= exp(0.8 * sum[c][age] / count[c][age])
                }
            }
        }
        anchors = weights.map { DiscreteDistribution(weights: $0) }
    }

    private init(anchors: [DiscreteDistribution]) {
        self.anchors = anchors
    }

    /// The anchor age a household's draft starts from.
    func lastAnchor(_ spec: HouseholdSpec, random: CounterRandom, key: UInt64) -> Int {
        anchors[AnchorClass(spec).rawValue].index(random.uniform(.anchorAge, key))
    }

    /// Drafts the members of one household: ages, sexes, layers, and links by position.
    func draft(_ spec: HouseholdSpec, households: HouseholdModel, random: CounterRandom, key: UInt64,
               into members: inout [MemberDraft]) {
        members.removeAll(keepingCapacity: true)
        let anchor = anchors[AnchorClass(spec).rawValue].index(random.uniform(.anchorAge, key))
        var counter: UInt64 = 0
        func next() -> UInt64 { counter &+= 1; return counter }

        if spec.generations <= 1 {
            // Collective residents, people living alone, couples and adult groups.
            var first = MemberDraft(age: anchor)
            if spec.size == 1 {
                first.male = households.isMale(age: anchor, random, key: key, counter: next())
                members.append(first)
                return
            }
            first.male = false
            var second = MemberDraft(age: max(18, clampAge(anchor + spouseGap(random, key, next()))), male: true)
            first.spouse = 1
            second.spouse = 0
            members.append(first)
            members.append(second)
            for _ in 2..<max(2, spec.size) {
                let age = clampAge(anchor + Int((random.normal(.memberAge, key, next()) * 8).rounded()))
                var relative = MemberDraft(age: max(age, 18))
                relative.male = households.isMale(age: relative.age, random, key: key, counter: next())
                members.append(relative)
            }
            return
        }

        let counts = HouseholdModel.layerSizes(size: spec.size, generations: spec.generations)
        var layerStart = [Int](repeating: 0, count: counts.count)
        var offset = 0
        for layer in counts.indices {
            layerStart[layer] = offset
            offset += counts[layer]
        }
        for _ in 0..<spec.size { members.append(MemberDraft()) }

        // The youngest layer: the anchor child and older siblings, young enough that every older
        // layer fits below 100 with a gap of at least 15 years per generation.
        let bottom = counts.count - 1
        let oldestBottom = 100 - 16 * bottom
        var age = min(anchor, oldestBottom)
        for i in 0..<counts[bottom] {
            let index = layerStart[bottom] + i
            members[index].layer = bottom
            members[index].age = min(clampAge(age), oldestBottom)
            members[index].male = households.isMale(age: members[index].age, random, key: key, counter: next())
            age += 1 + random.below(4, .memberAge, key, next())
        }

        // Each older layer: member 0 is the parent by blood of the layer below, member 1 (if
        // any) their spouse; ages follow the mother's age at birth.
        for layer in stride(from: bottom - 1, through: 0, by: -1) {
            let below = layerStart[layer + 1]
            let belowCount = counts[layer + 1]
            let eldestBelow = (below..<below + belowCount).map { members[$0].age }.max()!
            let start = layerStart[layer]
            let couple = counts[layer] >= 2
            // Room left for the generations above this one, at 16 years each.
            let ceiling = 100 - 16 * layer
            let motherAge = min(ceiling, eldestBelow + households.motherAgeAtBirth(random, key: key, counter: next()))
            let fatherAge = max(eldestBelow + 16, min(ceiling, motherAge + spouseGap(random, key, next())))
            let bloodIsMale = couple
                ? random.uniform(.memberSex, key, next()) < 0.5
                : random.uniform(.memberSex, key, next()) < 0.35
            members[start].layer = layer
            members[start].male = bloodIsMale
            members[start].age = bloodIsMale ? fatherAge : motherAge
            if couple {
                members[start + 1].layer = layer
                members[start + 1].male = !bloodIsMale
                members[start + 1].age = bloodIsMale ? motherAge : fatherAge
                members[start + 1].bloodLine = false
                members[start].spouse = start + 1
                members[start + 1].spouse = start
            }
            // Parents of the layer below: all of it if it is the youngest layer (siblings),
            // otherwise only its member 0 (the other is married in).
            let children = layer + 1 == bottom ? Array(below..<below + belowCount) : [below]
            let mother = couple ? (bloodIsMale ? start + 1 : start) : (bloodIsMale ? -1 : start)
            let father = couple ? (bloodIsMale ? start : start + 1) : (bloodIsMale ? start : -1)
            for child in children {
                members[child].mother = mother
                members[child].father = father
            }
        }
    }

    private func spouseGap(_ random: CounterRandom, _ key: UInt64, _ counter: UInt64) -> Int {
        max(-4, min(12, Int((2 + random.normal(.memberAge, key, counter) * 2.5).rounded())))
    }

    private func clampAge(_ age: Int) -> Int { max(0, min(100, age)) }
}
