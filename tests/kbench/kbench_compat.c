// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio_kbench, the GpioClx-model half: an 8-pin GPIO I/O resource (lines 0..7 of a
 * clxgpio chip) read and written through the in-kernel API (clxcompat_io_read/write:
 * IOCTL_GPIO_READ_PINS/WRITE_PINS semantics) against gpiolib's array calls on the same 8
 * lines (gpiod_get_array_value/gpiod_set_array_value, with the gpio_array fast path
 * gpiod_get_array() builds), in the same boot, one after the other (make bench).
 *
 *   echo "LABEL ITERATIONS SAMPLES" > /sys/kernel/debug/clxgpio_kbench/compat
 *   cat /sys/kernel/debug/clxgpio_kbench/compat
 *   label=kb-clx iters=50 samples=200 read_pins=120 array_get=150 write_pins=110 array_set=140
 *
 * ns per call, the median of SAMPLES loops of ITERATIONS calls; writes alternate
 * 0x55/0xAA so every pin changes on every call.
 */
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/ktime.h>
#include <linux/platform_device.h>
#include <linux/slab.h>

#include "../../compat/include/clx_acpi.h"
#include "../../compat/kernel/clxcompat.h"
#include "kbench.h"

#define KBC_PINS 8

static char kbc_result[192];

struct kbc {
	unsigned int iters, samples;
	u64 *sample_ns;
	struct gpio_descs *descs;   /* gpiolib's side */
	struct clxcompat_io *io;    /* the resource's side */
	int err;                    /* first error of a timed call */
};

enum kbc_op { KBC_ARRAY_GET, KBC_ARRAY_SET, KBC_READ_PINS, KBC_WRITE_PINS };

static void kbc_loop(struct kbc *k, enum kbc_op op)
{
	unsigned long bits = 0;
	unsigned int i;
	u8 buf = 0;
	int ret = 0;

	for (i = 0; i < k->iters; i++) {
		switch (op) {
		case KBC_ARRAY_GET:
			ret = gpiod_get_array_value(k->descs->ndescs, k->descs->desc,
						    k->descs->info, &bits);
			break;
		case KBC_ARRAY_SET:
			bits = (i & 1) ? 0x55 : 0xAA;
			ret = gpiod_set_array_value(k->descs->ndescs, k->descs->desc,
						    k->descs->info, &bits);
			break;
		case KBC_READ_PINS:
			ret = clxcompat_io_read(k->io, &buf, 1, NULL, NULL);
			break;
		case KBC_WRITE_PINS:
			buf = (i & 1) ? 0x55 : 0xAA;
			ret = clxcompat_io_write(k->io, &buf, 1, NULL, NULL);
			break;
		}
		if (ret && !k->err)
			k->err = ret;
	}
}

static u64 kbc_measure(struct kbc *k, enum kbc_op op)
{
	unsigned int s;
	u64 t;

	for (s = 0; s < k->samples; s++) {
		t = ktime_get_ns();
		kbc_loop(k, op);
		k->sample_ns[s] = ktime_get_ns() - t;
		cond_resched();
	}
	return kbench_median_per_call(k->sample_ns, k->samples, k->iters);
}

/* gpiolib's array call on lines 0..7 of label, as a consumer of dev gets them. */
static int kbc_time_gpiolib(struct kbc *k, struct device *dev, enum gpiod_flags flags,
			    enum kbc_op op, u64 *ns)
{
	k->descs = gpiod_get_array(dev, "kb", flags);
	if (IS_ERR(k->descs))
		return PTR_ERR(k->descs);
	k->err = 0;
	*ns = kbc_measure(k, op);
	gpiod_put_array(k->descs);
	return k->err;
}

static int kbc_time_resource(struct kbc *k, const char *label, enum clx_res_access access,
			     enum kbc_op op, u64 *ns)
{
	static const u16 pins[KBC_PINS] = { 0, 1, 2, 3, 4, 5, 6, 7 };
	struct clxcompat_io_params p = {
		.pins = pins, .pin_count = KBC_PINS, .io_restriction = CLX_ACPI_IO_NONE,
		.pin_config = CLX_ACPI_PIN_DEFAULT,
	};
	int ret = clxcompat_io_open(label, &p, access, "kbench", &k->io, NULL);

	if (ret)
		return ret;
	k->err = 0;
	*ns = kbc_measure(k, op);
	clxcompat_io_close(k->io);
	return k->err;
}

static int kbc_run(const char *label, unsigned int iters, unsigned int samples)
{
	struct kbc k = { .iters = iters, .samples = samples };
	u64 get_t = 0, set_t = 0, read_t = 0, write_t = 0;
	struct gpiod_lookup_table *lookup;
	struct platform_device *pdev;
	unsigned int i;
	int ret;

	k.sample_ns = kmalloc_array(samples, sizeof(*k.sample_ns), GFP_KERNEL);
	lookup = kzalloc(struct_size(lookup, table, KBC_PINS + 1), GFP_KERNEL);
	pdev = platform_device_register_simple("clxgpio-kbench", PLATFORM_DEVID_AUTO, NULL, 0);
	if (!k.sample_ns || !lookup || IS_ERR(pdev)) {
		ret = IS_ERR(pdev) ? PTR_ERR(pdev) : -ENOMEM;
		goto out_free;
	}
	lookup->dev_id = dev_name(&pdev->dev);
	for (i = 0; i < KBC_PINS; i++)
		lookup->table[i] = GPIO_LOOKUP_IDX(label, i, "kb", i, 0);
	gpiod_add_lookup_table(lookup);

	ret = kbc_time_gpiolib(&k, &pdev->dev, GPIOD_IN, KBC_ARRAY_GET, &get_t);
	if (!ret)
		ret = kbc_time_resource(&k, label, CLX_RES_READ, KBC_READ_PINS, &read_t);
	if (!ret)
		ret = kbc_time_gpiolib(&k, &pdev->dev, GPIOD_OUT_LOW, KBC_ARRAY_SET, &set_t);
	if (!ret)
		ret = kbc_time_resource(&k, label, CLX_RES_WRITE, KBC_WRITE_PINS, &write_t);
	if (ret)
		pr_err("clxgpio_kbench: compat '%s': %d\n", label, ret);
	else
		snprintf(kbc_result, sizeof(kbc_result),
			 "label=%s iters=%u samples=%u read_pins=%llu array_get=%llu write_pins=%llu array_set=%llu\n",
			 label, iters, samples, read_t, get_t, write_t, set_t);
	gpiod_remove_lookup_table(lookup);
out_free:
	if (!IS_ERR_OR_NULL(pdev))
		platform_device_unregister(pdev);
	kfree(lookup);
	kfree(k.sample_ns);
	return ret;
}

static ssize_t kbc_write(struct file *file, const char __user *ubuf, size_t len, loff_t *ppos)
{
	unsigned int iters, samples;
	char label[64];
	int ret;

	ret = kbench_parse(ubuf, len, label, &iters, &samples);
	if (ret)
		return ret;
	mutex_lock(&kbench_lock);
	kbc_result[0] = '\0';
	ret = kbc_run(label, iters, samples);
	mutex_unlock(&kbench_lock);
	return ret ?: len;
}

static ssize_t kbc_read(struct file *file, char __user *ubuf, size_t len, loff_t *ppos)
{
	ssize_t ret;

	mutex_lock(&kbench_lock);
	ret = simple_read_from_buffer(ubuf, len, ppos, kbc_result, strlen(kbc_result));
	mutex_unlock(&kbench_lock);
	return ret;
}

static const struct file_operations kbc_fops = {
	.owner = THIS_MODULE,
	.write = kbc_write,
	.read = kbc_read,
	.llseek = default_llseek,
};

void kbench_compat_init(struct dentry *dir)
{
	debugfs_create_file("compat", 0600, dir, NULL, &kbc_fops);
}
