import Foundation
import Impact
import OpenAPIRuntime
import RunStore
import Simulation
import SocialCredit
import Society

/// The JSON API: the operations of `openapi.yaml` tagged `api`, implemented against the protocol
/// swift-openapi-generator makes from it, so a route, parameter or response that is not in the
/// document does not compile. Parameters come decoded by the generated layer (typed as the
/// document says) and are range-checked here through `Query`, the same checks the pages make;
/// answers are the Observatory's own values, checked against the document's schemas by
/// `APIValue` on their way out.
struct ObservatoryAPI: APIProtocol {
    let catalog: RunCatalog
    /// The policy lab, when the server runs with it.
    var lab: Lab? = nil

    func listRuns(_ input: Operations.listRuns.Input) async throws -> Operations.listRuns.Output {
        .ok(.init(body: .json(try APIValue(RunList(runs: catalog.overviews())).value)))
    }

    func getRun(_ input: Operations.getRun.Input) async throws -> Operations.getRun.Output {
        .ok(.init(body: .json(try APIValue(catalog.run(input.path.run).overview).value)))
    }

    func getReport(_ input: Operations.getReport.Input) async throws -> Operations.getReport.Output {
        .ok(.init(body: .json(try APIValue(catalog.run(input.path.run).report).value)))
    }

    func getScenario(_ input: Operations.getScenario.Input) async throws -> Operations.getScenario.Output {
        .ok(.init(body: .json(try APIValue(ScenarioView(catalog.run(input.path.run))).value)))
    }

    func getPublicList(_ input: Operations.getPublicList.Input) async throws -> Operations.getPublicList.Output {
        let run = try catalog.run(input.path.run)
        let given = input.query
        let query = try PublicListQuery(
            Query([
                "q": given.q, "list": given.list, "from": given.from, "to": given.to,
                "page": given.page.map(String.init),
                "per_page": given.per_page.map(String.init),
            ]),
            run: run
        )
        return .ok(.init(body: .json(try APIValue(run.publicList(query)).value)))
    }

    func listPeople(_ input: Operations.listPeople.Input) async throws -> Operations.listPeople.Output {
        let run = try catalog.run(input.path.run)
        let query = Query([
            "page": input.query.page.map(String.init), "per_page": input.query.per_page.map(String.init),
        ])
        let page = try query.integer("page", in: 1...100_000) ?? 1
        let perPage = try query.integer("per_page", in: 1...PublicListQuery.maxPerPage) ?? 25
        return .ok(.init(body: .json(try APIValue(run.tracedPeople(page: page, perPage: perPage)).value)))
    }

    func getPerson(_ input: Operations.getPerson.Input) async throws -> Operations.getPerson.Output {
        let run = try catalog.run(input.path.run)
        let person = try personIndex(input.path.person)
        let report: Components.Schemas.CreditReport = try run.responses.get("report \(person)") {
            try APIValue(run.creditReport(person))
        }
        return .ok(.init(body: .json(report)))
    }

    func getDecision(_ input: Operations.getDecision.Input) async throws -> Operations.getDecision.Output {
        let run = try catalog.run(input.path.run)
        let person = try personIndex(input.path.person)
        let action = input.path.action
        let decision: Components.Schemas.Decision = try run.responses.get("decision \(person) \(action)") {
            try APIValue(run.decision(person: person, action: action))
        }
        return .ok(.init(body: .json(decision)))
    }
}

/// An answer as the generated type of its schema: the Observatory's value encoded as JSON and
/// decoded as the document's type, so a field the document lacks (its schemas refuse
/// additional properties), a missing required field or a wrong type is an error, never a
/// silently different answer. `bytes` is the size of the JSON, which the response cache counts.
struct APIValue<Value: Decodable & Sendable>: Sendable {
    let value: Value
    let bytes: Int

    /// - Throws: `.unavailable` naming the mismatch when the answer does not fit the schema.
    init(_ answer: some Encodable) throws {
        do {
            let data = try JSONEncoder().encode(answer)
            value = try JSONDecoder().decode(Value.self, from: data)
            bytes = data.count
        } catch {
            throw ObservatoryError.unavailable("the answer does not fit the API document (openapi.yaml): \(error)")
        }
    }
}
