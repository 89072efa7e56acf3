import Foundation
import Hummingbird
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society

extension Observatory {
    /// The HTML pages and the stylesheet.
    func addPages(to router: Router<BasicRequestContext>) {
        let catalog = self.catalog
        let lab = self.lab != nil
        router.get("/") { _, _ in Responses.html(RunPages.runs(catalog.overviews(), root: catalog.root, lab: lab)) }
        router.get("/style.css") { _, _ in
            Responses.text(stylesheet + labStylesheet, type: "text/css; charset=utf-8", cache: "max-age=3600")
        }
        router.get("/runs/:run") { _, context in
            Responses.html(RunPages.report(try catalog.run(context.parameters.require("run"))))
        }
        router.get("/runs/:run/scenario") { _, context in
            Responses.html(RunPages.scenario(try catalog.run(context.parameters.require("run"))))
        }
        router.get("/runs/:run/public-list") { request, context in
            let run = try catalog.run(context.parameters.require("run"))
            let query = try PublicListQuery(Query(request.uri.query), run: run)
            return Responses.html(PublicListPages.page(run, query, try run.publicList(query)))
        }
        router.get("/runs/:run/people/:person") { _, context in
            let run = try catalog.run(context.parameters.require("run"))
            let person = try personIndex(context.parameters.require("person"))
            return Responses.html(PersonPages.report(run, try run.creditReport(person)))
        }
        router.get("/runs/:run/try") { request, context in
            let run = try catalog.run(context.parameters.require("run"))
            let query = try Query(request.uri.query)
            let person = try query.integer("person", in: 0...Int(Int32.max))
            let action = try query.text("action")
            guard let person, let action else {
                return Responses.html(PersonPages.tryAction(run, person: person, action: action, decision: nil))
            }
            do {
                let decision = try run.decision(person: person, action: action)
                return Responses.html(PersonPages.tryAction(run, person: person, action: action, decision: decision))
            } catch let error as ObservatoryError {
                var page = PersonPages.tryAction(run, person: person, action: action, decision: nil)
                page.body = "<p class=\"banner\">\(e(error.message))</p>" + page.body
                return Responses.html(page, status: HTTPResponse.Status(code: error.status))
            }
        }
    }
}
