# tests/kbench/kbench.mk: the kernel benchmark, included by the top-level Makefile.
#
# Targets
#   bench   one QEMU boot (KERNEL=6.12 default, or 6.1): per-op get/set/set_multiple of
#           clxgpio's PL061 vs upstream gpio-pl061 (sysfs unbind/bind) and of clxgpio's
#           simulated controller vs gpio-sim, through libgpiod (gpiobench) and in a kernel
#           loop (clxgpio_kbench.ko); edge delivery with both-edge emulation vs gpio-sim.
#           Prints the ratios and writes build/bench/bench-kernel.txt. A benchmark: exits
#           0 when a target is missed, non-zero only when it cannot measure.
# Variables (environment or make command line): KBENCH_ROUNDS KBENCH_ITERS KBENCH_RUNS
#   KBENCH_KITERS KBENCH_KSAMPLES KBENCH_TOGGLES KBENCH_SMP KBENCH_APPEND
#   TIMEOUT (see tests/kbench/run-bench.sh)

KBENCH_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

.PHONY: bench
bench: deps
	KERNEL=$(KERNEL) $(KBENCH_DIR)/run-bench.sh
