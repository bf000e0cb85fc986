#!/bin/sh
# Builds clxgpio (the library and the command) with CMake:
#
#   build.sh host     build/userspace/clxgpio, with the host compiler
#   build.sh arm64    build/userspace-arm64/clxgpio, static, stripped, with Debian's
#                     aarch64-linux-gnu-g++ (tools/install-deps.sh installs it); checks
#                     that the result is a static aarch64 executable (readelf) and prints
#                     its description (file(1), where installed) and size
# JOBS: build jobs (default 1). Prints the binary's path last.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
jobs=${JOBS:-1}

case ${1:-} in
host)
	dir=$top/build/userspace
	cmake -S "$top/userspace" -B "$dir" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
	cmake --build "$dir" -j"$jobs"
	;;
arm64)
	dir=$top/build/userspace-arm64
	cxx=aarch64-linux-gnu-g++
	command -v $cxx >/dev/null || {
		echo "build.sh: $cxx missing (Debian package g++-aarch64-linux-gnu; make deps installs it)" >&2
		exit 1
	}
	cmake -S "$top/userspace" -B "$dir" -DCMAKE_BUILD_TYPE=Release \
		-DCMAKE_SYSTEM_NAME=Linux -DCMAKE_SYSTEM_PROCESSOR=aarch64 \
		-DCMAKE_CXX_COMPILER=$cxx -DCLXGPIO_STATIC=ON -DCMAKE_EXE_LINKER_FLAGS=-s >/dev/null
	cmake --build "$dir" -j"$jobs"
	# binutils-aarch64-linux-gnu's readelf (installed with the compiler), not file(1),
	# which install-deps does not install
	elf=$dir/clxgpio
	readelf=aarch64-linux-gnu-readelf
	if ! $readelf -h "$elf" | grep -q 'Machine:.*AArch64' || $readelf -l "$elf" | grep -q INTERP ||
		! $readelf -d "$elf" | grep -q 'no dynamic section'; then
		echo "build.sh: $elf is not a static aarch64 executable" >&2
		exit 1
	fi
	desc="static aarch64 executable"
	command -v file >/dev/null && desc=$(file -b "$elf")
	echo "$elf: $desc; $(stat -c %s "$elf") bytes"
	;;
*)
	sed -n '2,/^set -eu/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//' >&2
	exit 2
	;;
esac
echo "$dir/clxgpio"
