import Foundation

/// A fresh folder under the system's temporary folder, removed when the value goes away, so that
/// a test leaves nothing behind however it ends.
public final class TemporaryFolder {
    /// The folder's absolute path.
    public let path: String

    /// Creates the folder, named `prefix` and a UUID.
    public init(_ prefix: String = "sclab-test") throws {
        path = (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }

    /// A path inside the folder (not created).
    public func appending(_ component: String) -> String { (path as NSString).appendingPathComponent(component) }

    /// A path under the system's temporary folder that does not exist yet, for a test that must
    /// create the folder itself (as `sclab simulate --out` does) and remove it when done.
    public static func unusedPath(_ prefix: String) -> String {
        (NSTemporaryDirectory() as NSString).appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }
}

/// A test's own failure with a sentence saying what went wrong (a fixture not found, a tool not
/// installed), so that the test fails with that sentence rather than a crash.
public struct TestError: Error, CustomStringConvertible {
    /// What went wrong.
    public let description: String

    /// An error saying `description`.
    public init(_ description: String) { self.description = description }
}
