// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio simulated controller: configfs interface with gpio-sim's user ABI
 * (Documentation/admin-guide/gpio/gpio-sim.rst), written from the documented ABI.
 * This file: the subsystem, devices (<subsys>/<dev>/{live,dev_name}) and activation;
 * chips, lines and hogs are in clxgpio_sim_configfs_items.c.
 *
 * LOCKING: one mutex per device protects the device, its chips, lines and hogs.
 */
#include <linux/completion.h>
#include <linux/configfs.h>
#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/idr.h>
#include <linux/kernel.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/notifier.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../gpiolib/clxgpio_gpiolib.h"
#include "clxgpio_drivers.h"

#define CLXGPIO_CFS_BIND_TIMEOUT (10 * HZ)
#include "clxgpio_sim_configfs.h"

static DEFINE_IDA(clxgpio_cfs_ida);
static const char *clxgpio_cfs_driver_name;

/* ---- activation ---- */

struct clxgpio_cfs_bind_wait {
	struct notifier_block nb;
	struct fwnode_handle *fwnode;
	struct completion done;
	bool bound;
};

static int clxgpio_cfs_bus_notify(struct notifier_block *nb, unsigned long action, void *data)
{
	struct clxgpio_cfs_bind_wait *w = container_of(nb, struct clxgpio_cfs_bind_wait, nb);
	struct device *d = data;

	if (dev_fwnode(d) != w->fwnode)
		return NOTIFY_DONE;
	switch (action) {
	case BUS_NOTIFY_BOUND_DRIVER:
		w->bound = true;
		complete(&w->done);
		return NOTIFY_OK;
	case BUS_NOTIFY_DRIVER_NOT_BOUND:
		w->bound = false;
		complete(&w->done);
		return NOTIFY_OK;
	default:
		return NOTIFY_DONE;
	}
}

static unsigned int clxgpio_cfs_chip_lines(struct clxgpio_cfs_chip *chip)
{
	return chip->num_lines;
}

static struct fwnode_handle *clxgpio_cfs_make_chip_node(struct clxgpio_cfs_chip *chip,
							struct fwnode_handle *parent)
{
	struct property_entry props[6] = { };
	struct clxgpio_cfs_line *line;
	const char **names = NULL;
	unsigned int nnames = 0, n = 0;
	struct fwnode_handle *node;

	list_for_each_entry(line, &chip->lines, siblings)
		if (line->name && *line->name && line->offset < chip->num_lines)
			nnames = max(nnames, line->offset + 1);
	if (nnames) {
		names = kcalloc(nnames, sizeof(*names), GFP_KERNEL);
		if (!names)
			return ERR_PTR(-ENOMEM);
		list_for_each_entry(line, &chip->lines, siblings)
			if (line->name && *line->name && line->offset < nnames)
				names[line->offset] = line->name;
	}

	props[n++] = PROPERTY_ENTRY_U32("ngpios", clxgpio_cfs_chip_lines(chip));
	if (chip->label && *chip->label)
		props[n++] = PROPERTY_ENTRY_STRING("gpio-sim,label", chip->label);
	if (nnames)
		props[n++] = PROPERTY_ENTRY_STRING_ARRAY_LEN("gpio-line-names", names, nnames);
	props[n++] = PROPERTY_ENTRY_U32("clxgpio,pins-per-bank", chip->pins_per_bank);
	if (chip->sleeping)
		props[n++] = PROPERTY_ENTRY_BOOL("clxgpio,sleeping");

	/* The swnode copies the properties, strings included. */
	node = fwnode_create_software_node(props, parent);
	kfree(names);
	return node;
}

static void clxgpio_cfs_free_hogs(struct clxgpio_cfs_device *dev)
{
	unsigned int i;

	if (!dev->hogs)
		return;
	for (i = 0; i < dev->nhogs; i++) {
		kfree(dev->hogs[i].chip_label);
		kfree(dev->hogs[i].line_name);
	}
	kfree(dev->hogs);
	dev->hogs = NULL;
	dev->nhogs = 0;
}

static int clxgpio_cfs_make_hogs(struct clxgpio_cfs_device *dev)
{
	struct clxgpio_cfs_chip *chip;
	struct clxgpio_cfs_line *line;
	unsigned int n = 0;
	struct gpiod_hog *h;

	list_for_each_entry(chip, &dev->chips, siblings)
		list_for_each_entry(line, &chip->lines, siblings)
			if (line->hog && line->offset < chip->num_lines)
				n++;
	if (!n)
		return 0;
	/* Zero-terminated: gpiod_add_hogs() stops at chip_label == NULL. */
	dev->hogs = kcalloc(n + 1, sizeof(*dev->hogs), GFP_KERNEL);
	if (!dev->hogs)
		return -ENOMEM;
	h = dev->hogs;
	list_for_each_entry(chip, &dev->chips, siblings) {
		list_for_each_entry(line, &chip->lines, siblings) {
			if (!line->hog || line->offset >= chip->num_lines)
				continue;
			if (chip->label && *chip->label)
				h->chip_label = kstrdup(chip->label, GFP_KERNEL);
			else
				h->chip_label = kasprintf(GFP_KERNEL, "%s.%d-%pfwP",
							  clxgpio_cfs_driver_name, dev->id,
							  chip->swnode);
			if (!h->chip_label)
				goto nomem;
			dev->nhogs++;
			if (line->hog->name) {
				h->line_name = kstrdup(line->hog->name, GFP_KERNEL);
				if (!h->line_name)
					goto nomem;
			}
			h->chip_hwnum = line->offset;
			h->lflags = GPIO_LOOKUP_FLAGS_DEFAULT;
			switch (line->hog->dir) {
			case CFS_DIR_OUT_HIGH:
				h->dflags = GPIOD_OUT_HIGH;
				break;
			case CFS_DIR_OUT_LOW:
				h->dflags = GPIOD_OUT_LOW;
				break;
			default:
				h->dflags = GPIOD_IN;
				break;
			}
			h++;
		}
	}
	return 0;

nomem:
	clxgpio_cfs_free_hogs(dev);
	return -ENOMEM;
}

static void clxgpio_cfs_drop_nodes(struct clxgpio_cfs_device *dev)
{
	struct clxgpio_cfs_chip *chip;
	unsigned int i;

	list_for_each_entry(chip, &dev->chips, siblings)
		chip->swnode = NULL;
	for (i = dev->nchip_nodes; i-- > 0;)
		fwnode_remove_software_node(dev->chip_nodes[i]);
	kfree(dev->chip_nodes);
	dev->chip_nodes = NULL;
	dev->nchip_nodes = 0;
	if (dev->swnode)
		fwnode_remove_software_node(dev->swnode);
	dev->swnode = NULL;
}

static bool clxgpio_cfs_labels_clash(struct clxgpio_cfs_device *dev)
{
	struct clxgpio_cfs_chip *a, *b;

	list_for_each_entry(a, &dev->chips, siblings) {
		if (!a->label || !*a->label)
			continue;
		b = a;
		list_for_each_entry_continue(b, &dev->chips, siblings)
			if (b->label && !strcmp(a->label, b->label))
				return true;
	}
	return false;
}

static int clxgpio_cfs_activate(struct clxgpio_cfs_device *dev)
{
	struct platform_device_info info = { };
	struct clxgpio_cfs_bind_wait w = { };
	struct platform_device *pdev;
	struct clxgpio_cfs_chip *chip;
	int ret;

	lockdep_assert_held(&dev->lock);
	if (list_empty(&dev->chips))
		return -ENODATA;
	if (clxgpio_cfs_labels_clash(dev))
		return -EINVAL;

	dev->swnode = fwnode_create_software_node(NULL, NULL);
	if (IS_ERR(dev->swnode)) {
		ret = PTR_ERR(dev->swnode);
		dev->swnode = NULL;
		return ret;
	}
	dev->chip_nodes = kcalloc(list_count_nodes(&dev->chips), sizeof(*dev->chip_nodes),
				  GFP_KERNEL);
	if (!dev->chip_nodes) {
		ret = -ENOMEM;
		goto err_nodes;
	}
	list_for_each_entry(chip, &dev->chips, siblings) {
		chip->swnode = clxgpio_cfs_make_chip_node(chip, dev->swnode);
		if (IS_ERR(chip->swnode)) {
			ret = PTR_ERR(chip->swnode);
			chip->swnode = NULL;
			goto err_nodes;
		}
		dev->chip_nodes[dev->nchip_nodes++] = chip->swnode;
	}
	ret = clxgpio_cfs_make_hogs(dev);
	if (ret)
		goto err_nodes;
	if (dev->hogs)
		gpiod_add_hogs(dev->hogs);

	w.nb.notifier_call = clxgpio_cfs_bus_notify;
	w.fwnode = dev->swnode;
	init_completion(&w.done);
	ret = bus_register_notifier(&platform_bus_type, &w.nb);
	if (ret)
		goto err_hogs;

	info.name = clxgpio_cfs_driver_name;
	info.id = dev->id;
	info.fwnode = dev->swnode;
	pdev = platform_device_register_full(&info);
	if (IS_ERR(pdev)) {
		bus_unregister_notifier(&platform_bus_type, &w.nb);
		ret = PTR_ERR(pdev);
		goto err_hogs;
	}
	/* Our driver probes synchronously: normally already done here. */
	if (!wait_for_completion_timeout(&w.done, CLXGPIO_CFS_BIND_TIMEOUT))
		w.bound = false;
	bus_unregister_notifier(&platform_bus_type, &w.nb);
	if (!w.bound) {
		platform_device_unregister(pdev);
		ret = -ENXIO;
		goto err_hogs;
	}
	dev->pdev = pdev;
	return 0;

err_hogs:
	if (dev->hogs)
		gpiod_remove_hogs(dev->hogs);
	clxgpio_cfs_free_hogs(dev);
err_nodes:
	clxgpio_cfs_drop_nodes(dev);
	return ret;
}

static void clxgpio_cfs_deactivate(struct clxgpio_cfs_device *dev)
{
	lockdep_assert_held(&dev->lock);
	platform_device_unregister(dev->pdev);
	dev->pdev = NULL;
	if (dev->hogs)
		gpiod_remove_hogs(dev->hogs);
	clxgpio_cfs_free_hogs(dev);
	clxgpio_cfs_drop_nodes(dev);
}

/* ---- device ---- */

static ssize_t clxgpio_cfs_dev_dev_name_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_device *dev = to_cfs_dev(item);

	return sprintf(page, "%s.%d\n", clxgpio_cfs_driver_name, dev->id);
}
CONFIGFS_ATTR_RO(clxgpio_cfs_dev_, dev_name);

static ssize_t clxgpio_cfs_dev_live_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_device *dev = to_cfs_dev(item);
	bool live;

	mutex_lock(&dev->lock);
	live = clxgpio_cfs_live(dev);
	mutex_unlock(&dev->lock);
	return sprintf(page, "%c\n", live ? '1' : '0');
}

static ssize_t clxgpio_cfs_dev_live_store(struct config_item *item, const char *page,
					  size_t count)
{
	struct clxgpio_cfs_device *dev = to_cfs_dev(item);
	bool live;
	int ret;

	ret = kstrtobool(page, &live);
	if (ret)
		return ret;
	mutex_lock(&dev->lock);
	if (live == clxgpio_cfs_live(dev))
		ret = -EPERM;
	else if (live)
		ret = clxgpio_cfs_activate(dev);
	else
		clxgpio_cfs_deactivate(dev);
	mutex_unlock(&dev->lock);
	return ret ?: count;
}
CONFIGFS_ATTR(clxgpio_cfs_dev_, live);

static struct configfs_attribute *clxgpio_cfs_dev_attrs[] = {
	&clxgpio_cfs_dev_attr_dev_name,
	&clxgpio_cfs_dev_attr_live,
	NULL
};

static struct config_group *clxgpio_cfs_dev_make_group(struct config_group *group,
						       const char *name)
{
	return clxgpio_cfs_chip_make(to_cfs_dev(&group->cg_item), name);
}

static void clxgpio_cfs_dev_release(struct config_item *item)
{
	struct clxgpio_cfs_device *dev = to_cfs_dev(item);

	mutex_lock(&dev->lock);
	if (clxgpio_cfs_live(dev))
		clxgpio_cfs_deactivate(dev);
	mutex_unlock(&dev->lock);
	mutex_destroy(&dev->lock);
	ida_free(&clxgpio_cfs_ida, dev->id);
	kfree(dev);
}

static struct configfs_item_operations clxgpio_cfs_dev_item_ops = {
	.release = clxgpio_cfs_dev_release,
};

static struct configfs_group_operations clxgpio_cfs_dev_group_ops = {
	.make_group = clxgpio_cfs_dev_make_group,
};

static const struct config_item_type clxgpio_cfs_dev_type = {
	.ct_item_ops = &clxgpio_cfs_dev_item_ops,
	.ct_group_ops = &clxgpio_cfs_dev_group_ops,
	.ct_attrs = clxgpio_cfs_dev_attrs,
	.ct_owner = THIS_MODULE,
};

/* ---- subsystem ---- */

static struct config_group *clxgpio_cfs_make_device(struct config_group *group,
						    const char *name)
{
	struct clxgpio_cfs_device *dev;
	int id;

	dev = kzalloc(sizeof(*dev), GFP_KERNEL);
	if (!dev)
		return ERR_PTR(-ENOMEM);
	id = ida_alloc(&clxgpio_cfs_ida, GFP_KERNEL);
	if (id < 0) {
		kfree(dev);
		return ERR_PTR(id);
	}
	dev->id = id;
	mutex_init(&dev->lock);
	INIT_LIST_HEAD(&dev->chips);
	config_group_init_type_name(&dev->group, name, &clxgpio_cfs_dev_type);
	return &dev->group;
}

static struct configfs_group_operations clxgpio_cfs_subsys_group_ops = {
	.make_group = clxgpio_cfs_make_device,
};

static const struct config_item_type clxgpio_cfs_subsys_type = {
	.ct_group_ops = &clxgpio_cfs_subsys_group_ops,
	.ct_owner = THIS_MODULE,
};

static struct configfs_subsystem clxgpio_cfs_subsys;

int clxgpio_sim_configfs_init(const char *subsys_name, const char *driver_name)
{
	int ret;

	clxgpio_cfs_driver_name = driver_name;
	config_group_init_type_name(&clxgpio_cfs_subsys.su_group, subsys_name,
				    &clxgpio_cfs_subsys_type);
	mutex_init(&clxgpio_cfs_subsys.su_mutex);
	ret = configfs_register_subsystem(&clxgpio_cfs_subsys);
	if (ret)
		mutex_destroy(&clxgpio_cfs_subsys.su_mutex);
	return ret;
}

void clxgpio_sim_configfs_exit(void)
{
	configfs_unregister_subsystem(&clxgpio_cfs_subsys);
	mutex_destroy(&clxgpio_cfs_subsys.su_mutex);
	ida_destroy(&clxgpio_cfs_ida);
}
