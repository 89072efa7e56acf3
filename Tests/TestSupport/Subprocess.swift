import Foundation

/// Runs a child process to its end, reading its standard output and error together (so that
/// neither pipe fills and stalls it), and optionally kills it with SIGKILL at a chosen moment.
public enum Subprocess {
    /// What a process printed and how it ended.
    public struct Outcome: Sendable {
        /// Its exit status (or the signal's number when killed).
        public var status: Int32
        /// Its standard output.
        public var stdout: String
        /// Its standard error.
        public var stderr: String
        /// Whether `killWhen` fired and the process died of the signal (it had not finished).
        public var killed: Bool
        /// The digest a finished run's summary printed (`digest: …`), if any.
        public var digest: String? { SCLab.digest(in: stdout) }
    }

    /// Starts `process` (its executable and arguments set) and waits for it; when `killWhen`,
    /// given the standard error so far, becomes true, kills it with SIGKILL at once.
    public static func run(_ process: Process, killWhen: ((String) -> Bool)? = nil) throws -> Outcome {
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        defer {
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
            }
        }
        var stderr = Data()
        var stdout = Data()
        var killed = false
        var buffer = [UInt8](repeating: 0, count: 65_536)
        let handles = [err.fileHandleForReading, out.fileHandleForReading]
        var descriptors = handles.map { pollfd(fd: $0.fileDescriptor, events: Int16(POLLIN), revents: 0) }
        var open = [true, true]
        while open.contains(true) {
            if !killed, let killWhen, killWhen(String(decoding: stderr, as: UTF8.self)) {
                kill(process.processIdentifier, SIGKILL)
                killed = true
            }
            for i in 0..<2 { descriptors[i].fd = open[i] ? handles[i].fileDescriptor : -1 }
            guard poll(&descriptors, 2, 1_000) >= 0 else { break }
            for i in 0..<2 where open[i] && descriptors[i].revents != 0 {
                let count = read(descriptors[i].fd, &buffer, buffer.count)
                if count <= 0 {
                    open[i] = false
                } else if i == 0 {
                    stderr.append(contentsOf: buffer[0..<count])
                } else {
                    stdout.append(contentsOf: buffer[0..<count])
                }
            }
        }
        process.waitUntilExit()
        return Outcome(
            status: process.terminationStatus,
            stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self),
            killed: killed && process.terminationReason == .uncaughtSignal
        )
    }
}
