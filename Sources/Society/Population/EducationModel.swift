/// Education attained by age and residence, raked to the census totals.
///
/// The census gives only national counts per level (communiqué No. 6). The age pattern is an
/// assumption with the right shape (schooling expanded fast after 1980; children count at the
/// level they are in, pre-school children as none), and urban residents are more educated than
/// rural ones; the adult distributions are then raked until the national shares, weighted by
/// the census age structure, equal the published ones.
struct EducationModel: Sendable {
    /// P(level) for each single year of age 0...100, urban and rural.
    let urban: [[Double]]
    let rural: [[Double]]

    /// Assumed attainment of adults by age band (none, primary, junior, senior, university), before raking.
    private static let adultBands: [(from: Int, shares: [Double])] = [
        (18, [0.005, 0.02, 0.18, 0.30, 0.495]),
        (25, [0.01, 0.08, 0.33, 0.20, 0.38]),
        (35, [0.02, 0.14, 0.42, 0.18, 0.24]),
        (45, [0.03, 0.22, 0.48, 0.17, 0.10]),
        (55, [0.06, 0.35, 0.40, 0.14, 0.05]),
        (65, [0.15, 0.48, 0.25, 0.09, 0.03]),
        (75, [0.40, 0.40, 0.12, 0.06, 0.02]),
    ]
    /// Urban/rural odds multipliers per level (assumption: cities concentrate graduates).
    private static let urbanFactor: [Double] = [0.7, 0.8, 0.9, 1.2, 1.6]
    private static let ruralFactor: [Double] = [1.4, 1.3, 1.15, 0.75, 0.35]

    /// A model raked over a given age structure (people per single year of age, urban and
    /// rural): the generator passes the society's own, so the national shares come out right
    /// even where its ages deviate a little from the census.
    init(census: Census, urbanWeights: [Double], ruralWeights: [Double]) {
        let per100k = Dictionary(uniqueKeysWithValues: census.education.map { ($0.level, $0.per100k) })
        let target = EducationLevel.allCases.map { (per100k[$0.key] ?? 0) / 100_000 }
        let total = urbanWeights.reduce(0, +) + ruralWeights.reduce(0, +)

        func child(_ age: Int) -> [Double]? {
            switch age {
            case 0...5: return [1, 0, 0, 0, 0]
            case 6...11: return [0, 1, 0, 0, 0]
            case 12...14: return [0, 0, 1, 0, 0]
            case 15...17: return [0, 0.02, 0.18, 0.80, 0]
            default: return nil
            }
        }
        func base(_ age: Int) -> [Double] {
            Self.adultBands.last { age >= $0.from }!.shares
        }
        var factors = [Double](repeating: 1, count: 5)
        func distribution(_ age: Int, _ residence: [Double]) -> [Double] {
            if let fixed = child(age) { return fixed }
            let raw = (0..<5).map { base(age)[$0] * residence[$0] * factors[$0] }
            let sum = raw.reduce(0, +)
            return raw.map { $0 / sum }
        }
        for _ in 0..<200 {
            var expected = [Double](repeating: 0, count: 5)
            for age in 0...100 {
                let u = distribution(age, Self.urbanFactor)
                let r = distribution(age, Self.ruralFactor)
                for level in 0..<5 {
                    expected[level] += (urbanWeights[age] * u[level] + ruralWeights[age] * r[level]) / total
                }
            }
            for level in 0..<5 where expected[level] > 0 { factors[level] *= target[level] / expected[level] }
        }
        self.urban = (0...100).map { distribution($0, Self.urbanFactor) }
        self.rural = (0...100).map { distribution($0, Self.ruralFactor) }
    }

    /// The level for a person, from a uniform draw.
    func level(age: Int, urban isUrban: Bool, u: Double) -> EducationLevel {
        let shares = (isUrban ? urban : rural)[min(age, 100)]
        var running = 0.0
        for (index, share) in shares.enumerated() {
            running += share
            if u < running { return EducationLevel(rawValue: UInt8(index))! }
        }
        return .university
    }
}
