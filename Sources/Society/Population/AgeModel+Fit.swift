import Foundation

/// The fit behind `AgeModel`: anchor-age distributions per `AnchorClass` and, per age, the chance
/// that a member whose sex is open is male, such that the society's persons by single year of
/// age and sex match the census.
///
/// The expected society is linear in the anchor distributions: a household of class c drafted
/// at anchor age x contributes on average K(c, x) members to each (age, how the sex is set)
/// cell, so it is Σ n_c Σ_x w_c(x) K(c, x) with n_c the share of households in class c. The
/// kernels K are measured once, by drafting a fixed sample of each class's households at every
/// anchor age it allows (the same households and draws for every anchor). The weights are then
/// fitted by multiplicative (EM, Richardson-Lucy) updates against the census by age and sex,
/// and after each update the open members' male share at each age is set to what makes the
/// men at that age right, given the men and women couples and lone parents fix there (clamped
/// to 0...1 where that is impossible). Fitting by sex matters: couples are one man and one
/// woman, so a fit of ages alone leaves the sex ratio near 100 where the census has 104.8, and
/// it is the open members (men living alone or with their parents at 35-44, widows at 70+)
/// that carry the difference.
struct AgeFit {
    /// Anchor weights by class, ages 0...100 (zero outside the class's plausible ages).
    let anchorWeights: [[Double]]
    /// P(male) by age for open members.
    let openMaleShare: [Double]

    /// Fits on `sampleHouseholds` household shapes drawn with a fixed seed (the fit is a property
    /// of the census tables alone, never of a run's seed), at most `perAnchor` of each class
    /// drafted at each anchor age, with `iterations` updates.
    init(
        census: Census,
        households: HouseholdModel,
        sampleHouseholds: Int = 120_000,
        perAnchor: Int = 2_000,
        iterations: Int = 400
    ) {
        let ages = 101
        let single = census.singleYearAges()
        let total = census.total
        let targetMale = single.male.map { $0 / total }
        let targetFemale = single.female.map { $0 / total }
        let censusMaleShare = zip(single.male, single.female).map { $0 / max($0 + $1, 1) }

        let random = CounterRandom(seed: 0x5EED_A6E5)
        let classes = AnchorClass.allCases.count
        var members = [[Int]](repeating: [], count: classes)
        var classCount = [Double](repeating: 0, count: classes)
        var specs: [HouseholdSpec] = []
        specs.reserveCapacity(sampleHouseholds)
        for k in 0..<sampleHouseholds {
            let spec = households.spec(random, key: UInt64(k), urban: k % 100 < 64)
            let c = AnchorClass(spec).rawValue
            classCount[c] += 1
            if members[c].count < perAnchor { members[c].append(k) }
            specs.append(spec)
        }
        let classShare = classCount.map { $0 / Double(max(sampleHouseholds, 1)) }

        // Kernels, one row per (class, anchor age): mean members per household by age whose
        // sex is fixed male, fixed female, or open.
        var rowClass: [Int] = []
        var rowAnchor: [Int] = []
        for anchorClass in AnchorClass.allCases where !members[anchorClass.rawValue].isEmpty {
            for x in anchorClass.plausibleAges {
                rowClass.append(anchorClass.rawValue)
                rowAnchor.append(x)
            }
        }
        let rows = rowClass.count
        var fixedMale = [Double](repeating: 0, count: rows * ages)
        var fixedFemale = fixedMale
        var open = fixedMale
        let drafting = AgeModel(anchors: [], openMaleShare: censusMaleShare)
        var drafts: [MemberDraft] = []
        for r in 0..<rows {
            let sample = members[rowClass[r]]
            let weight = 1 / Double(sample.count)
            for k in sample {
                drafting.draft(
                    specs[k],
                    anchor: rowAnchor[r],
                    households: households,
                    random: random,
                    key: UInt64(k),
                    into: &drafts
                )
                for member in drafts {
                    let cell = r * ages + member.age
                    if member.openSex {
                        open[cell] += weight
                    } else if member.male {
                        fixedMale[cell] += weight
                    } else {
                        fixedFemale[cell] += weight
                    }
                }
            }
        }

        // Start from the census age shares over each class's plausible ages.
        var w = (0..<rows).map { targetMale[rowAnchor[$0]] + targetFemale[rowAnchor[$0]] }
        Self.normalise(&w, rowClass: rowClass, classes: classes)
        var maleShare = censusMaleShare
        for _ in 0..<iterations {
            let expected = Self.expected(w, rowClass: rowClass, classShare: classShare, fixedMale, fixedFemale, open)
            maleShare = Self.openMaleShare(expected, censusMaleShare: censusMaleShare)
            var expectedTotal = 0.0
            for a in 0..<ages { expectedTotal += expected.male[a] + expected.female[a] + expected.open[a] }
            // Ratio of census to expected share in each (age, sex) cell.
            var ratioMale = [Double](repeating: 1, count: ages)
            var ratioFemale = ratioMale
            for a in 0..<ages {
                let men = (expected.male[a] + maleShare[a] * expected.open[a]) / expectedTotal
                let women = (expected.female[a] + (1 - maleShare[a]) * expected.open[a]) / expectedTotal
                ratioMale[a] = men > 0 ? targetMale[a] / men : 1
                ratioFemale[a] = women > 0 ? targetFemale[a] / women : 1
            }
            for r in 0..<rows {
                var numerator = 0.0
                var denominator = 0.0
                for a in 0..<ages {
                    let cell = r * ages + a
                    let o = open[cell]
                    numerator +=
                        (fixedMale[cell] + maleShare[a] * o) * ratioMale[a]
                        + (fixedFemale[cell] + (1 - maleShare[a]) * o) * ratioFemale[a]
                    denominator += fixedMale[cell] + fixedFemale[cell] + o
                }
                // Over-relaxed (squared) EM step: the same fixed point, reached in fewer steps.
                if denominator > 0 {
                    let f = numerator / denominator
                    w[r] *= f * f
                }
            }
            Self.normalise(&w, rowClass: rowClass, classes: classes)
        }
        let expected = Self.expected(w, rowClass: rowClass, classShare: classShare, fixedMale, fixedFemale, open)
        openMaleShare = Self.openMaleShare(expected, censusMaleShare: censusMaleShare)

        var weights: [[Double]] = AnchorClass.allCases.map { anchorClass in
            (0..<ages).map { anchorClass.plausibleAges.contains($0) ? targetMale[$0] + targetFemale[$0] : 0 }
        }
        for c in 0..<classes where !members[c].isEmpty { weights[c] = [Double](repeating: 0, count: ages) }
        for r in 0..<rows { weights[rowClass[r]][rowAnchor[r]] = w[r] }
        anchorWeights = weights
    }

    /// Expected members by age whose sex is fixed male, fixed female or open, per household.
    private static func expected(
        _ w: [Double],
        rowClass: [Int],
        classShare: [Double],
        _ fixedMale: [Double],
        _ fixedFemale: [Double],
        _ open: [Double]
    ) -> (male: [Double], female: [Double], open: [Double]) {
        let ages = 101
        var male = [Double](repeating: 0, count: ages)
        var female = male
        var openByAge = male
        for r in w.indices {
            let weight = classShare[rowClass[r]] * w[r]
            guard weight > 0 else { continue }
            for a in 0..<ages {
                male[a] += weight * fixedMale[r * ages + a]
                female[a] += weight * fixedFemale[r * ages + a]
                openByAge[a] += weight * open[r * ages + a]
            }
        }
        return (male, female, openByAge)
    }

    /// The open members' male share at each age that makes the men there match the census
    /// share, given the fixed men and women; clamped to 0...1, and the census share where no
    /// open member is expected.
    private static func openMaleShare(
        _ expected: (male: [Double], female: [Double], open: [Double]),
        censusMaleShare: [Double]
    ) -> [Double] {
        censusMaleShare.indices.map { a in
            let o = expected.open[a]
            guard o > 1e-12 else { return censusMaleShare[a] }
            let all = expected.male[a] + expected.female[a] + o
            return min(1, max(0, (censusMaleShare[a] * all - expected.male[a]) / o))
        }
    }

    /// Scales each class's weights to sum to 1.
    private static func normalise(_ w: inout [Double], rowClass: [Int], classes: Int) {
        var sums = [Double](repeating: 0, count: classes)
        for r in w.indices { sums[rowClass[r]] += w[r] }
        for r in w.indices where sums[rowClass[r]] > 0 { w[r] /= sums[rowClass[r]] }
    }
}
