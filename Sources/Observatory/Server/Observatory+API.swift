import Foundation
import Hummingbird
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

extension Observatory {
    /// The JSON API and its OpenAPI document.
    func addAPI(to router: Router<BasicRequestContext>) {
        let catalog = self.catalog
        router.get("/openapi.json") { _, _ in Responses.jsonText(OpenAPIDocument.text) }
        router.get("/api/runs") { _, _ in Responses.json(RunList(runs: catalog.overviews())) }
        router.get("/api/runs/:run") { _, context in
            Responses.json(try catalog.run(context.parameters.require("run")).overview)
        }
        router.get("/api/runs/:run/report") { _, context in
            Responses.json(try catalog.run(context.parameters.require("run")).report)
        }
        router.get("/api/runs/:run/scenario") { _, context in
            Responses.json(ScenarioView(try catalog.run(context.parameters.require("run"))))
        }
        router.get("/api/runs/:run/public-list") { request, context in
            let run = try catalog.run(context.parameters.require("run"))
            return Responses.json(try run.publicList(PublicListQuery(Query(request.uri.query), run: run)))
        }
        router.get("/api/runs/:run/people") { request, context in
            let run = try catalog.run(context.parameters.require("run"))
            let query = try Query(request.uri.query)
            let page = try query.integer("page", in: 1...100_000) ?? 1
            let perPage = try query.integer("per_page", in: 1...PublicListQuery.maxPerPage) ?? 25
            return Responses.json(try run.tracedPeople(page: page, perPage: perPage))
        }
        router.get("/api/runs/:run/people/:person") { _, context in
            let run = try catalog.run(context.parameters.require("run"))
            let person = try personIndex(context.parameters.require("person"))
            return try Responses.cachedJSON(run.responses, "report \(person)") { try run.creditReport(person) }
        }
        router.get("/api/runs/:run/people/:person/decisions/:action") { _, context in
            let run = try catalog.run(context.parameters.require("run"))
            let person = try personIndex(context.parameters.require("person"))
            let action = try context.parameters.require("action")
            return try Responses.cachedJSON(run.responses, "decision \(person) \(action)") {
                try run.decision(person: person, action: action)
            }
        }
    }
}

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
        return PeoplePage(run: id, total: traced.count, page: page, perPage: perPage, people: slice.map { person in
            let name = society.name(person)
            let snapshot = people[person]
            return PersonLine(person: person, name: name.han, pinyin: name.pinyin, score: snapshot?.score,
                              tier: snapshot?.tier, lists: snapshot.map { $0.lists.split(separator: ",").map(String.init) } ?? [])
        })
    }
}
