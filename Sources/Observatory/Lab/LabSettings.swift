import Foundation
import RunRecords

/// What the policy lab (`sclab serve --lab`) may do: the largest run one job may ask for, how
/// many jobs run at once and wait, how often one may be submitted, and the token a request must
/// carry when the server is reachable from other machines. Every bound is checked when a job is
/// submitted, so no request can make the server run more than its operator allowed.
public struct LabSettings: Sendable, Equatable {
    /// The most people one run of a job may have (`--lab-max-people`, default 200,000).
    public var maxPeople: Int
    /// The most years one run may cover.
    public var maxYears: Int
    /// The most seeds (societies) a run is measured over.
    public var maxSeeds: Int
    /// Jobs that run at once (`--lab-jobs`, default 1); the others wait in order.
    public var concurrentJobs: Int
    /// Threads each running job uses; the result does not depend on it.
    public var threadsPerJob: Int
    /// Jobs that may wait at once; a submission beyond it is refused (429).
    public var maxQueued: Int
    /// Submissions accepted per minute, over all clients; more are refused (429).
    public var submissionsPerMinute: Int
    /// The token lab requests must carry (a cookie set by `/lab?token=…`, an `Authorization:
    /// Bearer` header or a `token` form field); nil when the server listens on loopback only.
    public var token: String?

    /// Largest request body a lab path reads: a whole scenario text, form-encoded (the shipped
    /// ones are 16-67 KB; encoding can triple that).
    public static let maxBodyBytes = 1 << 20

    /// Ranges of the settings, checked by `problem()`.
    public static let maxPeopleRange = 1...RunLimits.population.upperBound
    /// Jobs at once: a handful, since every job takes cores.
    public static let concurrentJobsRange = 1...16
    /// Years of one lab run.
    public static let maxYearsRange = 1...RunLimits.years.upperBound

    /// Settings from their parts; the defaults suit a laptop serving a class.
    public init(
        maxPeople: Int = 200_000,
        maxYears: Int = 10,
        maxSeeds: Int = 5,
        concurrentJobs: Int = 1,
        threadsPerJob: Int? = nil,
        maxQueued: Int = 32,
        submissionsPerMinute: Int = 20,
        token: String? = nil
    ) {
        self.maxPeople = maxPeople
        self.maxYears = maxYears
        self.maxSeeds = maxSeeds
        self.concurrentJobs = concurrentJobs
        // Leave a core to the pages when the machine has few, so reading stays quick during a job.
        let cores = ProcessInfo.processInfo.activeProcessorCount
        self.threadsPerJob = threadsPerJob ?? max(1, (cores - 1) / concurrentJobs)
        self.maxQueued = maxQueued
        self.submissionsPerMinute = submissionsPerMinute
        self.token = token
    }

    /// What is wrong with the settings, in the words of the option that set it; nil when they hold.
    public func problem() -> String? {
        if !Self.maxPeopleRange.contains(maxPeople) {
            return "--lab-max-people must be from 1 to \(Self.maxPeopleRange.upperBound) (got \(maxPeople))"
        }
        if !Self.concurrentJobsRange.contains(concurrentJobs) {
            return "--lab-jobs must be from 1 to \(Self.concurrentJobsRange.upperBound) (got \(concurrentJobs))"
        }
        if !Self.maxYearsRange.contains(maxYears) {
            return "the lab's years must be from 1 to \(Self.maxYearsRange.upperBound) (got \(maxYears))"
        }
        if !RunLimits.seeds.contains(maxSeeds) { return "the lab's seeds must be within \(RunLimits.seeds)" }
        if !RunLimits.threads.contains(threadsPerJob) { return "threads per job must be within \(RunLimits.threads)" }
        if !(1...1000).contains(maxQueued) { return "queued jobs must be from 1 to 1000" }
        if !(1...10_000).contains(submissionsPerMinute) { return "submissions per minute must be from 1 to 10000" }
        return nil
    }

    /// A fresh random token: 128 bits from the system's generator, as hexadecimal.
    public static func freshToken() -> String {
        var generator = SystemRandomNumberGenerator()
        return (0..<4).map { _ in String(format: "%08x", UInt32.random(in: .min ... .max, using: &generator)) }
            .joined()
    }

    /// Whether a host name binds the loopback interface only (no token needed there).
    public static func isLoopback(_ host: String) -> Bool {
        host == "127.0.0.1" || host == "::1" || host == "localhost" || host.hasPrefix("127.")
    }
}
