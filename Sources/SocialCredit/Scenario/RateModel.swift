/// How often something happens, per year, and how that varies from person to person.
///
/// The yearly rate is multiplied by a factor for each trait the model names (income quintile,
/// age band, urban or rural residence, sex); individual propensity then varies around that
/// with the stated dispersion, so a few people do most of it, as in life.
public struct RateModel: Sendable, Equatable {
    /// Occurrences per subject per year before trait factors.
    public var perYear: Double
    /// Factors for income quintiles 1 (poorest) to 5; empty means no variation.
    public var incomeQuintile: [Double]
    /// Factors by age band; ages in no band get factor 1.
    public var age: [AgeBand]
    /// Factor for urban residents.
    public var urban: Double
    /// Factor for rural residents.
    public var rural: Double
    /// Factor for men.
    public var male: Double
    /// Factor for women.
    public var female: Double
    /// Coefficient of variation of individual propensity (0 = everyone alike): a lognormal
    /// distribution with mean 1 and this coefficient of variation, which the simulation draws
    /// as one of 256 quantile levels (so the realised spread is a little smaller; see
    /// docs/scenario-language.md).
    public var dispersion: Double

    /// A rate model; by default no trait varies it.
    public init(
        perYear: Double,
        incomeQuintile: [Double] = [],
        age: [AgeBand] = [],
        urban: Double = 1,
        rural: Double = 1,
        male: Double = 1,
        female: Double = 1,
        dispersion: Double = 0
    ) {
        self.perYear = perYear
        self.incomeQuintile = incomeQuintile
        self.age = age
        self.urban = urban
        self.rural = rural
        self.male = male
        self.female = female
        self.dispersion = dispersion
    }

    /// The yearly rate for a person with these traits (before individual propensity).
    public func perYear(for traits: Traits) -> Double {
        var rate = perYear
        if !incomeQuintile.isEmpty, (1...incomeQuintile.count).contains(traits.incomeQuintile) {
            rate *= incomeQuintile[traits.incomeQuintile - 1]
        }
        if let band = age.first(where: { $0.contains(traits.age) }) { rate *= band.factor }
        rate *= traits.isUrban ? urban : rural
        rate *= traits.isMale ? male : female
        return rate
    }
}

/// An age range with a rate factor, e.g. 18-29 x1.4.
public struct AgeBand: Sendable, Equatable {
    /// Youngest age in the band.
    public var from: Int
    /// Oldest age in the band; nil means no upper limit.
    public var to: Int?
    /// Rate factor for the band.
    public var factor: Double

    /// A band from its parts.
    public init(from: Int, to: Int? = nil, factor: Double) {
        self.from = from
        self.to = to
        self.factor = factor
    }

    /// Whether an age falls in the band.
    public func contains(_ age: Int) -> Bool { age >= from && (to.map { age <= $0 } ?? true) }
}

/// The traits rates vary with: the society module supplies them for each person.
public struct Traits: Sendable, Equatable {
    /// Age in whole years.
    public var age: Int
    /// Income quintile, 1 (poorest) to 5.
    public var incomeQuintile: Int
    /// Lives in an urban area.
    public var isUrban: Bool
    /// Male.
    public var isMale: Bool

    /// Traits from their parts.
    public init(age: Int, incomeQuintile: Int, isUrban: Bool, isMale: Bool) {
        self.age = age
        self.incomeQuintile = incomeQuintile
        self.isUrban = isUrban
        self.isMale = isMale
    }
}
