# clxgpio: one GPIO controller engine (freestanding C++) behind Linux gpiolib and a
# GpioClx-model layer. See README.md. Every target installs what it is missing.
#
#   make check             host tests (plain + ASan/UBSan), engine ABI check, KUnit
#                          and end-to-end tests in QEMU; ends "N passed, N failed"
#   make host-test         GoogleTest suite, plain and under ASan+UBSan
#   make engine-abi-check  engine built with the arm64 kernel ABI, symbols/sections checked
#   make bench-host        host benchmark: instruction counts vs. a minimal register baseline
#   make kernel | module | run | vm | demo | bench   (see README.md)

TOP := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
BUILD := $(TOP)/build
TOOLS := $(TOP)/tools

.PHONY: all deps check host-test engine-abi-check check-clean summary clean

all: host-test

deps:
	@$(TOOLS)/install-deps.sh

host-test: deps
	$(TOP)/tests/host/run-host-tests.sh

engine-abi-check: deps
	$(TOP)/tests/abi/engine-abi-check.sh

check-clean:
	@$(TOP)/tests/lib/results.sh clear

# Every stage records its counts and never stops the others; the summary decides. The
# stages run in a sub-make started after deps, and nothing here is computed from the
# installed packages when the Makefile is parsed (the kernel tree is resolved by the
# recipes that need it), so the first run on a fresh machine sees what deps installed.
# Included .mk files add their stages with CHECK_STAGES += ...
CHECK_STAGES := check-host check-abi check-kunit check-acpi check-e2e

check: check-clean deps
	@$(MAKE) --no-print-directory -k $(CHECK_STAGES) || true
	@echo "== make check summary"
	@$(TOP)/tests/lib/results.sh summary

check-host:
	-$(TOP)/tests/host/run-host-tests.sh

check-abi:
	-$(TOP)/tests/lib/results.sh run engine-abi-check $(TOP)/tests/abi/engine-abi-check.sh

# KUnit in QEMU: records the case counts ("P F") from kunit.sh's KUNIT line.
check-kunit:
	-$(TOP)/tests/kunit/check-kunit.sh kunit-$(KERNEL) $(MAKE) --no-print-directory qemu-kunit KERNEL=$(KERNEL)

check-e2e:
	-KERNEL=$(KERNEL) $(TOP)/tests/e2e/run-e2e.sh

check-acpi:
	-KERNEL=$(KERNEL) $(TOP)/tests/acpi/powerbutton-e2e.sh

clean:
	rm -rf $(BUILD)

# A newcomer's first run, reproduced: removes the kernel source packages deps installs,
# clones this repository's HEAD afresh and runs `make check` there with an empty cache.
.PHONY: fresh-check
fresh-check:
	$(TOOLS)/fresh-check.sh

# ---- Linux module --------------------------------------------------------------------
# Built out of tree by tools/build-module.sh, which checks the kernel tree first.
#   KDIR unset: the QEMU test kernel for $(KERNEL), built or found in the cache when the
#               recipe runs (after deps), in build/module-$(KERNEL).
#   KDIR=dir:   that tree as it is (/lib/modules/<release>/build, a linux-headers
#               package); nothing is installed and no test kernel is built.
# CLX_TEST_MODULES='kunit kbench' adds the test modules (the targets that need them ask).
KERNEL ?= 6.12
ifneq ($(filter install,$(MAKECMDGOALS)),)
KDIR := $(or $(strip $(KDIR)),/lib/modules/$(shell uname -r)/build)
endif
ifeq ($(strip $(KDIR)),)
MODULE_DIR ?= $(BUILD)/module-$(KERNEL)
MODULE_PREREQ := deps
else
MODULE_DIR ?= $(BUILD)/module-$(notdir $(or $(realpath $(KDIR)),$(KDIR)))
MODULE_PREREQ :=
endif
CLX_MODULES = $(MODULE_DIR)/clxgpio.ko
CLX_KUNIT_MODULES = $(MODULE_DIR)/clxgpio_kunit.ko
CLX_TEST_MODULES ?=
BUILD_MODULE = KDIR='$(KDIR)' KERNEL=$(KERNEL) MODULE_DIR=$(MODULE_DIR) $(TOOLS)/build-module.sh

.PHONY: module module-kunit install
module: $(MODULE_PREREQ)
	@CLX_TEST_MODULES='$(CLX_TEST_MODULES)' $(BUILD_MODULE)

module-kunit: $(MODULE_PREREQ)
	@CLX_TEST_MODULES='kunit $(filter-out kunit,$(CLX_TEST_MODULES))' $(BUILD_MODULE)

# Installs clxgpio.ko into /lib/modules/<release>/updates (INSTALL_MOD_PATH=dir for a
# staging root) and runs depmod. KDIR defaults to the running kernel's build tree.
install: module
	$(TOOLS)/install-module.sh '$(KDIR)' '$(MODULE_DIR)'

-include $(TOP)/tests/bench/bench.mk
-include $(TOP)/tests/kbench/kbench.mk
-include $(TOP)/tests/lint/lint.mk
-include $(TOP)/tests/distro/distro.mk
-include $(TOP)/tests/debug/debug.mk
-include $(TOP)/tests/build/build.mk
-include $(TOP)/tests/compat/compat.mk
-include $(TOP)/tests/fuzz/fuzz.mk
-include $(TOP)/userspace/userspace.mk
include $(TOOLS)/qemu/qemu.mk

vm run: module
qemu-kunit: module-kunit

# A scripted, non-interactive tour of both controllers with libgpiod's tools (tests/demo).
.PHONY: demo
demo: module
	@$(MAKE) --no-print-directory vm EXTRA=$(TOP)/tests/demo CMD='sh /extra/demo.sh'
