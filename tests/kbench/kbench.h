/* SPDX-License-Identifier: GPL-2.0 */
/* What the two halves of clxgpio_kbench.ko share (clxgpio_kbench.c, kbench_compat.c). */
#ifndef CLXGPIO_KBENCH_H
#define CLXGPIO_KBENCH_H

#include <linux/mutex.h>
#include <linux/types.h>

struct dentry;

extern struct mutex kbench_lock;	/* one run at a time, any file */

/* The median of samples loops of iters calls each, in ns per call (sorts sample_ns). */
u64 kbench_median_per_call(u64 *sample_ns, unsigned int samples, unsigned int iters);
/* "LABEL ITERATIONS SAMPLES" written to a debugfs file; label holds 64 bytes. */
int kbench_parse(const char __user *ubuf, size_t len, char *label, unsigned int *iters,
		 unsigned int *samples);
/* kbench_compat.c: the "compat" file in dir. */
void kbench_compat_init(struct dentry *dir);

#endif /* CLXGPIO_KBENCH_H */
