import Foundation
import RunRecords
import RunStore
import Runs
import SocialCredit

/// What a lab user asks for, from the lab's form or from `POST /api/lab/jobs` alike: a starting
/// point, changes to its scenario (values by parameter path, or a whole scenario text), the
/// society and, for a what-if, the first day of the change. `plan` checks it all against the
/// lab's limits and turns it into a job, so the page and the API accept exactly the same things.
struct LabSubmission: Sendable, Equatable {
    /// Where the variant starts from.
    enum Origin: Sendable, Equatable {
        /// A shipped scenario, by name (`seed-article`).
        case scenario(String)
        /// The scenario (and by default the society) of a run in the runs folder.
        case run(String)
    }

    /// The starting point.
    var origin: Origin
    /// New values by parameter path (`sources.cctv_cameras.coverage` = `0.3`), as text.
    var edits: [String: String] = [:]
    /// A whole scenario text to run instead of the starting point's, edited or not.
    var scenarioText: String?
    /// People (default: the run's, or 20,000).
    var population: Int?
    /// Years from the scenario's (or run's) first day (default: the run's period, or 3).
    var years: Int?
    /// Seeds the key figures are measured over (default: the run's, or 2).
    var seeds: Int?
    /// The society's seed (default: the run's, or 1).
    var seed: UInt64?
    /// For a what-if from a date: the first day the change is in force (ISO date).
    var branchDate: String?
    /// Fields a form sent that do not read as what they should be, with the text sent: reported
    /// by `plan` beside their fields with every other problem.
    var unreadable: [String: String] = [:]

    /// Days between a lab run's checkpoints.
    static let checkpointEvery = 91

    /// Most changed parameters in one submission (a scenario has a few hundred).
    static let maximumEdits = 2_000

    /// Defaults for a run started from a shipped scenario: big enough to see a difference,
    /// small enough to run in a minute.
    static let defaultPopulation = 20_000
    static let defaultYears = 3
    static let defaultSeeds = 2

    /// Problems with a submission: each with the field or scenario path it concerns, so a form
    /// can show it beside the field; `diagnostics` are a pasted scenario's located errors.
    struct Problems: Error, Sendable {
        var fields: [(field: String, message: String)] = []
        var diagnostics: [Diagnostic] = []

        /// Everything in a paragraph, for the API and for logs.
        var summary: String {
            let lines = fields.map { "\($0.field): \($0.message)" } + diagnostics.map(\.description)
            return lines.joined(separator: "; ")
        }
    }
}

extension LabSubmission.Origin {
    /// The form field that names the starting point.
    var field: String {
        switch self {
        case .scenario: "scenario"
        case .run: "run"
        }
    }

    /// The starting point's scenario text, the scenario's name, and for a run its name and
    /// description; read the one way the form page and the plan both use.
    /// - Throws: `.notFound` for a name that is not a shipped scenario (names from the shipped
    ///   list only: a request never names a file) or not a run of the folder.
    func start(
        root: String,
        catalog: ScenarioCatalog = .discover()
    ) throws(ObservatoryError) -> (text: String, name: String, run: (name: String, info: RunInfo)?) {
        switch self {
        case let .scenario(name):
            let entries = catalog.entries
            guard let entry = entries.first(where: { $0.name == name }),
                let text = try? String(contentsOfFile: entry.path, encoding: .utf8)
            else {
                let names = entries.map(\.name).joined(separator: ", ")
                throw .notFound("no shipped scenario '\(clip(name))' (there are: \(names))")
            }
            return (text, name, nil)
        case let .run(name):
            let folder = (root as NSString).appendingPathComponent(name)
            guard RunCatalog.isPlainName(name), let info = try? RunStore.openReadOnly(directory: folder).info() else {
                throw .notFound("no run '\(clip(name))' in the runs folder")
            }
            return (info.scenarioText, info.scenarioID, (name, info))
        }
    }
}

extension LabSubmission {
    /// The job this submission asks for, numbered `number`, or every problem with it at once.
    /// - Parameters:
    ///   - number: The job's number.
    ///   - settings: The lab's limits.
    ///   - root: The runs folder (where a starting run is read and whose names must stay free).
    ///   - version: The software version recorded in each run.
    ///   - catalog: The shipped scenarios.
    func plan(
        number: Int,
        settings: LabSettings,
        root: String,
        version: String,
        catalog: ScenarioCatalog = .discover()
    ) throws(Problems) -> LabJob {
        var problems = Problems()
        for (field, text) in unreadable.sorted(by: { $0.key < $1.key }) {
            problems.fields.append((field, "'\(clip(text))' is not a whole number"))
        }
        func check(_ field: String, _ value: Int?, _ range: ClosedRange<Int>) {
            if let value, !range.contains(value) {
                problems.fields.append(
                    (field, "must be from \(range.lowerBound) to \(grouped(range.upperBound)) (got \(value))")
                )
            }
        }
        check("population", population, 1...settings.maxPeople)
        check("years", years, 1...settings.maxYears)
        check("seeds", seeds, 1...settings.maxSeeds)
        // The starting point: its text, its name, and the run whose society is reused.
        var baseText = ""
        var baseName = ""
        var baseRun: (name: String, info: RunInfo)?
        do {
            let start = try origin.start(root: root, catalog: catalog)
            (baseText, baseName, baseRun) = (start.text, start.name, start.run)
        } catch {
            problems.fields.append((origin.field, error.message))
        }
        guard problems.fields.isEmpty else { throw problems }
        // The variant's text: a whole text, else the starting point's with the edits applied.
        var variantText = baseText
        if let scenarioText {
            let reading = Scenario.read(scenarioText, file: "scenario.yaml")
            if reading.scenario == nil {
                problems.diagnostics = reading.errors
                throw problems
            }
            variantText = scenarioText
        }
        if !edits.isEmpty {
            guard edits.count <= Self.maximumEdits else {
                problems.fields.append(
                    ("scenario", "at most \(Self.maximumEdits) changes at once (got \(edits.count))")
                )
                throw problems
            }
            do {
                variantText = try ScenarioForm.apply(edits, to: variantText)
            } catch let rejection as ScenarioForm.Rejection {
                problems.fields += rejection.problems.map { ($0.path.isEmpty ? "scenario" : $0.path, $0.message) }
                throw problems
            } catch {
                problems.fields.append(("scenario", "\(error)"))
                throw problems
            }
        }
        let base: Scenario
        let variant: Scenario
        do {
            base = try Scenario.parse(baseText, file: "\(baseName).yaml")
            variant = try Scenario.parse(variantText, file: "scenario.yaml")
        } catch {
            problems.fields.append(("scenario", "\(error)"))
            throw problems
        }
        // The society: the starting run's unless asked otherwise.
        let people = population ?? baseRun?.info.population ?? Self.defaultPopulation
        let seedCount = seeds ?? baseRun?.info.seeds ?? Self.defaultSeeds
        let societySeed = seed ?? baseRun?.info.seed ?? 1
        var first: Day
        var last: Day
        do {
            if years == nil, let info = baseRun?.info, let start = Day(iso: info.start), let end = Day(iso: info.end) {
                (first, last) = (start, end)
            } else {
                let startDay = baseRun.flatMap { Day(iso: $0.info.start) }
                (first, last) = try RunPeriod.resolve(
                    base,
                    start: startDay,
                    days: nil,
                    years: years ?? Self.defaultYears,
                    startName: "another start",
                    lengthNames: "fewer years"
                )
            }
        } catch {
            problems.fields.append(("years", "\(error)"))
            throw problems
        }
        check("population", people, 1...settings.maxPeople)
        check("seeds", seedCount, 1...settings.maxSeeds)
        let span = Day(year: first.year + settings.maxYears, month: first.components.month, day: 1)
        if let span, last >= span.adding(days: first.components.day - 1) {
            problems.fields.append(
                ("years", "a lab run covers at most \(settings.maxYears) years; this one runs \(first) to \(last)")
            )
        }
        var branch: LabBranch?
        if let branchDate, !branchDate.isEmpty {
            if let day = Day(iso: branchDate) {
                if day <= first || day > last {
                    problems.fields.append(
                        (
                            "branch_date",
                            "\(branchDate) must be after the run's first day \(first) and no later than its last, \(last)"
                        )
                    )
                } else {
                    branch = LabBranch(baseline: "", date: day.description)
                }
            } else {
                problems.fields.append(("branch_date", "'\(clip(branchDate))' is not a date (YYYY-MM-DD)"))
            }
        }
        guard problems.fields.isEmpty else { throw problems }
        func info(_ text: String, _ scenario: Scenario) -> RunInfo {
            RunInfo(
                scenarioID: scenario.id,
                scenarioText: text,
                population: people,
                seed: societySeed,
                start: first.description,
                end: last.description,
                threads: settings.threadsPerJob,
                // Quarterly checkpoints, all kept (`LabStepRun`): a job resumes after a restart, and a
                // what-if from any date starts at most a quarter before it.
                checkpointEvery: Self.checkpointEvery,
                version: version,
                traceEvery: RunInfo.defaultTraceEvery(population: people),
                seeds: seedCount
            )
        }
        let prefix = "lab-" + String(format: "%04d", number) + "-" + String(variant.id.prefix(80))
        var steps: [LabStep] = []
        var baselineName: String
        let wanted = info(baseText, base)
        if let run = baseRun, Self.sameSociety(run.info, wanted) {
            baselineName = run.name
        } else {
            baselineName = prefix + "-baseline"
            steps.append(LabStep(run: baselineName, info: wanted, branch: nil, done: false))
        }
        branch?.baseline = baselineName
        let variantName = prefix + "-variant"
        steps.append(LabStep(run: variantName, info: info(variantText, variant), branch: branch, done: false))
        // What changed, as `sclab diff` says it (a form posts every field, changed or not).
        let differences = (try? ScenarioDiff(from: baseText, to: variantText).differences) ?? []
        let changes = differences.prefix(4).map { "\($0.path) \($0.old ?? "–") → \($0.new ?? "–")" }
        var title = (baseRun.map { "run \($0.name)" } ?? baseName) + ": "
        title += changes.isEmpty ? "unchanged" : changes.joined(separator: ", ")
        if differences.count > changes.count { title += " and \(differences.count - changes.count) more" }
        if let branch { title += " from \(branch.date)" }
        return LabJob(
            id: LabJob.id(number),
            number: number,
            created: ISO8601DateFormatter().string(from: Date()),
            title: String(title.prefix(300)),
            baseline: baselineName,
            variant: variantName,
            steps: steps,
            state: .queued,
            message: nil,
            progress: LabProgress()
        )
    }

    /// Whether a run's society and days are the ones wanted (so it can serve as the baseline).
    static func sameSociety(_ run: RunInfo, _ wanted: RunInfo) -> Bool {
        run.population == wanted.population && run.seed == wanted.seed && run.start == wanted.start
            && run.end == wanted.end && run.seeds == wanted.seeds
    }
}
