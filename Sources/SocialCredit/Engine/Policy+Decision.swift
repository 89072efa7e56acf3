/// `decide`: may this subject do this action today? Blocked or allowed, with the chain of reasons.
extension Policy {
    /// Decides an action for a subject on a day.
    ///
    /// The action is blocked by every block measure on it that is in force for the subject, and
    /// by every spillover that blocks it; rewards on it (from measures and spillovers) are granted
    /// only when nothing blocks it.
    public func decide(_ action: Int, for subject: Subject, relations: Relations = .none, on day: Day) -> Decision {
        decide(action, for: subject, relations: relations, on: day, spilloversAsOf: day)
    }

    /// Decides an action on `day` with the spillovers that linked subjects' standing on
    /// `snapshot` gives (none when nil), as a run holds them between month ends (see
    /// `assess(_:on:relations:spilloversAsOf:)`).
    public func decide(_ action: Int, for subject: Subject, relations: Relations, on day: Day,
                       spilloversAsOf snapshot: Day?) -> Decision {
        let standing = assess(subject, on: day, relations: relations, spilloversAsOf: snapshot)
        var blocks: [Reason] = []
        var rewards: [Reason] = []
        for active in standing.measures where measureAction[active.measure] == action {
            let reason = Reason(origin: .measure(active.measure), because: active.because)
            switch scenario.measures[active.measure].kind {
            case .block: blocks.append(reason)
            case .reward: rewards.append(reason)
            case .notice: break
            }
        }
        for hit in standing.spillovers {
            let reason = Reason(origin: .spillover(hit.spillover, through: hit.through), because: hit.because)
            switch spilloverEffect[hit.spillover] {
            case let .block(target) where target == action: blocks.append(reason)
            case let .reward(target) where target == action: rewards.append(reason)
            default: break
            }
        }
        return Decision(action: action, day: day, blocks: blocks, rewards: blocks.isEmpty ? rewards : [],
                        standing: standing)
    }

    /// Decides an action named by id; nil when the scenario has no such action.
    public func decide(_ action: String, for subject: Subject, relations: Relations = .none, on day: Day) -> Decision? {
        self.action(action).map { decide($0, for: subject, relations: relations, on: day) }
    }

    /// Notices in force for a standing (ringtone warnings, published names): the notice measures
    /// in force, plus a `name_published` notice for each published list the subject is on.
    public func notices(for standing: Standing) -> [String] {
        var channels = standing.measures.compactMap { scenario.measures[$0.measure].channel }
        if standing.lists.contains(where: { scenario.lists[$0.list].published }) { channels.append("name_published") }
        return channels.reduce(into: []) { if !$0.contains($1) { $0.append($1) } }
    }
}
