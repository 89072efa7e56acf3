import Foundation
import RunRecords
import Simulation
import SocialCredit

extension Scenario {
    /// The same society's behaviour with the system switched off: no sources, rules, lists,
    /// measures, spillovers or responses, so nothing is recorded, scored or sanctioned and every
    /// behaviour happens at its base rate (trait factors and individual propensity kept). The
    /// behaviours, actions, period, enrolment, scales and timeline are kept, so a run of it on
    /// the same society and seed makes the same random draws of behaviour as the real run where
    /// the real run's rates were not changed by a response: the difference between the two is
    /// the system's effect (M12), not a difference of luck.
    public var switchedOff: Scenario {
        var off = self
        off.id = id + "-switched-off"
        off.name = name + " (system switched off)"
        off.sources = []
        off.rules = []
        off.lists = []
        off.measures = []
        off.spillovers = []
        off.responses = []
        off.appeals = AppealPolicy()
        return off
    }
}
