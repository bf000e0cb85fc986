#!/bin/bash
# lint.sh: the module's C through the kernel's own checkers (make lint, make check-lint).
#
#   checkpatch  scripts/checkpatch.pl --strict --no-tree -f from linux-source-6.12, on the
#               C the module and its test modules are made of: kernel/*.c, the host,
#               the gpiolib front end and the drivers (kernel/host/, kernel/gpiolib/,
#               kernel/drivers/), the C headers
#               of the engine and controllers (clxgpio_abi.h, clx_controllers.h,
#               simgpio_hw.h), and
#               tests/kunit/*.c tests/kbench/*.c (gpiobench.c and hubbench.c are user
#               space, kept in kernel style too). Not the C++ engine and controllers: checkpatch reads
#               C only. A finding whose rule does not fit is dropped by a marker in place,
#               "checkpatch-ignore: TYPE[,TYPE]: reason" (see findings.py).
#   sparse      the module build with C=2 CHECK=sparse (every C file is checked, built or
#               not) for each kernel in LINT_KERNELS, clxgpio.ko plus clxgpio_kunit.ko and
#               clxgpio_kbench.ko, in build/lint/module-<kernel>. A kernel named
#               debian-<series> is Debian's own linux-headers tree of that series
#               (tests/distro/fetch-kernel.sh, the tree the distro-<series> stage builds
#               against): no KUnit there, so clxgpio_kunit.ko's C is checked on the test
#               kernels only. The default checks 6.1 that way, so a cold `make check`
#               builds no 6.1 test kernel for lint. Only findings located in
#               the files above count (not gpiobench.c or hubbench.c: Kbuild builds neither);
#               warnings from the kernel's own headers are dropped.
#
#   lint.sh [--record] [checkpatch] [sparse]     (default: both)
#     --record   record results lint-checkpatch and lint-sparse-<kernel>
#                (tests/lib/results.sh): "passed failed" = files without / with findings
#                (a sparse build that fails, or skips one of our C files, counts 0 1)
# Environment: LINT_KERNELS (default "6.12 debian-6.1"; 6.1 = the 6.1 test kernel), CLXGPIO_CACHE (where the test kernels
# and the extracted checkpatch live, as for tools/qemu/build-kernel.sh).
# Prints every finding, then one line per tool; exits 1 if anything was found, 2 if a
# checker could not run.
set -uo pipefail

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
out=$top/build/lint
CACHE=${CLXGPIO_CACHE:-$HOME/.cache/clxgpio}
KERNELS=${LINT_KERNELS:-6.12 debian-6.1}
CP_KERNEL=6.12	# checkpatch.pl comes from this linux-source package

record=0 tools=()
for a in "$@"; do
	case $a in
	--record) record=1 ;;
	checkpatch|sparse) tools+=("$a") ;;
	*) echo "usage: lint.sh [--record] [checkpatch] [sparse]" >&2; exit 2 ;;
	esac
done
[ ${#tools[@]} -gt 0 ] || tools=(checkpatch sparse)

log() { echo "lint: $*" >&2; }
cd "$top" || exit 2
mkdir -p "$out"
cp_files=$(ls kernel/*.c kernel/host/*.[ch] kernel/gpiolib/*.[ch] kernel/drivers/*.[ch] kernel/engine/*.h \
	kernel/controllers/*.h compat/kernel/*.[ch] compat/include/*.h tests/kunit/*.[ch] tests/kbench/*.c)
sparse_files=$(printf '%s\n' $cp_files | grep -vxE 'tests/kbench/(gpio|hub)bench.c')
status=0

# record NAME "PASSED FAILED"
record() {
	[ "$record" = 1 ] || return 0
	"$top/tests/lib/results.sh" record "$1" $2 >/dev/null || true
}

# Updates status from a findings.py run ("lint-files P F N" last line) and records it.
tally() {	# NAME LABEL FINDINGS_FILE
	local p f n
	read -r _ p f n < <(grep '^lint-files ' "$3" | tail -n1)
	grep -v '^lint-file' "$3"
	log "$2: $n findings, $f of $((p + f)) files with findings"
	record "$1" "$p $f"
	[ "$f" -eq 0 ] || { [ "$status" -ne 0 ] || status=1; }
}

# checkpatch.pl + spelling.txt + const_structs.checkpatch: from the tree build-kernel.sh
# extracted, else just these three files, extracted once per package version.
find_checkpatch() {
	local ver safever src dir tmp tarball=/usr/src/linux-source-$CP_KERNEL.tar.xz
	ver=$(dpkg-query -W -f='${Version}' "linux-source-$CP_KERNEL" 2>/dev/null) || ver=
	[ -n "$ver" ] && [ -f "$tarball" ] ||
		{ log "$tarball missing (install linux-source-$CP_KERNEL: make deps)"; return 1; }
	safever=$(printf '%s' "$ver" | tr -c 'A-Za-z0-9.+_-' '_')
	src=$CACHE/src/linux-source-$CP_KERNEL-$safever
	if [ -f "$src/scripts/checkpatch.pl" ] && [ -f "$src/scripts/spelling.txt" ]; then
		echo "$src/scripts/checkpatch.pl $ver"
		return 0
	fi
	dir=$CACHE/checkpatch/$CP_KERNEL-$safever
	if [ ! -f "$dir/scripts/checkpatch.pl" ]; then
		log "extracting checkpatch.pl from $tarball ($ver)"
		tmp=$CACHE/checkpatch/.tmp-$$
		rm -rf "$tmp" && mkdir -p "$tmp" || return 1
		tar -xJf "$tarball" -C "$tmp" --strip-components=1 \
			"linux-source-$CP_KERNEL/scripts/checkpatch.pl" \
			"linux-source-$CP_KERNEL/scripts/spelling.txt" \
			"linux-source-$CP_KERNEL/scripts/const_structs.checkpatch" || return 1
		rm -rf "$dir" && mv "$tmp" "$dir" || return 1
	fi
	echo "$dir/scripts/checkpatch.pl $ver"
}

run_checkpatch() {
	local cp ver rc start=$SECONDS
	read -r cp ver < <(find_checkpatch) || true
	if [ -z "${cp:-}" ]; then
		record lint-checkpatch "0 1"
		status=2
		return
	fi
	log "checkpatch $(sed -n "s/^my \$V = '\(.*\)';/\1/p" "$cp") (linux-source-$CP_KERNEL $ver)" \
		"--strict on $(echo "$cp_files" | wc -l) files"
	# shellcheck disable=SC2086
	perl "$cp" --strict --no-tree -f --terse --no-summary --show-types --color=never \
		$cp_files >"$out/checkpatch.log" 2>&1
	rc=$?
	if [ "$rc" -gt 1 ]; then
		cat "$out/checkpatch.log"
		log "checkpatch.pl failed (exit $rc)"
		record lint-checkpatch "0 1"
		status=2
		return
	fi
	# shellcheck disable=SC2086
	python3 "$here/findings.py" checkpatch "$top" $cp_files \
		<"$out/checkpatch.log" >"$out/checkpatch.findings" || {
		record lint-checkpatch "0 1"; status=2; return; }
	tally lint-checkpatch "checkpatch ($((SECONDS - start)) s)" "$out/checkpatch.findings"
}

run_sparse() {	# KERNEL
	local k=$1 dir=$out/module-$1 blog=$out/sparse-$1.log rc f missing= jobs= start=$SECONDS
	local kdir= tests='kunit kbench' files=$sparse_files
	case $k in
	debian-*)
		kdir=$("$top/tests/distro/fetch-kernel.sh" "${k#debian-}")/kdir ||
			{ log "fetching Debian's ${k#debian-} headers failed"; record "lint-sparse-$k" "0 1"
			  status=2; return; }
		tests=kbench files=$(printf '%s\n' $sparse_files | grep -v '^tests/kunit/')
		;;
	esac
	command -v sparse >/dev/null ||
		{ log "sparse missing (make deps)"; record "lint-sparse-$k" "0 1"; status=2; return; }
	# Under a parallel make the jobserver shares the CPUs; alone, use them all.
	case " ${MAKEFLAGS:-} " in *jobserver*) ;; *) jobs=-j$(nproc) ;; esac
	log "sparse $(sparse --version) on the $k module build ($dir)"
	KDIR=$kdir KERNEL=$k MODULE_DIR=$dir CLX_TEST_MODULES=$tests \
		CLX_MAKE_ARGS="C=2 CHECK=sparse $jobs" "$top/tools/build-module.sh" >"$blog" 2>&1
	rc=$?
	# shellcheck disable=SC2086
	python3 "$here/findings.py" sparse "$top" "$dir" $files \
		<"$blog" >"$out/sparse-$k.findings" || rc=2
	# Sparse must have seen every C file of ours (C=2 checks them built or not).
	for f in $(printf '%s\n' $files | grep '\.c$'); do
		grep -Eq "^ +CHECK +(.*/)?$f\$" "$blog" || missing="$missing $f"
	done
	if [ "$rc" -ne 0 ] || [ -n "$missing" ]; then
		tail -n 30 "$blog"
		log "sparse $k: the module build failed (exit $rc) or did not check:${missing:- -}" \
			"(log: $blog)"
		grep -v '^lint-file' "$out/sparse-$k.findings"
		record "lint-sparse-$k" "0 1"
		status=2
		return
	fi
	tally "lint-sparse-$k" "sparse $k ($((SECONDS - start)) s)" "$out/sparse-$k.findings"
}

for t in "${tools[@]}"; do
	case $t in
	checkpatch) run_checkpatch ;;
	sparse) for k in $KERNELS; do run_sparse "$k"; done ;;
	esac
done
exit "$status"
