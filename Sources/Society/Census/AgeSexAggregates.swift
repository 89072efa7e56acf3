/// The society-wide figures read off persons by age and sex: the sex ratio, the shares under 15
/// and 65 and over, and the mean age. Computed by one function for the census table and for a
/// generated society, so the two are compared like for like (five-year bands can each be within
/// tolerance while these miss).
public struct AgeSexAggregates: Codable, Sendable, Equatable {
    /// Men per 100 women.
    public var sexRatio: Double
    /// Share aged 0-14.
    public var under15Share: Double
    /// Share aged 65 and over.
    public var over65Share: Double
    /// Mean age in completed years, the open top age counted as its first year (100).
    public var meanAge: Double

    /// From persons by single year of age (index = age, the last index the open top group)
    /// and sex. Zero figures for an empty population; a sex ratio of 0 when there are no women.
    public init(male: [Double], female: [Double]) {
        var men = 0.0
        var women = 0.0
        var under15 = 0.0
        var over65 = 0.0
        var years = 0.0
        for age in male.indices {
            let people = male[age] + female[age]
            men += male[age]
            women += female[age]
            if age < 15 { under15 += people }
            if age >= 65 { over65 += people }
            years += Double(age) * people
        }
        let all = men + women
        sexRatio = women > 0 ? 100 * men / women : 0
        under15Share = all > 0 ? under15 / all : 0
        over65Share = all > 0 ? over65 / all : 0
        meanAge = all > 0 ? years / all : 0
    }
}

extension Census {
    /// The aggregates of the age table (31 provinces, servicemen excluded): 104.80 men per 100
    /// women, 17.97% under 15, 13.52% aged 65 and over (the communiqués' 17.95% and 13.50% divide
    /// the same counts by the total with servicemen), and a mean age of 38.79 with each five-year
    /// group spread evenly over its years.
    public var aggregates: AgeSexAggregates {
        let ages = singleYearAges()
        return AgeSexAggregates(male: ages.male, female: ages.female)
    }

    /// The mean age published with the census (38.8, NBS press conference of 11 May 2021), the
    /// target the generated mean is checked against; the age table gives 38.79.
    public var publishedMeanAge: Double { headline["mean_age"]! }
}
