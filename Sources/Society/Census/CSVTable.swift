import Foundation

/// A small CSV table as the census data files are written: `#` comment lines (the source),
/// one header line, then plain comma-separated rows without quoting.
struct CSVTable {
    let name: String
    let header: [String]
    let rows: [[String]]
    /// The comment lines, without `#`: where the data come from.
    let comments: [String]

    init(name: String, text: String) throws {
        self.name = name
        var comments: [String] = []
        var lines: [Substring] = []
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            if line.hasPrefix("#") {
                comments.append(line.dropFirst().trimmingCharacters(in: .whitespaces))
            } else if !line.trimmingCharacters(in: .whitespaces).isEmpty {
                lines.append(line)
            }
        }
        guard let first = lines.first else { throw CensusDataError(file: name, message: "no header line") }
        header = first.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        rows = try lines.dropFirst().enumerated().map { index, line in
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == first.split(separator: ",", omittingEmptySubsequences: false).count else {
                throw CensusDataError(
                    file: name,
                    message:
                        "row \(index + 1) has \(fields.count) fields, the header has \(first.split(separator: ",").count)"
                )
            }
            return fields
        }
        self.comments = comments
    }

    /// A table shipped in the package's `Resources/` folder, by name without extension.
    static func resource(_ name: String) throws -> CSVTable {
        guard
            let url = Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: "csv")
        else {
            throw CensusDataError(file: "\(name).csv", message: "not found in the package resources")
        }
        return try CSVTable(name: "\(name).csv", text: String(contentsOf: url, encoding: .utf8))
    }

    /// The column index of a header name.
    func column(_ key: String) throws -> Int {
        guard let index = header.firstIndex(of: key) else {
            throw CensusDataError(file: name, message: "missing column '\(key)'")
        }
        return index
    }

    /// A column as numbers.
    func doubles(_ key: String) throws -> [Double] {
        let index = try column(key)
        return try rows.enumerated().map { row, fields in
            guard let value = Double(fields[index]) else {
                throw CensusDataError(
                    file: name,
                    message: "row \(row + 1), column '\(key)': '\(fields[index])' is not a number"
                )
            }
            return value
        }
    }

    /// A column as text.
    func strings(_ key: String) throws -> [String] {
        let index = try column(key)
        return rows.map { $0[index] }
    }

    /// A key,value table as a dictionary of numbers.
    func keyValues() throws -> [String: Double] {
        let keys = try strings("key")
        let values = try doubles("value")
        return Dictionary(zip(keys, values), uniquingKeysWith: { first, _ in first })
    }
}

/// A census data file that is missing or malformed: the package itself is broken.
public struct CensusDataError: Error, CustomStringConvertible, Sendable {
    /// The data file.
    public var file: String
    /// What is wrong.
    public var message: String

    public var description: String { "census data \(file): \(message)" }
}
