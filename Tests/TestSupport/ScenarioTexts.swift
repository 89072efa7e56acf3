/// Scenario texts more than one test target reads.
public enum ScenarioTexts {
    /// A small valid scenario (one behaviour judged, one list, one measure): the scenario
    /// tests break one line of it each, and the command-line tests check it with `sclab check`,
    /// whose messages name its lines, so its layout must not change.
    public static let minimal = """
        scenario:
          name: Minimal
          start: 2014-01-01
          end: 2020-12-31
        score:
          initial: 1000
          minimum: 0
          maximum: 1300
          tiers:
            - {id: A, min: 960}
            - {id: B, min: 850}
            - {id: C, min: 0}
        behaviors:
          - id: jaywalking
            conduct: contradictory
            rate: 0.5
          - id: blood_donation
            conduct: conforming
            rate: 0.01
        sources:
          - id: cctv
            observes: [jaywalking, blood_donation]
            coverage: 0.2
            false_attribution: 0.02
        rules:
          - id: jaywalk_penalty
            behavior: jaywalking
            delta: -5
            list: offenders
        lists:
          - id: offenders
            kind: black
            term_days: 365
        actions:
          - id: buy_flight
            rate: 1
        measures:
          - id: flight_ban
            kind: block
            action: buy_flight
            when: {list: offenders}

        """

    /// A scenario in which everything can happen, so `sclab check --strict` passes it; the
    /// static-warning tests break it in one place each. Within 2014-2016 the pilot opens
    /// 2014-06-01, companies join 2016-01-01; donations (+5, capped at 5 a year, recorded from 2014-06-01) lift a score to at
    /// most 1015 over the three calendar years, so tier A (from 1010) is reached.
    public static let reachable = """
        scenario:
          name: Reach
          start: 2014-01-01
          end: 2016-12-31
        score:
          initial: 1000
          minimum: 0
          maximum: 1300
          tiers:
            - {id: A, min: 1010}
            - {id: B, min: 900}
            - {id: C, min: 0}
        behaviors:
          - id: arrears
            conduct: contradictory
            rate: 0.5
          - id: repay
            conduct: conforming
            rate: 1
          - id: donation
            conduct: conforming
            rate: 0.1
          - id: speeding
            conduct: contradictory
            rate: 0.2
          - id: pollution
            conduct: contradictory
            who: companies
            rate: 0.3
        sources:
          - id: bank
            observes: [arrears, repay, donation]
            coverage: 0.5
            rollout: {phase: pilot}
          - id: cameras
            observes: [speeding, pollution]
            coverage: 0.1
            delay_days: 30
        rules:
          - id: late
            behavior: arrears
            delta: -50
            list: debtors
            rollout: {phase: pilot}
          - id: donor
            behavior: donation
            delta: 5
            cap_per_year: 5
          - id: speed
            behavior: speeding
            delta: -20
          - id: polluter
            behavior: pollution
            list: polluters
            rollout: {phase: pilot}
        lists:
          - id: debtors
            kind: black
            term_days: 365
            removal: {on: repay}
          - id: trusted
            kind: red
            entry: {tier_at_least: B}
          - id: polluters
            kind: black
            subject: companies
        actions:
          - id: fly
            rate: 1
        measures:
          - id: no_flights
            kind: block
            action: fly
            when: {list: debtors}
          - id: ringtone
            kind: notice
            channel: ringtone_warning
            when: {tier_at_most: C}
        spillovers:
          - id: parents_listed
            link: parents
            when: {list: debtors}
            effect: {block: fly}
            rollout: {phase: companies}
        timeline:
          - {id: pilot, start: 2014-06-01}
          - {id: companies, start: 2016-01-01, subjects: [people, companies]}

        """
}
