import SocialCredit

/// Employers (M11): each company has a province, a sector and its employees; its unified social
/// credit code is computed from its index.
public struct Companies: Sendable {
    /// Index into `Census.provinces`.
    public internal(set) var province: [UInt8]
    /// Index into `Sector.allCases`.
    public internal(set) var sector: [UInt8]
    /// Number of employees linked to it.
    public internal(set) var employees: [UInt32]

    /// Number of companies.
    public var count: Int { province.count }

    /// The company's sector.
    public func sectorOf(_ company: Int) -> Sector { Sector.allCases[Int(sector[company])] }

    var bytes: Int { count * 6 }

    static let empty = Companies(province: [], sector: [], employees: [])
}

extension Population {
    /// A company's synthetic unified social credit code: registered by market regulation as an
    /// enterprise ("91"), in a division of its province, with an organisation code derived from
    /// the seed and its index in the whole society.
    public func creditCode(of company: Int, census: Census) -> CreditCode {
        let random = CounterRandom(seed: seed)
        let key = UInt64(firstCompany + company)
        let provinceCode = census.provinces[Int(companies.province[company])].code
        let division =
            provinceCode * 10_000 + (1 + random.below(20, .companyCode, key, 0)) * 100
            + (1 + random.below(30, .companyCode, key, 1))
        // Organisation codes are 8 digits or capitals (GB 11714); synthetic ones use digits and
        // the code's own alphabet.
        let alphabet: [Character] = CreditCode.alphabet
        var body = ""
        for k in 0..<8 {
            let choices = k < 2 ? 10 : alphabet.count
            body.append(alphabet[random.below(choices, .companyCode, key, UInt64(k + 2))])
        }
        return CreditCode(division: division, organisationBody: body)
    }
}
