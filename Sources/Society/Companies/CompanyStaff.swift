/// Each company's employees, listed: the employer column read the other way round, for passes
/// that start from a few companies and must reach their people (the month end's spillovers
/// through employers), which would otherwise read every person's employer.
///
/// Held as one array of people grouped by company, in order within each (a compressed row
/// list): 4 bytes per employed person and 4 per company.
public struct CompanyStaff: Sendable {
    /// Where each company's employees start in `people`, and past the last: `count + 1` entries.
    let starts: [UInt32]
    /// The employees, company after company, in index order within each.
    let people: [UInt32]

    /// The employees of `employer`'s companies (`count` of them; people without an employer,
    /// `Population.none`, and links past the companies are left out), from one pass that counts
    /// and one that places.
    public init<Links: RandomAccessCollection<UInt32>>(employer: Links, companies count: Int) where Links.Index == Int {
        var starts = [UInt32](repeating: 0, count: count + 1)
        for company in employer where company < count { starts[Int(company) + 1] += 1 }
        for company in 0..<count { starts[company + 1] += starts[company] }
        var next = starts
        var people = [UInt32](repeating: 0, count: Int(starts[count]))
        for (person, company) in zip(employer.indices, employer) where company < count {
            people[Int(next[Int(company)])] = UInt32(person)
            next[Int(company)] += 1
        }
        self.starts = starts
        self.people = people
    }

    /// Number of companies.
    public var count: Int { starts.count - 1 }

    /// The employees of `company`, in index order.
    public func employees(of company: Int) -> ArraySlice<UInt32> {
        people[Int(starts[company])..<Int(starts[company + 1])]
    }

    /// Bytes held.
    public var bytes: Int { (starts.count + people.count) * MemoryLayout<UInt32>.size }
}
