import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import RunRecords
import RunStore
import TestSupport
import Testing

@testable import Observatory

/// The server stays up whatever a client or a run folder does: idle and trickling connections
/// are closed, connections beyond the limit wait instead of exhausting descriptors, bodies are
/// bounded, a run that cannot be read is a 503 for that run alone, and symbolic links cannot
/// serve anything from outside the runs folder.
@Suite("Observatory: a server that stays up", .serialized)
struct ServerLimitTests {
    /// Runs `sclab serve` over `root` with `limits` (its idle timeout and connection limit; the
    /// header and body limits are the defaults) for the time of `body`.
    static func serving<T>(_ root: String, _ limits: ServerLimits, _ body: (Int) async throws -> T) async throws -> T {
        let server = try ServeProcess(root: root, limits: limits)
        return try await body(server.port)
    }

    @Test("Many idle connections, more than the limit: each is closed by the server, and requests are still answered")
    func idleConnections() async throws {
        let made = try TinyRun.get()
        // 24 idle connections, 6 served at a time, each closed after 2 s of silence: the request
        // behind them waits about four rounds (8 s) and is then answered. The idle timeout is
        // long enough that a loaded machine still reads the request's waiting bytes before its
        // own connection's timer could fire, and the read allows ten times the expected wait.
        let limits = ServerLimits(idleSeconds: 2, maxConnections: 6)
        try await Self.serving(made.root, limits) { port in
            let (first, firstClosed, waited, idleClosed, second) = try await RawSocket.offPool {
                let idle = try (0..<24).map { _ in try RawSocket(port: port) }
                let start = Date()
                let socket = try RawSocket(port: port, timeout: 90)
                socket.send("GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                let (text, firstClosed) = socket.readToEnd()
                let waited = Date().timeIntervalSince(start)
                let closed = idle.map { socket in
                    let (text, closed) = socket.readToEnd()
                    return closed && text.isEmpty
                }
                return (
                    text.components(separatedBy: "\r\n").first ?? "", firstClosed, waited, closed,
                    try RawSocket.get(port: port, "/api/runs/\(TinyRun.id)")
                )
            }
            #expect(first == "HTTP/1.1 200 OK", "after \(waited) s, connection closed by the server: \(firstClosed)")
            #expect(idleClosed == Array(repeating: true, count: 24), "an idle connection was not closed by the server")
            #expect(second == "HTTP/1.1 200 OK")
        }
    }

    @Test("A client trickling its headers a byte at a time is cut off before it finishes them")
    func trickle() async throws {
        let made = try TinyRun.get()
        // 600 bytes at 50 ms each would take 30 s; the server closes the connection after 1 s
        // without a complete request.
        let header = "GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " + String(repeating: "a", count: 550)
        try await Self.serving(made.root, ServerLimits(idleSeconds: 1, maxConnections: 8)) { port in
            let (sent, text, closed, after) = try await RawSocket.offPool {
                let socket = try RawSocket(port: port)
                var sent = 0
                for byte in header {
                    guard socket.send(String(byte)) else { break }
                    sent += 1
                    Thread.sleep(forTimeInterval: 0.05)
                }
                let (text, closed) = socket.readToEnd()
                return (sent, text, closed, try RawSocket.get(port: port, "/api/runs"))
            }
            #expect(sent < header.count, "the server read all \(header.count) trickled bytes")
            #expect(closed)
            #expect(!text.contains("200 OK"))
            #expect(after == "HTTP/1.1 200 OK")
        }
    }

    @Test("Headers over the limit get no answer but a closed connection, and the server answers the next request")
    func headersTooLarge() async throws {
        let made = try TinyRun.get()
        try await Self.serving(made.root, ServerLimits(idleSeconds: 5, maxConnections: 8)) { port in
            let (text, closed, after) = try await RawSocket.offPool {
                let socket = try RawSocket(port: port)
                socket.send(
                    "GET /api/runs HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: "
                        + String(repeating: "a", count: ServerLimits().maxHeaderBytes + 4_096) + "\r\n\r\n"
                )
                let (text, closed) = socket.readToEnd()
                return (text, closed, try RawSocket.get(port: port, "/api/runs"))
            }
            #expect(closed)
            #expect(!text.contains("200 OK"))
            #expect(after == "HTTP/1.1 200 OK")
        }
    }

    @Test("A request body over the limit is 413, by its declared length or as it is read")
    func bodyTooLarge() async throws {
        let made = try TinyRun.get()
        let app = Application(
            router: Observatory(runsDirectory: made.root, limits: ServerLimits(maxBodyBytes: 1_000)).router()
        )
        try await app.test(.router) { client in
            let big = ByteBuffer(repeating: UInt8(ascii: "a"), count: 5_000)
            try await client.execute(uri: "/api/runs", method: .get, body: big) { response in
                #expect(response.status.code == 413)
                #expect(String(buffer: response.body).contains("a request body may be at most 1000 bytes"))
            }
            try await client.execute(uri: "/api/runs", method: .get, body: ByteBuffer(repeating: 0x61, count: 500)) {
                response in
                #expect(response.status.code == 200)
            }
        }
    }

    @Test(
        "Server limits are range-checked, the connection limit against the descriptor limit",
        arguments: [
            (ServerLimits(idleSeconds: 0), 256, "--idle-timeout must be from 1 to 3600 seconds (got 0)"),
            (ServerLimits(maxConnections: 0), 256, "--max-connections must be from 1 to 192"),
            (
                ServerLimits(maxConnections: 400), 256,
                "--max-connections must be from 1 to 192 (the process may open 256 files; 64 are kept for run databases) (got 400)"
            ),
            (ServerLimits(maxConnections: 400), 20_000, nil),
        ] as [(ServerLimits, Int, String?)]
    )
    func limitsChecked(limits: ServerLimits, descriptors: Int, message: String?) {
        let problem = limits.problem(descriptors: descriptors)
        if let message {
            #expect(problem?.hasPrefix(message) == true, "\(problem ?? "nil")")
        } else {
            #expect(problem == nil)
        }
    }

    /// A runs folder with the tiny run copied in as `good`, a run whose stored trace_every is
    /// 2⁶³ − 1, one whose database is garbage, a link to the tiny run's folder outside the runs
    /// folder, and a link to `good` inside it.
    static func mixedFolder() throws -> String {
        let made = try TinyRun.get()
        let root = TemporaryFolder.unusedPath("sclab-mixed")
        let manager = FileManager.default
        let original = (made.root as NSString).appendingPathComponent(TinyRun.id)
        for name in ["good", "bad-number"] {
            try manager.createDirectory(atPath: "\(root)/\(name)", withIntermediateDirectories: true)
            try manager.copyItem(atPath: "\(original)/run.sqlite", toPath: "\(root)/\(name)/run.sqlite")
        }
        let queue = try DatabaseQueue(path: "\(root)/bad-number/run.sqlite")
        try queue.write { db in try db.execute(sql: "UPDATE run SET trace_every = 9223372036854775807") }
        try queue.close()
        try manager.createDirectory(atPath: "\(root)/garbage", withIntermediateDirectories: true)
        try Data(repeating: 0x5A, count: 8_192).write(to: URL(fileURLWithPath: "\(root)/garbage/run.sqlite"))
        try manager.createSymbolicLink(atPath: "\(root)/outside", withDestinationPath: original)
        try manager.createSymbolicLink(atPath: "\(root)/inside", withDestinationPath: "\(root)/good")
        return root
    }

    @Test("A damaged run among good ones is a 503 for itself alone; a link out of the runs folder is not a run")
    func damagedAndLinkedRuns() async throws {
        let root = try Self.mixedFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let observatory = Observatory(runsDirectory: root)
        #expect(observatory.catalog.runIDs() == ["bad-number", "garbage", "good", "inside"])
        let app = Application(router: observatory.router())
        try await app.test(.router) { client in
            func get(_ path: String) async throws -> (Int, String) {
                try await client.execute(uri: path, method: .get) { ($0.status.code, String(buffer: $0.body)) }
            }
            let (status, body) = try await get("/api/runs/bad-number")
            #expect(status == 503)
            #expect(body.contains("run.trace_every must be from 1 to 200000000 (got 9223372036854775807)"), "\(body)")
            #expect(try await get("/api/runs/garbage").0 == 503)
            #expect(try await get("/runs/bad-number").0 == 503)
            #expect(try await get("/api/runs/good").0 == 200)
            #expect(try await get("/api/runs/inside").0 == 200)
            #expect(try await get("/api/runs/outside").0 == 404)
            #expect(try await get("/runs/outside/scenario").0 == 404)
            let (listStatus, list) = try await get("/api/runs")
            #expect(listStatus == 200)
            let runs = try #require(
                (try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [String: Any])?["runs"] as? [[String: Any]]
            )
            #expect(runs.map { $0["id"] as? String } == ["bad-number", "garbage", "good", "inside"])
            #expect(runs.map { $0["error"] != nil } == [true, true, false, false])
            #expect(try await get("/").0 == 200)
        }
    }
}
