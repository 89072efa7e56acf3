import Foundation
import Hummingbird
import HummingbirdTesting
import Impact
import RunRecords
import RunStore
import Simulation
import SocialCredit
import TestSupport
import Testing

@testable import Observatory

/// A run folder whose stored scenario text is hostile (an alias bomb, nesting far too deep) is
/// one unreadable run: the bounded reader refuses the text quickly, the report and a person's
/// credit report fail with that error, and the web app answers 503 for that run alone.
struct HostileRunTests {
    /// Hostile scenario texts by run id: nine levels of nine aliases, and 100,000 nested lists.
    static let texts: [(id: String, text: String, says: String)] = [
        ("alias-bomb", aliasBomb(), "past 1000000 nodes"),
        ("deep-nesting", String(repeating: "[", count: 100_000), "more than 64 levels deep"),
    ]

    /// Nine levels of nine aliases: 9^9 scalars once expanded.
    static func aliasBomb() -> String {
        var lines = ["l1: &l1 [" + Array(repeating: "lol", count: 9).joined(separator: ", ") + "]"]
        for level in 2...9 {
            let items: [String] = Array(repeating: "*l\(level - 1)", count: 9)
            lines.append("l\(level): &l\(level) [" + items.joined(separator: ", ") + "]")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// A runs folder holding one run per hostile text, each created as `simulate` creates it.
    static func runsFolder() throws -> String {
        let root = TemporaryFolder.unusedPath("sclab-hostile")
        for (id, text, _) in texts {
            let info = RunInfo(
                scenarioID: id,
                scenarioText: text,
                population: 1_000,
                seed: 1,
                start: "2014-01-01",
                end: "2014-12-31",
                threads: 1,
                checkpointEvery: 0,
                version: "test",
                traceEvery: 1
            )
            let store = try RunStore.create(directory: (root as NSString).appendingPathComponent(id), info: info)
            try store.close()
        }
        return root
    }

    @Test("The report and a credit report on a hostile run fail with the reader's located error")
    func reportsFail() throws {
        let root = try Self.runsFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (id, _, says) in Self.texts {
            let folder = (root as NSString).appendingPathComponent(id)
            do {
                _ = try RunData.load(directory: folder)
                Issue.record("\(id): the report read a hostile scenario")
            } catch {
                #expect("\(error)".contains("the stored scenario does not read any more"), "\(error)")
                #expect("\(error)".contains(says), "\(error)")
            }
            #expect(throws: (any Error).self) { try CreditReport.load(directory: folder, person: 1, threads: 1) }
        }
    }

    @Test("The web app answers 503 for a hostile run, lists it with its error, and stays up")
    func serverAnswers503() async throws {
        let root = try Self.runsFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let app = Application(router: Observatory(runsDirectory: root).router())
        try await app.test(.router) { client in
            for (id, _, says) in Self.texts {
                for path in ["/api/runs/\(id)", "/api/runs/\(id)/report", "/runs/\(id)"] {
                    try await client.execute(uri: path, method: .get) { response in
                        #expect(response.status.code == 503, "\(path)")
                        #expect(String(buffer: response.body).contains(says), "\(path)")
                    }
                }
            }
            try await client.execute(uri: "/api/runs", method: .get) { response in
                #expect(response.status.code == 200)
                let body = String(buffer: response.body)
                #expect(body.contains("alias-bomb") && body.contains("deep-nesting"))
            }
        }
    }
}
