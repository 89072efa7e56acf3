import Testing

@testable import Society

@Suite("Company staff lists")
struct CompanyStaffTests {
    @Test("A hand-made employer column read the other way round")
    func handMade() {
        let none = Population.none
        // Person 4 links past the three companies, persons 1 and 7 have no employer.
        let staff = CompanyStaff(employer: [2, none, 0, 2, 5, 0, 1, none], companies: 3)
        #expect(staff.count == 3)
        #expect(Array(staff.employees(of: 0)) == [2, 5])
        #expect(Array(staff.employees(of: 1)) == [6])
        #expect(Array(staff.employees(of: 2)) == [0, 3])
        #expect(staff.bytes == (4 + 5) * 4)
    }

    @Test("No companies, or no one employed")
    func empty() {
        #expect(CompanyStaff(employer: [0, 1], companies: 0).count == 0)
        let staff = CompanyStaff(employer: [Population.none], companies: 2)
        #expect(staff.employees(of: 0).isEmpty && staff.employees(of: 1).isEmpty)
    }

    @Test("A generated society's lists agree with its employer column and company sizes")
    func generated() {
        let population = SocietyFixture.small
        let companies = population.companies
        let staff = CompanyStaff(employer: population.employer, companies: companies.count)
        #expect(staff.count == companies.count)
        var listed = 0
        for company in 0..<companies.count {
            let employees = staff.employees(of: company)
            #expect(employees.count == Int(companies.employees[company]))
            #expect(employees.allSatisfy { population.employer[Int($0)] == UInt32(company) })
            #expect(zip(employees, employees.dropFirst()).allSatisfy { $0 < $1 })
            listed += employees.count
        }
        #expect(listed == population.employer.filter { $0 != Population.none }.count)
        #expect(listed > 0)
    }
}
