# Appended to tests/e2e/lib.sh in the debug stage's guest (run-debug.sh). Under generic
# KASAN a freed object waits in the quarantine and still counts as allocated in
# /sys/kernel/slab/*/objects, so badinput's "40 failed activations leave fewer than 40
# kmalloc objects" saw thousands more (7175 -> 8241 in one run). Shrinking a cache empties
# its quarantine (kmem_cache_shrink -> kasan_cache_shrink); on a kernel without KASAN the
# shrink frees only empty slabs and changes no count. kmemleak is this stage's exact check.
kmalloc_objects() {
	for f in /sys/kernel/slab/kmalloc-*/shrink; do echo 1 >"$f"; done
	t=0
	# shellcheck disable=SC2046 # "N N0=.. N1=..": the first word is the count
	for f in /sys/kernel/slab/kmalloc-*/objects; do set -- $(cat "$f"); t=$((t + $1)); done
	echo $t
}
