import Society

/// Each person's employing company, for the spillovers through employers.
///
/// Only employees have one (38% of adults in a generated society), so the column is kept as a
/// bit per person for whether they have an employer, the count of those before every 64th
/// person, and the employers of those who have one, in person order: about 1.4 bytes a person
/// where the population's column has 4 (0.26 GB less at 100 million people). Reading a link
/// counts the set bits before the person's in their word.
struct EmployerLinks: RandomAccessCollection, Sendable {
    /// Bit p % 64 of word p / 64: person p has an employer.
    let employed: [UInt64]
    /// People with an employer before each word's first person.
    let before: [UInt32]
    /// The employers of those who have one, in person order.
    let employers: [UInt32]
    /// People.
    let count: Int

    /// The links of a population's employer column (`Population.none`: no employer).
    init(_ column: [UInt32]) {
        count = column.count
        var employed = [UInt64](repeating: 0, count: (column.count + 63) / 64)
        var before = [UInt32](repeating: 0, count: employed.count)
        var employers: [UInt32] = []
        for (person, company) in column.enumerated() {
            if person & 63 == 0 { before[person >> 6] = UInt32(employers.count) }
            guard company != Population.none else { continue }
            employed[person >> 6] |= 1 << UInt64(person & 63)
            employers.append(company)
        }
        self.employed = employed
        self.before = before
        self.employers = employers
    }

    var startIndex: Int { 0 }
    var endIndex: Int { count }

    /// Person p's employer, `Population.none` for none.
    @inline(__always) subscript(person: Int) -> UInt32 {
        let word = employed[person >> 6]
        let bit = UInt64(1) << UInt64(person & 63)
        guard word & bit != 0 else { return Population.none }
        return employers[Int(before[person >> 6]) + (word & (bit &- 1)).nonzeroBitCount]
    }
}
