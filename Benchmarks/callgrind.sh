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
#   Benchmarks/callgrind.sh [OUT_FOLDER]      (make bench-callgrind)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/results/callgrind}
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
count() { # mode scenario replicates -> instructions; mode "core" or "whole-run"
    local flag=()
    [ "$1" = whole-run ] && flag=(--whole-run)
    valgrind --tool=callgrind --callgrind-out-file="$out/callgrind.$1.$2.$3" "$driver" "${flag[@]}" \
        "$root/Scenarios/$2.yaml" "$3" 2>&1 >/dev/null | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
}
# "core": what a worker runs per replicate (seeding, initial state, the months, the record).
# "whole run": a whole `sinergi run --threads 1`, statistics, CSV files and report.html too.
printf '%-22s %12s %7s %20s %26s\n' scenario replicates months "core, per rep-month" "whole run, per rep-month"
for spec in classroom:500:2500 jambi-province-2018:100:500; do
    IFS=: read -r scenario small large <<<"$spec"
    months=$(sed -n 's/^months: *\([0-9]*\).*/\1/p' "$root/Scenarios/$scenario.yaml")
    per() { echo $(( ($2 - $1) / ((large - small) * months) )); }
    core=$(per "$(count core "$scenario" "$small")" "$(count core "$scenario" "$large")")
    whole=$(per "$(count whole-run "$scenario" "$small")" "$(count whole-run "$scenario" "$large")")
    printf '%-22s %12s %7s %20s %26s\n' "$scenario" "$small→$large" "$months" "$core" "$whole"
done
echo "callgrind outputs in $out (callgrind_annotate FILE)"
