# tests/fuzz/fuzz.mk: the ACPI GPIO codec under libFuzzer + ASan + UBSan, included by the
# top Makefile (tests/fuzz/run-fuzz.sh; seeds are the iasl-compiled descriptors of
# tests/compat, made anew in build/).
#
#   make fuzz            FUZZ_RUNS executions (default 10 million); fails on any crash,
#                        leak, sanitizer report or broken round trip; the figures
#                        (executions, seconds, exec/s) end up in build/fuzz/summary.txt
#   check-fuzz-short     a run of FUZZ_SHORT_SECONDS (default 60) as a `make check`
#                        stage: result fuzz-acpi-short
# Variables: FUZZ_RUNS, FUZZ_SHORT_SECONDS; environment FUZZ_SEED, FUZZ_MAX_LEN, CLANGXX.

FUZZ_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
FUZZ_RUNS ?= 10000000
FUZZ_SHORT_SECONDS ?= 60

CHECK_STAGES += check-fuzz-short

.PHONY: fuzz check-fuzz-short
fuzz: deps
	$(FUZZ_DIR)/run-fuzz.sh --runs $(FUZZ_RUNS)

check-fuzz-short:
	-$(FUZZ_DIR)/run-fuzz.sh --seconds $(FUZZ_SHORT_SECONDS) --record fuzz-acpi-short
