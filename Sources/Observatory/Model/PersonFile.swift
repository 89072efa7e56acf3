import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// What the decision engine needs about a person, rebuilt from a run: their records (from the
/// record traces), where they live, whether they are scored, and their relatives, friends and
/// employer with what is known of their own records.
///
/// The run keeps the full record history of traced people only (one in a thousand by default).
/// A linked person who is not traced is represented by the listings the run keeps for everyone,
/// which is what spillovers through lists need; their other records are unknown and absent.
struct PersonFile: Sendable {
    /// The person as the engine sees them.
    var subject: Subject
    /// Their relatives, friends and employer as the engine sees them.
    var relations: Relations
    /// Linked people (parents, spouse, friends) and how many of them have a full history.
    var linked: Int
    var linkedTraced: Int
}

extension RunView {
    /// The engine's view of a traced person. Nil for someone whose records were not kept.
    func personFile(_ person: Int) throws -> PersonFile? {
        guard isTraced(person) else { return nil }
        let society = try societyView()
        let population = society.population
        var linked = 0
        var linkedTraced = 0
        func relative(_ index: UInt32) throws -> Subject? {
            guard index != Population.none, Int(index) < population.count else { return nil }
            linked += 1
            if isTraced(Int(index)) { linkedTraced += 1 }
            return try subject(person: Int(index), society)
        }
        let parents = try [population.mother[person], population.father[person]].compactMap(relative)
        let spouse = try relative(population.spouse[person])
        let friends = try population.network.friends(of: person).compactMap(relative)
        let employerIndex = population.employer[person]
        let employer: Subject? =
            employerIndex == Population.none || Int(employerIndex) >= population.companies.count
            ? nil : try companySubject(Int(employerIndex), society)
        return PersonFile(
            subject: try subject(person: person, society),
            relations: Relations(parents: parents, spouse: spouse, friends: friends, employer: employer),
            linked: linked,
            linkedTraced: linkedTraced
        )
    }

    /// A person as the engine sees them: all records if traced (through Impact's `TracedRecords`,
    /// the one reader of traces), else the records behind their listings.
    private func subject(person: Int, _ society: SocietyView) throws -> Subject {
        Subject(
            kind: .people,
            province: society.provinceCode(person),
            enrolled: enrolled(people[person]),
            records: try records(traced: peopleTraces[person], listed: peopleListings[person])
        )
    }

    private func companySubject(_ company: Int, _ society: SocietyView) throws -> Subject {
        Subject(
            kind: .companies,
            province: society.companyProvinceCode(company),
            enrolled: enrolled(companies[company]),
            records: try records(traced: companyTraces[company], listed: companyListings[company])
        )
    }

    /// A subject's records: rebuilt from their traces when traced, else the records known from
    /// their listings only.
    private func records(traced: [RecordTrace]?, listed: [Listing]?) throws -> [Record] {
        if let traced { return try TracedRecords(traced, scenario: scenario).records }
        return TracedRecords.knownFromListings(listed ?? [], scenario: scenario)
    }

    /// Scored at the end (a snapshot without a score was not enrolled); scored when unknown, as
    /// under mandatory enrolment.
    private func enrolled(_ snapshot: SubjectSnapshot?) -> Bool {
        guard let snapshot else { return scenario.enrolment.mode == .mandatory }
        return snapshot.score != nil
    }
}
