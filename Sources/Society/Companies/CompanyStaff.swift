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
    public init(employer: [UInt32], companies count: Int) {
        self.init(people: employer.count, companies: count) { employer[$0] }
    }

    /// The employees of `count` companies, person p's employer being `employer(p)` for each of
    /// `people` people: for a run's employer links, which are not kept as a column. (A closure,
    /// not a generic collection: an unspecialised generic from another module looked up type
    /// metadata for every person: about 7 s at 10 million people.)
    public init(people: Int, companies count: Int, employer: (Int) -> UInt32) {
        var starts = [UInt32](repeating: 0, count: count + 1)
        for person in 0..<people {
            let company = employer(person)
            if company < count { starts[Int(company) + 1] += 1 }
        }
        for company in 0..<count { starts[company + 1] += starts[company] }
        var next = starts
        var staff = [UInt32](repeating: 0, count: Int(starts[count]))
        for person in 0..<people {
            let company = employer(person)
            guard company < count else { continue }
            staff[Int(next[Int(company)])] = UInt32(person)
            next[Int(company)] += 1
        }
        self.starts = starts
        self.people = staff
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
