// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio_kbench: times a gpio_chip's own get/set/set_multiple callbacks in a kernel
 * loop, without the syscall and without gpiolib's consumer layer, so one driver can be
 * compared with another in the same boot (make bench).
 *
 *   echo "LABEL ITERATIONS" > /sys/kernel/debug/clxgpio_kbench/run
 *   cat /sys/kernel/debug/clxgpio_kbench/run
 *   label=9030000.pl061 iters=100000 get=181.2 set=175.0 set_multiple=180.3 multiple=native
 *   raw_spinlock_pair=95.1 mutex_pair=120.4
 *
 * Figures are ns per call (ktime). The lines (0 for get/set, 0,1,2,4 for set_multiple)
 * are requested through gpiochip_request_own_desc() first, input for get and output
 * for the setters, so the driver sees them configured as a consumer would leave them.
 * A chip without set_multiple is timed the way gpiolib falls back: set() per bit
 * (multiple=set-loop). The last two figures calibrate the kernel itself: an uncontended
 * raw_spin_lock_irqsave/unlock pair and a mutex lock/unlock pair (what a driver's own
 * locking costs under this kernel's lock debugging). Lookup by label: gpio_device_find_by_label() (6.7+) or
 * gpiochip_find() (6.1).
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
#include <linux/string.h>
#include <linux/uaccess.h>
#include <linux/version.h>

#define KBENCH_MAX_ITERS 10000000u
#define KBENCH_SINGLE_LINE 0
#define KBENCH_MULTI_MASK (BIT(0) | BIT(1) | BIT(2) | BIT(4))
#define KBENCH_MIN_LINES 5 /* highest line in KBENCH_MULTI_MASK + 1 */

static DEFINE_MUTEX(kbench_lock);  /* LOCKING: one run at a time; guards kbench_result */
static char kbench_result[256];
static struct dentry *kbench_dir;

/* Reference to the chip labelled @label; kbench_put_chip() releases it. */
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

/* Tenths of a nanosecond per call, for a one-decimal print. */
static u64 kbench_tenths_per_call(u64 start_ns, unsigned int iters)
{
	return div64_u64((ktime_get_ns() - start_ns) * 10, iters);
}

static int kbench_time_get(struct gpio_chip *gc, unsigned int iters, u64 *tenths)
{
	struct gpio_desc *d;
	unsigned int i;
	u64 t;
	int ret = 0;

	d = gpiochip_request_own_desc(gc, KBENCH_SINGLE_LINE, "kbench", GPIO_ACTIVE_HIGH, GPIOD_IN);
	if (IS_ERR(d))
		return PTR_ERR(d);
	t = ktime_get_ns();
	for (i = 0; i < iters && ret >= 0; i++)
		ret = gc->get(gc, KBENCH_SINGLE_LINE);
	*tenths = kbench_tenths_per_call(t, iters);
	gpiochip_free_own_desc(d);
	return ret < 0 ? ret : 0;
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

/* Uncontended lock/unlock pairs: what any driver's locking costs in this kernel. */
static void kbench_time_locks(unsigned int iters, u64 *raw_tenths, u64 *mutex_tenths)
{
	static DEFINE_RAW_SPINLOCK(raw);
	static DEFINE_MUTEX(mtx);
	unsigned long flags;
	unsigned int i;
	u64 t;

	t = ktime_get_ns();
	for (i = 0; i < iters; i++) {
		raw_spin_lock_irqsave(&raw, flags);
		raw_spin_unlock_irqrestore(&raw, flags);
	}
	*raw_tenths = kbench_tenths_per_call(t, iters);
	t = ktime_get_ns();
	for (i = 0; i < iters; i++) {
		mutex_lock(&mtx);
		mutex_unlock(&mtx);
	}
	*mutex_tenths = kbench_tenths_per_call(t, iters);
}

/* set() of one line, then set_multiple() of the mask, values alternating 1/0. */
static int kbench_time_setters(struct gpio_chip *gc, unsigned int iters, u64 *set_tenths,
			       u64 *multi_tenths)
{
	struct gpio_desc *descs[BITS_PER_LONG];
	unsigned long mask = KBENCH_MULTI_MASK, bits, bit;
	unsigned int i;
	u64 t;
	int ret;

	ret = kbench_request_outputs(gc, descs);
	if (ret)
		goto out;
	t = ktime_get_ns();
	for (i = 0; i < iters; i++)
		gc->set(gc, KBENCH_SINGLE_LINE, !(i & 1));
	*set_tenths = kbench_tenths_per_call(t, iters);

	t = ktime_get_ns();
	for (i = 0; i < iters; i++) {
		bits = (i & 1) ? 0 : mask;
		if (gc->set_multiple) {
			gc->set_multiple(gc, &mask, &bits);
		} else {
			for_each_set_bit(bit, &mask, BITS_PER_LONG)
				gc->set(gc, bit, !!(bits & BIT(bit)));
		}
	}
	*multi_tenths = kbench_tenths_per_call(t, iters);
out:
	kbench_free_outputs(descs);
	return ret;
}

static int kbench_run(const char *label, unsigned int iters)
{
	u64 get_t = 0, set_t = 0, multi_t = 0, raw_t = 0, mutex_t = 0;
	struct kbench_chip c;
	bool native;
	int ret;

	ret = kbench_get_chip(label, &c);
	if (ret) {
		pr_err("clxgpio_kbench: no gpiochip labelled '%s'\n", label);
		return ret;
	}
	if (!try_module_get(c.gc->owner)) {
		kbench_put_chip(&c);
		return -ENODEV;
	}
	if (c.gc->ngpio < KBENCH_MIN_LINES || !c.gc->get || !c.gc->set) {
		pr_err("clxgpio_kbench: '%s' has %u lines or no get/set (needs %u lines)\n",
		       label, c.gc->ngpio, KBENCH_MIN_LINES);
		ret = -ERANGE;
		goto out;
	}
	native = c.gc->set_multiple;
	ret = kbench_time_get(c.gc, iters, &get_t);
	if (!ret)
		ret = kbench_time_setters(c.gc, iters, &set_t, &multi_t);
	if (ret) {
		pr_err("clxgpio_kbench: '%s': %d\n", label, ret);
		goto out;
	}
	kbench_time_locks(iters, &raw_t, &mutex_t);
	snprintf(kbench_result, sizeof(kbench_result),
		 "label=%s iters=%u get=%llu.%llu set=%llu.%llu set_multiple=%llu.%llu multiple=%s"
		 " raw_spinlock_pair=%llu.%llu mutex_pair=%llu.%llu\n",
		 label, iters, get_t / 10, get_t % 10, set_t / 10, set_t % 10, multi_t / 10,
		 multi_t % 10, native ? "native" : "set-loop", raw_t / 10, raw_t % 10,
		 mutex_t / 10, mutex_t % 10);
out:
	module_put(c.gc->owner);
	kbench_put_chip(&c);
	return ret;
}

static ssize_t kbench_run_write(struct file *file, const char __user *ubuf, size_t len,
				loff_t *ppos)
{
	char buf[96], label[64];
	unsigned int iters;
	int ret;

	if (len >= sizeof(buf))
		return -E2BIG;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	if (sscanf(buf, "%63s %u", label, &iters) != 2 || iters == 0 || iters > KBENCH_MAX_ITERS)
		return -EINVAL; /* "LABEL ITERATIONS", 1..KBENCH_MAX_ITERS */

	mutex_lock(&kbench_lock);
	kbench_result[0] = '\0';
	ret = kbench_run(label, iters);
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
