// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio simulated controller: a platform device whose child firmware nodes are
 * chips (gpio-sim calls them banks: "ngpios", "gpio-sim,label", "gpio-line-names"),
 * plus "clxgpio,pins-per-bank" (engine banks) and "clxgpio,sleeping". Each is one
 * gpio_chip over the engine and the simulated level-only hardware
 * (controllers/simgpio_hw.cpp).
 *
 * What user space sees behaves as gpio-sim (Documentation/admin-guide/gpio/gpio-sim.rst:
 * a line's value differs from its pull only while a consumer drives it):
 * - sysfs sim_gpioN/{value,pull}. A line has one pull: the sysfs write and a consumer's
 *   bias (set_config) set the same one, the last write wins, and an input follows it.
 * - When a consumer releases a line its value goes back to its pull and its direction
 *   stays; an output no consumer holds keeps following its pull.
 */
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/sysfs.h>

#include "../gpiolib/clxgpio_gpiolib.h"
#include "clxgpio_drivers.h"
#include "clxgpio_sim.h"
#include "../controllers/clx_controllers.h"
#include "../controllers/simgpio_hw.h"

#define CLXGPIO_SIM_MAX_LINES 1024 /* as gpio-sim since 6.2: more is -ERANGE */

struct clxgpio_sim_line_attr {
	struct device_attribute attr;
	unsigned int offset;
};

/* One simulated gpio_chip: its engine chip, its hardware and its sysfs lines. */
struct clxgpio_sim_chip {
	struct clxgpio cg;
	struct clx_simhw *hw;           /* the lines' pulls live here (one per line) */
	/*
	 * LOCKING: host lock. Outputs that no consumer holds (released as outputs): their
	 * value follows their pull, as gpio-sim's does for every line not requested.
	 */
	unsigned long *free_outputs;
	struct device *gpio_dev;        /* gpiochipN, where sim_gpioN groups live */
	const struct attribute_group **groups;
	void *ctl_storage;
};

static struct clxgpio_sim_chip *clxgpio_sim_chip_of(void *base)
{
	return base;
}

/*
 * The model's interrupt line (simgpio_hw.h): called after any register write or drive
 * that leaves a bank's output asserted, under the host lock or, for pin I/O on
 * CLX_CAP_ATOMIC_IO banks, without it: the host services soon (clxhost_raise).
 */
static void clxgpio_sim_hw_irq(void *ctx, clx_u16 bank)
{
	struct clxgpio_sim_chip *sc = ctx;

	clxhost_raise(&sc->cg.host);
}

/*
 * Memory-mapped mode reaches the model through clx_simhw_bus directly. Sleeping mode:
 * every register access is a (simulated) bus transfer.
 */
static clx_u32 clxgpio_sim_bus_read32(void *base, clx_u32 offset)
{
	might_sleep();
	usleep_range(1, 2);
	return clx_simhw_bus.read32(clxgpio_sim_chip_of(base)->hw, offset);
}

static void clxgpio_sim_bus_write32(void *base, clx_u32 offset, clx_u32 value)
{
	might_sleep();
	usleep_range(1, 2);
	clx_simhw_bus.write32(clxgpio_sim_chip_of(base)->hw, offset, value);
}

static const struct clx_bus_ops clxgpio_sim_sleeping_bus = {
	.read32 = clxgpio_sim_bus_read32,
	.write32 = clxgpio_sim_bus_write32,
};

static ssize_t clxgpio_sim_value_show(struct device *dev, struct device_attribute *attr, char *buf)
{
	struct clxgpio_sim_line_attr *la = container_of(attr, struct clxgpio_sim_line_attr, attr);
	struct clxgpio_sim_chip *sc = dev_get_drvdata(dev);
	int level = clx_simhw_level(sc->hw, la->offset); /* atomic register reads: no lock */

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
	struct clxgpio_sim_chip *sc = dev_get_drvdata(dev);
	int up = clx_simhw_pull(sc->hw, la->offset); /* one atomic register read: no lock */

	return up < 0 ? up : sysfs_emit(buf, "%s\n", clxgpio_sim_pulls[up]);
}

/*
 * Sets the line's one pull (the consumer's bias writes the same one: set_config ->
 * PULL register); an input follows it, and so does an output no consumer holds. The
 * host lock orders it against consumers' requests, releases and configuration.
 */
static int clxgpio_sim_apply_pull(struct clxgpio_sim_chip *sc, unsigned int offset, int up)
{
	struct clxhost *host = &sc->cg.host;
	unsigned long flags;
	int ret;

	flags = clxhost_lock(host);
	ret = clx_simhw_set_pull(sc->hw, offset, up); /* raises the line itself */
	if (ret >= 0 && test_bit(offset, sc->free_outputs))
		ret = clx_pin_write(host->chip, offset, up);
	clxhost_unlock(host, flags);
	return ret < 0 ? ret : 0;
}

/* gpio-sim's gc->request (clxgpio_sim.h). */
void clxgpio_sim_line_requested(struct clxgpio *cg, unsigned int offset)
{
	struct clxgpio_sim_chip *sc = container_of(cg, struct clxgpio_sim_chip, cg);
	unsigned long flags;

	flags = clxhost_lock(&cg->host);
	clear_bit(offset, sc->free_outputs);
	clxhost_unlock(&cg->host, flags);
}

/*
 * gpio-sim's gc->free (clxgpio_sim.h). The engine also forgets the consumer's bias:
 * the line keeps the pull the bias set, as in gpio-sim, but the next consumer's
 * direction changes must not apply it again over a later sysfs write.
 */
void clxgpio_sim_line_released(struct clxgpio *cg, unsigned int offset)
{
	struct clxgpio_sim_chip *sc = container_of(cg, struct clxgpio_sim_chip, cg);
	struct clx_chip *chip = cg->host.chip;
	unsigned long flags;

	flags = clxhost_lock(&cg->host);
	if (clx_pin_get_direction(chip, offset) == 0) { /* GPIO_LINE_DIRECTION_OUT */
		clx_pin_write(chip, offset, clx_simhw_pull(sc->hw, offset));
		set_bit(offset, sc->free_outputs);
	}
	clx_pin_set_pull(chip, offset, CLX_PULL_DEFAULT);
	clxhost_unlock(&cg->host, flags);
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
	struct clxgpio_sim_chip *sc = data;

	sysfs_remove_groups(&sc->gpio_dev->kobj, sc->groups);
}

/* One "sim_gpioN" group per line with value and pull, as gpio-sim lays them out. */
static int clxgpio_sim_setup_sysfs(struct device *dev, struct clxgpio_sim_chip *sc)
{
	unsigned int i, n = sc->cg.gc.ngpio;
	int ret;

	sc->groups = devm_kcalloc(dev, n + 1, sizeof(*sc->groups), GFP_KERNEL);
	if (!sc->groups)
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
		sc->groups[i] = grp;
	}
	dev_set_drvdata(sc->gpio_dev, sc);
	ret = sysfs_create_groups(&sc->gpio_dev->kobj, sc->groups);
	if (ret)
		return ret;
	return devm_add_action_or_reset(dev, clxgpio_sim_remove_sysfs, sc);
}

static void clxgpio_sim_quiesce(void *data)
{
	struct clxgpio_sim_chip *sc = data;

	put_device(sc->gpio_dev);
}

static int clxgpio_sim_match_fwnode(struct device *dev, void *data)
{
	return dev_fwnode(dev) == data;
}

static int clxgpio_sim_add_chip(struct device *dev, struct fwnode_handle *node)
{
	u32 ngpio, per_bank = 32;
	struct clxgpio_sim_chip *sc;
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

	sc = devm_kzalloc(dev, sizeof(*sc), GFP_KERNEL);
	if (!sc)
		return -ENOMEM;
	hw_size = clx_simhw_storage_size(ngpio, per_bank);
	ctl_size = clx_simgpio_storage_size(ngpio, per_bank);
	if (hw_size < 0 || ctl_size < 0)
		return -EINVAL;
	hw_mem = devm_kzalloc(dev, hw_size, GFP_KERNEL);
	sc->ctl_storage = devm_kzalloc(dev, ctl_size, GFP_KERNEL);
	sc->free_outputs = devm_bitmap_zalloc(dev, ngpio, GFP_KERNEL);
	if (!hw_mem || !sc->ctl_storage || !sc->free_outputs)
		return -ENOMEM;
	ret = clx_simhw_init(hw_mem, hw_size, ngpio, per_bank, clxgpio_sim_hw_irq, sc, &sc->hw);
	if (ret)
		return ret;
	if (sleeping)
		ret = clx_simgpio_init(sc->ctl_storage, ctl_size, &clxgpio_sim_sleeping_bus, sc,
				       ngpio, per_bank, CLX_SIM_SLEEPING, &sc->cg.host.ctl);
	else
		ret = clx_simgpio_init(sc->ctl_storage, ctl_size, &clx_simhw_bus, sc->hw,
				       ngpio, per_bank, CLX_SIM_MEMORY_MAPPED, &sc->cg.host.ctl);
	if (ret)
		return ret;
	sc->cg.line_released = clxgpio_sim_line_released;
	sc->cg.line_requested = clxgpio_sim_line_requested;

	ret = clxgpio_register(dev, &sc->cg, node, label, 0);
	if (ret)
		return ret;
	sc->gpio_dev = device_find_child(dev, node, clxgpio_sim_match_fwnode);
	ret = devm_add_action_or_reset(dev, clxgpio_sim_quiesce, sc);
	if (ret)
		return ret;
	if (!sc->gpio_dev)
		return dev_err_probe(dev, -ENODEV, "%pfwP: gpio device not found\n", node);
	return clxgpio_sim_setup_sysfs(dev, sc);
}

static int clxgpio_sim_probe(struct platform_device *pdev)
{
	struct device *dev = &pdev->dev;
	struct fwnode_handle *node;
	int ret;

	device_for_each_child_node(dev, node) {
		ret = clxgpio_sim_add_chip(dev, node);
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
