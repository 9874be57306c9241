#!/bin/bash
# Instructions per replicate-month of the simulation core, from valgrind's callgrind: the
# same count on a busy machine as on an idle one, so it shows what a change of the code
# does when wall-clock figures are too noisy. For each scenario it runs
# Benchmarks/Callgrind (sinergi-callgrind) at two replicate counts and divides the
# difference of the instruction counts by the difference of replicate-months, so that
# loading the scenario and starting the process cancel; once for the simulation core and
# once for a whole run (--whole-run: statistics, files and report too). Prints one line per scenario and
# keeps each callgrind output (callgrind_annotate FILE lists the functions by cost).
#
# Then the cost of a sweep's design points: for each factor below, the driver resolves and
# compiles the classroom scenario's model input at 20 and at 220 of the factor's values,
# without simulating, and the script prints the instructions per design point and their
# share of 10 classroom replicates (10 × 60 replicate-months at the figure above).
#
#   Benchmarks/callgrind.sh [OUT_FOLDER] [all|points]      (make bench-callgrind)
#
# `points` measures the classroom's replicates and the design points only.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/results/callgrind}
parts=${2:-all}
mkdir -p "$out"
if ! command -v valgrind >/dev/null 2>&1; then
    echo "Installing valgrind…" >&2
    sudo=$([ "$(id -u)" = 0 ] || echo sudo)
    $sudo apt-get update -qq && DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq valgrind >/dev/null
fi
(cd "$root/Benchmarks" && swift build -c release --product sinergi-callgrind >&2)
# Valgrind cannot read the DWARF 5 debug information Swift 6.3 writes: a copy without it
# keeps the symbol table, which is all the per-function counts need.
driver="$out/sinergi-callgrind"
cp "$root/Benchmarks/.build/release/sinergi-callgrind" "$driver"
strip --strip-debug "$driver"
collected() { # callgrind output file, driver arguments… -> instructions
    local file=$1
    shift
    valgrind --tool=callgrind --callgrind-out-file="$file" "$driver" "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
count() { # mode scenario replicates -> instructions; mode "core" or "whole-run"
    local flag=()
    [ "$1" = whole-run ] && flag=(--whole-run)
    collected "$out/callgrind.$1.$2.$3" "${flag[@]}" "$root/Scenarios/$2.yaml" "$3"
}
# "core": what a worker runs per replicate (seeding, initial state, the months, the record).
# "whole run": a whole `sinergi run --threads 1`, statistics, CSV files and report.html too.
# SCENARIO:SMALL:LARGE for the core, then SMALL:LARGE for the whole run: past 256 replicates,
# where every statistics cell has left its exact values (that one-off sort cancels).
specs="classroom:500:2500:500:2500 jambi-province-2018:100:500:300:900"
[ "$parts" = points ] && specs="classroom:500:2500:500:2500"
printf '%-22s %12s %7s %20s %26s\n' scenario "replicates (core, whole run)" months "core, per rep-month" \
    "whole run, per rep-month"
for spec in $specs; do
    IFS=: read -r scenario small large wholeSmall wholeLarge <<<"$spec"
    months=$(sed -n 's/^months: *\([0-9]*\).*/\1/p' "$root/Scenarios/$scenario.yaml")
    per() { echo $(( ($2 - $1) / (($4 - $3) * months) )); }
    core=$(per "$(count core "$scenario" "$small")" "$(count core "$scenario" "$large")" "$small" "$large")
    whole=—
    if [ "$parts" != points ]; then
        whole=$(per "$(count whole-run "$scenario" "$wholeSmall")" "$(count whole-run "$scenario" "$wholeLarge")" \
            "$wholeSmall" "$wholeLarge")
    fi
    printf '%-22s %12s %7s %20s %26s\n' "$scenario" "$small→$large, $wholeSmall→$wholeLarge" "$months" "$core" "$whole"
    if [ "$scenario" = classroom ]; then replicate10=$(( 10 * months * core )); fi
done

echo
echo "design points of the classroom scenario (resolved and compiled, not simulated):"
echo "10 classroom replicates: $replicate10 instructions"
printf '%-50s %14s %10s\n' factor instructions/point "÷ 10 replicates"
for factor in \
    'parameters.trust.build=0.02:0.2' \
    'defaults.agency.ego=0.2:0.8' \
    'defaults.government.mandate=0.2:0.8' \
    'governments[Kota Contoh].champion=0.1:0.6' \
    'governments[*].agencies[BPKAD].legacyLockIn=0.3:0.9'; do
    name=$(printf '%s' "${factor%%=*}" | tr -c 'A-Za-z0-9.\n' '_')
    a=$(collected "$out/callgrind.points.$name.20" --points "$factor" "$root/Scenarios/classroom.yaml" 20)
    b=$(collected "$out/callgrind.points.$name.220" --points "$factor" "$root/Scenarios/classroom.yaml" 220)
    per=$(( (b - a) / 200 ))
    printf '%-50s %14s %9s%%\n' "$factor" "$per" \
        "$(awk -v p="$per" -v r="$replicate10" 'BEGIN { printf "%.2f", 100 * p / r }')"
done
echo "callgrind outputs in $out (callgrind_annotate FILE)"
