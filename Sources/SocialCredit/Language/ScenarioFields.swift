/// The scenario language's keys, section by section: the declarations the reader reads by
/// (`NodeReader.fields(_:_:_:)` refuses undeclared keys, `Fields` reads each key by its shape) and
/// the schema builder describes (`ScenarioSchema`). Each key's summary is its **Meaning** in
/// docs/scenario-language.md (a test checks every one), so the editor's hover text is the docs'.
public enum ScenarioFields {
    /// A scenario file: the sections of the scenario language.
    public static let scenario = FieldTable(
        "scenario",
        "A scenario file: the sections of the scenario language.",
        [
            FieldDeclaration(
                "scenario",
                .table("header"),
                required: true,
                "name, source and default simulated period"
            ),
            FieldDeclaration(
                "enrolment",
                .table("enrolment"),
                "who is scored: everyone, or those who consent"
            ),
            FieldDeclaration(
                "score",
                .table("score_scale"),
                required: true,
                "the personal score, its bounds and tiers (grades)"
            ),
            FieldDeclaration(
                "company_score",
                .table("score_scale"),
                "the company score and its tiers"
            ),
            FieldDeclaration(
                "ratings",
                .list(.table("rating")),
                "further ratings beside the scores: environmental colours, score dimensions"
            ),
            FieldDeclaration(
                "behaviors",
                .list(.table("behavior")),
                required: true,
                "what people and companies do that the system judges"
            ),
            FieldDeclaration(
                "sources",
                .list(.table("source")),
                "who records behaviour, how completely, how wrongly, how late"
            ),
            FieldDeclaration(
                "rules",
                .list(.table("rule")),
                "how the authority judges each record: points, caps, expiry, listing"
            ),
            FieldDeclaration(
                "lists",
                .list(.table("list")),
                "black and red lists, terms, extension, credit repair, publication"
            ),
            FieldDeclaration(
                "actions",
                .list(.table("action")),
                "what people and companies try to do that measures gate"
            ),
            FieldDeclaration(
                "measures",
                .list(.table("measure")),
                "punishments (blocks), rewards and notices"
            ),
            FieldDeclaration(
                "spillovers",
                .list(.table("spillover")),
                "effects through parents, spouses, friends and employers"
            ),
            FieldDeclaration(
                "appeals",
                .table("appeals"),
                "how records are contested and decided"
            ),
            FieldDeclaration(
                "responses",
                .list(.table("response")),
                "how people change behaviour when sanctioned or watched"
            ),
            FieldDeclaration(
                "timeline",
                .list(.table("phase")),
                "the rollout, phase by phase and province by province"
            ),
            FieldDeclaration(
                "calibration",
                .table("calibration"),
                "published figures the scenario should reproduce, and values that may be fitted"
            ),
        ]
    )

    /// The header: what the scenario is and the period it is run over by default.
    public static let header = FieldTable(
        "header",
        "The header: what the scenario is and the period it is run over by default.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                "short machine name, used on the command line and in reports"
            ),
            FieldDeclaration(
                "name",
                .text,
                required: true,
                "human title"
            ),
            FieldDeclaration(
                "summary",
                .text,
                "one line saying what the scenario models, shown by `sclab scenarios`"
            ),
            FieldDeclaration(
                "basis",
                .text,
                "where the scenario comes from (article, legal text), for reports"
            ),
            FieldDeclaration(
                "start",
                .date,
                required: true,
                "first day of the default simulated period, from 1900-01-01 to 2199-12-31"
            ),
            FieldDeclaration(
                "end",
                .date,
                required: true,
                "last day of the period, included; not before `start`, not after 2199-12-31; the period lasts at most 32,000 days, both ends counted (the simulation keeps days in 16 bits from the first day)"
            ),
        ]
    )

    /// Who is scored: everyone, or only people who opt in.
    public static let enrolment = FieldTable(
        "enrolment",
        "Who is scored: everyone, or only people who opt in.",
        [
            FieldDeclaration(
                "mode",
                .word(Enrolment.Mode.self),
                "`mandatory`: every person is scored; `consent`: only people who opt in"
            ),
            FieldDeclaration(
                "share",
                .number(.probability),
                "under `consent`, the share of people who opt in"
            ),
        ]
    )

    /// A score: where everyone starts, its bounds and its tiers.
    public static let scoreScale = FieldTable(
        "score_scale",
        "A score: where everyone starts, its bounds and its tiers.",
        [
            FieldDeclaration(
                "initial",
                .number(.points),
                required: true,
                "the score every scored person starts with; within `minimum`...`maximum`"
            ),
            FieldDeclaration(
                "minimum",
                .number(.points),
                required: true,
                "the score never goes below this; below `maximum`"
            ),
            FieldDeclaration(
                "maximum",
                .number(.points),
                required: true,
                "the score never goes above this"
            ),
            FieldDeclaration(
                "tiers",
                .list(.table("tier")),
                required: true,
                "the grades, **best first**; at least one"
            ),
        ]
    )

    /// A tier (grade) of a score, best first.
    public static let tier = FieldTable(
        "tier",
        "A tier (grade) of a score, best first.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "the grade's name, used by conditions and tier ceilings"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "min",
                .number(.points),
                "lowest score in the tier"
            ),
            FieldDeclaration(
                "max",
                .number(.points),
                "highest score in the tier; only checked (for gaps and overlaps), never needed"
            ),
            FieldDeclaration(
                "assigned_only",
                .bool,
                "the tier has no band of scores: no score falls in it, only a tier ceiling (a rule's or a spillover's) puts a subject there; then `min` and `max` are not allowed"
            ),
        ]
    )

    /// A further rating beside the scores.
    public static let rating = FieldTable(
        "rating",
        "A further rating beside the scores.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name; metrics are `rating.<id>.*`"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "subject",
                .word(SubjectKind.self),
                "who is rated: `people` (the enrolled) or `companies`"
            ),
            FieldDeclaration(
                "sectors",
                .wordList(Sector.self),
                "for company ratings, the sectors whose companies are rated"
            ),
            FieldDeclaration(
                "scale",
                .table("score_scale"),
                required: true,
                "the rating's `initial`, `minimum`, `maximum` and `tiers`, with the keys and checks of [`score`](#score)"
            ),
            FieldDeclaration(
                "score_weight",
                .number(.weight),
                "points of the main score per point the rating has moved from its `initial` (after the rating's own bounds); without it the rating does not touch the score"
            ),
        ]
    )

    /// Something people or companies do that the system judges.
    public static let behavior = FieldTable(
        "behavior",
        "Something people or companies do that the system judges.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "conduct",
                .word(Behavior.Conduct.self),
                required: true,
                "how the authority regards it: `conforming` (trust-keeping) or `contradictory` (trust-breaking)"
            ),
            FieldDeclaration(
                "who",
                .words(Group.allCases.map(\.rawValue)),
                "who can do it"
            ),
            FieldDeclaration(
                "sectors",
                .wordList(Sector.self),
                "for company behaviours, the sectors whose companies can do it; only with `companies` in `who`"
            ),
        ] + rateFields
    )

    /// Trait factors multiplied into a rate.
    public static let varies = FieldTable(
        "varies",
        "Trait factors multiplied into a rate.",
        [
            FieldDeclaration(
                "income_quintile",
                .list(.number(.factor)),
                "factors for income quintiles 1 to 5, **poorest first**; exactly 5"
            ),
            FieldDeclaration(
                "age",
                .list(.table("age_band")),
                "from 0 to 150 years"
            ),
            FieldDeclaration(
                "urban",
                .number(.factor),
                "factor for urban residents"
            ),
            FieldDeclaration(
                "rural",
                .number(.factor),
                "factor for rural residents"
            ),
            FieldDeclaration(
                "male",
                .number(.factor),
                "factor for men"
            ),
            FieldDeclaration(
                "female",
                .number(.factor),
                "factor for women"
            ),
        ]
    )

    /// An age band of `varies.age`.
    public static let ageBand = FieldTable(
        "age_band",
        "An age band of `varies.age`.",
        [
            FieldDeclaration(
                "from",
                .number(.age),
                required: true,
                "youngest age in the band, in whole years"
            ),
            FieldDeclaration(
                "to",
                .number(.age),
                "oldest age in the band, included; not below `from`"
            ),
            FieldDeclaration(
                "factor",
                .number(.factor),
                required: true,
                "rate factor for the band"
            ),
        ]
    )

    /// Who records behaviour, how completely, how wrongly, how late.
    public static let source = FieldTable(
        "source",
        "Who records behaviour, how completely, how wrongly, how late.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "operator",
                .word(Source.Operator.self),
                "who runs it (below); the report counts records and false records by operator"
            ),
            FieldDeclaration(
                "observes",
                .identifiers,
                required: true,
                "the behaviours it can record"
            ),
            FieldDeclaration(
                "coverage",
                .number(.probability),
                required: true,
                "share of occurrences it records while in force"
            ),
            FieldDeclaration(
                "false_attribution",
                .number(.probability),
                "share of its records attached to the wrong person or company (false records)"
            ),
            FieldDeclaration(
                "delay_days",
                .number(.days),
                "days from the occurrence to the record"
            ),
            FieldDeclaration(
                "rollout",
                .table("rollout"),
                "when and where it operates"
            ),
        ]
    )

    /// When and where a part is in force.
    public static let rollout = FieldTable(
        "rollout",
        "When and where a part is in force.",
        [
            FieldDeclaration(
                "phase",
                .identifier,
                "in force from this timeline phase on (see below); not together with `start` or `regions`"
            ),
            FieldDeclaration(
                "start",
                .date,
                "first day in force"
            ),
            FieldDeclaration(
                "end",
                .date,
                "last day in force, included; not before `start`"
            ),
            FieldDeclaration(
                "regions",
                .regions,
                "provinces where it is in force"
            ),
        ]
    )

    /// How the authority judges each record of a behaviour.
    public static let rule = FieldTable(
        "rule",
        "How the authority judges each record of a behaviour.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "behavior",
                .identifier,
                required: true,
                "the behaviour judged"
            ),
            FieldDeclaration(
                "sources",
                .identifiers,
                "judge only records from these sources"
            ),
            FieldDeclaration(
                "delta",
                .number(.points),
                "points added (negative: deducted) per record"
            ),
            FieldDeclaration(
                "rating",
                .identifier,
                "the [rating](#ratings) the points go to, instead of the score"
            ),
            FieldDeclaration(
                "cap_per_year",
                .number(.pointsPerYear),
                "most points (absolute) this rule may move one subject's score in one calendar year"
            ),
            FieldDeclaration(
                "lifetime_days",
                .number(.days),
                "days a record counts, from its recorded day"
            ),
            FieldDeclaration(
                "discretion",
                .number(.probability),
                "probability that the authority judges a record otherwise and lets it pass without effect"
            ),
            FieldDeclaration(
                "list",
                .identifier,
                "the list a judged record puts the subject on"
            ),
            FieldDeclaration(
                "list_term_days",
                .number(.days),
                "term of the entries this rule makes, in place of the list's `term_days` (the court list keeps debtors who simply refuse until they perform, others for two years; violent obstruction adds up to three years)"
            ),
            FieldDeclaration(
                "tier_ceiling",
                .identifier,
                "while the record counts, the subject's tier is at best this"
            ),
            FieldDeclaration(
                "rollout",
                .table("rollout"),
                "when and where the rule applies"
            ),
        ]
    )

    /// A black or red list.
    public static let list = FieldTable(
        "list",
        "A black or red list.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "kind",
                .word(CreditList.Kind.self),
                required: true,
                "`black` (punishes) or `red` (rewards)"
            ),
            FieldDeclaration(
                "subject",
                .word(SubjectKind.self),
                "who is listed: `people` or `companies`"
            ),
            FieldDeclaration(
                "term_days",
                .number(.days),
                "days an entry lasts from listing"
            ),
            FieldDeclaration(
                "extension_days",
                .number(.days),
                "days added to the end of an entry by a further triggering record while listed"
            ),
            FieldDeclaration(
                "max_extension_days",
                .number(.days),
                "most days all extensions together may add to one entry"
            ),
            FieldDeclaration(
                "removal",
                .table("removal"),
                "early removal, credit repair (below)"
            ),
            FieldDeclaration(
                "entry",
                .table("condition"),
                "a standing that puts subjects on the list while it holds, instead of rules"
            ),
            FieldDeclaration(
                "published",
                .bool,
                "whether entries, names and all, are published (M13); everyone on the list gets a `name_published` notice"
            ),
            FieldDeclaration(
                "rollout",
                .table("rollout"),
                "when and where the list operates"
            ),
        ]
    )

    /// Early removal from a list (credit repair).
    public static let removal = FieldTable(
        "removal",
        "Early removal from a list (credit repair).",
        [
            FieldDeclaration(
                "on",
                .identifiers,
                required: true,
                "behaviours whose records end an entry (repaying, correcting)"
            ),
            FieldDeclaration(
                "delay_days",
                .number(.days),
                "days from the repairing record to removal (e.g. 3 working days)"
            ),
            FieldDeclaration(
                "minimum_days",
                .number(.days),
                "days the subject must have been listed before a repairing record counts"
            ),
        ]
    )

    /// A standing: one key, or several that must all hold.
    public static let condition = FieldTable(
        "condition",
        "A standing: one key, or several that must all hold.",
        [
            FieldDeclaration(
                "list",
                .identifier,
                "the subject is on this list"
            ),
            FieldDeclaration(
                "tier_at_most",
                .identifier,
                "the subject's tier is this tier **or worse**; for a [rating](#ratings)'s tier, its tier on that rating (false when not rated on it)"
            ),
            FieldDeclaration(
                "tier_at_least",
                .identifier,
                "the subject's tier is this tier **or better**; likewise for rating tiers"
            ),
            FieldDeclaration(
                "score_below",
                .number(.points),
                "the subject's score is strictly below the value"
            ),
            FieldDeclaration(
                "score_at_least",
                .number(.points),
                "the subject's score is at or above the value"
            ),
            FieldDeclaration(
                "clean_days",
                .number(.days),
                "no record that lowered the subject's score arrived in the last this many days (records since expired still count as bad records; judged-otherwise and overturned ones do not)"
            ),
            FieldDeclaration(
                "any",
                .list(.table("condition")),
                "at least one of the conditions holds"
            ),
            FieldDeclaration(
                "all",
                .list(.table("condition")),
                "every one of the conditions holds"
            ),
        ]
    )

    /// Something people or companies try to do that measures gate.
    public static let action = FieldTable(
        "action",
        "Something people or companies try to do that measures gate.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "who",
                .words(Group.allCases.map(\.rawValue)),
                "who attempts it; for a child's school enrolment, the children"
            ),
        ] + rateFields
    )

    /// A punishment (block), reward or notice.
    public static let measure = FieldTable(
        "measure",
        "A punishment (block), reward or notice.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "kind",
                .word(Measure.Kind.self),
                required: true,
                "`block` (the action is refused), `reward` (the action is granted with a benefit) or `notice` (a public or personal notice, tied to no action)"
            ),
            FieldDeclaration(
                "subject",
                .word(SubjectKind.self),
                "`people` or `companies`; company measures test company standing"
            ),
            FieldDeclaration(
                "action",
                .identifier,
                "the action blocked or rewarded; required for `block` and `reward`, not allowed for `notice`"
            ),
            FieldDeclaration(
                "benefit",
                .number(.amount),
                "for rewards: the size of the benefit each grant gives, in `unit`; the run sums it over grants (`benefit.<id>`); not allowed for other kinds"
            ),
            FieldDeclaration(
                "unit",
                .text,
                "what `benefit` counts: `share` (0.1 = 10% off), `yuan`, `points`, ...; shown beside the total in the report; only with a `benefit`"
            ),
            FieldDeclaration(
                "channel",
                .identifier,
                "for notices, required: the channel, e.g. `ringtone_warning`, `name_published`; not allowed for other kinds"
            ),
            FieldDeclaration(
                "when",
                .table("condition"),
                required: true,
                "the standing that brings the measure into force"
            ),
            FieldDeclaration(
                "rollout",
                .table("rollout"),
                "when and where the measure applies"
            ),
        ]
    )

    /// An effect through parents, spouses, friends or employers.
    public static let spillover = FieldTable(
        "spillover",
        "An effect through parents, spouses, friends or employers.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "link",
                .word(Spillover.Link.self),
                required: true,
                "the link the effect travels along (below)"
            ),
            FieldDeclaration(
                "when",
                .table("condition"),
                required: true,
                "the standing of the linked subject that triggers the effect; for `employer`, the company's standing (company tiers)"
            ),
            FieldDeclaration(
                "share",
                .number(.probability),
                "for `friends` only, and required there: the share of the person's friends that must meet `when`"
            ),
            FieldDeclaration(
                "effect",
                .table("spillover_effect"),
                required: true,
                "what happens to the affected person: a mapping with exactly one of the keys below"
            ),
            FieldDeclaration(
                "rollout",
                .table("rollout"),
                "when and where it applies"
            ),
        ]
    )

    /// What happens to the affected person: exactly one key.
    public static let spilloverEffect = FieldTable(
        "spillover_effect",
        "What happens to the affected person: exactly one key.",
        [
            FieldDeclaration(
                "block",
                .identifier,
                "the affected person's attempts at this action are refused"
            ),
            FieldDeclaration(
                "reward",
                .identifier,
                "the affected person's attempts at this action are granted with priority (a good school for the child of a high-scoring parent, M8); granted only when nothing blocks the attempt"
            ),
            FieldDeclaration(
                "delta",
                .number(.spilloverPoints),
                "points added to (negative: taken from) the affected person's score while `when` holds"
            ),
            FieldDeclaration(
                "tier_ceiling",
                .identifier,
                "the affected person's tier is at best this while `when` holds"
            ),
        ]
    )

    /// How records are contested and decided.
    public static let appeals = FieldTable(
        "appeals",
        "How records are contested and decided.",
        [
            FieldDeclaration(
                "contest",
                .table("appeal_contest"),
                "how often subjects contest their records: `true_records` and `false_records` below"
            ),
            FieldDeclaration(
                "success",
                .table("appeal_success"),
                "how often appeals succeed: `true_records` and `false_records` below"
            ),
            FieldDeclaration(
                "days_to_decide",
                .number(.days),
                "days from filing to decision"
            ),
        ]
    )

    /// How often records are contested.
    public static let appealContest = FieldTable(
        "appeal_contest",
        "How often records are contested.",
        documentedPrefix: "contest.",
        [
            FieldDeclaration(
                "true_records",
                .number(.probability),
                "probability that a correct record is contested by its subject"
            ),
            FieldDeclaration(
                "false_records",
                .number(.probability),
                "probability that a false record (wrongly attributed) is contested"
            ),
        ]
    )

    /// How often appeals succeed.
    public static let appealSuccess = FieldTable(
        "appeal_success",
        "How often appeals succeed.",
        documentedPrefix: "success.",
        [
            FieldDeclaration(
                "true_records",
                .number(.probability),
                "probability that an appeal against a correct record succeeds"
            ),
            FieldDeclaration(
                "false_records",
                .number(.probability),
                "probability that an appeal against a false record succeeds"
            ),
        ]
    )

    /// How people change behaviour when sanctioned or watched.
    public static let response = FieldTable(
        "response",
        "How people change behaviour when sanctioned or watched.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "trigger",
                .word(Response.Trigger.self),
                required: true,
                "what sets it off for a person (below)"
            ),
            FieldDeclaration(
                "behaviors",
                .identifiers,
                "yes"
            ),
            FieldDeclaration(
                "conduct",
                .word(Behavior.Conduct.self),
                "how the authority regards it: `conforming` (trust-keeping) or `contradictory` (trust-breaking)"
            ),
            FieldDeclaration(
                "factor",
                .number(.factor),
                required: true,
                "rate factor while in effect: 0.7 = 30% less often, 3 = three times as often"
            ),
            FieldDeclaration(
                "duration_days",
                .number(.days),
                "days it lasts after a one-off trigger (`sanctioned`, `recorded`); required for those, not allowed for the others, which last while they hold"
            ),
        ]
    )

    /// A phase of the rollout.
    public static let phase = FieldTable(
        "phase",
        "A phase of the rollout.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "start",
                .date,
                required: true,
                "first day of the phase"
            ),
            FieldDeclaration(
                "regions",
                .regions,
                "provinces the phase covers"
            ),
            FieldDeclaration(
                "subjects",
                .wordList(SubjectKind.self),
                "whether the phase covers people, companies or both"
            ),
        ]
    )

    /// Published figures the scenario should reproduce, and values that may be fitted.
    public static let calibration = FieldTable(
        "calibration",
        "Published figures the scenario should reproduce, and values that may be fitted.",
        [
            FieldDeclaration(
                "targets",
                .list(.table("calibration_target")),
                required: true,
                "the figures to meet, at least one"
            ),
            FieldDeclaration(
                "fit",
                .list(.table("fit_parameter")),
                "values `--fit` may change"
            ),
        ]
    )

    /// A published figure to meet.
    public static let calibrationTarget = FieldTable(
        "calibration_target",
        "A published figure to meet.",
        [
            FieldDeclaration(
                "id",
                .identifier,
                required: true,
                "machine name"
            ),
            FieldDeclaration(
                "label",
                .text,
                "human label"
            ),
            FieldDeclaration(
                "metric",
                .text,
                required: true,
                "the simulated quantity: a [metric expression](#metric-expressions)"
            ),
            FieldDeclaration(
                "value",
                .number(.measurement),
                required: true,
                "the published value; not 0"
            ),
            FieldDeclaration(
                "tolerance",
                .number(.tolerance),
                required: true,
                "from 0 to 1000"
            ),
            FieldDeclaration(
                "source",
                .text,
                required: true,
                "where `value` comes from"
            ),
        ]
    )

    /// A value `sclab calibrate --fit` may change.
    public static let fitParameter = FieldTable(
        "fit_parameter",
        "A value `sclab calibrate --fit` may change.",
        [
            FieldDeclaration(
                "path",
                .text,
                required: true,
                "where the number is in this file: keys and, in lists of things with ids, the id, separated by dots; `[n]` picks a list element by position"
            ),
            FieldDeclaration(
                "min",
                .number(.measurement),
                required: true,
                "the range searched; `min` < `max`"
            ),
            FieldDeclaration(
                "max",
                .number(.measurement),
                required: true,
                "the range searched; `min` < `max`"
            ),
            FieldDeclaration(
                "whole",
                .bool,
                "search whole numbers only"
            ),
        ]
    )

    /// `rate`, `varies` and `dispersion`, shared by behaviours and actions.
    static let rateFields: [FieldDeclaration] = [
        FieldDeclaration(
            "rate",
            .number(.rate),
            required: true,
            "occurrences (behaviours) or attempts (actions) per subject per year, before factors"
        ),
        FieldDeclaration(
            "varies",
            .table("varies"),
            "factors by trait, multiplied into the rate"
        ),
        FieldDeclaration(
            "dispersion",
            .number(.dispersion),
            "coefficient of variation of individual propensity: a lognormal distribution with mean 1 (see below)"
        ),
    ]

    /// Every table, the file's own first.
    public static let all: [FieldTable] = [
        scenario, header, enrolment, scoreScale, tier, rating, behavior, varies, ageBand, source, rollout, rule, list,
        removal, condition, action, measure, spillover, spilloverEffect, appeals, appealContest, appealSuccess,
        response, phase, calibration, calibrationTarget, fitParameter,
    ]

    /// The table of a name, for `FieldShape.table`.
    public static func table(named name: String) -> FieldTable? { all.first { $0.name == name } }
}
