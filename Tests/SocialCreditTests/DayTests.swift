import Testing

@testable import SocialCredit

@Suite("Calendar days")
struct DayTests {
    @Test(
        "Known serial numbers",
        arguments: [
            ("1970-01-01", Int32(0)), ("2000-03-01", Int32(11_017)), ("2014-06-14", Int32(16_235)),
            ("2020-01-01", Int32(18_262)), ("1969-12-31", Int32(-1)),
        ]
    )
    func serialNumbers(text: String, number: Int32) throws {
        let day = try #require(Day(iso: text))
        #expect(day.number == number)
        #expect(day.description == text)
    }

    @Test(
        "Impossible dates are rejected",
        arguments: ["2021-02-29", "2014-13-01", "2014-00-10", "2014-6-14", "14-06-2014", "2014-06-31", ""]
    )
    func rejects(text: String) {
        #expect(Day(iso: text) == nil)
    }

    @Test("Leap day of a leap year exists")
    func leapDay() throws {
        let day = try #require(Day(iso: "2020-02-29"))
        #expect(day.adding(days: 1).description == "2020-03-01")
        #expect(day.year == 2020)
    }
}
