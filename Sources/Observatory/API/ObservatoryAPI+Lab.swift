import Foundation
import OpenAPIRuntime
import SocialCredit

/// The lab's operations of the JSON API: the same submission, job and cancel as the lab's pages
/// (`Lab`), so a script and a browser get the same answers; 404 when the server runs without
/// the lab.
extension ObservatoryAPI {
    /// The lab, or the 404 that says how to turn it on.
    func requireLab() throws -> Lab {
        guard let lab else {
            throw ObservatoryError.notFound("the lab is off: start the server with `sclab serve --lab`")
        }
        return lab
    }

    func listLabJobs(_ input: Operations.listLabJobs.Input) async throws -> Operations.listLabJobs.Output {
        let jobs = try requireLab().list().map(LabJobSummary.init)
        return .ok(.init(body: .json(try APIValue(["jobs": jobs]).value)))
    }

    func getLabJob(_ input: Operations.getLabJob.Input) async throws -> Operations.getLabJob.Output {
        .ok(.init(body: .json(try APIValue(LabJobSummary(requireLab().job(input.path.job))).value)))
    }

    func cancelLabJob(_ input: Operations.cancelLabJob.Input) async throws -> Operations.cancelLabJob.Output {
        .ok(.init(body: .json(try APIValue(LabJobSummary(requireLab().cancel(input.path.job))).value)))
    }

    func submitLabJob(_ input: Operations.submitLabJob.Input) async throws -> Operations.submitLabJob.Output {
        let lab = try requireLab()
        guard case let .json(body) = input.body else { throw ObservatoryError.badRequest("the body must be JSON") }
        let origin: LabSubmission.Origin
        switch (body.scenario, body.run) {
        case let (name?, nil): origin = .scenario(name)
        case let (nil, name?): origin = .run(name)
        default: throw ObservatoryError.badRequest("give one starting point: scenario or run")
        }
        var submission = LabSubmission(origin: origin)
        let changes = body.changes?.additionalProperties ?? [:]
        guard changes.count <= LabSubmission.maximumEdits else {
            throw ObservatoryError.badRequest("at most \(LabSubmission.maximumEdits) changes (got \(changes.count))")
        }
        submission.edits = changes
        submission.scenarioText = body.scenarioText
        submission.population = body.population
        submission.years = body.years
        submission.seeds = body.seeds
        if let seed = body.seed {
            guard seed >= 0 else { throw ObservatoryError.badRequest("seed must be 0 or more (got \(seed))") }
            submission.seed = UInt64(seed)
        }
        submission.branchDate = body.branchDate
        do {
            let job = try lab.submit(submission, root: catalog.root)
            return .accepted(.init(body: .json(try APIValue(LabJobSummary(job)).value)))
        } catch let problems as LabSubmission.Problems {
            return .badRequest(.init(body: .json(try APIValue(LabProblemsBody(problems)).value)))
        }
    }
}

/// A submission's problems as the API's JSON (`LabProblems`).
struct LabProblemsBody: Encodable {
    struct Field: Encodable {
        var field: String
        var message: String
    }

    struct Line: Encodable {
        var line: Int?
        var column: Int?
        var path: String
        var message: String
    }

    var error: String
    var problems: [Field]
    var diagnostics: [Line]

    init(_ problems: LabSubmission.Problems) {
        error = problems.summary
        self.problems = problems.fields.map { Field(field: $0.field, message: $0.message) }
        diagnostics = problems.diagnostics.map {
            Line(line: $0.location?.line, column: $0.location?.column, path: $0.path, message: $0.message)
        }
    }
}
