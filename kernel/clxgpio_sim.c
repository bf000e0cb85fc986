// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio simulated controller: a platform device whose child firmware nodes are
 * banks, as gpio-sim's are ("ngpios", "gpio-sim,label", "gpio-line-names"), plus
 * "clxgpio,pins-per-bank" and "clxgpio,sleeping". Each bank is one gpio_chip over
 * the engine and the simulated level-only hardware (controllers/simgpio_hw.cpp).
 * Per line, sysfs sim_gpioN/{value,pull} as in gpio-sim: pull is the outside world.
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/irq_work.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "gpiolib/clxgpio_gpiolib.h"
#include "controllers/clx_controllers.h"
#include "controllers/simgpio_hw.h"

#define CLXGPIO_SIM_MAX_LINES 1024 /* as gpio-sim since 6.2: more is -ERANGE */

struct clxgpio_sim_line_attr {
	struct device_attribute attr;
	unsigned int offset;
};

struct clxgpio_sim_bank {
	struct clxgpio cg;
	struct clx_simhw *hw;
	unsigned long *pull;            /* outside-world level per line: 1 = pulled up */
	struct device *gpio_dev;        /* gpiochipN, where sim_gpioN groups live */
	const struct attribute_group **groups;
	void *ctl_storage;
};

static struct clxgpio_sim_bank *clxgpio_sim_bank_of(void *base)
{
	return base;
}

/*
 * The model's interrupt line (simgpio_hw.h): called after any register write or drive
 * that leaves a bank's output asserted, under the chip lock or, for pin I/O on
 * CLX_CAP_ATOMIC_IO banks, without it: the host services soon (clxhost_raise).
 */
static void clxgpio_sim_hw_irq(void *ctx, clx_u16 bank)
{
	struct clxgpio_sim_bank *b = ctx;

	clxhost_raise(&b->cg.host);
}

/*
 * Memory-mapped mode reaches the model through clx_simhw_bus directly. Sleeping mode:
 * every register access is a (simulated) bus transfer.
 */
static clx_u32 clxgpio_sim_bus_read32(void *base, clx_u32 offset)
{
	might_sleep();
	usleep_range(1, 2);
	return clx_simhw_bus.read32(clxgpio_sim_bank_of(base)->hw, offset);
}

static void clxgpio_sim_bus_write32(void *base, clx_u32 offset, clx_u32 value)
{
	might_sleep();
	usleep_range(1, 2);
	clx_simhw_bus.write32(clxgpio_sim_bank_of(base)->hw, offset, value);
}

static const struct clx_bus_ops clxgpio_sim_sleeping_bus = {
	.read32 = clxgpio_sim_bus_read32,
	.write32 = clxgpio_sim_bus_write32,
};

static ssize_t clxgpio_sim_value_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct clxgpio_sim_line_attr *la = container_of(attr, struct clxgpio_sim_line_attr, attr);
	struct clxgpio_sim_bank *b = dev_get_drvdata(dev);
	int level = clx_simhw_level(b->hw, la->offset); /* atomic register reads: no lock */

	return level < 0 ? level : sysfs_emit(buf, "%d\n", level);
}

static ssize_t clxgpio_sim_value_store(struct device *dev, struct device_attribute *attr,
				       const char *buf, size_t len)
{
	return -EPERM; /* as gpio-sim: the value follows the pull or the driven output */
}

static const char *const clxgpio_sim_pulls[] = { "pull-down", "pull-up" };

static ssize_t clxgpio_sim_pull_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct clxgpio_sim_line_attr *la = container_of(attr, struct clxgpio_sim_line_attr, attr);
	struct clxgpio_sim_bank *b = dev_get_drvdata(dev);

	return sysfs_emit(buf, "%s\n", clxgpio_sim_pulls[test_bit(la->offset, b->pull)]);
}

static int clxgpio_sim_apply_pull(struct clxgpio_sim_bank *b, unsigned int offset, int up)
{
	unsigned long flags;
	int ret;

	flags = clxhost_lock(&b->cg.host); /* keeps the bitmap and the outside world in step */
	assign_bit(offset, b->pull, up);
	ret = clx_simhw_drive(b->hw, offset, up); /* raises the line itself */
	clxhost_unlock(&b->cg.host, flags);
	return ret < 0 ? ret : 0;
}

static ssize_t clxgpio_sim_pull_store(struct device *dev, struct device_attribute *attr,
				      const char *buf, size_t len)
{
	struct clxgpio_sim_line_attr *la = container_of(attr, struct clxgpio_sim_line_attr, attr);
	int pull = sysfs_match_string(clxgpio_sim_pulls, buf);
	int ret;

	if (pull < 0)
		return pull;
	ret = clxgpio_sim_apply_pull(dev_get_drvdata(dev), la->offset, pull);
	return ret ?: len;
}

/* Added after the groups' devm allocations, so it runs before they are freed. */
static void clxgpio_sim_remove_sysfs(void *data)
{
	struct clxgpio_sim_bank *b = data;

	sysfs_remove_groups(&b->gpio_dev->kobj, b->groups);
}

/* One "sim_gpioN" group per line with value and pull, as gpio-sim lays them out. */
static int clxgpio_sim_setup_sysfs(struct device *dev, struct clxgpio_sim_bank *b)
{
	unsigned int i, n = b->cg.gc.ngpio;
	int ret;

	b->groups = devm_kcalloc(dev, n + 1, sizeof(*b->groups), GFP_KERNEL);
	if (!b->groups)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		struct clxgpio_sim_line_attr *la = devm_kcalloc(dev, 2, sizeof(*la), GFP_KERNEL);
		struct attribute **attrs = devm_kcalloc(dev, 3, sizeof(*attrs), GFP_KERNEL);
		struct attribute_group *grp = devm_kzalloc(dev, sizeof(*grp), GFP_KERNEL);

		if (!la || !attrs || !grp)
			return -ENOMEM;
		grp->name = devm_kasprintf(dev, GFP_KERNEL, "sim_gpio%u", i);
		if (!grp->name)
			return -ENOMEM;
		sysfs_attr_init(&la[0].attr.attr);
		la[0].attr.attr.name = "value";
		la[0].attr.attr.mode = 0644;
		la[0].attr.show = clxgpio_sim_value_show;
		la[0].attr.store = clxgpio_sim_value_store;
		sysfs_attr_init(&la[1].attr.attr);
		la[1].attr.attr.name = "pull";
		la[1].attr.attr.mode = 0644;
		la[1].attr.show = clxgpio_sim_pull_show;
		la[1].attr.store = clxgpio_sim_pull_store;
		la[0].offset = i;
		la[1].offset = i;
		attrs[0] = &la[0].attr.attr;
		attrs[1] = &la[1].attr.attr;
		grp->attrs = attrs;
		b->groups[i] = grp;
	}
	dev_set_drvdata(b->gpio_dev, b);
	ret = sysfs_create_groups(&b->gpio_dev->kobj, b->groups);
	if (ret)
		return ret;
	return devm_add_action_or_reset(dev, clxgpio_sim_remove_sysfs, b);
}

static void clxgpio_sim_quiesce(void *data)
{
	struct clxgpio_sim_bank *b = data;

	put_device(b->gpio_dev);
}

static int clxgpio_sim_match_fwnode(struct device *dev, void *data)
{
	return dev_fwnode(dev) == data;
}

static int clxgpio_sim_add_bank(struct device *dev, struct fwnode_handle *node)
{
	u32 ngpio, per_bank = 32;
	struct clxgpio_sim_bank *b;
	const char *label = NULL;
	long hw_size, ctl_size;
	bool sleeping;
	void *hw_mem;
	int ret;

	ret = fwnode_property_read_u32(node, "ngpios", &ngpio);
	if (ret)
		return dev_err_probe(dev, ret, "%pfwP: no ngpios\n", node);
	if (ngpio == 0 || ngpio > CLXGPIO_SIM_MAX_LINES)
		return dev_err_probe(dev, -ERANGE, "%pfwP: %u lines, 1..%u supported\n", node,
				     ngpio, CLXGPIO_SIM_MAX_LINES);
	fwnode_property_read_u32(node, "clxgpio,pins-per-bank", &per_bank);
	if (per_bank == 0 || per_bank > CLX_MAX_PINS_PER_BANK)
		return dev_err_probe(dev, -EINVAL, "%pfwP: pins per bank %u, 1..64 supported\n",
				     node, per_bank);
	per_bank = min(per_bank, ngpio);
	sleeping = fwnode_property_read_bool(node, "clxgpio,sleeping");
	fwnode_property_read_string(node, "gpio-sim,label", &label);
	if (!label || !*label)
		label = devm_kasprintf(dev, GFP_KERNEL, "%s-%pfwP", dev_name(dev), node);
	if (!label)
		return -ENOMEM;

	b = devm_kzalloc(dev, sizeof(*b), GFP_KERNEL);
	if (!b)
		return -ENOMEM;
	hw_size = clx_simhw_storage_size(ngpio, per_bank);
	ctl_size = clxgpio_sim_storage_size(ngpio, per_bank);
	if (hw_size < 0 || ctl_size < 0)
		return -EINVAL;
	hw_mem = devm_kzalloc(dev, hw_size, GFP_KERNEL);
	b->ctl_storage = devm_kzalloc(dev, ctl_size, GFP_KERNEL);
	b->pull = devm_bitmap_zalloc(dev, ngpio, GFP_KERNEL);
	if (!hw_mem || !b->ctl_storage || !b->pull)
		return -ENOMEM;
	ret = clx_simhw_init(hw_mem, hw_size, ngpio, per_bank, clxgpio_sim_hw_irq, b, &b->hw);
	if (ret)
		return ret;
	if (sleeping)
		ret = clxgpio_sim_init(b->ctl_storage, ctl_size, &clxgpio_sim_sleeping_bus, b,
				       ngpio, per_bank, CLX_SIM_SLEEPING, &b->cg.host.ctl);
	else
		ret = clxgpio_sim_init(b->ctl_storage, ctl_size, &clx_simhw_bus, b->hw,
				       ngpio, per_bank, CLX_SIM_MEMORY_MAPPED, &b->cg.host.ctl);
	if (ret)
		return ret;

	ret = clxgpio_register(dev, &b->cg, node, label, 0);
	if (ret)
		return ret;
	b->gpio_dev = device_find_child(dev, node, clxgpio_sim_match_fwnode);
	ret = devm_add_action_or_reset(dev, clxgpio_sim_quiesce, b);
	if (ret)
		return ret;
	if (!b->gpio_dev)
		return dev_err_probe(dev, -ENODEV, "%pfwP: gpio device not found\n", node);
	return clxgpio_sim_setup_sysfs(dev, b);
}

static int clxgpio_sim_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct fwnode_handle *node;
	int ret;

	device_for_each_child_node(dev, node) {
		ret = clxgpio_sim_add_bank(dev, node);
		if (ret) {
			fwnode_handle_put(node);
			return ret;
		}
	}
	return 0;
}

static const struct of_device_id clxgpio_sim_of_match[] = {
	{ .compatible = "clxgpio,simulator" },
	{ }
};
MODULE_DEVICE_TABLE(of, clxgpio_sim_of_match);

static struct platform_driver clxgpio_sim_driver = {
	.driver = {
		.of_match_table = clxgpio_sim_of_match,
	},
	.probe = clxgpio_sim_probe,
};

int clxgpio_sim_register_driver(const char *name)
{
	clxgpio_sim_driver.driver.name = name;
	return platform_driver_register(&clxgpio_sim_driver);
}

void clxgpio_sim_unregister_driver(void)
{
	platform_driver_unregister(&clxgpio_sim_driver);
}
