# tests/compat/compat.mk: the compat core's differential test, included by the top Makefile.
#
#   make compat-iasl        the ACPI GPIO codec against iasl (tests/compat/run-iasl-diff.sh):
#                           asl/gpio-cases.asl compiled by Debian's iasl, every GpioInt and
#                           GpioIo decoded to the expectation written beside it and encoded
#                           back to iasl's bytes; leaves fuzzer seeds in build/compat/seeds
#   check-compat-iasl       the same as a `make check` stage: result compat-iasl
#                           ("passed failed" = PASS/FAIL lines)
# The codec's host unit tests run in check-host (tests/host/compat).

COMPAT_TEST_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

CHECK_STAGES += check-compat-iasl

.PHONY: compat-iasl check-compat-iasl
compat-iasl: deps
	$(COMPAT_TEST_DIR)/run-iasl-diff.sh

check-compat-iasl:
	-$(COMPAT_TEST_DIR)/run-iasl-diff.sh --record
