import Foundation
import RunRecords
import RunStore
import Simulation
import SocialCredit
import TestSupport
import Testing

@testable import Impact

/// A strict RFC 4180 reader, written apart from the exporter so that the two check each other:
/// CRLF line ends only, quotes only around whole fields, doubled quotes inside them, every
/// record as many fields as the header. Any deviation is an error with its position.
enum StrictCSV {
    struct Failure: Error, CustomStringConvertible { let description: String }

    static func parse(_ text: String) throws -> [[String]] {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var chars = Array(text.unicodeScalars)[...]
        var line = 1
        func fail(_ what: String) -> Failure { Failure(description: "line \(line): \(what)") }
        while let c = chars.popFirst() {
            switch c {
            case "\"":
                guard field.isEmpty else { throw fail("quote inside an unquoted field") }
                var closed = false
                while let q = chars.popFirst() {
                    if q == "\"" {
                        if chars.first == "\"" {
                            chars.removeFirst()
                            field.unicodeScalars.append("\"")
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        if q == "\n" { line += 1 }
                        field.unicodeScalars.append(q)
                    }
                }
                guard closed else { throw fail("unterminated quoted field") }
                guard chars.first == "," || chars.first == "\r" || chars.first == nil else {
                    throw fail("text after a closing quote")
                }
            case ",":
                record.append(field)
                field = ""
            case "\r":
                guard chars.popFirst() == "\n" else { throw fail("CR not followed by LF") }
                record.append(field)
                field = ""
                records.append(record)
                record = []
                line += 1
            case "\n":
                throw fail("bare LF (RFC 4180 ends lines with CRLF)")
            default:
                field.unicodeScalars.append(c)
            }
        }
        guard field.isEmpty && record.isEmpty else { throw fail("the last line has no CRLF") }
        if let width = records.first?.count, let bad = records.firstIndex(where: { $0.count != width }) {
            throw Failure(description: "record \(bad + 1) has \(records[bad].count) fields, the header \(width)")
        }
        return records
    }
}

struct ExportTests {
    static let columns = [
        ExportColumn("a", .text, "text"), ExportColumn("b", .number, "number", nullable: true),
        ExportColumn("c", .boolean, "flag"), ExportColumn("d", .integer, "count"),
    ]
    static let tricky = ExportTable(
        kind: .records,
        columns: columns,
        rows: [
            [.text("plain"), .number(0.25), .boolean(true), .integer(-3)],
            [.text("a,b"), .null, .boolean(false), .integer(0)],
            [.text("say \"hi\""), .number(12), .boolean(true), .integer(7)],
            [.text("two\nlines"), .number(.nan), .boolean(false), .integer(1)],
        ]
    )

    @Test("CSV quotes fields with commas, quotes and newlines (RFC 4180), leaves missing values empty")
    func csvQuoting() {
        let expected =
            "a,b,c,d\r\n" + "plain,0.25,true,-3\r\n" + "\"a,b\",,false,0\r\n"
            + "\"say \"\"hi\"\"\",12,true,7\r\n" + "\"two\nlines\",,false,1\r\n"
        #expect(Self.tricky.csv() == expected)
    }

    @Test("JSON is an array of objects in column order, nulls for missing values, strings escaped")
    func json() throws {
        let expected =
            "[\n"
            + "  {\"a\": \"plain\", \"b\": 0.25, \"c\": true, \"d\": -3},\n"
            + "  {\"a\": \"a,b\", \"b\": null, \"c\": false, \"d\": 0},\n"
            + "  {\"a\": \"say \\\"hi\\\"\", \"b\": 12, \"c\": true, \"d\": 7},\n"
            + "  {\"a\": \"two\\nlines\", \"b\": null, \"c\": false, \"d\": 1}\n"
            + "]\n"
        #expect(Self.tricky.json() == expected)
        let parsed = try #require(
            try JSONSerialization.jsonObject(with: Data(Self.tricky.json().utf8)) as? [[String: Any]]
        )
        #expect(parsed[3]["a"] as? String == "two\nlines")
        #expect(parsed[1]["b"] is NSNull)
    }

    @Test("The strict reader reads back exactly what was written")
    func roundTrip() throws {
        let rows = try StrictCSV.parse(Self.tricky.csv())
        #expect(
            rows == [
                ["a", "b", "c", "d"], ["plain", "0.25", "true", "-3"], ["a,b", "", "false", "0"],
                ["say \"hi\"", "12", "true", "7"], ["two\nlines", "", "false", "1"],
            ]
        )
        #expect(throws: StrictCSV.Failure.self) { try StrictCSV.parse("a,b\nc,d\n") }
        #expect(throws: StrictCSV.Failure.self) { try StrictCSV.parse("a,b\r\nc\r\n") }
    }

    @Test(
        "Every table of a real run parses strictly, with one row per stored row and the documented header",
        arguments: ExportTable.Kind.allCases
    )
    func tables(kind: ExportTable.Kind) throws {
        let folder = try SharedRun.folder()
        let store = try RunStore.open(directory: folder)
        let table = try ExportTable.load(kind, from: store)
        let csv = try StrictCSV.parse(table.csv())
        #expect(csv.first == kind.columns.map(\.name))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(table.json().utf8)) as? [[String: Any]])
        let people = try store.snapshots().filter { $0.subjectKind == .people }
        let expected: Int
        switch kind {
        case .metrics: expected = try store.allMetrics().count
        case .people: expected = people.count
        case .records: expected = try store.allTraces().count
        case .lists:
            // Untraced people: one row per list ever held. Traced people: one per stay, at least one per list.
            let untraced = people.filter { !$0.reason.contains("traced") }
            let rows = table.rows.filter { $0[10] == .text("snapshot") }
            #expect(rows.count == untraced.reduce(0) { $0 + $1.everListed.split(separator: ",").count })
            expected = table.rows.count
            #expect(
                Set(table.rows.compactMap { if case let .integer(p) = $0[0] { p } else { nil } })
                    == Set(people.filter { !$0.everListed.isEmpty }.map(\.subject))
            )
        }
        #expect(expected > 0, "the run stored no \(kind.rawValue)")
        #expect(csv.count == expected + 1)
        #expect(json.count == expected)
        // Every value has its column's type.
        for row in table.rows {
            for (value, column) in zip(row, kind.columns) {
                switch (value, column.type) {
                case (.null, _): #expect(column.nullable || kind == .lists, "\(kind).\(column.name) is null")
                case (.integer, .integer), (.number, .number), (.boolean, .boolean), (.text, .text): break
                case let (.text(s), .date): #expect(Day(iso: s) != nil, "\(column.name): \(s)")
                case let (.text(s), .month): #expect(s.count == 7 && Day(iso: s + "-01") != nil, "\(column.name): \(s)")
                default: Issue.record("\(kind).\(column.name): \(value) is not \(column.type)")
                }
            }
        }
    }

    @Test("List stays rebuilt from traced records agree with the simulation's lists at the end")
    func listsAgree() throws {
        let folder = try SharedRun.folder()
        let store = try RunStore.open(directory: folder)
        let table = try ExportTable.load(.lists, from: store)
        let traced = try store.snapshots().filter {
            $0.subjectKind == .people && $0.reason.contains("traced") && !$0.everListed.isEmpty
        }
        try #require(!traced.isEmpty, "no traced person was listed: make the test run bigger")
        for person in traced {
            let rows = table.rows.filter { $0[0] == .integer(person.subject) }
            let atEnd = Set(
                rows.filter { $0[3] == .boolean(true) }.compactMap { if case let .text(l) = $0[1] { l } else { nil } }
            )
            #expect(atEnd == Set(person.lists.split(separator: ",").map(String.init)), "person \(person.subject)")
            let ever = Set(rows.compactMap { if case let .text(l) = $0[1] { l } else { nil } })
            #expect(ever == Set(person.everListed.split(separator: ",").map(String.init)), "person \(person.subject)")
            for row in rows where row[6] == .text("term") {
                #expect(
                    row[4] != .null && row[7] != .null && row[8] != .null,
                    "a term stay without its start or reason"
                )
            }
        }
    }

    @Test("docs/exports.md documents every column of every table, in order")
    func documented() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/exports.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for kind in ExportTable.Kind.allCases {
            let section = try #require(
                text.components(separatedBy: "\n### `\(kind.rawValue)`").dropFirst().first,
                "no section for \(kind.rawValue)"
            )
            let body = section.components(separatedBy: "\n### ").first ?? section
            let names = body.split(separator: "\n").filter { $0.hasPrefix("| `") }
                .map { String($0.dropFirst(3).prefix { $0 != "`" }) }
            #expect(names == kind.columns.map(\.name), "\(kind.rawValue)")
            for column in kind.columns {
                let line = body.split(separator: "\n").first { $0.hasPrefix("| `\(column.name)`") }
                #expect(line?.contains("| \(column.type.rawValue) |") == true, "\(kind.rawValue).\(column.name): type")
            }
        }
    }

    @Test(
        "sqlite3 imports the CSV with the same row counts (when the sqlite3 shell is installed)",
        .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/sqlite3"))
    )
    func sqliteImport() throws {
        let folder = try SharedRun.folder()
        let store = try RunStore.open(directory: folder)
        for kind in ExportTable.Kind.allCases {
            let table = try ExportTable.load(kind, from: store)
            let file = folder + "/\(kind.rawValue).csv"
            try table.csv().write(toFile: file, atomically: true, encoding: .utf8)
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/usr/bin/sqlite3")
            process.arguments = [":memory:", ".import --csv \(file) t", "SELECT count(*) FROM t;"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            process.waitUntilExit()
            #expect(out.trimmingCharacters(in: .whitespacesAndNewlines) == String(table.rows.count), "\(kind.rawValue)")
        }
    }
}

/// One small real run shared by the tests that only read it (made once per test process):
/// 3,000 people over 18 months, every second person traced, so that both traced and untraced
/// people reach the lists.
enum SharedRun {
    static let period = Period(start: Day(iso: "2015-01-01")!, end: Day(iso: "2016-06-30")!)
    private static let made: Result<String, TestError> = {
        do { return .success(try SmallRun.make(size: 3_000, period: period, traceEvery: 2).folder) } catch {
            return .failure(TestError("\(error)"))
        }
    }()

    static func folder() throws -> String { try made.get() }
}
