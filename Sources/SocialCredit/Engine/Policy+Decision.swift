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
    public func decide(
        _ action: Int,
        for subject: Subject,
        relations: Relations,
        on day: Day,
        spilloversAsOf snapshot: Day?,
        memo: OwnStandingMemo? = nil
    ) -> Decision {
        let standing = assess(subject, on: day, relations: relations, spilloversAsOf: snapshot, memo: memo)
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
        return Decision(
            action: action,
            day: day,
            blocks: blocks,
            rewards: blocks.isEmpty ? rewards : [],
            standing: standing
        )
    }

    /// Decides an action named by id; nil when the scenario has no such action.
    public func decide(_ action: String, for subject: Subject, relations: Relations = .none, on day: Day) -> Decision? {
        self.action(action).map { decide($0, for: subject, relations: relations, on: day) }
    }

    /// Notices in force for a standing (ringtone warnings, published names): the notice measures
    /// in force, plus a `name_published` notice for each published list the subject is on.
    public func notices(for standing: Standing) -> [String] {
        let mask = notices(
            kind: standing.kind,
            measureInForce: { m in standing.measures.contains { $0.measure == m } },
            listHeld: { l in standing.isListed(l) }
        )
        return noticeChannels.indices.filter { mask & (1 << UInt64($0)) != 0 }.map { noticeChannels[$0] }
    }

    /// Every notice channel a scenario can give, each once, in a fixed order: the channels of
    /// its notice measures in declaration order, then `name_published` when a list is published.
    package static func noticeChannels(of scenario: Scenario) -> [String] {
        var channels: [String] = []
        for measure in scenario.measures where measure.kind == .notice {
            let channel = measure.channel ?? measure.id
            if !channels.contains(channel) { channels.append(channel) }
        }
        if scenario.lists.contains(where: \.published), !channels.contains(Self.namePublished) {
            channels.append(Self.namePublished)
        }
        return channels
    }

    /// The channel of the notice a published list gives the people and companies on it.
    public static let namePublished = "name_published"

    /// Which notices a subject of this kind gets (bits over `noticeChannels`), given which
    /// measures are in force for it and which lists it holds: the one rule the engine's credit
    /// reports and the simulation's `notices.*` metrics both use.
    /// Runs in the simulation's monthly pass over everyone: it reads only precomputed bits.
    public func notices(kind: SubjectKind, measureInForce: (Int) -> Bool, listHeld: (Int) -> Bool) -> UInt64 {
        var mask: UInt64 = 0
        for m in noticeBit.indices
        where noticeBit[m] != 0 && mask & noticeBit[m] == 0 && measureSubject[m] == kind && measureInForce(m) {
            mask |= noticeBit[m]
        }
        for l in publishedBit.indices
        where publishedBit[l] != 0 && mask & publishedBit[l] == 0 && listSubject[l] == kind && listHeld(l) {
            mask |= publishedBit[l]
        }
        return mask
    }
}
