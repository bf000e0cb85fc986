# tests/build/build.mk: the module build's own checks, included by the top Makefile.
#   check-build   tools/build-module.sh on bad kernel trees (missing, no Module.symvers,
#                 other arch, no GPIOLIB, no KUnit, other ARCH, no g++): each must stop
#                 early with one line naming the cause and the fix (tests/build/bad-trees.sh)
CHECK_STAGES += check-build

.PHONY: check-build
check-build:
	-$(TOP)/tests/build/bad-trees.sh
