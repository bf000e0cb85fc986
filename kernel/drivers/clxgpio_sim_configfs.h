/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clxgpio simulated controller, configfs interface: the configuration objects shared
 * by the device/activation part (clxgpio_sim_configfs.c) and the chip/line/hog items
 * (clxgpio_sim_configfs_items.c). Each object is made and released in one file: devices
 * in the first, chips, lines and hogs in the second. A chip is one gpio_chip, what
 * gpio-sim's ABI calls a bank (<dev>/<bank>/); "bank" in clxgpio is an engine bank.
 *
 * LOCKING: one mutex per device protects the device, its chips, lines and hogs.
 */
#ifndef CLXGPIO_SIM_CONFIGFS_H
#define CLXGPIO_SIM_CONFIGFS_H

#include <linux/configfs.h>
#include <linux/list.h>
#include <linux/lockdep.h>
#include <linux/mutex.h>

struct platform_device;
struct fwnode_handle;
struct gpiod_hog;

enum clxgpio_cfs_dir { CFS_DIR_IN, CFS_DIR_OUT_HIGH, CFS_DIR_OUT_LOW };
struct clxgpio_cfs_device {
	struct config_group group;
	struct mutex lock; /* LOCKING: this device, its chips, lines and hogs */
	int id;
	struct list_head chips;
	/* live state */
	struct platform_device *pdev;
	struct fwnode_handle *swnode;
	struct fwnode_handle **chip_nodes; /* owned here: chips may go while live */
	unsigned int nchip_nodes;
	struct gpiod_hog *hogs;
	unsigned int nhogs;
};

/* <dev>/<chip>/: one simulated gpio_chip (a gpio-sim "bank"). */
struct clxgpio_cfs_chip {
	struct config_group group;
	struct clxgpio_cfs_device *dev;
	struct list_head siblings;
	struct list_head lines;
	char *label;
	unsigned int num_lines;
	unsigned int pins_per_bank;   /* engine bank width (clxgpio extension) */
	bool sleeping;
	struct fwnode_handle *swnode; /* while live */
};

struct clxgpio_cfs_hog;

struct clxgpio_cfs_line {
	struct config_group group;
	struct clxgpio_cfs_chip *chip;
	struct list_head siblings;
	unsigned int offset;
	char *name;
	struct clxgpio_cfs_hog *hog;
};

struct clxgpio_cfs_hog {
	struct config_item item;
	struct clxgpio_cfs_line *line;
	char *name;
	enum clxgpio_cfs_dir dir;
};

static inline struct clxgpio_cfs_device *to_cfs_dev(struct config_item *item)
{
	return container_of(to_config_group(item), struct clxgpio_cfs_device, group);
}

static inline struct clxgpio_cfs_chip *to_cfs_chip(struct config_item *item)
{
	return container_of(to_config_group(item), struct clxgpio_cfs_chip, group);
}

static inline struct clxgpio_cfs_line *to_cfs_line(struct config_item *item)
{
	return container_of(to_config_group(item), struct clxgpio_cfs_line, group);
}

static inline struct clxgpio_cfs_hog *to_cfs_hog(struct config_item *item)
{
	return container_of(item, struct clxgpio_cfs_hog, item);
}

static inline bool clxgpio_cfs_live(struct clxgpio_cfs_device *dev)
{
	lockdep_assert_held(&dev->lock);
	return dev->pdev;
}

/* clxgpio_sim_configfs_items.c: chips, their lines and hogs, each made and released there */
struct config_group *clxgpio_cfs_chip_make(struct clxgpio_cfs_device *dev, const char *name);
/* 0 with dev->lock held, or -EBUSY (unlocked) once the device is live. */
int clxgpio_cfs_begin_change(struct clxgpio_cfs_device *dev);

#endif /* CLXGPIO_SIM_CONFIGFS_H */
