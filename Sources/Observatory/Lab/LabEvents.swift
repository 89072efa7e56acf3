import Foundation
import Hummingbird
import NIOCore

/// A job's progress as server-sent events (`text/event-stream`): its state as JSON whenever it
/// changes, checked twice a second, and a last event when it is over, after which the stream
/// ends. A comment line every few seconds keeps the connection from counting as idle. A stream
/// lasts at most an hour (the page's script reconnects), and at most `maximumStreams` are open.
enum LabEvents {
    /// Streams open at once, over all clients, so watchers cannot take every connection.
    static let maximumStreams = 32
    /// Longest a stream stays open.
    static let maximumSeconds = 3600.0

    private static let open = OpenStreams()

    /// The stream of job `id`'s progress.
    static func stream(lab: Lab, job id: String) throws -> Response {
        guard open.enter(limit: maximumStreams) else {
            throw ObservatoryError.tooMany("\(maximumStreams) progress streams are open, the most this server keeps")
        }
        var headers = HTTPFields()
        Responses.setHeaders(&headers, type: "text/event-stream; charset=utf-8")
        let body = ResponseBody { writer in
            defer { open.leave() }
            let began = Date()
            var last: LabJob?
            var quiet = 0
            while Date().timeIntervalSince(began) < maximumSeconds {
                guard let job = try? lab.job(id) else { break }
                if job != last {
                    try await writer.write(ByteBuffer(string: "event: progress\ndata: \(LabJobJSON.text(job))\n\n"))
                    last = job
                    quiet = 0
                } else {
                    quiet += 1
                    if quiet % 10 == 0 { try await writer.write(ByteBuffer(string: ": waiting\n\n")) }
                }
                if job.isOver { break }
                try await Task.sleep(nanoseconds: 500_000_000)
            }
            try await writer.finish(nil)
        }
        return Response(status: .ok, headers: headers, body: body)
    }
}

/// Counts the progress streams open.
private final class OpenStreams: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func enter(limit: Int) -> Bool {
        lock.withLock {
            guard count < limit else { return false }
            count += 1
            return true
        }
    }

    func leave() { lock.withLock { count -= 1 } }
}

/// A job as the lab's JSON (server-sent events and the job page's script read it).
enum LabJobJSON {
    /// The job's JSON, keys sorted.
    static func text(_ job: LabJob) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(LabJobSummary(job))).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

/// What a watcher needs of a job: everything but the scenario texts.
struct LabJobSummary: Codable, Sendable, Equatable {
    var id: String
    var title: String
    var state: String
    var message: String?
    var baseline: String
    var variant: String
    var runs: [String]
    var progress: LabProgress
    /// What the job is doing, in words (as its page says it).
    var phaseText: String
    /// Time so far and left, in words.
    var timeText: String
    /// The share done, as a whole percentage.
    var percentText: String

    init(_ job: LabJob) {
        id = job.id
        title = job.title
        state = job.state.rawValue
        message = job.message
        baseline = job.baseline
        variant = job.variant
        runs = job.steps.map(\.run)
        progress = job.progress
        phaseText = LabPages.phaseText(job)
        timeText = LabPages.timeText(job.progress)
        percentText = LabPages.percent(job.progress.fraction)
    }
}
