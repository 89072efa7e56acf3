#!/usr/bin/env python3
"""Compares two run folders' run.sqlite table by table (every row, as a set of sorted rows).

The summary's JSON is compared without what depends on the processes that ran it (timings,
folder, ranks, speed). Prints each table's row count and exits 1 at the first difference.
Used by .ci/run to check that a run sharded over K MPI ranks stores exactly the run of one
process.
"""
import json
import sqlite3
import sys

VOLATILE = ("timings", "folder", "ranks", "personDaysPerSecond", "exchange", "exchangeSimulating")
# Columns that say how a run was executed, not what it computed (the result does not depend on them).
EXECUTION = {"run": ("threads",)}


def tables(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    names = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    out = {}
    for name in names:
        cursor = db.execute(f'SELECT * FROM "{name}"')
        columns = [d[0] for d in cursor.description]
        rows = []
        for row in cursor:
            values = [v for c, v in zip(columns, row) if c not in EXECUTION.get(name, ())]
            kept = [c for c in columns if c not in EXECUTION.get(name, ())]
            if name == "summary" and "json" in kept:
                i = kept.index("json")
                obj = json.loads(values[i])
                for key in VOLATILE + ("threads",):
                    obj.pop(key, None)
                values[i] = json.dumps(obj, sort_keys=True)
            rows.append(repr(values))
        out[name] = sorted(rows)
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare-runs.py RUN_DIR_A RUN_DIR_B")
    a, b = (tables(f"{d}/run.sqlite") for d in sys.argv[1:])
    if sorted(a) != sorted(b):
        print(f"different tables: {sorted(a)} vs {sorted(b)}")
        return 1
    for name in sorted(a):
        if a[name] != b[name]:
            only_a = len(set(a[name]) - set(b[name]))
            only_b = len(set(b[name]) - set(a[name]))
            print(f"table {name} differs: {len(a[name])} vs {len(b[name])} rows, "
                  f"{only_a} only in the first, {only_b} only in the second")
            return 1
    print("identical tables: " + ", ".join(f"{n} {len(a[n])}" for n in sorted(a)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
