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

# CHECK_STAGES += check-debug: decided after the timings (README)

.PHONY: check-debug
check-debug: deps
	-KERNEL=$(KERNEL) $(TOP)/tests/debug/run-debug.sh
