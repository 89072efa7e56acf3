import SocialCredit

/// The 18-character citizen identity number of GB 11643-1999 (M1): a 6-digit administrative
/// division code, the date of birth as YYYYMMDD, a 3-digit sequence whose parity gives the sex
/// (odd for men), and an ISO 7064 MOD 11-2 check character (0-9 or X).
///
/// Synthetic people get synthetic numbers that follow the standard; they are computed from the
/// person's index and attributes, not stored, and identify no one.
public struct ResidentID: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters.
    public let text: String

    /// Weights of ISO 7064 MOD 11-2 for the first 17 digits: 2^(17-i) mod 11.
    static let weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]

    /// Builds a number from its parts; the check character is computed.
    public init(division: Int, birth: Day, sequence: Int) {
        let (y, m, d) = birth.components
        let body = pad(division, 6) + pad(y, 4) + pad(m, 2) + pad(d, 2) + pad(sequence % 1000, 3)
        text = body + String(Self.checkCharacter(for: body)!)
    }

    /// Parses and validates a number: 17 digits, a valid date, and the right check character.
    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        self.text = text.uppercased()
    }

    /// The check character for 17 digits, or nil if they are not 17 digits.
    public static func checkCharacter(for body: String) -> Character? {
        let digits = body.compactMap(\.wholeNumberValue)
        guard body.count == 17, digits.count == 17, body.allSatisfy(\.isASCII) else { return nil }
        let sum = zip(digits, weights).reduce(0) { $0 + $1.0 * $1.1 }
        let value = (12 - sum % 11) % 11
        return value == 10 ? "X" : Character(String(value))
    }

    /// Whether a text is a well-formed identity number with a correct check character and a real date.
    public static func isValid(_ text: String) -> Bool {
        let upper = text.uppercased()
        guard upper.count == 18, let check = checkCharacter(for: String(upper.prefix(17))), upper.last == check else {
            return false
        }
        let digits = Array(upper)
        guard let year = Int(String(digits[6..<10])), let month = Int(String(digits[10..<12])),
            let day = Int(String(digits[12..<14]))
        else { return false }
        return Day(year: year, month: month, day: day) != nil
    }

    /// The date of birth it encodes.
    public var birth: Day {
        let d = Array(text)
        return Day(year: Int(String(d[6..<10]))!, month: Int(String(d[10..<12]))!, day: Int(String(d[12..<14]))!)!
    }

    /// Whether it encodes a man (odd sequence number).
    public var isMale: Bool { Int(String(Array(text)[16]))! % 2 == 1 }

    /// The province code (first two digits).
    public var provinceCode: Int { Int(String(text.prefix(2)))! }

    public var description: String { text }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

extension Population {
    /// The person's synthetic identity number: their province's code with a prefecture and county
    /// drawn for their household, their date of birth, and a sequence number of the right parity.
    public func residentID(of person: Int, census: Census) -> ResidentID {
        let random = CounterRandom(seed: seed)
        let home = UInt64((placement?.firstHousehold ?? 0) + household(of: person))
        let provinceCode = census.provinces[Int(province[person])].code
        let division =
            provinceCode * 10_000 + (1 + random.below(20, .identity, home, 0)) * 100
            + (1 + random.below(30, .identity, home, 1))
        var sequence = random.below(500, .identity, UInt64(firstPerson + person), 2) * 2
        if flags[person].contains(.male) { sequence += 1 }
        return ResidentID(division: division, birth: Day(number: birthDay[person]), sequence: sequence)
    }
}
