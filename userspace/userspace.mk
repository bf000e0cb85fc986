# userspace/userspace.mk: the clxgpio library and command, included by the top Makefile.
#
#   make userspace        build/userspace/clxgpio (host build; userspace/build.sh host)
#   make userspace-arm64  build/userspace-arm64/clxgpio: static aarch64, for the QEMU guest
#                         (userspace/build.sh arm64)
#   make userspace-test   the host tests of tests/userspace (library and CLI against a fake
#                         hub), plain and under ASan+UBSan
#   check-userspace       `make check` stage: the host tests and the arm64 build; results
#                         userspace-host, userspace-asan, userspace-arm64
# USERSPACE_JOBS: build jobs (default 1).

USERSPACE_DIR := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))
USERSPACE_JOBS ?= 1

CHECK_STAGES += check-userspace

.PHONY: userspace userspace-arm64 userspace-test check-userspace
userspace: deps
	JOBS=$(USERSPACE_JOBS) $(USERSPACE_DIR)/build.sh host

userspace-arm64: deps
	JOBS=$(USERSPACE_JOBS) $(USERSPACE_DIR)/build.sh arm64

userspace-test: deps
	JOBS=$(USERSPACE_JOBS) $(TOP)/tests/userspace/run-userspace-tests.sh --host

check-userspace:
	-JOBS=$(USERSPACE_JOBS) $(TOP)/tests/userspace/run-userspace-tests.sh
