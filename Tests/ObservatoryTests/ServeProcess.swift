import Foundation
import TestSupport
import Testing

@testable import Observatory

/// `sclab serve` in a process of its own, for tests of what the server does under hostile
/// connections. In the test process the server's handlers would share Swift's cooperative
/// threads with every other test running at the same time; on a loaded two-core machine a
/// request could then wait for minutes behind other tests' work, which says nothing about the
/// server. A process of its own is also what a user runs.
final class ServeProcess {
    let process = Process()
    let port: Int
    private let log: URL

    /// Starts `sclab serve root --port 0` with `limits` and waits (at most `startTimeout`
    /// seconds) for the line that names the port.
    init(root: String, limits: ServerLimits, startTimeout: Double = 120) throws {
        log = FileManager.default.temporaryDirectory.appendingPathComponent("sclab-serve-\(UUID().uuidString).log")
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        process.executableURL = try SCLab.executable()
        process.arguments = [
            "serve", root, "--port", "0", "--idle-timeout", "\(limits.idleSeconds)",
            "--max-connections", "\(limits.maxConnections)",
        ]
        let handle = try FileHandle(forWritingTo: log)
        process.standardError = handle
        process.standardOutput = handle
        try process.run()
        let deadline = Date().addingTimeInterval(startTimeout)
        var found: Int?
        while found == nil, process.isRunning, Date() < deadline {
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            if let range = text.range(of: #"Observatory: http://127\.0\.0\.1:(\d+)/"#, options: .regularExpression) {
                found = Int(text[range].split(separator: ":").last?.dropLast() ?? "")
            } else {
                Thread.sleep(forTimeInterval: 0.05)
            }
        }
        guard let found else {
            process.terminate()
            let text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
            Issue.record("sclab serve did not start: \(text)")
            throw CancellationError()
        }
        port = found
    }

    deinit {
        if process.isRunning {
            process.terminate()
            process.waitUntilExit()
        }
        try? FileManager.default.removeItem(at: log)
    }
}
