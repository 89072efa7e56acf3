import SocialCredit

/// Putting a `PolicySwitch` in force (`SimulationConfig.policySwitch`).
extension Simulation {
    /// The model in force on `today`: the switched-to one once its day has passed (or when the
    /// switch is on the run's first day), else the one the run began with. A switch due today
    /// is put in force by `run` before the day is simulated.
    var modelInForce: RunModel {
        guard let switched = switchedModel, let change = config.policySwitch else { return initialModel }
        return today > change.day || change.day <= config.period.start ? switched : initialModel
    }

    /// Puts the switch in force when today is its day, before the day is simulated: the new
    /// tables replace the old, and each subject whose behaviour rates (or the day they are looked
    /// at again), action gate or action rates the change alters has its next event redrawn,
    /// today, by the same keyed draws as any redraw. A subject the change does not touch keeps
    /// every draw, so an unchanged policy changes nothing at all.
    mutating func switchPolicyIfDue() {
        guard let switched = switchedModel, let change = config.policySwitch, today == change.day,
            model !== switched
        else { return }
        let old = model
        // What was in force yesterday, as an uninterrupted run holds it: the day's rollout
        // comparison (`step`) then sees the change of tables as a change of rollout.
        if previousTables == nil { previousTables = old.tables(on: today.adding(days: -1)) }
        model = switched
        guard switched.scenario != old.scenario else { return }
        redrawChanged(from: old)
    }

    /// Redraws the next events of the subjects whose rates or gates differ between `old` and
    /// the model now in force, on today's tables of each.
    private func redrawChanged(from old: RunModel) {
        let before: Simulation = {
            var copy = self
            copy.model = old
            return copy
        }()
        let oldTables = old.tables(on: today)
        _ = perChunk(tables: model.tables(on: today), day: today.number) { context, range in
            let previous = EventContext(
                simulation: before,
                kind: context.isCompanies ? .companies : .people,
                chunk: context.chunk,
                chunkIndex: context.chunkIndex,
                tables: oldTables,
                day: context.day
            )
            let state = context.state
            for subject in range {
                if context.behaviorPlan(subject) != previous.behaviorPlan(subject) { context.scheduleBehavior(subject) }
                let gate = context.gate(subject)
                if gate != previous.gate(subject) {
                    state.actionGate[subject] = gate
                    context.scheduleAction(subject)
                } else if context.actionTotal(subject) != previous.actionTotal(subject) {
                    context.scheduleAction(subject)
                }
            }
            return 0
        }
    }
}
