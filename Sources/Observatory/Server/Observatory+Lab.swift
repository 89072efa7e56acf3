import Foundation
import Hummingbird
import NIOCore
import SocialCredit

extension Observatory {
    /// The lab's pages (`sclab serve --lab`): start, form, submit, jobs, progress, cancel. Not
    /// registered without the lab, so those paths are then 404s.
    func addLab(to router: Router<BasicRequestContext>) {
        guard let lab else { return }
        let root = catalog.root
        let catalog = self.catalog
        router.get("/lab") { _, _ in
            Responses.html(
                LabPages.start(scenarios: ScenarioCatalog.discover().entries, runs: catalog.runIDs(), jobs: lab.list())
            )
        }
        router.get("/lab/new") { request, _ in
            let query = try Query(request.uri.query)
            let origin = try LabRequestForm.origin(query)
            let text = try LabRequestForm.startingText(origin, root: root)
            return Responses.html(LabPages.form(origin: origin, text: text, settings: lab.settings, root: root))
        }
        router.post("/lab/jobs") { request, _ in
            var request = request
            let body = try await request.collectBody(upTo: LabSettings.maxBodyBytes)
            let form = try Query(
                String(buffer: body),
                maxLength: LabSettings.maxBodyBytes,
                what: "the form"
            )
            let submission = try LabRequestForm.submission(form)
            do {
                let job = try lab.submit(submission, root: root)
                return Responses.redirect(to: "/lab/jobs/\(job.id)")
            } catch let problems as LabSubmission.Problems {
                let text = (try? LabRequestForm.startingText(submission.origin, root: root)) ?? ""
                return Responses.html(
                    LabPages.form(
                        origin: submission.origin,
                        text: text,
                        settings: lab.settings,
                        root: root,
                        submitted: submission,
                        problems: problems
                    ),
                    status: .badRequest
                )
            }
        }
        router.get("/lab/jobs/:job") { _, context in
            Responses.html(LabPages.job(try lab.job(context.parameters.require("job"))))
        }
        router.post("/lab/jobs/:job/cancel") { _, context in
            let job = try lab.cancel(context.parameters.require("job"))
            return Responses.redirect(to: "/lab/jobs/\(job.id)")
        }
        router.get("/lab/jobs/:job/events") { _, context in
            let id = try context.parameters.require("job")
            _ = try lab.job(id)
            return try LabEvents.stream(lab: lab, job: id)
        }
        router.get("/lab/lab.js") { _, _ in
            Responses.text(LabPages.script, type: "text/javascript; charset=utf-8", cache: "max-age=3600")
        }
    }
}
