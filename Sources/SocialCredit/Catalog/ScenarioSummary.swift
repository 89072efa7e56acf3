/// A compact plain-text summary of a scenario, as `sclab check` prints it: what the system is
/// made of, and when it rolls out.
public struct ScenarioSummary: Sendable {
    /// The scenario summarised.
    public var scenario: Scenario
    /// The file it came from, shown in the first line.
    public var path: String

    /// A summary of a scenario read from `path`.
    public init(scenario: Scenario, path: String) {
        self.scenario = scenario
        self.path = path
    }

    /// The summary, one fact per line.
    public var text: String {
        let s = scenario
        var lines: [String] = []
        lines.append("\(path): valid")
        lines.append("\(s.name) [\(s.id)]")
        if !s.summary.isEmpty { lines.append(s.summary) }
        lines.append("period       \(s.period.start) to \(s.period.end) (\(s.period.days) days)")
        lines.append(
            "enrolment    \(s.enrolment.mode == .mandatory ? "mandatory" : "by consent, \(percent(s.enrolment.share)) opt in")"
        )
        lines.append("score        \(scale(s.score))")
        if let company = s.companyScore { lines.append("company      \(scale(company))") }
        for rating in s.ratings {
            let weight =
                rating.scoreWeight.map { ", feeds the \(rating.subject == .people ? "" : "company ")score x\($0)" }
                ?? ""
            lines.append("rating       \(rating.id) (\(rating.subject.rawValue)\(weight)): \(scale(rating.scale))")
        }
        let conforming = s.behaviors.filter { $0.conduct == .conforming }.count
        lines.append(
            "behaviours   \(s.behaviors.count) (\(conforming) conforming, \(s.behaviors.count - conforming) contradictory)"
        )
        let operators = Dictionary(grouping: s.sources, by: \.operator_.rawValue).map { "\($0.value.count) \($0.key)" }
            .sorted()
        lines.append(
            "sources      \(s.sources.count)\(operators.isEmpty ? "" : " (\(operators.joined(separator: ", ")))")"
        )
        lines.append("rules        \(s.rules.count)")
        let black = s.lists.filter { $0.kind == .black }.count
        lines.append("lists        \(s.lists.count) (\(black) black, \(s.lists.count - black) red)")
        lines.append("actions      \(s.actions.count)")
        let kinds = Measure.Kind.allCases.map { kind in
            "\(s.measures.filter { $0.kind == kind }.count) \(kind.rawValue)"
        }
        lines.append("measures     \(s.measures.count) (\(kinds.joined(separator: ", ")))")
        let links = Spillover.Link.allCases.compactMap { link -> String? in
            let n = s.spillovers.filter { $0.link == link }.count
            return n == 0 ? nil : "\(n) \(link.rawValue)"
        }
        lines.append("spillovers   \(s.spillovers.count)\(links.isEmpty ? "" : " (\(links.joined(separator: ", ")))")")
        lines.append("responses    \(s.responses.count)")
        let appeals = s.appeals
        if appeals.contestTrue > 0 || appeals.contestFalse > 0 {
            lines.append(
                "appeals      \(percent(appeals.contestFalse)) of false and \(percent(appeals.contestTrue)) of true records contested; "
                    + "\(percent(appeals.successFalse)) and \(percent(appeals.successTrue)) succeed after \(appeals.daysToDecide) days"
            )
        } else {
            lines.append("appeals      none")
        }
        if let calibration = s.calibration {
            lines.append(
                "calibration  \(calibration.targets.count) target\(calibration.targets.count == 1 ? "" : "s"), "
                    + "\(calibration.fit.count) fit parameter\(calibration.fit.count == 1 ? "" : "s") (sclab calibrate)"
            )
        }
        if s.timeline.isEmpty {
            lines.append("timeline     none: everything in force from the start, everywhere")
        } else {
            lines.append("timeline")
            for phase in s.timeline {
                let subjects = phase.subjects.map(\.rawValue).joined(separator: " and ")
                lines.append(
                    "  \(phase.start)  \(phase.id): \(phase.label.isEmpty ? phase.id : phase.label) (\(regions(phase.regions)); \(subjects))"
                )
            }
        }
        return lines.joined(separator: "\n")
    }

    private func scale(_ scale: ScoreScale) -> String {
        let tiers = scale.tiers.map { $0.assignedOnly ? "\($0.id) (assigned)" : "\($0.id) >= \($0.minimum)" }.joined(
            separator: ", "
        )
        return "\(scale.initial) initial, \(scale.minimum)...\(scale.maximum); \(scale.tiers.count) tiers: \(tiers)"
    }

    private func regions(_ set: RegionSet) -> String {
        switch set {
        case .all: return "all provinces"
        case let .provinces(codes):
            let names = Province.all.filter { codes.contains($0.code) }.map(\.name)
            return names.count <= 6 ? names.joined(separator: ", ") : "\(names.count) provinces"
        }
    }

    private func percent(_ share: Double) -> String {
        let value = share * 100
        return value == value.rounded() ? "\(Int(value))%" : "\((value * 10).rounded() / 10)%"
    }
}
