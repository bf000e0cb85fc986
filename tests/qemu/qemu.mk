# tests/qemu/qemu.mk: the arm64 test kernel and QEMU VM, included by the top-level Makefile.
#
# Targets
#   kernel                 build (or find in the cache) the test kernel: KERNEL=6.12|6.1
#   vm                     boot; CMD='...' runs non-interactively and the target fails with
#                          CMD's status (or on a kernel splat); without CMD, a shell
#   run                    boot to an interactive shell (Ctrl-A X quits)
#   qemu-kunit             run the KUnit modules in CLX_KUNIT_MODULES (after CLX_MODULES)
#   qemu-selftest-gpio-sim run the kernel's gpio-sim.sh selftest against upstream gpio-sim
#                          (without CLX_MODULES)
#   qemu-kdir              print KDIR
# Variables (set by the top Makefile or on the command line)
#   KERNEL ?= 6.12         kernel version (6.12 or 6.1)
#   CLX_MODULES            .ko files insmod'ed at boot, in order (may be empty)
#   CLX_KUNIT_MODULES      KUnit test .ko files for qemu-kunit
#   ACPI=1 EXTRA=dir QMP_SOCK=path CMD='...' MODULES='more.ko' TIMEOUT=s SMP=n APPEND='...'
#                          passed to tests/qemu/vm.sh (see its header)
# Provided to the including Makefile
#   KDIR                   (exported) the kernel build dir for `make -C $(KDIR) M=...`; computed
#                          without building; build it first with the `kernel` target or by
#                          depending on $(QEMU_KERNEL_STAMP)
#   QEMU_KERNEL_STAMP      file that exists once KDIR is fully built
#   QEMU_KBUILD_ARGS       ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-
# The top Makefile adds its module as a prerequisite, e.g. `vm run qemu-kunit: $(CLX_MODULES)`.

QEMU_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

KERNEL ?= 6.12
CLX_MODULES ?=
CLX_KUNIT_MODULES ?=
QEMU_KBUILD_ARGS := ARCH=arm64 CROSS_COMPILE=aarch64-linux-gnu-

ifeq ($(origin KDIR),undefined)
KDIR := $(shell KERNEL=$(KERNEL) $(QEMU_DIR)/build-kernel.sh --print-dir)
endif
export KDIR
QEMU_KERNEL_STAMP := $(KDIR)/clx-done

# CMD reaches vm.sh verbatim, as the shell would pass it: `make vm CMD='echo $HOME'` needs
# no $$ (make would expand an exported command-line variable).
unexport CMD
QEMU_VM = KERNEL=$(KERNEL) MODULES="$(strip $(CLX_MODULES) $(MODULES))" \
	CMD='$(subst ','\'',$(value CMD))' $(QEMU_DIR)/vm.sh

.PHONY: kernel vm run qemu-kunit qemu-selftest-gpio-sim qemu-kdir

kernel: $(QEMU_KERNEL_STAMP)

$(QEMU_KERNEL_STAMP):
	@kdir=$$(KERNEL=$(KERNEL) $(QEMU_DIR)/build-kernel.sh) && \
	if [ "$$kdir" != "$(KDIR)" ]; then \
		echo "qemu.mk: the kernel is in $$kdir, but this make run uses KDIR=$(KDIR)" \
			"(KDIR set by hand, or packages installed during this run): run make again" >&2; \
		exit 1; \
	fi

vm: $(QEMU_KERNEL_STAMP)
	$(QEMU_VM)

run: $(QEMU_KERNEL_STAMP)
	KERNEL=$(KERNEL) MODULES="$(strip $(CLX_MODULES) $(MODULES))" CMD= $(QEMU_DIR)/vm.sh

qemu-kunit: $(QEMU_KERNEL_STAMP)
	KERNEL=$(KERNEL) MODULES="$(strip $(CLX_MODULES) $(MODULES))" \
		$(QEMU_DIR)/kunit.sh $(CLX_KUNIT_MODULES)

# Upstream gpio-sim only: CLX_MODULES are not loaded (clxgpio's own configfs interface
# could take the same name).
qemu-selftest-gpio-sim: $(QEMU_KERNEL_STAMP)
	KERNEL=$(KERNEL) MODULES= CMD='/selftests/gpio/gpio-sim.sh' $(QEMU_DIR)/vm.sh

qemu-kdir:
	@echo $(KDIR)
