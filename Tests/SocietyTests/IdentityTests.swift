import SocialCredit
import Testing

@testable import Society

/// Identity numbers (GB 11643-1999) and unified social credit codes (GB 32100-2015) follow
/// their standards: published examples validate, altered ones do not, generated ones validate.
@Suite("Identity numbers and credit codes")
struct IdentityTests {
    @Test(
        "Published resident identity numbers validate",
        arguments: [
            "11010519491231002X",  // the standard's own example (check character X)
            "440524188001010014",
        ]
    )
    func validResidentIDs(text: String) throws {
        let id = try #require(ResidentID(text))
        #expect(id.text == text)
    }

    @Test("The standard's example decodes: Beijing, 1949-12-31, female")
    func decodes() throws {
        let id = try #require(ResidentID("11010519491231002X"))
        #expect(id.provinceCode == 11)
        #expect(id.birth == Day(iso: "1949-12-31"))
        #expect(!id.isMale)  // sequence 002 is even
    }

    @Test(
        "Altered or malformed identity numbers are rejected",
        arguments: [
            "110105194912310021",  // wrong check character
            "11010519491331002X",  // month 13
            "11010519490229002X",  // 1949 is not a leap year
            "11010519491231002",  // 17 characters
            "1101051949123100AX",  // letters in the body
        ]
    )
    func invalidResidentIDs(text: String) {
        #expect(ResidentID(text) == nil)
    }

    @Test("Check characters by ISO 7064 MOD 11-2, worked by hand")
    func checkCharacter() {
        // 1*7+1*9+0*10+1*5+0*8+5*4+1*2+9*1+4*6+9*3+1*7+2*9+3*10+1*5+0*8+0*4+2*2 = 167; 167 mod 11 = 2; (12-2) mod 11 = 10 -> X
        #expect(ResidentID.checkCharacter(for: "11010519491231002") == "X")
        #expect(ResidentID.checkCharacter(for: "44052418800101001") == "4")
    }

    @Test(
        "Published unified social credit codes validate",
        arguments: [
            "9144030071526726XG", "91330100716105852F", "91110108551385082Q", "91440300708461136T",
            "91310000717854505W",
        ]
    )
    func validCreditCodes(text: String) throws {
        #expect(CreditCode(text) != nil)
        // Their organisation codes carry a valid GB 11714 check character too.
        let organisation = Array(text)[8..<17]
        #expect(CreditCode.organisationCheck(String(organisation.prefix(8))) == organisation.last)
    }

    @Test(
        "Altered credit codes are rejected",
        arguments: [
            "9144030071526726XH",  // wrong check
            "9144030071526726X",  // 17 characters
            "9144030071526I26XG",  // I is not in the alphabet
            "91440300715267260G",  // one character changed
        ]
    )
    func invalidCreditCodes(text: String) {
        #expect(CreditCode(text) == nil)
    }
}
