import Foundation
import SocialCredit

/// The lab's pages: where to start, the form, and a job's progress. Plain HTML forms that work
/// with scripts off; the one script (`/lab/lab.js`) only makes the progress bar move without
/// reloading and reads an uploaded file into the paste box.
enum LabPages {
    /// The start: a shipped scenario or a run's scenario to change, and the jobs so far.
    static func start(scenarios: [ScenarioCatalog.Entry], runs: [String], jobs: [LabJob]) -> Page {
        var body = """
            <p class="lead">Change the system and see what the change did. Start from a shipped scenario \
            (a baseline run is made with it, then your variant) or from a run in this folder (your variant \
            is compared with it, on the same society and draws).</p>
            <form class="search" method="get" action="/lab/new">
            <label>Shipped scenario<select name="scenario">
            """
        for entry in scenarios {
            body += "<option value=\"\(e(entry.name))\">\(e(entry.name)) — \(e(clip(entry.summary, 80)))</option>"
        }
        body += "</select></label><button type=\"submit\">Start from this scenario</button></form>"
        if !runs.isEmpty {
            body += "<form class=\"search\" method=\"get\" action=\"/lab/new\"><label>Run<select name=\"run\">"
            for run in runs { body += "<option value=\"\(e(run))\">\(e(run))</option>" }
            body += "</select></label><button type=\"submit\">Start from this run</button></form>"
        }
        body += "<h2>Jobs</h2>"
        if jobs.isEmpty {
            body += "<p class=\"muted\">No jobs yet.</p>"
        } else {
            body += """
                <div class="table"><table class="cards-narrow"><thead><tr><th>Job</th><th>What</th>\
                <th>State</th><th class="n">Done</th></tr></thead><tbody>
                """
            for job in jobs {
                body += """
                    <tr><td data-label="Job"><a href="/lab/jobs/\(e(job.id))">\(e(job.id))</a></td>\
                    <td data-label="What">\(e(job.title))</td><td data-label="State">\(e(job.state.rawValue))</td>\
                    <td class="n" data-label="Done">\(percent(job.progress.fraction))</td></tr>
                    """
            }
            body += "</tbody></table></div>"
        }
        return Page(title: "Policy lab", run: nil, tab: nil, body: body)
    }

    /// The form: the society, the date of a what-if, the scenario's parameters by group, and a
    /// box to paste (or upload) a whole scenario; with a submission's problems beside its fields.
    static func form(
        origin: LabSubmission.Origin,
        text: String,
        settings: LabSettings,
        root: String,
        submitted: LabSubmission? = nil,
        problems: LabSubmission.Problems? = nil
    ) -> Page {
        let (originField, originName, originLabel) =
            switch origin {
            case let .scenario(name): ("scenario", name, "the shipped scenario \(name)")
            case let .run(name): ("run", name, "the run \(name)")
            }
        let fieldProblems = Dictionary(
            (problems?.fields ?? []).map { ($0.field, $0.message) },
            uniquingKeysWith: { "\($0); \($1)" }
        )
        func problem(_ field: String) -> String {
            fieldProblems[field].map { "<span class=\"problem\" role=\"alert\">\(e($0))</span>" } ?? ""
        }
        func number(_ name: String, _ label: String, _ value: Int?, _ range: ClosedRange<Int>, _ hint: String) -> String
        {
            """
            <label>\(e(label))<input type="number" name="\(name)" min="\(range.lowerBound)" max="\(range.upperBound)" \
            step="1" value="\(value.map(String.init) ?? "")" placeholder="\(e(hint))">\(problem(name))</label>
            """
        }
        var body = "<p class=\"lead\">Starting from \(e(originLabel)). Change what you want and run it.</p>"
        if let problems, !problems.fields.isEmpty || !problems.diagnostics.isEmpty {
            let count = problems.fields.count + problems.diagnostics.count
            body += "<p class=\"banner\" role=\"alert\">\(count) problem\(count == 1 ? "" : "s"): nothing was run. "
            body += "Each is shown beside its field or line below.</p>"
            let unplaced = problems.fields.filter {
                !["population", "years", "seeds", "seed", "branch_date"].contains($0.field)
            }
            if !unplaced.isEmpty {
                body += "<ul class=\"problems\">"
                for item in unplaced { body += "<li><code>\(e(item.field))</code>: \(e(item.message))</li>" }
                body += "</ul>"
            }
        }
        body += """
            <form class="lab" method="post" action="/lab/jobs">
            <input type="hidden" name="\(originField)" value="\(e(originName))">
            <fieldset class="society"><legend>Society</legend>
            \(number("population", "People", submitted?.population, 1...settings.maxPeople, "default"))
            \(number("years", "Years", submitted?.years, 1...settings.maxYears, "default"))
            \(number("seeds", "Seeds (societies, for uncertainty)", submitted?.seeds, 1...settings.maxSeeds, "default"))
            \(number("seed", "Seed", submitted?.seed.map { Int(clamping: $0) }, 0...Int(Int32.max), "default"))
            <p class="muted">At most \(grouped(settings.maxPeople)) people, \(settings.maxYears) years and \
            \(settings.maxSeeds) seeds. Left empty: \(originDefaults(origin)).</p>
            </fieldset>
            <fieldset class="society"><legend>What-if from a date</legend>
            <label>Change the rules from<input type="date" name="branch_date" value="\(e(submitted?.branchDate ?? ""))">\
            \(problem("branch_date"))</label>
            <p class="muted">Empty: the change holds from the first day. A date: the variant starts from the baseline's \
            state on that day (same society and draws), so every difference after it is caused by the change alone.</p>
            </fieldset>
            \(parameters(text: text, submitted: submitted, problems: problems))
            <details class="paste"\(submitted?.scenarioText != nil ? " open" : "")><summary>Advanced: paste or upload a whole scenario</summary>
            <p class="muted">When this box holds a scenario, it is run instead of the parameters above.</p>
            \(submitted?.scenarioText.map { labCheckHTML(text: $0, diagnostics: problems?.diagnostics ?? []) } ?? "")
            <label>Upload a file<input type="file" id="upload" accept=".yaml,.yml,.json,text/yaml"></label>
            <textarea name="yaml" id="yaml" rows="14" spellcheck="false">\(e(submitted?.scenarioText ?? ""))</textarea>
            </details>
            <p><button type="submit">Run</button></p>
            </form>
            """
        var page = Page(title: "Lab: change the system", run: nil, tab: nil, body: body)
        page.head = "<script src=\"/lab/lab.js\" defer></script>"
        return page
    }

    /// The scenario's parameters by group (`ScenarioForm`), the submitted values kept and each
    /// problem beside its field (those at no field's path above the groups).
    private static func parameters(text: String, submitted: LabSubmission?, problems: LabSubmission.Problems?) -> String
    {
        guard let form = try? ScenarioForm(text: text) else {
            return
                "<p class=\"banner\">This scenario's parameters cannot be shown as a form; paste it below instead.</p>"
        }
        let placed = (problems?.fields ?? []).filter { !societyFields.contains($0.field) }
        return "<h2>Parameters</h2>"
            + labFormHTML(
                form,
                problems: placed.map {
                    ScenarioForm.Problem(path: $0.field == "scenario" ? "" : $0.field, message: $0.message)
                },
                submitted: submitted?.scenarioText == nil ? submitted?.edits ?? [:] : [:]
            )
    }

    /// The form's own fields, whose problems are shown beside them there.
    static let societyFields: Set<String> = ["population", "years", "seeds", "seed", "branch_date"]

    private static func originDefaults(_ origin: LabSubmission.Origin) -> String {
        switch origin {
        case .scenario:
            "\(grouped(LabSubmission.defaultPopulation)) people, \(LabSubmission.defaultYears) years, "
                + "\(LabSubmission.defaultSeeds) seeds, seed 1"
        case .run: "the run's society and days"
        }
    }

    /// A job: what it is, its progress bar and time estimate, cancel, and when finished its runs
    /// and the comparison.
    static func job(_ job: LabJob) -> Page {
        let p = job.progress
        var body = "<p class=\"lead\">\(e(job.title))</p>"
        body += """
            <div id="job" data-events="/lab/jobs/\(e(job.id))/events">
            <p><span class="badge">\(e(job.state.rawValue))</span> <span id="phase">\(e(phaseText(job)))</span></p>
            <p><progress id="bar" max="1" value="\(String(format: "%.4f", p.fraction))">\(percent(p.fraction))</progress> \
            <b id="percent">\(percent(p.fraction))</b> <span id="time" class="muted">\(e(timeText(p)))</span></p>
            </div>
            """
        if let message = job.message {
            body += "<p class=\"banner\(job.state == .failed ? "" : " ok")\">\(e(message))</p>"
        }
        if !job.isOver {
            body += """
                <form method="post" action="/lab/jobs/\(e(job.id))/cancel"><button type="submit" class="cancel">Cancel</button></form>
                """
        }
        body += "<h2>Runs</h2><ul>"
        for step in job.steps {
            let name = e(step.run)
            let what =
                step.branch.map { "variant, branched from \(e($0.baseline)) on \(e($0.date))" }
                ?? (step.run == job.variant ? "variant" : "baseline")
            body +=
                step.done
                ? "<li><a href=\"/runs/\(name)\">\(name)</a> (\(what))</li>"
                : "<li>\(name) (\(what), not finished)</li>"
        }
        if !job.steps.contains(where: { $0.run == job.baseline }) {
            body += "<li><a href=\"/runs/\(e(job.baseline))\">\(e(job.baseline))</a> (baseline, already there)</li>"
        }
        body += "</ul>"
        if job.state == .finished {
            body += """
                <p><a class="button" href="/compare?baseline=\(e(job.baseline))&amp;variant=\(e(job.variant))">\
                Compare the variant with the baseline</a></p>
                """
        }
        body += "<p><a href=\"/lab\">All lab jobs</a></p>"
        var page = Page(title: "Lab job \(job.id)", run: nil, tab: nil, body: body)
        if !job.isOver {
            // Without scripts the page reloads itself; with them the bar follows the job's events.
            page.head = """
                <noscript><meta http-equiv="refresh" content="3"></noscript><script src="/lab/lab.js" defer></script>
                """
        }
        return page
    }

    static func percent(_ fraction: Double) -> String { "\(Int((fraction * 100).rounded(.down)))%" }

    static func phaseText(_ job: LabJob) -> String {
        let p = job.progress
        let step = job.steps.count > 1 ? "run \(min(p.step, job.steps.count - 1) + 1) of \(job.steps.count): " : ""
        switch job.state {
        case .queued: return "waiting for a free place"
        case .running:
            let days =
                p.phase == "simulating" && p.daysTotal > 0
                ? ", day \(grouped(p.daysDone)) of \(grouped(p.daysTotal))" : ""
            return step + p.phase + days
        case .finished: return "finished"
        case .failed: return "failed"
        case .cancelled: return "cancelled"
        }
    }

    static func timeText(_ p: LabProgress) -> String {
        var text = p.elapsedSeconds > 0 ? "\(Int(p.elapsedSeconds)) s so far" : ""
        if let left = p.remainingSeconds, left > 0 { text += ", about \(Int(left.rounded(.up))) s left" }
        return text
    }

    /// The lab's one script: the progress bar follows the job's events; an uploaded file fills the paste box.
    static let script = """
        (function () {
          var job = document.getElementById("job");
          if (job && window.EventSource) {
            var source = new EventSource(job.getAttribute("data-events"));
            source.addEventListener("progress", function (event) {
              var j = JSON.parse(event.data), p = j.progress;
              document.getElementById("bar").value = p.fraction;
              document.getElementById("percent").textContent = j.percentText;
              document.getElementById("phase").textContent = j.phaseText;
              document.getElementById("time").textContent = j.timeText;
              if (j.state !== "running" && j.state !== "queued") { source.close(); window.location.reload(); }
            });
          }
          var upload = document.getElementById("upload");
          if (upload) {
            upload.addEventListener("change", function () {
              var file = upload.files[0];
              if (!file) { return; }
              if (file.size > 1000000) { window.alert("A scenario file may be at most 1 MB."); return; }
              file.text().then(function (text) {
                document.getElementById("yaml").value = text;
              });
            });
          }
        })();

        """
}
