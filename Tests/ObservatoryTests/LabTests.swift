import Foundation
import Hummingbird
import HummingbirdTesting
import RunRecords
import RunStore
import Runs
import SocialCredit
import TestSupport
import Testing

@testable import Observatory

/// The policy lab: submissions checked against the lab's limits, jobs run to runs in the folder,
/// cancelled, kept over a restart, and guarded by the token off loopback.
@Suite(.serialized)
struct LabTests {
    /// A tiny lab run: a few hundred people for a year, one seed.
    static func tiny(_ origin: LabSubmission.Origin = .scenario("seed-article")) -> LabSubmission {
        var submission = LabSubmission(origin: origin)
        submission.population = 400
        submission.years = 1
        submission.seeds = 1
        return submission
    }

    /// Waits (up to two minutes) until a job is over.
    static func finish(_ lab: Lab, _ id: String) async throws -> LabJob {
        for _ in 0..<1200 {
            let job = try lab.job(id)
            if job.isOver { return job }
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        throw TestError("job \(id) did not finish in two minutes")
    }

    @Test(
        "A change to a shipped scenario plans a baseline and a variant of the same society; the variant holds the new value"
    )
    func plansBaselineAndVariant() throws {
        let folder = try TemporaryFolder()
        var submission = Self.tiny()
        submission.edits = ["sources.cctv_cameras.coverage": "0.1"]
        let job = try submission.plan(number: 7, settings: LabSettings(), root: folder.path, version: "test")
        #expect(job.id == "job-0007")
        #expect(job.steps.map(\.run) == ["lab-0007-seed-article-baseline", "lab-0007-seed-article-variant"])
        #expect(job.baseline == job.steps[0].run && job.variant == job.steps[1].run)
        let (baseline, variant) = (job.steps[0].info, job.steps[1].info)
        #expect(try ScenarioEdit.value(at: "sources.cctv_cameras.coverage", in: baseline.scenarioText) == 0.2)
        #expect(try ScenarioEdit.value(at: "sources.cctv_cameras.coverage", in: variant.scenarioText) == 0.1)
        #expect(baseline.population == 400 && variant.population == 400 && variant.seed == baseline.seed)
        // One year from the scenario's first day, 2014-01-01.
        #expect(variant.start == "2014-01-01" && variant.end == "2014-12-31" && variant.seeds == 1)
        #expect(job.title == "seed-article: sources.cctv_cameras.coverage 0.2 → 0.1")
    }

    @Test("Limits, unknown paths and values out of a field's range are problems named by field; nothing is planned")
    func problemsByField() throws {
        let folder = try TemporaryFolder()
        var submission = Self.tiny()
        submission.population = 200_001
        submission.seeds = 9
        do {
            _ = try submission.plan(number: 1, settings: LabSettings(), root: folder.path, version: "test")
            Issue.record("planned beyond the limits")
        } catch {
            #expect(error.fields.map(\.field) == ["population", "seeds"])
            #expect(error.fields[0].message == "must be from 1 to 200,000 (got 200001)")
        }
        var unknown = Self.tiny()
        unknown.edits = ["sources.no_such_source.coverage": "0.5", "sources.cctv_cameras.coverage": "lots"]
        do {
            _ = try unknown.plan(number: 1, settings: LabSettings(), root: folder.path, version: "test")
            Issue.record("planned with bad edits")
        } catch {
            #expect(error.fields.map(\.field) == ["sources.cctv_cameras.coverage", "sources.no_such_source.coverage"])
        }
        var outOfRange = Self.tiny()
        outOfRange.edits = ["sources.cctv_cameras.coverage": "1.5"]
        do {
            _ = try outOfRange.plan(number: 1, settings: LabSettings(), root: folder.path, version: "test")
            Issue.record("planned a coverage of 1.5")
        } catch {
            // The field's own range, at its path: a share is at most 1.
            #expect(error.fields.map(\.field) == ["sources.cctv_cameras.coverage"])
            #expect(error.fields.first?.message.contains("1") == true)
        }
        var missing = LabSubmission(origin: .scenario("../../etc/passwd"))
        missing.population = 10
        do {
            _ = try missing.plan(number: 1, settings: LabSettings(), root: folder.path, version: "test")
            Issue.record("planned from a path")
        } catch {
            #expect(error.fields.map(\.field) == ["scenario"])
        }
    }

    @Test("A pasted broken scenario gives its errors at their lines, as sclab check does")
    func pastedErrorsAtLines() throws {
        let folder = try TemporaryFolder()
        var submission = Self.tiny()
        let text = ScenarioTexts.minimal.replacingOccurrences(of: "coverage: 0.2", with: "coverage: 7")
        #expect(text != ScenarioTexts.minimal)
        let line = text.components(separatedBy: "\n").firstIndex { $0.contains("coverage: 7") }! + 1
        submission.scenarioText = text
        do {
            _ = try submission.plan(number: 1, settings: LabSettings(), root: folder.path, version: "test")
            Issue.record("planned a broken scenario")
        } catch {
            #expect(error.diagnostics.map { $0.location?.line } == [line])
            #expect(error.diagnostics == Scenario.read(text, file: "scenario.yaml").errors)
        }
    }

    @Test(
        "Through the API: a job runs both runs into the folder, its status is served, and over jobs cannot be cancelled"
    )
    func apiJobRuns() async throws {
        let folder = try TemporaryFolder()
        let root = folder.path
        let lab = Lab(root: root, settings: LabSettings(threadsPerJob: 1), version: "test")
        lab.start()
        let app = Application(router: Observatory(runsDirectory: folder.path, lab: lab).router())
        try await app.test(.router) { client in
            let body = """
                {"scenario": "seed-article", "changes": {"sources.cctv_cameras.coverage": "0.1"},
                 "population": 400, "years": 1, "seeds": 1}
                """
            let id = try await client.execute(
                uri: "/api/lab/jobs",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: body)
            ) { response in
                #expect(response.status == .accepted, "\(String(buffer: response.body))")
                let json = try JSONSerialization.jsonObject(with: Data(String(buffer: response.body).utf8))
                return try #require((json as? [String: Any])?["id"] as? String)
            }
            let job = try await Self.finish(lab, id)
            #expect(job.state == .finished, "\(job.message ?? "")")
            #expect(job.progress.fraction == 1)
            #expect(job.progress.elapsedSeconds > 0)
            #expect(LabJobFiles(root: root).load().first?.progress.elapsedSeconds == job.progress.elapsedSeconds)
            for run in job.steps.map(\.run) {
                let info = try RunStore.openReadOnly(directory: (root as NSString).appendingPathComponent(run)).info()
                #expect(info.population == 400)
            }
            #expect(!FileManager.default.fileExists(atPath: root + "/.lab/work/\(job.variant)"))
            try await client.execute(uri: "/api/lab/jobs/\(id)", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .ok && text.contains("\"state\":\"finished\""), "\(text)")
            }
            try await client.execute(uri: "/api/runs", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains(job.baseline) && text.contains(job.variant))
            }
            try await client.execute(uri: "/api/lab/jobs/\(id)/cancel", method: .post) { response in
                #expect(response.status == .conflict)
            }
            try await client.execute(uri: "/lab/jobs/\(id)", method: .get) { response in
                let text = String(buffer: response.body)
                #expect(text.contains("/compare?baseline=\(job.baseline)&amp;variant=\(job.variant)"))
            }
            // A what-if from a date with the scenario unchanged ends with the baseline's digest.
            var branch = LabSubmission(origin: .run(job.baseline))
            branch.branchDate = "2014-07-15"
            let planned = try lab.submit(branch, root: root)
            #expect(planned.steps.count == 1 && planned.baseline == job.baseline)
            let branched = try await Self.finish(lab, planned.id)
            try #require(branched.state == .finished, "\(branched.message ?? "")")
            func digest(_ run: String) throws -> String? {
                try RunStore.openReadOnly(directory: (root as NSString).appendingPathComponent(run)).progress().digest
            }
            #expect(try digest(branched.variant) == digest(job.baseline))
            #expect(try digest(job.variant) != digest(job.baseline))
        }
    }

    @Test(
        "Bad submissions through the API are 400s with every problem; without the lab its API is a 404 and its pages absent"
    )
    func apiProblems() async throws {
        let folder = try TemporaryFolder()
        let lab = Lab(root: folder.path, settings: LabSettings(), version: "test")
        let app = Application(router: Observatory(runsDirectory: folder.path, lab: lab).router())
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/lab/jobs",
                method: .post,
                headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"scenario": "seed-article", "population": 0, "years": 99}"#)
            ) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .badRequest, "\(text)")
                #expect(text.contains("\"field\":\"population\"") && text.contains("\"field\":\"years\""))
            }
        }
        let off = Application(router: Observatory(runsDirectory: folder.path).router())
        try await off.test(.router) { client in
            try await client.execute(uri: "/api/lab/jobs", method: .get) { response in
                #expect(response.status == .notFound)
                #expect(String(buffer: response.body).contains("--lab"))
            }
            try await client.execute(uri: "/lab", method: .get) { response in #expect(response.status == .notFound) }
            try await client.execute(uri: "/lab/jobs", method: .post) { response in
                #expect(response.status == .methodNotAllowed)
            }
        }
    }

    @Test(
        "The form posts a job and redirects to it; a bad value shows the form again with the problem beside its field"
    )
    func formRoundTrip() async throws {
        let folder = try TemporaryFolder()
        let lab = Lab(root: folder.path, settings: LabSettings(), version: "test")
        let app = Application(router: Observatory(runsDirectory: folder.path, lab: lab).router())
        try await app.test(.router) { client in
            let form = "scenario=seed-article&population=300&years=1&seeds=1&sources.cctv_cameras.coverage=0.1"
            try await client.execute(
                uri: "/lab/jobs",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: form)
            ) { response in
                #expect(response.status == .seeOther)
                #expect(response.headers[.location] == "/lab/jobs/job-0001")
            }
            let bad = "scenario=seed-article&population=999999999&years=1"
            try await client.execute(
                uri: "/lab/jobs",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded"],
                body: ByteBuffer(string: bad)
            ) { response in
                let text = String(buffer: response.body)
                #expect(response.status == .badRequest)
                #expect(text.contains("must be from 1 to 200,000 (got 999999999)"), "\(text.prefix(2000))")
            }
            // A page from another site cannot post to the lab.
            try await client.execute(
                uri: "/lab/jobs",
                method: .post,
                headers: [.contentType: "application/x-www-form-urlencoded", .origin: "http://elsewhere.example"],
                body: ByteBuffer(string: form)
            ) { response in #expect(response.status == .forbidden) }
        }
        #expect(try lab.job("job-0001").state == .queued)
    }

    @Test("Queued jobs survive a restart; cancelling a queued job is immediate and kept")
    func restartKeepsQueue() async throws {
        let folder = try TemporaryFolder()
        let first = Lab(root: folder.path, settings: LabSettings(threadsPerJob: 1), version: "test")
        let kept = try first.submit(Self.tiny(), root: folder.path)
        let dropped = try first.submit(Self.tiny(), root: folder.path)
        #expect(try first.cancel(dropped.id).state == .cancelled)
        // A new server on the same folder: the queue as it was, then run.
        let second = Lab(root: folder.path, settings: LabSettings(threadsPerJob: 1), version: "test")
        #expect(second.list().map(\.id) == [dropped.id, kept.id])
        #expect(try second.job(dropped.id).state == .cancelled)
        second.start()
        let done = try await Self.finish(second, kept.id)
        #expect(done.state == .finished, "\(done.message ?? "")")
        #expect(try second.submit(Self.tiny(), root: folder.path).id == "job-0003")
    }

    @Test("A job that was running when the server stopped resumes from its checkpoint and ends as if never stopped")
    func runningJobResumes() async throws {
        let folder = try TemporaryFolder()
        let root = folder.path
        let settings = LabSettings(threadsPerJob: 1)
        var job = try Self.tiny().plan(number: 1, settings: settings, root: root, version: "test")
        job.steps.removeFirst()  // the variant alone, as if its baseline were there
        let step = job.steps[0]
        let files = LabJobFiles(root: root)
        // The server stopped two months into the run: a checkpoint at the first month end after day 45.
        try FileManager.default.createDirectory(atPath: files.workFolder, withIntermediateDirectories: true)
        var stopped = try RunDriver(
            info: step.info,
            store: try RunStore.create(directory: files.workingFolder(of: step.run), info: step.info),
            threads: 1
        )
        guard case .stopped = try stopped.runToEnd(stopAfter: 45) else {
            Issue.record("the run did not stop")
            return
        }
        try stopped.store?.close()  // as the stopped server's process did
        job.state = .running
        try files.save(job)
        // The same run never stopped, for its digest.
        let whole = TemporaryFolder.unusedPath("lab-whole")
        defer { try? FileManager.default.removeItem(atPath: whole) }
        var uninterrupted = try RunDriver(
            info: step.info,
            store: try RunStore.create(directory: whole, info: step.info),
            threads: 1
        )
        guard case let .finished(summary, _) = try uninterrupted.runToEnd() else {
            Issue.record("the uninterrupted run did not finish")
            return
        }
        let lab = Lab(root: root, settings: settings, version: "test")
        #expect(try lab.job(job.id).state == .queued)
        lab.start()
        let done = try await Self.finish(lab, job.id)
        try #require(done.state == .finished, "\(done.message ?? "")")
        let resumed = try RunStore.openReadOnly(directory: files.finalFolder(of: step.run)).progress()
        #expect(resumed.finished && resumed.digest == summary.digest)
    }

    @Test("Off loopback the lab wants its token: 403 without it, a cookie from ?token=, or a bearer header")
    func tokenGuards() async throws {
        let folder = try TemporaryFolder()
        let token = LabSettings.freshToken()
        #expect(token.count == 32 && token.allSatisfy(\.isHexDigit))
        let lab = Lab(root: folder.path, settings: LabSettings(token: token), version: "test")
        let app = Application(router: Observatory(runsDirectory: folder.path, lab: lab).router())
        try await app.test(.router) { client in
            try await client.execute(uri: "/lab", method: .get) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/lab?token=wrong", method: .get) { response in
                #expect(response.status == .forbidden)
            }
            try await client.execute(uri: "/lab?token=\(token)", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.setCookie]?.contains("sclab_lab=\(token)") == true)
            }
            try await client.execute(uri: "/lab", method: .get, headers: [.cookie: "sclab_lab=\(token)"]) { response in
                #expect(response.status == .ok)
            }
            try await client.execute(uri: "/api/lab/jobs", method: .get, headers: [.authorization: "Bearer \(token)"]) {
                response in #expect(response.status == .ok)
            }
            // The read-only pages need no token.
            try await client.execute(uri: "/", method: .get) { response in #expect(response.status == .ok) }
        }
    }

    @Test("Submissions beyond the rate are 429s")
    func rateLimited() throws {
        let folder = try TemporaryFolder()
        let lab = Lab(root: folder.path, settings: LabSettings(submissionsPerMinute: 1), version: "test")
        _ = try lab.submit(Self.tiny(), root: folder.path)
        #expect(throws: ObservatoryError.tooMany("at most 1 lab jobs a minute; try again shortly")) {
            _ = try lab.submit(Self.tiny(), root: folder.path)
        }
    }
}
