# tests/debug/debug.mk: the debug test kernel stage, included by the top Makefile.
#
#   make check-debug             clxgpio.ko + clxgpio_kunit.ko against the debug kernel
#                                (tools/qemu/kernel-debug.config: KASAN, UBSAN, kmemleak,
#                                debug objects, lockdep), KUnit + e2e badinput/lifecycle in
#                                one boot, kmemleak after rmmod (tests/debug/run-debug.sh);
#                                records debug-kunit-$(KERNEL) and debug-e2e-$(KERNEL)
#   make kernel VARIANT=debug    the debug kernel alone (cached like the normal one)
#   make vm|run|qemu-kunit VARIANT=debug ...   the usual targets on the debug kernel, with
#                                the module built in build/module-$(KERNEL)-debug
VARIANT ?=
ifeq ($(VARIANT),debug)
ifeq ($(strip $(KDIR)),)
MODULE_DIR := $(BUILD)/module-$(KERNEL)-debug
endif
# build-module.sh and vm.sh find the kernel through build-kernel.sh, which reads VARIANT.
export VARIANT
endif

# Not one of `make check`'s stages by default: a cold debug kernel took 17 min on this
# 2-core machine (other sessions' load for half of it; the normal kernel: ~5 min idle),
# which would take a cold `make check` past 30 minutes (tools/qemu/README.md has
# the figures). Warm, the stage takes under 2 minutes: `make check CHECK_DEBUG=1` adds it.
ifeq ($(CHECK_DEBUG),1)
CHECK_STAGES += check-debug
endif

.PHONY: check-debug
check-debug: deps
	-KERNEL=$(KERNEL) $(TOP)/tests/debug/run-debug.sh
