import Foundation
import RunRecords

/// Where the lab keeps its jobs, inside the runs folder so that nothing outside it is written:
/// `.lab/jobs/job-NNNN.json` (one file per job, replaced whole by an atomic rename, so a crash
/// leaves the old or the new state, never half of one) and `.lab/work/RUN/` (a run being made;
/// it moves to the runs folder when finished, so the runs list never shows a half-made run).
/// The hidden folder is never a run: run names may not start with a dot.
struct LabJobFiles: Sendable {
    /// The runs folder.
    let root: String

    var labFolder: String { (root as NSString).appendingPathComponent(".lab") }
    var jobsFolder: String { (labFolder as NSString).appendingPathComponent("jobs") }
    var workFolder: String { (labFolder as NSString).appendingPathComponent("work") }

    /// The folder a step's run is made in.
    func workingFolder(of run: String) -> String { (workFolder as NSString).appendingPathComponent(run) }

    /// The folder a finished run lives in.
    func finalFolder(of run: String) -> String { (root as NSString).appendingPathComponent(run) }

    /// Every job on disk, in submission order; files that do not read as jobs are reported and skipped.
    func load(report: (String) -> Void = { _ in }) -> [LabJob] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: jobsFolder)) ?? []
        var jobs: [LabJob] = []
        for name in names.sorted() where name.hasPrefix("job-") && name.hasSuffix(".json") {
            let path = (jobsFolder as NSString).appendingPathComponent(name)
            do {
                // A job file is small; anything larger is not one of ours.
                let attributes = try FileManager.default.attributesOfItem(atPath: path)
                guard ((attributes[.size] as? NSNumber)?.intValue ?? 0) <= Self.maximumBytes else {
                    report("\(path): larger than \(Self.maximumBytes) bytes, not a lab job; skipped")
                    continue
                }
                let job = try JSONDecoder().decode(LabJob.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
                guard job.id == String(name.dropLast(5)) else {
                    report("\(path): holds job \(job.id), not the one its name says; skipped")
                    continue
                }
                jobs.append(job)
            } catch {
                report("\(path): not a lab job (\(plainReason(of: error))); skipped")
            }
        }
        return jobs.sorted { $0.number < $1.number }
    }

    /// Writes a job's file whole: to a temporary file first, then renamed over the old one.
    func save(_ job: LabJob) throws {
        try FileManager.default.createDirectory(atPath: jobsFolder, withIntermediateDirectories: true)
        let path = (jobsFolder as NSString).appendingPathComponent(job.id + ".json")
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try encoder.encode(job).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    /// Removes a step's unfinished run.
    func discardWork(of run: String) {
        try? FileManager.default.removeItem(atPath: workingFolder(of: run))
    }

    /// Moves a finished run into the runs folder.
    func publish(_ run: String) throws {
        let target = finalFolder(of: run)
        guard !FileManager.default.fileExists(atPath: target) else {
            throw ObservatoryError.conflict("\(run): a run of that name is already in the runs folder")
        }
        try FileManager.default.moveItem(atPath: workingFolder(of: run), toPath: target)
    }

    /// Largest job file read back (a job holds a few scenario texts).
    static let maximumBytes = 16 << 20
}
