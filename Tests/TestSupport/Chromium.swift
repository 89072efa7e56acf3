import Foundation

/// Headless Chromium (Debian's `chromium`, which `.ci/run` installs), driven as a person's
/// browser by the report's and the web app's browser tests. Those tests are skipped only when
/// Chromium is absent outside CI; in CI it must run.
public enum Chromium {
    /// Where Chromium is installed, if it is.
    public static let path: String? = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/snap/bin/chromium"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    /// Whether the tests run in CI (`CI=true`), where a missing Chromium is a failure.
    public static let inCI = ProcessInfo.processInfo.environment["CI"] == "true"

    /// What one Chromium run printed and how it ended.
    public struct Outcome: Sendable {
        /// Its standard output (the DOM, with `--dump-dom`).
        public var out: String
        /// Its standard error (console messages, with `--enable-logging=stderr`).
        public var err: String
        /// Its exit status.
        public var status: Int32
    }

    /// Runs Chromium headless on `url` (`http://…` or `file://…`) with `arguments`, in a profile
    /// folder of its own (two tests at once must not share one: Chromium locks it).
    public static func run(_ arguments: [String], url: String) throws -> Outcome {
        guard let path else { throw TestError("chromium is not installed: apt-get -y install chromium") }
        let profile = try TemporaryFolder("sclab-chromium-profile")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments =
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=\(profile.path)",
            ] + arguments + [url]
        let output = try Subprocess.run(process)
        return Outcome(out: output.stdout, err: output.stderr, status: output.status)
    }

    /// The folder screenshots go to, `.build/NAME` in the package, for a person to look at
    /// after the tests (created if missing).
    public static func screenshotFolder(_ name: String) throws -> URL {
        let folder = SCLab.repository.appendingPathComponent(".build").appendingPathComponent(name)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder
    }
}
