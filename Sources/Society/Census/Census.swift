import Foundation

/// China's Seventh National Population Census (2020) and related official figures: the targets
/// the synthetic society reproduces. Loaded from the data files in `Resources/`, each of which
/// names its source.
public struct Census: Sendable {
    /// A five-year age group with counts by sex.
    public struct AgeGroup: Sendable {
        /// Youngest age in the group.
        public var from: Int
        /// Oldest age (nil for the open top group, 100+).
        public var to: Int?
        /// Men.
        public var male: Double
        /// Women.
        public var female: Double
        /// "0-4", "100+".
        public var label: String { to.map { "\(from)-\($0)" } ?? "\(from)+" }
    }

    /// A province's population and age structure.
    public struct ProvinceFigures: Sendable {
        /// GB/T 2260 code.
        public var code: Int
        /// English name.
        public var name: String
        /// Population (31-province total basis).
        public var population: Double
        /// Men per 100 women.
        public var sexRatio: Double
    }

    /// Family households of one size, nationally and by urban or rural residence.
    public struct HouseholdSize: Sendable {
        /// Persons (10 stands for 10 or more).
        public var size: Int
        /// Households nationally.
        public var national: Double
        /// Rural households.
        public var rural: Double
        /// Urban (city and town) households.
        public var urban: Double
    }

    /// Age groups 0-4 to 100+, by sex.
    public var ageGroups: [AgeGroup]
    /// The 31 provinces.
    public var provinces: [ProvinceFigures]
    /// Household sizes 1 to 10+.
    public var householdSizes: [HouseholdSize]
    /// Households by size (rows 1...10) and generations (columns 1...5+).
    public var generations: [[Double]]
    /// Education levels and their count per 100,000 people (whole population).
    public var education: [(level: String, per100k: Double)]
    /// Income figures: mean, median, quintile means, Gini.
    public var income: [String: Double]
    /// Headline figures: urban share, collective households, drivers, internet users.
    public var headline: [String: Double]
    /// Mother's age at birth, by five-year group.
    public var motherAge: [(from: Int, to: Int, share: Double)]

    /// The census as shipped with the package.
    public static func load() throws -> Census {
        let table = CSVTable.resource
        let ages = try table("age-sex-2020")
        let agesTo = try ages.strings("age_to")
        let provinces = try table("provinces-2020")
        let sizes = try table("household-size-2020")
        let generations = try table("household-generations-2020")
        let education = try table("education-2020")
        let mother = try table("mother-age-at-birth-2020")
        var census = Census(
            ageGroups: try zip(zip(ages.doubles("age_from"), agesTo), zip(ages.doubles("male"), ages.doubles("female")))
                .map { AgeGroup(from: Int($0.0), to: Int($0.1), male: $1.0, female: $1.1) },
            provinces: try zip(
                zip(provinces.doubles("code"), provinces.strings("name")),
                zip(provinces.doubles("population"), provinces.doubles("sex_ratio"))
            )
            .map { ProvinceFigures(code: Int($0.0), name: $0.1, population: $1.0, sexRatio: $1.1) },
            householdSizes: try zip(
                zip(sizes.doubles("size"), sizes.doubles("national")),
                zip(sizes.doubles("rural"), sizes.doubles("urban"))
            )
            .map { HouseholdSize(size: Int($0.0), national: $0.1, rural: $1.0, urban: $1.1) },
            generations: try (1...5).map { try generations.doubles("gen\($0)") },
            education: try zip(education.strings("level"), education.doubles("per_100k")).map { ($0, $1) },
            income: try table("income-2020").keyValues(),
            headline: try table("headline-2020").keyValues(),
            motherAge: try zip(zip(mother.doubles("age_from"), mother.doubles("age_to")), mother.doubles("share"))
                .map { (Int($0.0), Int($0.1), $1) }
        )
        // Stored by generation column; the generator wants rows by size.
        census.generations = (0..<census.householdSizes.count).map { row in (0..<5).map { census.generations[$0][row] }
        }
        try census.check()
        return census
    }

    /// Basic integrity: the tables the generator indexes have the shapes it expects.
    private func check() throws {
        guard ageGroups.count == 21, ageGroups.last?.to == nil else {
            throw CensusDataError(file: "age-sex-2020.csv", message: "expected 21 groups ending with 100+")
        }
        guard provinces.count == 31 else {
            throw CensusDataError(file: "provinces-2020.csv", message: "expected 31 provinces")
        }
        guard householdSizes.map(\.size) == Array(1...10) else {
            throw CensusDataError(file: "household-size-2020.csv", message: "expected sizes 1 to 10")
        }
        for key in [
            "urban_share", "collective_household_persons", "family_household_persons", "drivers_end_2020",
            "drivers_female_share", "internet_penetration", "mean_household_size", "population_31_provinces",
            "mean_age",
        ]
        where headline[key] == nil {
            throw CensusDataError(file: "headline-2020.csv", message: "missing '\(key)'")
        }
        guard !motherAge.isEmpty,
            motherAge.allSatisfy({ 10 <= $0.from && $0.from <= $0.to && $0.to <= 60 && $0.share >= 0 })
        else {
            throw CensusDataError(
                file: "mother-age-at-birth-2020.csv",
                message: "expected age groups within 10-60, from <= to, shares >= 0"
            )
        }
        guard let meanAge = headline["mean_age"], (0...100).contains(meanAge) else {
            throw CensusDataError(file: "headline-2020.csv", message: "'mean_age' must be between 0 and 100 years")
        }
        for key in ["quintile_1", "quintile_2", "quintile_3", "quintile_4", "quintile_5", "gini", "mean"]
        where income[key] == nil {
            throw CensusDataError(file: "income-2020.csv", message: "missing '\(key)'")
        }
    }

    /// Total population of the age table.
    public var total: Double { ageGroups.reduce(0) { $0 + $1.male + $1.female } }

    /// Share of people in collective households (dormitories, institutions).
    public var collectiveShare: Double {
        headline["collective_household_persons"]!
            / (headline["collective_household_persons"]! + headline["family_household_persons"]!)
    }

    /// Persons per single year of age 0...100 (100 = 100+), by sex, spreading each group evenly.
    public func singleYearAges() -> (male: [Double], female: [Double]) {
        var male = [Double](repeating: 0, count: 101)
        var female = male
        for group in ageGroups {
            let top = group.to ?? 100
            let width = Double(top - group.from + 1)
            for age in group.from...top {
                male[age] += group.male / width
                female[age] += group.female / width
            }
        }
        return (male, female)
    }
}
