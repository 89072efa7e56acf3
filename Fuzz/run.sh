#!/usr/bin/env bash
# Fuzzes the scenario reader and the metric parser with libFuzzer for SECONDS (default 180), over a
# seed corpus of the shipped scenarios, the test fixtures and Fuzz/corpus (error cases and every
# input that ever crashed). Fails on any crash, on an input slower than 10 s, and on more than
# 2 GB of memory; the failing input is left in Fuzz/artifacts/ (add it to Fuzz/corpus and to a
# regression test). Used by .ci/run.
#
#   Fuzz/run.sh [SECONDS]
set -euo pipefail
seconds="${1:-180}"
case "$seconds" in
    ''|*[!0-9]*) echo "usage: Fuzz/run.sh [SECONDS] (a whole number of seconds)" >&2; exit 2 ;;
esac
here="$(cd "$(dirname "$0")" && pwd)"
cd "$here"
# SocialCreditLab is a dependency here, and a dependency may not carry unsafe flags: its own
# build (CI's first step) is where its warnings are errors.
unset SCLAB_WARNINGS_AS_ERRORS

# Coverage for the Swift code (-sanitize=fuzzer) and for libyaml, Yams's C parser
# (-fsanitize=fuzzer-no-link); AddressSanitizer on both. Linked with lld: gold fails on the
# sanitizer runtimes. Release by default: about 190 s to build on 2 cores but ten times the inputs a
# second of a debug build (about 40 s to build); FUZZ_CONFIGURATION=debug chooses the other.
configuration="${FUZZ_CONFIGURATION:-release}"
case "$configuration" in
    release|debug) ;;
    *) echo "FUZZ_CONFIGURATION must be release or debug, not '$configuration'" >&2; exit 2 ;;
esac
flags=(-c "$configuration" --product ScenarioFuzzer
    -Xswiftc -sanitize=fuzzer,address -Xcc -fsanitize=fuzzer-no-link,address -Xswiftc -use-ld=lld)
echo "== building the fuzz target (libFuzzer, AddressSanitizer)"
start=$(date +%s)
swift build "${flags[@]}"
echo "   built in $(( $(date +%s) - start )) s"
fuzzer="$(swift build "${flags[@]}" --show-bin-path)/ScenarioFuzzer"
# A crash is reported by libFuzzer and AddressSanitizer; Swift's own backtracer would only slow
# the report down (and trips AddressSanitizer itself).
export SWIFT_BACKTRACE=enable=no
# Leaks are checked, except the scenario language's field tables: globals built once per
# process, which LeakSanitizer counts as leaked at exit (see lsan.supp).
export LSAN_OPTIONS="suppressions=$here/lsan.supp${LSAN_OPTIONS:+:$LSAN_OPTIONS}"

# libFuzzer adds what it finds to the first folder (a scratch copy); the others are read only.
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/artifacts"
echo "== fuzzing for $seconds s"
"$fuzzer" "$work" "$here/corpus" "$here/../scenarios" "$here/../Tests/SocialCreditTests/Fixtures" \
    -dict="$here/scenario.dict" \
    -max_total_time="$seconds" \
    -timeout=10 \
    -rss_limit_mb=2048 \
    -max_len=65536 \
    -print_final_stats=1 \
    -artifact_prefix="$here/artifacts/"
echo "ok   fuzzing found no crash, hang or runaway in $seconds s"
