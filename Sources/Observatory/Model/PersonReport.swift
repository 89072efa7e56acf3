import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// The run in memory answers a credit report's reads (snapshots and traces by subject), so the
/// person page and its JSON come from Impact's `CreditReport.build`, the same code as
/// `sclab explain`, without touching the database again.
extension RunView: StoredSubjects {
    /// The stored final state of a person or company.
    func snapshot(subject: Int, kind: String) throws -> SubjectSnapshot? {
        kind == "companies" ? companies[subject] : people[subject]
    }

    /// The record traces of a person or company (empty when not traced).
    func traces(subject: Int, kind: String) throws -> [RecordTrace] {
        (kind == "companies" ? companyTraces[subject] : peopleTraces[subject]) ?? []
    }
}

extension RunView {
    /// The credit report of a person, as `sclab explain` gives it, with the identity number's
    /// date of birth hidden as public credit lists hide it, and the run named by its id (the
    /// folder's name in the runs folder), never by the server's path.
    /// - Throws: `ObservatoryError.notFound` for an index outside the society.
    func creditReport(_ person: Int) throws -> CreditReport {
        try requirePerson(person)
        let society = try societyView()
        var named = data
        named.directory = id
        var report = try CreditReport.build(
            person: person,
            data: named,
            stored: self,
            policy: policy,
            population: society.population,
            census: society.census,
            names: society.names
        )
        report.attributes.identityNumber = maskedIdentity(report.attributes.identityNumber)
        return report
    }

    /// Throws 404 unless `person` is an index of the society.
    func requirePerson(_ person: Int) throws {
        guard person >= 0, person < data.info.population else {
            throw ObservatoryError.notFound(
                "no person \(person) in run '\(id)' (people are numbered 0 to \(data.info.population - 1))"
            )
        }
    }
}
