import Foundation
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

/// The runs in the folder.
struct RunList: Sendable, Codable {
    var runs: [RunOverview]
}

/// The scenario as the API gives it: its tables (the report's "How it works"), the actions that
/// can be tried, and the published lists.
struct ScenarioView: Sendable, Codable {
    var id: String
    var name: String
    var summary: String
    var tables: Section
    var actions: [ActionChoice]
    var publishedLists: [ActionChoice]

    init(_ run: RunView) {
        id = run.scenario.id
        name = run.scenario.name
        summary = run.scenario.summary
        tables = run.scenarioSection
        actions = run.personActions
        publishedLists = run.publishedLists.map { ActionChoice(id: $0.id, label: $0.label) }
    }
}

/// One page of the traced people of a run: those whose credit report and decisions are known.
struct PeoplePage: Sendable, Codable, Equatable {
    var run: String
    var total: Int
    var page: Int
    var perPage: Int
    var people: [PersonLine]
}

/// A traced person in a list.
struct PersonLine: Sendable, Codable, Equatable {
    var person: Int
    var name: String
    var pinyin: String
    var score: Int?
    var tier: String?
    var lists: [String]
}

extension RunView {
    /// A page of the traced people.
    func tracedPeople(page: Int, perPage: Int) throws -> PeoplePage {
        let society = try societyView()
        let start = min(traced.count, (page - 1) * perPage)
        let slice = traced[start..<min(traced.count, start + perPage)]
        return PeoplePage(
            run: id,
            total: traced.count,
            page: page,
            perPage: perPage,
            people: slice.map { person in
                let name = society.name(person)
                let snapshot = people[person]
                return PersonLine(
                    person: person,
                    name: name.han,
                    pinyin: name.pinyin,
                    score: snapshot?.score,
                    tier: snapshot?.tier,
                    lists: snapshot.map { $0.lists.split(separator: ",").map(String.init) } ?? []
                )
            }
        )
    }
}
