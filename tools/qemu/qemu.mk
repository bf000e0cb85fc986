# tools/qemu/qemu.mk: the arm64 test kernel and QEMU VM, included by the top-level Makefile.
#
# Targets
#   kernel                 build (or find in the cache) the test kernel: KERNEL=6.12|6.1
#   vm                     boot; CMD='...' runs non-interactively and the target fails with
#                          CMD's status (or on a kernel splat); without CMD, a shell
#   run                    boot to an interactive shell (Ctrl-A X quits)
#   qemu-kunit             run the KUnit modules in CLX_KUNIT_MODULES (after CLX_MODULES)
#   qemu-selftest-gpio-sim run the kernel's gpio-sim.sh selftest against upstream gpio-sim
#                          (without CLX_MODULES)
#   qemu-kdir              print the test kernel's build tree (building it if needed)
# Variables (set by the top Makefile or on the command line)
#   KERNEL ?= 6.12         kernel version (6.12 or 6.1)
#   VARIANT=debug          the debug kernel of that version (tools/qemu/kernel-debug.config:
#                          KASAN, UBSAN, kmemleak, debug objects); tests/debug/debug.mk
#                          builds the module for it in build/module-$(KERNEL)-debug
#   CLX_MODULES            .ko files insmod'ed at boot, in order (may be empty)
#   CLX_KUNIT_MODULES      KUnit test .ko files for qemu-kunit
#   ACPI=1 EXTRA=dir QMP_SOCK=path CMD='...' MODULES='more.ko' TIMEOUT=s SMP=n APPEND='...'
#                          passed to tools/qemu/vm.sh (see its header)
# The kernel tree is never computed when make parses this file: build-kernel.sh finds or
# builds it when a recipe runs, so packages that `make deps` installed earlier in the same
# run are seen. The including Makefile adds its module, e.g. `vm run qemu-kunit: module`,
# and `deps` before anything that needs the kernel source.

QEMU_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

KERNEL ?= 6.12
VARIANT ?=
CLX_MODULES ?=
CLX_KUNIT_MODULES ?=

# CMD reaches vm.sh verbatim, as the shell would pass it: `make vm CMD='echo $HOME'` needs
# no $$ (make would expand an exported command-line variable).
unexport CMD
QEMU_VM = KERNEL=$(KERNEL) VARIANT=$(VARIANT) MODULES="$(strip $(CLX_MODULES) $(MODULES))" \
	CMD='$(subst ','\'',$(value CMD))' $(QEMU_DIR)/vm.sh

.PHONY: kernel vm run qemu-kunit qemu-selftest-gpio-sim qemu-kdir

kernel qemu-kdir: deps
	@KERNEL=$(KERNEL) VARIANT=$(VARIANT) $(QEMU_DIR)/build-kernel.sh

vm: deps
	$(QEMU_VM)

run: deps
	KERNEL=$(KERNEL) VARIANT=$(VARIANT) MODULES="$(strip $(CLX_MODULES) $(MODULES))" CMD= \
		$(QEMU_DIR)/vm.sh

qemu-kunit: deps
	KERNEL=$(KERNEL) VARIANT=$(VARIANT) MODULES="$(strip $(CLX_MODULES) $(MODULES))" \
		$(QEMU_DIR)/kunit.sh $(CLX_KUNIT_MODULES)

# Upstream gpio-sim only: CLX_MODULES are not loaded (clxgpio's own configfs interface
# could take the same name).
qemu-selftest-gpio-sim: deps
	KERNEL=$(KERNEL) VARIANT=$(VARIANT) MODULES= CMD='/selftests/gpio/gpio-sim.sh' \
		$(QEMU_DIR)/vm.sh
