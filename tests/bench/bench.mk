# tests/bench/bench.mk: the host benchmark, included by the top-level Makefile.
#
# Targets
#   bench-host   build tests/bench into build/bench (Release, -O2), run the Google
#                Benchmark binary, count instructions per operation under callgrind
#                (engine path vs hand-written minimal register sequence), print the
#                table with PASS/MISS and write it to build/bench/bench-host.txt;
#                then the ACPI GPIO codec's decode rate in descriptors/s
#                (build/bench/acpi-decode.txt).
#                Exits 0 when a target is missed; fails only if it cannot measure.
# Variables (environment or make command line; make exports both to the script)
#   BENCH_ITERS=1000      iterations per counted loop
#   BENCH_MIN_TIME=0.05   Google Benchmark seconds per benchmark
#   BENCH_REPS=3          Google Benchmark repetitions (medians are reported)
#   BENCH_GBENCH=0        skip the wall-clock run, instruction counts only

BENCH_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

.PHONY: bench-host
bench-host:
	$(BENCH_DIR)/run-bench-host.sh
