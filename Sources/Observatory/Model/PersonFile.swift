import Foundation
import Impact
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
        var linked = 0, linkedTraced = 0
        func relative(_ index: UInt32) -> Subject? {
            guard index != Population.none, Int(index) < population.count else { return nil }
            linked += 1
            if isTraced(Int(index)) { linkedTraced += 1 }
            return subject(person: Int(index), society)
        }
        let parents = [population.mother[person], population.father[person]].compactMap(relative)
        let spouse = relative(population.spouse[person])
        let friends = population.network.friends(of: person).compactMap(relative)
        let employerIndex = population.employer[person]
        let employer: Subject? = employerIndex == Population.none || Int(employerIndex) >= population.companies.count
            ? nil : companySubject(Int(employerIndex), society)
        return PersonFile(subject: subject(person: person, society),
                          relations: Relations(parents: parents, spouse: spouse, friends: friends, employer: employer),
                          linked: linked, linkedTraced: linkedTraced)
    }

    /// A person as the engine sees them: all records if traced, else the records behind listings.
    private func subject(person: Int, _ society: SocietyView) -> Subject {
        let records = peopleTraces[person].map(records(from:))
            ?? (peopleListings[person] ?? []).compactMap(record(from:))
        return Subject(kind: .people, province: society.provinceCode(person), enrolled: enrolled(people[person]),
                       records: records)
    }

    private func companySubject(_ company: Int, _ society: SocietyView) -> Subject {
        let records = companyTraces[company].map(records(from:))
            ?? (companyListings[company] ?? []).compactMap(record(from:))
        return Subject(kind: .companies, province: society.companyProvinceCode(company),
                       enrolled: enrolled(companies[company]), records: records)
    }

    /// Scored at the end (a snapshot without a score was not enrolled); scored when unknown, as
    /// under mandatory enrolment.
    private func enrolled(_ snapshot: SubjectSnapshot?) -> Bool {
        guard let snapshot else { return scenario.enrolment.mode == .mandatory }
        return snapshot.score != nil
    }

    /// Engine records from a subject's traces. A trace is one (record, rule) pair (`TraceID`);
    /// the record is judged otherwise when every rule judged it so.
    func records(from traces: [RecordTrace]) -> [Record] {
        var order: [Int64] = []
        var byRecord: [Int64: [RecordTrace]] = [:]
        for trace in traces {
            let key = trace.traceID.record
            if byRecord[key] == nil { order.append(key) }
            byRecord[key, default: []].append(trace)
        }
        return order.compactMap { key in
            guard let group = byRecord[key], let first = group.first,
                  let behavior = policy.behavior(first.behavior), let source = policy.source(first.source),
                  let occurred = Day(iso: first.occurred), let recorded = Day(iso: first.recorded) else { return nil }
            let appeal = group.lazy.compactMap { trace -> Appeal? in
                guard let filed = trace.appealFiled.flatMap({ Day(iso: $0) }),
                      let decided = trace.appealDecided.flatMap({ Day(iso: $0) }),
                      let outcome = trace.appealOutcome.flatMap(Appeal.Outcome.init(rawValue:)) else { return nil }
                return Appeal(filed: filed, decided: decided, outcome: outcome)
            }.first
            let judgedOtherwise = group.allSatisfy { $0.rule == nil || $0.judgedOtherwise }
                && group.contains { $0.rule != nil }
            return Record(id: Int(key), behavior: behavior, source: source, occurred: occurred, recorded: recorded,
                          misattributed: first.misattributed, judgedOtherwise: judgedOtherwise, appeal: appeal)
        }
    }

    /// The record behind a listing, for a subject whose other records are unknown.
    private func record(from listing: Listing) -> Record? {
        guard let behavior = policy.behavior(listing.behavior), let source = policy.source(listing.source),
              let day = Day(iso: listing.day) else { return nil }
        return Record(id: Int(TraceID(rawValue: listing.id).record), behavior: behavior, source: source, occurred: day, recorded: day,
                      misattributed: listing.misattributed)
    }
}
