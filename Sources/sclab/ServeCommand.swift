import ArgumentParser
import Foundation
import Observatory
import RunRecords

/// `sclab serve`: the Observatory web app over a folder of runs.
struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the runs in a folder as a web app and a JSON API (read-only unless --lab).",
        discussion: """
            Pages: the runs, each run's report, its scenario, its public list, people's credit reports, \
            and "try an action". The JSON API is described at /openapi.json. Binds 127.0.0.1 unless \
            --host says otherwise; run databases are opened read-only. With --lab, the policy lab at /lab \
            changes a scenario, runs it (queued jobs, kept in RUNS/.lab) and compares it with its baseline; \
            on a host other than loopback it asks for the token printed at start-up.
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

    @Flag(
        name: .long,
        help: "Turn on the policy lab at /lab: change a scenario, run it, compare (writes runs into the folder)."
    )
    var lab = false

    @Option(name: .long, help: "Lab jobs that run at once (default: 1); the others wait.")
    var labJobs = 1

    @Option(name: .long, help: "Most people one lab run may have (default: 200,000).")
    var labMaxPeople = 200_000

    @Option(
        name: .long,
        help: "Threads each lab job uses (default: all cores but one). The result does not depend on it."
    )
    var labThreads: Int?

    /// The lab's settings from the options (the token only off loopback).
    var labSettings: LabSettings {
        LabSettings(
            maxPeople: labMaxPeople,
            concurrentJobs: labJobs,
            threadsPerJob: labThreads,
            token: LabSettings.isLoopback(host) ? nil : LabSettings.freshToken()
        )
    }

    /// The server's limits from the options.
    var limits: ServerLimits {
        ServerLimits(idleSeconds: idleTimeout, maxConnections: maxConnections)
    }

    func validate() throws {
        guard (0...65_535).contains(port) else { throw ValidationError("--port must be from 0 to 65535 (got \(port))") }
        if let problem = limits.problem() { throw ValidationError(problem) }
        try OptionBounds.check("--lab-jobs", labJobs, LabSettings.concurrentJobsRange)
        try OptionBounds.check("--lab-max-people", labMaxPeople, LabSettings.maxPeopleRange)
        try OptionBounds.check("--lab-threads", labThreads, RunLimits.threads)
        if let problem = labSettings.problem() { throw ValidationError(problem) }
        if !lab, labJobs != 1 || labMaxPeople != 200_000 || labThreads != nil {
            throw ValidationError("--lab-jobs, --lab-max-people and --lab-threads need --lab")
        }
        guard !host.isEmpty else { throw ValidationError("--host must not be empty") }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: runsDirectory, isDirectory: &isDirectory), isDirectory.boolValue
        else {
            throw ValidationError("\(runsDirectory): no such folder of runs (make one with `sclab simulate`)")
        }
    }

    func run() async throws {
        let lab =
            self.lab
            ? Lab(root: runsDirectory, settings: labSettings, version: SCLab.configuration.version) {
                FileHandle.standardError.write(Data("lab: \($0)\n".utf8))
            } : nil
        let observatory = Observatory(runsDirectory: runsDirectory, limits: limits, lab: lab)
        let host = self.host
        try await observatory.serve(host: host, port: port) { port in
            lab?.start()
            var line = "Observatory: http://\(host):\(port)/ (runs in \(observatory.catalog.root)); Ctrl-C stops it\n"
            if let lab {
                let token = lab.settings.token.map { "?token=\($0)" } ?? ""
                line += "Lab: http://\(host):\(port)/lab\(token) (\(lab.settings.concurrentJobs) job at a time, "
                line += "at most \(lab.settings.maxPeople) people a run)\n"
            }
            // Standard error is unbuffered, so a script waiting for this line sees it at once.
            FileHandle.standardError.write(Data(line.utf8))
        }
    }
}
