/// The random streams the society generator draws from, one per concern, so that changing how
/// one attribute is drawn never shifts another.
extension CounterRandom.Stream {
    static let householdKind = Self(101)
    static let householdSize = Self(102)
    static let householdGenerations = Self(103)
    static let anchorAge = Self(104)
    static let memberAge = Self(105)
    static let memberSex = Self(106)
    static let layout = Self(107)
    static let income = Self(110)
    static let education = Self(111)
    static let driver = Self(112)
    static let internet = Self(113)
    static let employment = Self(114)
    static let surname = Self(120)
    static let givenName = Self(121)
    static let birthday = Self(122)
    static let identity = Self(123)
    static let companySize = Self(130)
    static let companySector = Self(131)
    static let companyCode = Self(132)
    static let companyLayout = Self(133)
    static let friendStubs = Self(140)
    static let friendPick = Self(141)
    static let friendPropensity = Self(142)
}

/// A table for drawing an index with given weights, by inverse CDF (binary search).
struct DiscreteDistribution: Sendable {
    /// Cumulative weights, normalised so the last is 1.
    let cumulative: [Double]

    init(weights: [Double]) {
        let total = weights.reduce(0, +)
        var running = 0.0
        cumulative = weights.map { weight in
            running += total > 0 ? weight / total : 0
            return running
        }
    }

    var count: Int { cumulative.count }

    /// The index for a uniform draw u in [0, 1).
    @inline(__always)
    func index(_ u: Double) -> Int {
        var low = 0
        var high = cumulative.count - 1
        while low < high {
            let mid = (low + high) >> 1
            if cumulative[mid] > u { high = mid } else { low = mid + 1 }
        }
        return low
    }

    /// The probability of an index.
    func probability(_ i: Int) -> Double { i == 0 ? cumulative[0] : cumulative[i] - cumulative[i - 1] }
}
