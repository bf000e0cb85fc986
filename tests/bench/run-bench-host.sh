#!/usr/bin/env bash
# tests/bench/run-bench-host.sh: the clxgpio host benchmark.
#
#   1. builds tests/bench (Release, -O2) into build/bench;
#   2. runs the Google Benchmark binary (short min time, median of a few repetitions);
#   3. runs its instruction-count mode under valgrind --tool=callgrind: each measured
#      loop (N iterations, setup excluded by client-request toggles) is dumped on its
#      own, engine and baseline separately;
#   4. prints the table (engine vs baseline instr/op and ratio, 64x64/1x8 constancy,
#      state bytes per pin, PASS/MISS against the targets) and writes it, with the
#      per-function callgrind breakdown of every engine loop, to build/bench/bench-host.txt;
#   5. reports the compat core's ACPI GPIO descriptor decode rate in descriptors/s
#      (clxacpi_decode_rate, wall clock) and writes it to build/bench/acpi-decode.txt.
#
# Exits 0 when a target is missed (it is a benchmark, not a test); non-zero only when
# it cannot measure: build failure, valgrind missing, or engine and baseline disagreeing
# on an operation's result (then the comparison would be void).
#
# Environment: BENCH_ITERS (iterations per counted loop, default 1000), BENCH_MIN_TIME
# (Google Benchmark seconds per benchmark, default 0.05), BENCH_REPS (repetitions,
# default 3), BENCH_GBENCH=0 to skip the wall-clock run.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
out=$root/build/bench
iters=${BENCH_ITERS:-1000}
min_time=${BENCH_MIN_TIME:-0.05}
reps=${BENCH_REPS:-3}
bin=$out/clxgpio_bench_host

command -v valgrind >/dev/null || { echo "bench-host: valgrind not found (apt-get install valgrind)" >&2; exit 1; }
command -v callgrind_annotate >/dev/null || { echo "bench-host: callgrind_annotate not found" >&2; exit 1; }

echo "== build (Release, -O2) in build/bench"
cmake -S "$here" -B "$out" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$out" -j"$(nproc)"

csv_arg=()
if [ "${BENCH_GBENCH:-1}" != 0 ]; then
  echo "== Google Benchmark (min time ${min_time}s, ${reps} repetitions, medians)"
  "$bin" --benchmark_min_time="$min_time" --benchmark_repetitions="$reps" \
    --benchmark_report_aggregates_only=true \
    --benchmark_out="$out/gbench.csv" --benchmark_out_format=csv
  csv_arg=(--gbench-csv="$out/gbench.csv")
fi

echo "== instruction counts under callgrind (${iters} iterations per loop)"
cg=$out/callgrind
rm -rf "$cg"
mkdir -p "$cg"
valgrind --tool=callgrind --collect-atstart=no --compress-strings=no \
  --callgrind-out-file="$cg/cg.out" "$bin" --instr-count --iterations="$iters" \
  >"$cg/run.log" 2>"$cg/valgrind.log" || {
  echo "bench-host: the instruction-count run failed:" >&2
  cat "$cg/run.log" "$cg/valgrind.log" >&2
  exit 1
}
# The binary rounds N up to even (dispatch cases alternate rising/falling).
n=$(awk '/^counted /{sub(/^x/, "", $3); print $3; exit}' "$cg/run.log")

# One line per loop: name, Ir, bus reads, bus writes (calls into the models' bus).
: >"$cg/counts.txt"
for f in "$cg"/cg.out.*; do
  awk '/^desc: Trigger: Client Request: /{name=$5}
       /^summary: /{ir=$2}
       /^cfn=/{callee=$0}
       /^calls=/{k=substr($1, 7)
                 if (callee ~ /simhw_read32|clxtest::model_read\(/) r+=k
                 if (callee ~ /simhw_write32|clxtest::model_write\(/) w+=k}
       END{if (name != "" && name != "discard") print name, ir+0, r+0, w+0}' "$f" >>"$cg/counts.txt"
done
sort -o "$cg/counts.txt" "$cg/counts.txt"

# Self instructions per operation by function, grouped: engine (kernel/engine), client
# controller (pl061.cpp, simgpio.cpp) and register model (which the baseline pays too);
# "harness" is the rest of the dump's total: the bench's call into the operation and
# the toggles (what the calibration subtracts, plus argument set-up).
breakdown() {
  local f=$1 name=$2 total
  total=$(awk '/^summary: /{print $2; exit}' "$f")
  callgrind_annotate --inclusive=no --threshold=100 --auto=no "$f" 2>/dev/null |
    awk -v n="$n" -v name="$name" -v total="$total" '
      /file:function/ {go = 1; next}
      go && /^ *[0-9,]+ +\(/ {
        ir = $1; gsub(",", "", ir)
        line = $0
        sub(/^ *[0-9,]+ +\([^)]*\) +/, "", line)
        sub(/ \[[^]]*\]$/, "", line)
        fn = line; sub(/^[^:]*:/, "", fn)
        gsub(/\(anonymous namespace\)::/, "", fn)
        if (fn !~ /^\(/) sub(/\(.*/, "", fn)
        if (fn ~ /simhw_|Hardware::|Pl061Model|model_read|model_write|clx_shim_mmio/) g = "register model"
        else if (fn ~ /simgpio::|pl061::/) g = "controller"
        else if (fn ~ /^clx::|^clxgpio_/) g = "engine"
        else next
        self[fn] += ir / n; grp[fn] = g; tot[g] += ir / n; sum += ir / n
      }
      END {
        printf "%s: %.1f instr/op = engine %.1f + controller %.1f + register model %.1f + harness %.1f\n",
               name, total / n, tot["engine"], tot["controller"], tot["register model"], total / n - sum
        for (k in self) if (self[k] >= 0.5) printf "  %9.1f  %-15s %s\n", self[k], grp[k], k | "sort -rn"
        close("sort -rn")
      }'
}

report=$out/bench-host.txt
"$bin" --report="$cg/counts.txt" --iterations="$n" "${csv_arg[@]}" >"$report.table"
{
  cat "$report.table"
  echo
  echo "engine breakdown: self instructions per operation by function (callgrind_annotate)"
  find "$cg" -name 'cg.out.*' | sort -t. -k3 -n | while read -r f; do
    name=$(awk '/^desc: Trigger: Client Request: /{print $5; exit}' "$f")
    case $name in
      engine/noop/*) continue ;;
      engine/*) ;;
      *) continue ;;
    esac
    echo
    breakdown "$f" "$name"
  done
} >"$report"
rm -f "$report.table"

echo
sed '/^engine breakdown:/,$d' "$report"
echo "written: ${report#"$root"/} (with the per-function engine breakdown); raw dumps in ${cg#"$root"/}/"

echo
echo "== ACPI GPIO codec decode rate"
"$out/clxacpi_decode_rate" | tee "$out/acpi-decode.txt"
exit 0
