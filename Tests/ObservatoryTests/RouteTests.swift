import Foundation
import Hummingbird
import HummingbirdTesting
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import Society
import Testing

@testable import Observatory

/// The routes, through Hummingbird's router test client, on the tiny run: known answers come from
/// what the simulation itself reported (totals, final snapshots, listings) and from the seed
/// scenario's text (the flight ban for listed debtors).
struct RouteTests {
    /// GETs a path; returns the status, the content type and the body.
    static func get(
        _ path: String,
        method: HTTPRequest.Method = .get
    ) async throws -> (status: Int, type: String, body: String) {
        let made = try TinyRun.get()
        let app = Application(router: Observatory(runsDirectory: made.root).router())
        return try await app.test(.router) { client in
            try await client.execute(uri: path, method: method) { response in
                (response.status.code, response.headers[.contentType] ?? "", String(buffer: response.body))
            }
        }
    }

    /// GETs a JSON answer and decodes it.
    static func json(_ path: String) async throws -> [String: Any] {
        let (status, type, body) = try await get(path)
        #expect(status == 200, "\(path): \(status) \(body.prefix(300))")
        #expect(type == "application/json")
        return try #require(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: Any])
    }

    @Test("The runs list holds the run (and not the folder without a database) with the simulation's totals")
    func runsList() async throws {
        let made = try TinyRun.get()
        let runs = try #require(try await Self.json("/api/runs")["runs"] as? [[String: Any]])
        #expect(runs.map { $0["id"] as? String } == [TinyRun.id])
        let run = runs[0]
        #expect(run["population"] as? Int == TinyRun.population)
        #expect(run["records"] as? Int == Int(made.totals["records.total"]!))
        #expect(run["blocked"] as? Int == Int(made.totals["blocked.total"]!))
        // Entries of every list, rule-filled (stored listings) and condition-filled (counted at month ends).
        let entries = made.totals.filter { $0.key.hasPrefix("list.entries.") }.values.reduce(0, +)
        #expect(run["listEntries"] as? Int == Int(entries))
        #expect(entries >= Double(made.listings.count))
        #expect(run["traced"] as? Int == TinyRun.population)
        #expect(run["finished"] as? Bool == true)
    }

    @Test("Every traced person's report has the engine's score, tier and lists equal to the simulation's final state")
    func engineAgreesWithSimulation() async throws {
        let made = try TinyRun.get()
        let view = try Observatory(runsDirectory: made.root).catalog.run(TinyRun.id)
        let people = made.snapshots.filter { $0.subjectKind == .people }
        #expect(people.count == TinyRun.population)
        // A known difference, reported: when a record is overturned on appeal, the engine (a pure
        // function of the records) frees the yearly cap room it used, the simulation does not, so
        // a later record of the same rule and year counts in one and not the other.
        let capped = Set(view.scenario.rules.filter { $0.capPerYear != nil }.map(\.id))
        var compared = 0
        for snapshot in people {
            let report = try view.creditReport(snapshot.subject)
            let engine = try #require(report.engine)
            let lists = Set(snapshot.lists.split(separator: ",").map(String.init))
            #expect(Set(report.lists.filter(\.atEnd).map(\.list)) == lists, "person \(snapshot.subject)")
            if report.records.contains(where: { $0.appealOutcome == "overturned" && capped.contains($0.rule ?? "") }) {
                if engine.score != snapshot.score {
                    #expect(!engine.agrees && engine.note != nil, "person \(snapshot.subject)")
                }
                continue
            }
            compared += 1
            #expect(engine.score == snapshot.score, "person \(snapshot.subject)")
            #expect(engine.tier == snapshot.tier, "person \(snapshot.subject)")
            #expect(engine.agrees, "person \(snapshot.subject)")
        }
        #expect(compared > TinyRun.population * 9 / 10)
    }

    @Test("A listed debtor is refused a flight by the list flight ban, with the list and the listing record as reasons")
    func listedDebtorIsBlocked() async throws {
        let made = try TinyRun.get()
        let listed = try #require(
            made.snapshots.first { $0.subjectKind == .people && $0.lists.contains("dishonest_judgment_debtors") },
            "the tiny run lists no debtor"
        )
        let decision = try await Self.json("/api/runs/\(TinyRun.id)/people/\(listed.subject)/decisions/buy_flight")
        #expect(decision["allowed"] as? Bool == false)
        let blocks = try #require(decision["blocks"] as? [[String: Any]])
        let ban = try #require(blocks.first { $0["id"] as? String == "list_flight_ban" })
        let because = try #require(ban["because"] as? [String: Any])
        #expect((because["lists"] as? [String])?.contains("dishonest_judgment_debtors") == true)
        let listing = try #require(
            made.listings.last { $0.subject == listed.subject && $0.list == "dishonest_judgment_debtors" }
        )
        #expect((because["records"] as? [Int])?.contains(Int(listing.traceID.record)) == true)
        #expect((decision["explanation"] as? String)?.hasPrefix("buy_flight on 2016-12-31: BLOCKED") == true)

        // Someone on no list with a tier above D flies.
        let clean = try #require(
            made.snapshots.first { $0.subjectKind == .people && $0.lists.isEmpty && $0.tier != "D" && $0.score != nil }
        )
        let allowed = try await Self.json("/api/runs/\(TinyRun.id)/people/\(clean.subject)/decisions/buy_flight")
        #expect(allowed["allowed"] as? Bool == true)
        #expect((allowed["blocks"] as? [Any])?.isEmpty == true)
    }

    @Test(
        "The public list holds everyone on a published list at the end, with the listing's date, reason and authority"
    )
    func publicList() async throws {
        let made = try TinyRun.get()
        let published: Set<String> = [
            "dishonest_judgment_debtors", "travel_blacklist", "red_list", "company_blacklist",
        ]
        let expected = made.snapshots.reduce(0) { count, s in
            count + s.lists.split(separator: ",").filter { published.contains(String($0)) }.count
        }
        #expect(expected > 0, "the tiny run lists nobody")
        let page = try await Self.json("/api/runs/\(TinyRun.id)/public-list?per_page=100")
        #expect(page["total"] as? Int == expected)
        let entries = try #require(page["entries"] as? [[String: Any]])
        let first = try #require(entries.first { $0["subjectKind"] as? String == "people" && $0["date"] != nil })
        let person = try #require(first["subject"] as? Int)
        let listing = try #require(made.listings.last { $0.subject == person && $0.list == first["list"] as? String })
        #expect(first["date"] as? String == listing.day)
        #expect(
            first["authority"] as? String == "People's courts (enforcement)" || first["authority"] as? String != nil
        )
        let name = made.population.name(of: person, tables: made.names)
        let identity = made.population.residentID(of: person, census: made.census).text
        #expect(first["name"] as? String == name.han)
        #expect(first["identity"] as? String == String(identity.prefix(6)) + "********" + String(identity.suffix(4)))

        // Search by the full identity number finds exactly that person; by name at least them.
        let byID = try await Self.json("/api/runs/\(TinyRun.id)/public-list?q=\(identity)")
        #expect((byID["entries"] as? [[String: Any]])?.allSatisfy { $0["subject"] as? Int == person } == true)
        #expect((byID["total"] as? Int ?? 0) >= 1)
        let encoded = name.han.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
        let byName = try await Self.json("/api/runs/\(TinyRun.id)/public-list?q=\(encoded)")
        #expect((byName["entries"] as? [[String: Any]])?.contains { $0["subject"] as? Int == person } == true)
        // A date range before the run finds nobody; one entry per page gives as many pages as entries.
        let none = try await Self.json("/api/runs/\(TinyRun.id)/public-list?from=2000-01-01&to=2000-12-31")
        #expect(none["total"] as? Int == 0)
        let paged = try await Self.json("/api/runs/\(TinyRun.id)/public-list?per_page=1&page=2")
        #expect(paged["pages"] as? Int == expected)
        #expect((paged["entries"] as? [Any])?.count == (expected >= 2 ? 1 : 0))
    }

    @Test(
        "Errors are JSON with a message: 404 for unknown runs, people and actions, 400 naming the bad parameter",
        arguments: [
            ("/api/runs/no-such-run", 404, "no run"),
            ("/api/runs/..", 404, "no run"),
            ("/api/runs/%2e%2e%2fetc", 404, "no run"),
            ("/api/runs/not-a-run", 404, "no run"),
            ("/api/runs/tiny-run/people/3000", 404, "no person 3000"),
            ("/api/runs/tiny-run/people/-1", 400, "whole number"),
            ("/api/runs/tiny-run/people/12x", 400, "whole number"),
            ("/api/runs/tiny-run/people?page=two", 400, "whole number"),
            ("/api/runs/tiny-run/people/5/decisions/fly_to_moon", 404, "no action"),
            ("/api/runs/tiny-run/public-list?page=0", 400, "'page'"),
            ("/api/runs/tiny-run/public-list?per_page=101", 400, "'per_page'"),
            ("/api/runs/tiny-run/public-list?list=nope", 400, "'list'"),
            ("/api/runs/tiny-run/public-list?from=2016-02-30", 400, "'from'"),
            ("/api/runs/tiny-run/public-list?from=2016-02-01&to=2016-01-01", 400, "after"),
            ("/api/runs/tiny-run/public-list?q=%zz", 400, "percent-encoding"),
            ("/api/nothing", 404, "no such page"),
        ]
    )
    func errors(path: String, status: Int, message: String) async throws {
        let (code, type, body) = try await Self.get(path)
        #expect(code == status, "\(path): \(body)")
        #expect(type == "application/json")
        let object = try #require(JSONSerialization.jsonObject(with: Data(body.utf8)) as? [String: String])
        #expect(object.keys.sorted() == ["error"])
        #expect(object["error"]?.contains(message) == true, "\(path): \(body)")
    }

    @Test("Only reads are served: other methods get 405 with Allow; pages answer errors in HTML")
    func methodsAndPages() async throws {
        let post = try await Self.get("/api/runs", method: .post)
        #expect(post.status == 405)
        let missing = try await Self.get("/runs/no-such-run")
        #expect(missing.status == 404 && missing.type.hasPrefix("text/html") && missing.body.contains("no run"))
        let long = try await Self.get("/api/runs/tiny-run/public-list?q=" + String(repeating: "a", count: 101))
        #expect(long.status == 400)
    }

    @Test(
        "The OpenAPI document lists exactly the lab server's routes and methods; without the lab, all but the lab's pages, each GET"
    )
    func openAPIMatchesRoutes() async throws {
        let made = try TinyRun.get()
        func routes(_ observatory: Observatory) -> Set<String> {
            Set(
                observatory.router().routes.filter { $0.method != .head }.map { route in
                    "\(route.method.rawValue.lowercased()) /"
                        + route.path.description.split(separator: "/").map {
                            $0.hasPrefix(":") ? "{\($0.dropFirst())}" : String($0)
                        }
                        .joined(separator: "/")
                }
            )
        }
        let lab = Lab(root: made.root, settings: LabSettings(), version: "test")
        let withLab = routes(Observatory(runsDirectory: made.root, lab: lab))
        let readOnly = routes(Observatory(runsDirectory: made.root))
        let text = try APIDocument.json.get()
        let document = try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(document["openapi"] as? String == "3.1.0")
        let paths = try #require(document["paths"] as? [String: [String: Any]])
        let documented = Set(paths.flatMap { path, operations in operations.keys.map { "\($0) \(path)" } })
        #expect(documented == withLab)
        #expect(withLab.count == 29)
        // Without the lab its pages are not routed and nothing but GET is; its API answers 404.
        #expect(readOnly == withLab.filter { !$0.hasPrefix("get /lab") && !$0.hasPrefix("post /lab") })
        #expect(readOnly.allSatisfy { $0.hasPrefix("get ") || $0.hasPrefix("post /api/lab/") })
        let served = try await Self.get("/openapi.json")
        #expect(served.status == 200 && served.type == "application/json" && served.body == text)
    }

    @Test("openapi.yaml becomes JSON in its own order: quoted numbers stay strings, numbers and booleans do not")
    func yamlToJSON() throws {
        let yaml = "b: '200'\na:\n  - 1\n  - 2.5\n  - true\n  - null\n  - ^[a/z]$\nc: {x: 'it''s'}\n"
        let json = try APIDocument.json(fromYAML: yaml)
        #expect(json == #"{"b":"200","a":[1,2.5,true,null,"^[a/z]$"],"c":{"x":"it's"}}"#)
    }

    @Test(
        "Run ids are plain names: no dots first, no slashes, no other characters",
        arguments: [
            ("tiny-run", true), ("seed-article-20261127-073252", true), ("a.b_c", true), ("..", false),
            (".hidden", false), ("a/b", false), ("", false), ("a b", false), ("é", false),
            (String(repeating: "a", count: 129), false),
        ]
    )
    func plainNames(name: String, valid: Bool) {
        #expect(RunCatalog.isPlainName(name) == valid)
    }

    @Test("The server opens runs read-only: serving changes no byte of the database, and the store refuses writes")
    func readOnly() async throws {
        let made = try TinyRun.get()
        let folder = (made.root as NSString).appendingPathComponent(TinyRun.id)
        let file = (folder as NSString).appendingPathComponent("run.sqlite")
        let before = try Data(contentsOf: URL(fileURLWithPath: file))
        _ = try await Self.get("/runs/\(TinyRun.id)")
        _ = try await Self.get("/api/runs/\(TinyRun.id)/people/1")
        #expect(try Data(contentsOf: URL(fileURLWithPath: file)) == before)
        let store = try RunStore.openReadOnly(directory: folder)
        #expect(throws: RunStoreError.self) {
            try store.commitPeriod(daysDone: 1, lastDay: "2014-01-01", metrics: [], traces: [], checkpoint: nil)
        }
        #expect(try store.listings() == made.listings.sorted { ($0.day, $0.id) < ($1.day, $1.id) })
    }

    @Test("The run page opens with the report's key findings and the province map, drawn by the report's chart")
    func runPageLeadsWithFindings() async throws {
        let made = try TinyRun.get()
        let view = try Observatory(runsDirectory: made.root).catalog.run(TinyRun.id)
        let (status, _, body) = try await Self.get("/runs/\(TinyRun.id)")
        #expect(status == 200)
        let map = try #require(view.report.charts.first { $0.kind == .tileMap })
        #expect(body.contains(map.svg()))
        #expect(body.components(separatedBy: "<g class=\"tile\">").count - 1 == 3 * 31)
        let findings = try #require(
            body.range(of: "<section id=\"key-findings\"><h2>Key findings</h2><ul><li>Punished: ")
        )
        let rules = try #require(body.range(of: "<section id=\"how-it-works\">"))
        #expect(findings.lowerBound < rules.lowerBound)
        // The numbers are the simulation's own: everyone's tally as stored, and its run totals.
        let all = try #require(view.data.groups("all").first)
        let sanctioned = SocialCredit.grouped(all.sanctioned)
        let people = SocialCredit.grouped(TinyRun.population)
        let blocked = SocialCredit.grouped(Int(try #require(made.totals["blocked.total"])))
        let wrongful = SocialCredit.grouped(Int(try #require(made.totals["blocked_wrongly.total"])))
        #expect(body.contains("Punished: \(sanctioned) of \(people) people"))
        #expect(body.contains("(\(blocked) actions blocked in all)"))
        #expect(body.contains("Wrongly: \(wrongful) of the \(blocked) actions blocked"))
    }
}
