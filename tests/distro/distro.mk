# tests/distro/distro.mk: clxgpio on Debian's own arm64 kernels (included by the top Makefile).
#
#   make distro [KDISTRO=6.1|6.12]   one stage by hand (default 6.12)
#   check-distro-6.1, check-distro-6.12   the same as `make check` stages
#
# Each stage (tests/distro/run-distro.sh) takes the newest linux-image/-headers of the series
# from the apt lists (downloaded once into $CLXGPIO_CACHE/distro when the recipe runs, never
# when make parses this file), builds clxgpio.ko with `make module KDIR=<headers>` and with
# DKMS through dkms.conf, and boots Debian's kernel in QEMU virt: tools/handover.sh moves the
# built-in gpio-pl061's PL061 to clxgpio and back, libgpiod, the power button, a simulated
# controller and gpio-sim.sh run through clxgpio; a second boot uses
# initcall_blacklist=pl061_gpio_driver_init. Records result distro-<series> (tests/lib/results.sh).

DISTRO_SERIES := 6.1 6.12
KDISTRO ?= 6.12
CHECK_STAGES += $(addprefix check-distro-,$(DISTRO_SERIES))

.PHONY: distro $(addprefix check-distro-,$(DISTRO_SERIES))

# A stage never stops the others: its result is recorded (tests/lib/results.sh).
$(addprefix check-distro-,$(DISTRO_SERIES)): check-distro-%:
	-$(TOP)/tests/distro/run-distro.sh $*

distro: deps
	$(TOP)/tests/distro/run-distro.sh $(KDISTRO)
