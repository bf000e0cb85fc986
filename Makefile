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
RESULTS := $(BUILD)/results

.PHONY: all deps check host-test engine-abi-check check-clean summary clean

all: host-test

deps:
	@$(TOP)/tests/qemu/install-deps.sh

host-test: deps
	$(TOP)/tests/host/run-host-tests.sh

engine-abi-check: deps
	$(TOP)/tests/abi/engine-abi-check.sh

check-clean:
	@rm -rf $(RESULTS)

# Every stage records its counts and never stops the others; the summary decides.
CHECK_STAGES := check-host check-abi check-kunit check-acpi check-e2e

check: check-clean deps
	@$(MAKE) --no-print-directory -k $(CHECK_STAGES) || true
	@echo "== make check summary"
	@$(TOP)/tests/summary.sh

check-host:
	-$(TOP)/tests/host/run-host-tests.sh

check-abi:
	-$(TOP)/tests/record.sh engine-abi-check $(TOP)/tests/abi/engine-abi-check.sh

# KUnit in QEMU: records the case counts ("P F") from kunit.sh's KUNIT line.
check-kunit:
	-$(TOP)/tests/kunit/check-kunit.sh $(RESULTS)/kunit-$(KERNEL).count $(MAKE) --no-print-directory qemu-kunit KERNEL=$(KERNEL)

check-e2e: $(CLX_MODULES)
	-KERNEL=$(KERNEL) $(TOP)/tests/e2e/run-e2e.sh

check-acpi: $(CLX_MODULES)
	-KERNEL=$(KERNEL) $(TOP)/tests/acpi/powerbutton-e2e.sh

clean:
	rm -rf $(BUILD)

# ---- Linux module (built out of tree in build/module-$(KERNEL), one per kernel) ----
KERNEL ?= 6.12
MODULE_DIR = $(BUILD)/module-$(KERNEL)
CLX_MODULES = $(MODULE_DIR)/clxgpio.ko
CLX_KUNIT_MODULES = $(MODULE_DIR)/clxgpio_kunit.ko
CLX_KBENCH_MODULES = $(MODULE_DIR)/clxgpio_kbench.ko
qemu-kunit: $(CLX_KUNIT_MODULES)
MODULE_SOURCES := Kbuild $(wildcard kernel/*.c kernel/*.h kernel/engine/* kernel/controllers/* tests/kunit/*) \
	tests/kbench/Kbuild.inc tests/kbench/clxgpio_kbench.c

.PHONY: module
module: $(CLX_MODULES)

$(CLX_MODULES) $(CLX_KUNIT_MODULES) $(CLX_KBENCH_MODULES) &: $(MODULE_SOURCES) | kernel
	@mkdir -p $(MODULE_DIR)
	@cd $(TOP) && rsync -aR $(MODULE_SOURCES) $(MODULE_DIR)/
	$(MAKE) -C $(KDIR) $(QEMU_KBUILD_ARGS) M=$(MODULE_DIR) modules

-include $(TOP)/tests/bench/bench.mk
-include $(TOP)/tests/kbench/kbench.mk
-include $(TOP)/tests/qemu/qemu.mk

vm run qemu-kunit: $(CLX_MODULES)

# A scripted, non-interactive tour of both controllers with libgpiod's tools (tests/demo).
.PHONY: demo
demo: $(CLX_MODULES) $(QEMU_KERNEL_STAMP)
	@$(MAKE) --no-print-directory vm EXTRA=$(TOP)/tests/demo CMD='sh /extra/demo.sh'
