import Foundation

extension RunLimits {
    /// Bytes a generated society holds per person (`sclab bench` measured 60.1, network
    /// included), rounded up: what generating a run's society again for its names costs (the
    /// Observatory, `explain`, `verify`).
    public static let societyBytesPerPerson = 64

    /// The memory available for new work (`MemAvailable` of `/proc/meminfo`), in bytes; nil
    /// where it cannot be read.
    public static func availableMemory(meminfo path: String = "/proc/meminfo") -> Int? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        return memAvailable(in: text)
    }

    /// `MemAvailable` in the text of a `/proc/meminfo`, in bytes.
    public static func memAvailable(in text: String) -> Int? {
        for line in text.split(separator: "\n") where line.hasPrefix("MemAvailable:") {
            let fields = line.split(separator: " ")
            guard fields.count >= 2, let kilobytes = Int(fields[1]), kilobytes >= 0,
                kilobytes <= Int.max / 1024
            else { return nil }
            return kilobytes * 1024
        }
        return nil
    }

    /// A byte count as gigabytes with one decimal.
    public static func gigabytes(_ bytes: Int) -> String { String(format: "%.1f GB", Double(bytes) / 1e9) }
}
