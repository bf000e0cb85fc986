# tests/lint/lint.mk: the kernel's checkers on the module's C, included by the top Makefile.
#
# Targets
#   lint        scripts/checkpatch.pl --strict (from linux-source-6.12) on kernel/*.c,
#               kernel/*.h, kernel/engine/clxgpio_abi.h, tests/kunit/*.c, tests/kbench/*.c,
#               and sparse (C=2) on the module build, test modules included, for the 6.12
#               test kernel and Debian's 6.1 headers; fails on any finding (tests/lint/lint.sh)
#   check-lint  the same as a `make check` stage: results lint-checkpatch and
#               lint-sparse-<kernel>, "passed failed" = files without / with findings
# Variables: LINT_KERNELS (default "6.12 debian-6.1")

LINT_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

CHECK_STAGES += check-lint

.PHONY: lint check-lint
lint: deps
	$(LINT_DIR)/lint.sh

check-lint:
	-$(LINT_DIR)/lint.sh --record
