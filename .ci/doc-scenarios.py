#!/usr/bin/env python3
"""Writes the scenario examples of docs/scenario-language.md as files to check against the schema.

Each fenced ```yaml block whose top-level keys are all sections of a scenario is written out:
a whole scenario (it has `scenario`, `score` and `behaviors`) as it is, a fragment (say, an
`enrolment:` or a `rules:` example) placed in a minimal scenario that supplies the required
sections it lacks. Blocks under "## Errors" are examples of mistakes: they go to a folder of
their own, which the schema must reject. Blocks that are not sections (a single line of a
file) are skipped and listed.

usage: doc-scenarios.py DOC OUT_DIR   (writes OUT_DIR/valid/*.yaml and OUT_DIR/invalid/*.yaml)
"""
import os
import re
import sys

SECTIONS = {"scenario", "enrolment", "score", "company_score", "ratings", "behaviors", "sources", "rules",
            "lists", "actions", "measures", "spillovers", "appeals", "responses", "timeline", "calibration"}
# The required sections, each on one line, for fragments that lack them.
BASE = {
    "scenario": "scenario: { name: Docs fragment, start: 2014-01-01, end: 2014-12-31 }",
    "score": "score: { initial: 0, minimum: 0, maximum: 1, tiers: [{ id: A, min: 0 }] }",
    "behaviors": "behaviors: [{ id: fragment_behaviour, conduct: conforming, rate: 1 }]",
}


def blocks(lines):
    """(first line number, heading, text) of each ```yaml block."""
    heading, start, body = "", None, []
    for number, line in enumerate(lines, 1):
        if start is None and line.startswith("## "):
            heading = line[3:].strip()
        if start is None and line.strip() == "```yaml":
            start, body = number + 1, []
        elif start is not None and line.strip() == "```":
            yield start, heading, "\n".join(body) + "\n"
            start = None
        elif start is not None:
            body.append(line)


def main(doc, out):
    with open(doc, encoding="utf-8") as file:
        lines = file.read().splitlines()
    for kind in ("valid", "invalid"):
        os.makedirs(os.path.join(out, kind), exist_ok=True)
    counts = {"valid": 0, "invalid": 0, "skipped": 0}
    for start, heading, text in blocks(lines):
        keys = re.findall(r"^([a-z_]+):", text, re.MULTILINE)
        if not keys or not set(keys) <= SECTIONS:
            print(f"skipped  {doc}:{start} (not scenario sections)")
            counts["skipped"] += 1
            continue
        missing = [BASE[key] for key in BASE if key not in keys]
        kind = "invalid" if heading == "Errors" else "valid"
        name = os.path.join(out, kind, f"line-{start}.yaml")
        with open(name, "w", encoding="utf-8") as file:
            file.write(f"# {doc}:{start} ({'whole scenario' if not missing else 'fragment in a minimal scenario'})\n")
            file.write("\n".join(missing + [text]))
        counts[kind] += 1
    print(f"{counts['valid']} examples to accept, {counts['invalid']} to reject, {counts['skipped']} skipped")


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
