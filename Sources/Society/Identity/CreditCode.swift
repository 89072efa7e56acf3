/// The 18-character unified social credit code of GB 32100-2015 (R4): registration authority
/// (1), organisation category (1), administrative division (6), organisation code (9, itself
/// with a GB 11714 check character) and a check character. The alphabet is the digits and the
/// capitals without I, O, Z, S and V.
public struct CreditCode: Sendable, Hashable, CustomStringConvertible {
    /// The 18 characters.
    public let text: String

    /// The 31 characters of the code, in value order.
    static let alphabet = Array("0123456789ABCDEFGHJKLMNPQRTUWXY")
    /// Weights 3^i mod 31 for the 17 characters before the check.
    static let weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    /// Weights of the GB 11714 organisation code check.
    static let organisationWeights = [3, 7, 9, 10, 5, 8, 4, 2]

    /// Builds a code for an enterprise registered by market regulation ("91"), from its division
    /// and the 8 body characters of its organisation code; both check characters are computed.
    public init(division: Int, organisationBody: String) {
        let organisation = organisationBody + String(Self.organisationCheck(organisationBody)!)
        let body = "91" + pad(division, 6) + organisation
        text = body + String(Self.checkCharacter(for: body)!)
    }

    /// Parses and validates a code.
    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        self.text = text
    }

    /// The GB 32100 check character for 17 characters, or nil if any is outside the alphabet.
    public static func checkCharacter(for body: String) -> Character? {
        let values = body.compactMap { alphabet.firstIndex(of: $0) }
        guard body.count == 17, values.count == 17 else { return nil }
        let sum = zip(values, weights).reduce(0) { $0 + $1.0 * $1.1 }
        return alphabet[(31 - sum % 31) % 31]
    }

    /// The GB 11714 check character for the 8-character organisation code body (digits and capitals).
    public static func organisationCheck(_ body: String) -> Character? {
        let values = body.compactMap { character -> Int? in
            if let digit = character.wholeNumberValue, character.isASCII { return digit }
            guard let ascii = character.asciiValue, (65...90).contains(ascii) else { return nil }
            return Int(ascii) - 55  // A = 10 ... Z = 35
        }
        guard body.count == 8, values.count == 8 else { return nil }
        let sum = zip(values, organisationWeights).reduce(0) { $0 + $1.0 * $1.1 }
        let check = 11 - sum % 11
        return check == 10 ? "X" : check == 11 ? "0" : Character(String(check))
    }

    /// Whether a text is a well-formed code with a correct check character.
    public static func isValid(_ text: String) -> Bool {
        text.count == 18 && checkCharacter(for: String(text.prefix(17))) == text.last
    }

    public var description: String { text }
}
