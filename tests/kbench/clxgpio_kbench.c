// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio_kbench: times a gpio_chip's own get/set/set_multiple callbacks in a kernel
 * loop, without the syscall and without gpiolib's consumer layer, so one driver can be
 * compared with another in the same boot (make bench).
 *
 *   echo "LABEL ITERATIONS SAMPLES" > /sys/kernel/debug/clxgpio_kbench/run
 *   cat /sys/kernel/debug/clxgpio_kbench/run
 *   label=9030000.pl061 iters=50 samples=200 get=181 set=175 set_multiple=180
 *   multiple=native raw_spinlock_pair=95 irqsave_pair=40 mutex_pair=120   (one line)
 *
 * Figures are ns per call (ktime): the median of SAMPLES timed loops of ITERATIONS
 * calls. The lines (0 for get/set, 0,1,2,4 for set_multiple) are requested through
 * gpiochip_request_own_desc() first, input for get and output for the setters, so the
 * driver sees them configured as a consumer would leave them. A chip without
 * set_multiple is timed the way gpiolib falls back: set() per bit (multiple=set-loop).
 * The last three figures calibrate the kernel itself: an uncontended
 * raw_spin_lock_irqsave/unlock pair, the local_irq_save/restore inside it, and a
 * mutex lock/unlock pair (what a driver's own locking costs in this kernel and VM).
 * Lookup by label: gpio_device_find_by_label() (6.7+) or gpiochip_find() (6.1).
 */
#include <linux/bitops.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>
#include <linux/kernel.h>
#include <linux/ktime.h>
#include <linux/math64.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#include "kbench.h"

#define KBENCH_MAX_ITERS 1000000u
#define KBENCH_MAX_SAMPLES 4096u
#define KBENCH_SINGLE_LINE 0
#define KBENCH_MULTI_MASK (BIT(0) | BIT(1) | BIT(2) | BIT(4))
#define KBENCH_MIN_LINES 5 /* highest line in KBENCH_MULTI_MASK + 1 */

DEFINE_MUTEX(kbench_lock);  /* LOCKING: one run at a time; guards kbench_result */
static char kbench_result[256];
static struct dentry *kbench_dir;

/* Reference to the chip labelled @label; kbench_put_chip() releases it. */
/* checkpatch-ignore: LINUX_VERSION_CODE,CONSTANT_COMPARISON: one source for 6.1 and 6.12 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 7, 0)
struct kbench_chip {
	struct gpio_device *gdev;
	struct gpio_chip *gc;
};

static int kbench_get_chip(const char *label, struct kbench_chip *c)
{
	c->gdev = gpio_device_find_by_label(label);
	if (!c->gdev)
		return -ENODEV;
	c->gc = gpio_device_get_chip(c->gdev);
	if (!c->gc) {
		gpio_device_put(c->gdev);
		return -ENODEV;
	}
	return 0;
}

static void kbench_put_chip(struct kbench_chip *c)
{
	gpio_device_put(c->gdev);
}
#else
struct kbench_chip {
	struct gpio_chip *gc;
};

static int kbench_match_label(struct gpio_chip *gc, void *label)
{
	return gc->label && !strcmp(gc->label, label);
}

/* 6.1 has no gpio_device reference: the module reference pins the driver instead. */
static int kbench_get_chip(const char *label, struct kbench_chip *c)
{
	c->gc = gpiochip_find((void *)label, kbench_match_label);
	return c->gc ? 0 : -ENODEV;
}

static void kbench_put_chip(struct kbench_chip *c)
{
}
#endif

enum kbench_op { KB_GET, KB_SET, KB_SET_MULTIPLE, KB_RAW_LOCK, KB_IRQ_SAVE, KB_MUTEX };

struct kbench {
	struct gpio_chip *gc;
	unsigned int iters, samples;  /* a sample is iters calls; the median is reported */
	u64 *sample_ns;
	int err;                       /* first error returned by get() */
};

static DEFINE_RAW_SPINLOCK(kbench_raw_lock);  /* calibration only, never contended */
static DEFINE_MUTEX(kbench_mutex);            /* calibration only, never contended */

/* One sample: @k->iters calls of @op, values alternating 1/0. */
static void kbench_loop(struct kbench *k, enum kbench_op op)
{
	unsigned long mask = KBENCH_MULTI_MASK, bits, bit, flags;
	struct gpio_chip *gc = k->gc;
	unsigned int i;
	int ret;

	switch (op) {
	case KB_GET:
		for (i = 0; i < k->iters; i++) {
			ret = gc->get(gc, KBENCH_SINGLE_LINE);
			if (ret < 0 && !k->err)
				k->err = ret;
		}
		break;
	case KB_SET:
		for (i = 0; i < k->iters; i++)
			gc->set(gc, KBENCH_SINGLE_LINE, !(i & 1));
		break;
	case KB_SET_MULTIPLE:
		for (i = 0; i < k->iters; i++) {
			bits = (i & 1) ? 0 : mask;
			if (gc->set_multiple) {
				gc->set_multiple(gc, &mask, &bits);
				continue;
			}
			for_each_set_bit(bit, &mask, BITS_PER_LONG)
				gc->set(gc, bit, !!(bits & BIT(bit)));
		}
		break;
	case KB_RAW_LOCK:
		for (i = 0; i < k->iters; i++) {
			raw_spin_lock_irqsave(&kbench_raw_lock, flags);
			raw_spin_unlock_irqrestore(&kbench_raw_lock, flags);
		}
		break;
	case KB_IRQ_SAVE:
		for (i = 0; i < k->iters; i++) {
			local_irq_save(flags);
			local_irq_restore(flags);
		}
		break;
	case KB_MUTEX:
		for (i = 0; i < k->iters; i++) {
			mutex_lock(&kbench_mutex);
			mutex_unlock(&kbench_mutex);
		}
		break;
	}
}

static int kbench_cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return (x > y) - (x < y);
}

u64 kbench_median_per_call(u64 *sample_ns, unsigned int samples, unsigned int iters)
{
	sort(sample_ns, samples, sizeof(*sample_ns), kbench_cmp_u64, NULL);
	return div64_u64(sample_ns[samples / 2], iters);
}

/*
 * Median over the samples, in nanoseconds per call. Many short samples
 * rather than one long loop: the VM shares a loaded host, and a sample the host
 * preempted is an outlier the median drops.
 */
static u64 kbench_measure(struct kbench *k, enum kbench_op op)
{
	unsigned int s;
	u64 t;

	for (s = 0; s < k->samples; s++) {
		t = ktime_get_ns();
		kbench_loop(k, op);
		k->sample_ns[s] = ktime_get_ns() - t;
		cond_resched();
	}
	return kbench_median_per_call(k->sample_ns, k->samples, k->iters);
}

static int kbench_time_get(struct kbench *k, u64 *ns)
{
	struct gpio_desc *d;

	d = gpiochip_request_own_desc(k->gc, KBENCH_SINGLE_LINE, "kbench", GPIO_ACTIVE_HIGH,
				      GPIOD_IN);
	if (IS_ERR(d))
		return PTR_ERR(d);
	k->err = 0;
	*ns = kbench_measure(k, KB_GET);
	gpiochip_free_own_desc(d);
	return k->err;
}

/* Requests the lines of KBENCH_MULTI_MASK as outputs (low) into @descs. */
static int kbench_request_outputs(struct gpio_chip *gc, struct gpio_desc **descs)
{
	unsigned int bit;

	for (bit = 0; bit < BITS_PER_LONG; bit++) {
		descs[bit] = NULL;
		if (!(KBENCH_MULTI_MASK & BIT(bit)))
			continue;
		descs[bit] = gpiochip_request_own_desc(gc, bit, "kbench", GPIO_ACTIVE_HIGH,
						       GPIOD_OUT_LOW);
		if (IS_ERR(descs[bit])) {
			int ret = PTR_ERR(descs[bit]);

			descs[bit] = NULL;
			return ret;
		}
	}
	return 0;
}

static void kbench_free_outputs(struct gpio_desc **descs)
{
	unsigned int bit;

	for (bit = 0; bit < BITS_PER_LONG; bit++)
		if (descs[bit])
			gpiochip_free_own_desc(descs[bit]);
}

static int kbench_time_setters(struct kbench *k, u64 *set_ns, u64 *multi_ns)
{
	struct gpio_desc *descs[BITS_PER_LONG];
	int ret;

	ret = kbench_request_outputs(k->gc, descs);
	if (!ret) {
		*set_ns = kbench_measure(k, KB_SET);
		*multi_ns = kbench_measure(k, KB_SET_MULTIPLE);
	}
	kbench_free_outputs(descs);
	return ret;
}

static int kbench_run(const char *label, unsigned int iters, unsigned int samples)
{
	u64 get_t = 0, set_t = 0, multi_t = 0, raw_t, irq_t, mutex_t;
	struct kbench k = { .iters = iters, .samples = samples };
	struct kbench_chip c;
	bool native;
	int ret;

	k.sample_ns = kmalloc_array(samples, sizeof(*k.sample_ns), GFP_KERNEL);
	if (!k.sample_ns)
		return -ENOMEM;
	ret = kbench_get_chip(label, &c);
	if (ret) {
		pr_err("clxgpio_kbench: no gpiochip labelled '%s'\n", label);
		goto out_free;
	}
	k.gc = c.gc;
	if (!try_module_get(c.gc->owner)) {
		ret = -ENODEV;
		goto out_put;
	}
	if (c.gc->ngpio < KBENCH_MIN_LINES || !c.gc->get || !c.gc->set) {
		pr_err("clxgpio_kbench: '%s' has %u lines or no get/set (needs %u lines)\n",
		       label, c.gc->ngpio, KBENCH_MIN_LINES);
		ret = -ERANGE;
		goto out;
	}
	native = c.gc->set_multiple;
	ret = kbench_time_get(&k, &get_t);
	if (!ret)
		ret = kbench_time_setters(&k, &set_t, &multi_t);
	if (ret) {
		pr_err("clxgpio_kbench: '%s': %d\n", label, ret);
		goto out;
	}
	raw_t = kbench_measure(&k, KB_RAW_LOCK);
	irq_t = kbench_measure(&k, KB_IRQ_SAVE);
	mutex_t = kbench_measure(&k, KB_MUTEX);
	snprintf(kbench_result, sizeof(kbench_result),
		 "label=%s iters=%u samples=%u get=%llu set=%llu set_multiple=%llu multiple=%s raw_spinlock_pair=%llu irqsave_pair=%llu mutex_pair=%llu\n",
		 label, iters, samples, get_t, set_t, multi_t, native ? "native" : "set-loop",
		 raw_t, irq_t, mutex_t);
out:
	module_put(c.gc->owner);
out_put:
	kbench_put_chip(&c);
out_free:
	kfree(k.sample_ns);
	return ret;
}

int kbench_parse(const char __user *ubuf, size_t len, char *label, unsigned int *iters,
		 unsigned int *samples)
{
	char buf[96];

	if (len >= sizeof(buf))
		return -E2BIG;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%63s %u %u", label, iters, samples) != 3 || *iters == 0 ||
	    *iters > KBENCH_MAX_ITERS || *samples == 0 || *samples > KBENCH_MAX_SAMPLES)
		return -EINVAL; /* "LABEL ITERATIONS SAMPLES" */
	return 0;
}

static ssize_t kbench_run_write(struct file *file, const char __user *ubuf, size_t len,
				loff_t *ppos)
{
	char label[64];
	unsigned int iters, samples;
	int ret;

	ret = kbench_parse(ubuf, len, label, &iters, &samples);
	if (ret)
		return ret;

	mutex_lock(&kbench_lock);
	kbench_result[0] = '\0';
	ret = kbench_run(label, iters, samples);
	mutex_unlock(&kbench_lock);
	return ret ?: len;
}

static ssize_t kbench_run_read(struct file *file, char __user *ubuf, size_t len, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&kbench_lock);
	ret = simple_read_from_buffer(ubuf, len, ppos, kbench_result, strlen(kbench_result));
	mutex_unlock(&kbench_lock);
	return ret;
}

static const struct file_operations kbench_run_fops = {
	.owner = THIS_MODULE,
	.write = kbench_run_write,
	.read = kbench_run_read,
	.llseek = default_llseek,
};

static int __init kbench_init(void)
{
	kbench_dir = debugfs_create_dir("clxgpio_kbench", NULL);
	debugfs_create_file("run", 0600, kbench_dir, NULL, &kbench_run_fops);
	kbench_compat_init(kbench_dir);
	return 0;
}

static void __exit kbench_exit(void)
{
	debugfs_remove_recursive(kbench_dir);
}

module_init(kbench_init);
module_exit(kbench_exit);
MODULE_DESCRIPTION("clxgpio benchmark: times gpio_chip get/set/set_multiple in the kernel");
MODULE_LICENSE("GPL");
