import ArgumentParser
import Foundation
import Observatory
import RunRecords

/// `sclab serve`: the Observatory web app over a folder of runs.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the runs in a folder as a web app and a JSON API (read-only).",
        discussion: """
            Pages: the runs, each run's report, its scenario, its public list, people's credit reports, \
            and "try an action". The JSON API is described at /openapi.json. Binds 127.0.0.1 unless \
            --host says otherwise; run databases are opened read-only.
            """
    )

    @Argument(help: "The folder of runs (each a folder with run.sqlite).")
    var runsDirectory: String = "runs"

    @Option(name: .long, help: "Address to listen on (127.0.0.1: this machine only; 0.0.0.0: every interface).")
    var host: String = "127.0.0.1"

    @Option(name: .long, help: "Port to listen on (0 picks a free one).")
    var port: Int = 8080

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Connections open at once (default: \(ServerLimits().maxConnections)); more wait to be accepted.",
            discussion:
                "At most the process's open-file limit less \(ServerLimits.reservedDescriptors), kept for run databases."
        )
    )
    var maxConnections: Int = ServerLimits().maxConnections

    @Option(
        name: .long,
        help:
            "Seconds a connection may stay idle, or take to send its headers, before it is closed (default: \(ServerLimits().idleSeconds))."
    )
    var idleTimeout: Int = ServerLimits().idleSeconds

    /// The server's limits from the options.
    var limits: ServerLimits {
        ServerLimits(idleSeconds: idleTimeout, maxConnections: maxConnections)
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535 (got \(port))") }
        if let problem = limits.problem() { throw ValidationError(problem) }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: runsDirectory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ValidationError("\(runsDirectory): no such folder of runs (make one with `sclab simulate`)")
        }
    }

    func run() async throws {
        let observatory = Observatory(runsDirectory: runsDirectory, limits: limits)
        let host = self.host
        try await observatory.serve(host: host, port: port) { port in
            // Standard error is unbuffered, so a script waiting for this line sees it at once.
            FileHandle.standardError.write(
                Data(
                    "Observatory: http://\(host):\(port)/ (runs in \(observatory.catalog.root)); Ctrl-C stops it\n".utf8
                )
            )
        }
    }
}
