import Foundation

/// Published frequencies of Chinese surnames and given-name characters, for synthetic names.
///
/// Source: Bao, H.-W.-S. (2021), ChineseNames: Chinese Name Database 1930-2008, from the
/// National Citizen Identity Information Center (1.2 billion Han Chinese); see
/// `Resources/README.md`. Names are drawn by frequency; no name belongs to anyone.
public struct NameTables: Sendable {
    /// A surname with its reading and how many people bear it.
    public struct Surname: Sendable {
        /// Han characters.
        public var han: String
        /// Pinyin, capitalised, without tones.
        public var pinyin: String
        /// Bearers in the source data.
        public var count: Double
    }

    /// A given-name character with its reading and use by sex.
    public struct Character: Sendable {
        /// The Han character.
        public var han: String
        /// Pinyin without tones.
        public var pinyin: String
        /// Men with it in their given name.
        public var male: Double
        /// Women with it in their given name.
        public var female: Double
    }

    /// Surnames, most frequent first.
    public let surnames: [Surname]
    /// Given-name characters, most frequent first.
    public let characters: [Character]
    let surnameDistribution: DiscreteDistribution
    let maleCharacters: DiscreteDistribution
    let femaleCharacters: DiscreteDistribution

    /// The tables shipped with the package.
    public static func load() throws -> NameTables {
        let table = CSVTable.resource
        let s = try table("surnames")
        let c = try table("given-name-characters")
        let surnames = try zip(zip(s.strings("han"), s.strings("pinyin")), s.doubles("count"))
            .map { Surname(han: $0.0, pinyin: $0.1, count: $1) }
        let characters = try zip(
            zip(c.strings("han"), c.strings("pinyin")),
            zip(c.doubles("male"), c.doubles("female"))
        )
        .map { Character(han: $0.0, pinyin: $0.1, male: $1.0, female: $1.1) }
        guard !surnames.isEmpty, !characters.isEmpty, surnames.count <= Int(UInt16.max) else {
            throw CensusDataError(file: "surnames.csv", message: "empty or too large name tables")
        }
        return NameTables(surnames: surnames, characters: characters)
    }

    init(surnames: [Surname], characters: [Character]) {
        self.surnames = surnames
        self.characters = characters
        surnameDistribution = DiscreteDistribution(weights: surnames.map(\.count))
        maleCharacters = DiscreteDistribution(weights: characters.map(\.male))
        femaleCharacters = DiscreteDistribution(weights: characters.map(\.female))
    }

    /// A surname index for a uniform draw.
    func surname(_ u: Double) -> Int { surnameDistribution.index(u) }
}

/// A synthetic person's name in Han characters and pinyin.
public struct PersonName: Sendable, Hashable, CustomStringConvertible {
    /// Surname then given name, no space: 王小明.
    public var han: String
    /// Surname, space, given name: Wang Xiaoming.
    public var pinyin: String

    public var description: String { "\(han) (\(pinyin))" }
}

extension Population {
    /// The person's synthetic name: their surname, and a one- or two-character given name
    /// drawn by the published character frequencies for their sex. Computed, not stored.
    public func name(of person: Int, tables: NameTables) -> PersonName {
        let random = CounterRandom(seed: seed)
        let key = UInt64(firstPerson + person)
        let male = flags[person].contains(.male)
        let chars = male ? tables.maleCharacters : tables.femaleCharacters
        // Two-character given names are the large majority; one-character names were commonest
        // for people born in the 1980s and 1990s (assumption: 20% overall, 30% for ages 20-40).
        let oneShare = (20...40).contains(Int(age[person])) ? 0.3 : 0.2
        let length = random.uniform(.givenName, key, 0) < oneShare ? 1 : 2
        let surname = tables.surnames[Int(self.surname[person])]
        var han = surname.han
        var pinyin = ""
        for k in 0..<length {
            let character = tables.characters[chars.index(random.uniform(.givenName, key, UInt64(k + 1)))]
            han += character.han
            pinyin += k == 0 ? character.pinyin.capitalized : character.pinyin
        }
        return PersonName(han: han, pinyin: "\(surname.pinyin) \(pinyin)")
    }
}
