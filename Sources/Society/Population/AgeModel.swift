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

/// The anchor-age distributions and the sex of members whose sex a household's shape leaves
/// open, fitted together so that the whole society's ages by sex match the census. Each
/// household's other ages follow from its anchor through the mother's-age-at-birth distribution
/// and a spouse gap, and couples are one man and one woman, so neither ages nor sexes can be drawn
/// from the census marginal directly: `AgeFit` finds the anchors and the open members' chance
/// of being male that reproduce it (see there).
struct AgeModel: Sendable {
    /// Anchor age 0...100 by `AnchorClass`.
    let anchors: [DiscreteDistribution]
    /// P(male) by age 0...100 for a member whose sex is open (people living alone, children,
    /// relatives, collective residents).
    let openMaleShare: [Double]

    /// The model fitted to the census (a fraction of a second).
    init(census: Census, households: HouseholdModel) {
        let fit = AgeFit(census: census, households: households)
        self.init(
            anchors: fit.anchorWeights.map { DiscreteDistribution(weights: $0) },
            openMaleShare: fit.openMaleShare
        )
    }

    init(anchors: [DiscreteDistribution], openMaleShare: [Double]) {
        self.anchors = anchors
        self.openMaleShare = openMaleShare
    }

    /// Drafts the members of one household, its anchor drawn from the fitted distributions.
    func draft(
        _ spec: HouseholdSpec,
        households: HouseholdModel,
        random: CounterRandom,
        key: UInt64,
        into members: inout [MemberDraft]
    ) {
        let anchor = anchors[AnchorClass(spec).rawValue].index(random.uniform(.anchorAge, key))
        draft(spec, anchor: anchor, households: households, random: random, key: key, into: &members)
    }

    /// Whether a member whose sex is open is male.
    private func isMale(age: Int, _ random: CounterRandom, key: UInt64, counter: UInt64) -> Bool {
        random.uniform(.memberSex, key, counter) < openMaleShare[min(age, 100)]
    }

    /// Drafts the members of one household from a given anchor age: ages, sexes, layers, and
    /// links by position.
    func draft(
        _ spec: HouseholdSpec,
        anchor: Int,
        households: HouseholdModel,
        random: CounterRandom,
        key: UInt64,
        into members: inout [MemberDraft]
    ) {
        members.removeAll(keepingCapacity: true)
        var counter: UInt64 = 0
        func next() -> UInt64 {
            counter &+= 1
            return counter
        }

        if spec.generations <= 1 {
            // Collective residents, people living alone, couples and adult groups.
            var first = MemberDraft(age: anchor)
            if spec.size == 1 {
                first.male = isMale(age: anchor, random, key: key, counter: next())
                first.openSex = true
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
                relative.male = isMale(age: relative.age, random, key: key, counter: next())
                relative.openSex = true
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
            members[index].male = isMale(age: members[index].age, random, key: key, counter: next())
            members[index].openSex = true
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
            let motherAge = min(
                ceiling,
                eldestBelow
                    + households.motherAgeAtBirth(random, key: key, counter: next(), atMost: ceiling - eldestBelow)
            )
            let fatherAge = max(eldestBelow + 16, min(ceiling, motherAge + spouseGap(random, key, next())))
            let bloodIsMale =
                couple
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
