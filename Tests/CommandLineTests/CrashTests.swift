import Foundation
import RunRecords
import RunStore
import Simulation
import TestSupport
import Testing

/// A writer killed with SIGKILL leaves a run that opens, says how far it got, and holds whole
/// periods only. The writer is `sclab store-stress`, a separate process, so the kill is real:
/// no cleanup, no closing, at whatever point of a transaction it happens to be.
@Suite("run store: killed writers")
struct CrashTests {
    /// Metric points and new traces per period, as `store-stress` writes by default.
    static let metricsPerPeriod = 500
    static let tracesPerPeriod = 200

    /// The period label and last day `store-stress` gives period `n` (from 1).
    static func label(_ period: Int) -> String {
        String(format: "%04d-%02d", 2000 + (period - 1) / 12, (period - 1) % 12 + 1)
    }

    /// Starts `sclab store-stress` on `directory` with `arguments` and standard output piped.
    func startStress(_ directory: String, _ arguments: [String] = []) throws -> (Process, FileHandle) {
        let process = Process()
        process.executableURL = try SCLab.executable()
        process.arguments = ["store-stress", directory] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        try process.run()
        return (process, output.fileHandleForReading)
    }

    /// Reads `output` until it holds a line "committed N" with N at least `count`, and returns
    /// that N; fails on end of output (the writer died) or after `timeout` seconds.
    func waitForCommit(_ count: Int, on output: FileHandle, timeout: Double = 120) throws -> Int {
        let deadline = Date().addingTimeInterval(timeout)
        var text = ""
        var buffer = [UInt8](repeating: 0, count: 4_096)
        while true {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
            if let reached = lines.compactMap({ Int($0.dropFirst("committed ".count)) }).last, reached >= count {
                return reached
            }
            let remaining = Int32(max(0, deadline.timeIntervalSinceNow) * 1_000)
            var descriptor = pollfd(fd: output.fileDescriptor, events: Int16(POLLIN), revents: 0)
            let ready = poll(&descriptor, 1, remaining)
            try #require(
                ready > 0,
                "store-stress did not reach \(count) commits in \(timeout) s; output so far: \(text)"
            )
            let bytes = read(output.fileDescriptor, &buffer, buffer.count)
            try #require(bytes > 0, "store-stress stopped before \(count) commits; output: \(text)")
            text += String(decoding: buffer[0..<bytes], as: UTF8.self)
        }
    }

    /// A period takes 10 to 30 ms in a debug build, so delays spread over 48 ms land the kill at
    /// every phase of the commit loop: building a period, inside its transaction, while syncing.
    @Test(
        "SIGKILL at an arbitrary moment: the run opens, progress matches the whole periods stored",
        arguments: Array(stride(from: 0, to: 48, by: 3))
    )
    func killed(delayMilliseconds: Int) throws {
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        let (process, output) = try startStress(directory)
        let seen: Int
        do {
            defer {
                // Whatever happened above, the writer must not outlive the test.
                if process.isRunning { kill(process.processIdentifier, SIGKILL) }
                process.waitUntilExit()
            }
            seen = try waitForCommit(3, on: output)
            Thread.sleep(forTimeInterval: Double(delayMilliseconds) / 1_000)
            // The writer is busy in its commit loop, so the kill lands at a random point of it.
            #expect(kill(process.processIdentifier, SIGKILL) == 0)
        }
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGKILL)

        let store = try RunStore.open(directory: directory)
        let progress = try store.progress()
        let done = progress.daysDone
        #expect(done >= seen, "the store lost periods it had reported committed")
        #expect(progress.lastDay == Self.label(done) + "-28")
        #expect(progress.checkpoint == "checkpoints/\(done).bin")
        #expect(progress.finished == false)
        #expect(try store.info().seed == .max)

        // Exactly the periods 1...done are there, each with all its points.
        let byPeriod = Dictionary(grouping: try store.allMetrics(), by: \.period)
        #expect(byPeriod.keys.sorted() == (1...done).map(Self.label))
        for period in 1...done {
            let points = byPeriod[Self.label(period)] ?? []
            #expect(points.count == Self.metricsPerPeriod, "period \(period) has \(points.count) points")
            #expect(
                points.allSatisfy {
                    $0.value >= Double(period * 1_000_000) && $0.value < Double((period + 1) * 1_000_000)
                }
            )
        }
        // Traces too: one per period per subject, and the rewrites of each period's predecessor.
        for subject in [0, 1, Self.tracesPerPeriod - 1] {
            let traces = try store.traces(subject: subject, kind: "people")
            #expect(traces.map(\.id) == (0..<done).map { Int64($0 * Self.tracesPerPeriod + subject) })
            let appealed = traces.map { $0.appealOutcome != nil }
            let expected = (1...done).map { subject < 20 && $0 < done }
            #expect(appealed == expected, "subject \(subject)")
        }

        // The run can carry on where it stopped.
        try store.commitPeriod(
            daysDone: done + 1,
            lastDay: Self.label(done + 1) + "-28",
            metrics: [MetricPoint(period: Self.label(done + 1), name: "stress.m0000", value: 1)],
            traces: [],
            checkpoint: nil
        )
        #expect(try store.progress().daysDone == done + 1)
    }

    @Test("store-stress with --periods stops, finishes the run and exits 0")
    func finishedStress() throws {
        let folder = try TemporaryFolder()
        let directory = folder.appending("run")
        let (process, output) = try startStress(directory, ["--periods", "4", "--metrics", "20", "--traces", "30"])
        let text = String(decoding: output.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        #expect(text == "committed 1\ncommitted 2\ncommitted 3\ncommitted 4\nfinished\n")
        // The writer closed the store: the write-ahead log is merged, the folder holds the database alone.
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["run.sqlite"])
        let store = try RunStore.open(directory: directory)
        let progress = try store.progress()
        #expect(progress.finished)
        #expect(progress.daysDone == 4)
        #expect(progress.summaryJSON == #"{"periods": 4}"#)
        #expect(try store.allMetrics().count == 80)
        #expect(try store.snapshots().count == 30)

        // A second run into the same folder is refused, and the first one is untouched.
        let (again, againOutput) = try startStress(directory, ["--periods", "1"])
        _ = againOutput.readDataToEndOfFile()
        again.waitUntilExit()
        #expect(again.terminationStatus == 1)
        #expect(try store.progress() == progress)
    }
}
