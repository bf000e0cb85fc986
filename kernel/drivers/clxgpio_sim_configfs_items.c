// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio simulated controller, configfs items with gpio-sim's user ABI
 * (Documentation/admin-guide/gpio/gpio-sim.rst):
 *
 *   <subsys>/<dev>/<chip>/{num_lines,label,chip_name,pins_per_bank,sleeping}
 *   <subsys>/<dev>/<chip>/line<N>/name
 *   <subsys>/<dev>/<chip>/line<N>/hog/{name,direction}
 *
 * pins_per_bank and sleeping are clxgpio extensions; they sit at chip level only so
 * that tools cleaning up gpio-sim trees (the kernel selftest) keep working.
 */
#include <linux/device.h>
#include <linux/kernel.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../gpiolib/clxgpio_gpiolib.h"
#include "clxgpio_sim_configfs.h"

static const char *const clxgpio_cfs_dirs[] = {
	[CFS_DIR_IN] = "input",
	[CFS_DIR_OUT_HIGH] = "output-high",
	[CFS_DIR_OUT_LOW] = "output-low",
};

/* A whitespace-trimmed copy of a written string. */
static char *clxgpio_cfs_strdup_trimmed(const char *page, size_t count)
{
	char *s = kmemdup_nul(page, count, GFP_KERNEL);
	char *t;

	if (!s)
		return NULL;
	t = strim(s);
	if (t != s)
		memmove(s, t, strlen(t) + 1);
	return s;
}

/*
 * Attribute helpers. A live device's configuration is read-only, as in gpio-sim:
 * clxgpio_cfs_begin_change() returns 0 with dev->lock held, or -EBUSY once live.
 */
int clxgpio_cfs_begin_change(struct clxgpio_cfs_device *dev)
{
	mutex_lock(&dev->lock);
	if (!clxgpio_cfs_live(dev))
		return 0;
	mutex_unlock(&dev->lock);
	return -EBUSY;
}

static ssize_t clxgpio_cfs_show_str(struct clxgpio_cfs_device *dev, char *const *field,
				    char *page)
{
	ssize_t ret;

	mutex_lock(&dev->lock);
	ret = sprintf(page, "%s\n", *field ?: "");
	mutex_unlock(&dev->lock);
	return ret;
}

static ssize_t clxgpio_cfs_store_str(struct clxgpio_cfs_device *dev, char **field,
				     const char *page, size_t count)
{
	int ret = clxgpio_cfs_begin_change(dev);
	char *s;

	if (ret)
		return ret;
	s = clxgpio_cfs_strdup_trimmed(page, count);
	if (s) {
		kfree(*field);
		*field = s;
	}
	mutex_unlock(&dev->lock);
	return s ? count : -ENOMEM;
}

static ssize_t clxgpio_cfs_show_uint(struct clxgpio_cfs_device *dev, const unsigned int *field,
				     char *page)
{
	ssize_t ret;

	mutex_lock(&dev->lock);
	ret = sprintf(page, "%u\n", *field);
	mutex_unlock(&dev->lock);
	return ret;
}

/* Parses an unsigned value in [min, max] (-EINVAL outside) and stores it. */
static ssize_t clxgpio_cfs_store_uint(struct clxgpio_cfs_device *dev, unsigned int *field,
				      unsigned int min, unsigned int max, const char *page,
				      size_t count)
{
	unsigned int n;
	int ret = kstrtouint(page, 0, &n);

	if (ret)
		return ret;
	if (n < min || n > max)
		return -EINVAL;
	ret = clxgpio_cfs_begin_change(dev);
	if (ret)
		return ret;
	*field = n;
	mutex_unlock(&dev->lock);
	return count;
}

/* ---- hog ---- */

static ssize_t clxgpio_cfs_hog_name_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_hog *hog = to_cfs_hog(item);

	return clxgpio_cfs_show_str(hog->line->chip->dev, &hog->name, page);
}

static ssize_t clxgpio_cfs_hog_name_store(struct config_item *item, const char *page,
					  size_t count)
{
	struct clxgpio_cfs_hog *hog = to_cfs_hog(item);

	return clxgpio_cfs_store_str(hog->line->chip->dev, &hog->name, page, count);
}
CONFIGFS_ATTR(clxgpio_cfs_hog_, name);

static ssize_t clxgpio_cfs_hog_direction_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_hog *hog = to_cfs_hog(item);
	struct clxgpio_cfs_device *dev = hog->line->chip->dev;
	ssize_t ret;

	mutex_lock(&dev->lock);
	ret = sprintf(page, "%s\n", clxgpio_cfs_dirs[hog->dir]);
	mutex_unlock(&dev->lock);
	return ret;
}

static ssize_t clxgpio_cfs_hog_direction_store(struct config_item *item, const char *page,
					       size_t count)
{
	struct clxgpio_cfs_hog *hog = to_cfs_hog(item);
	struct clxgpio_cfs_device *dev = hog->line->chip->dev;
	int dir = clxgpio_cfs_begin_change(dev);

	if (dir)
		return dir;
	dir = sysfs_match_string(clxgpio_cfs_dirs, page);
	if (dir < 0) {
		mutex_unlock(&dev->lock);
		return -EINVAL;
	}
	hog->dir = dir;
	mutex_unlock(&dev->lock);
	return count;
}
CONFIGFS_ATTR(clxgpio_cfs_hog_, direction);

static struct configfs_attribute *clxgpio_cfs_hog_attrs[] = {
	&clxgpio_cfs_hog_attr_name,
	&clxgpio_cfs_hog_attr_direction,
	NULL
};

static void clxgpio_cfs_hog_release(struct config_item *item)
{
	struct clxgpio_cfs_hog *hog = to_cfs_hog(item);
	struct clxgpio_cfs_device *dev = hog->line->chip->dev;

	mutex_lock(&dev->lock);
	hog->line->hog = NULL;
	mutex_unlock(&dev->lock);
	kfree(hog->name);
	kfree(hog);
}

static struct configfs_item_operations clxgpio_cfs_hog_item_ops = {
	.release = clxgpio_cfs_hog_release,
};

static const struct config_item_type clxgpio_cfs_hog_type = {
	.ct_item_ops = &clxgpio_cfs_hog_item_ops,
	.ct_attrs = clxgpio_cfs_hog_attrs,
	.ct_owner = THIS_MODULE,
};

/* ---- line ---- */

static ssize_t clxgpio_cfs_line_name_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_line *line = to_cfs_line(item);

	return clxgpio_cfs_show_str(line->chip->dev, &line->name, page);
}

static ssize_t clxgpio_cfs_line_name_store(struct config_item *item, const char *page,
					   size_t count)
{
	struct clxgpio_cfs_line *line = to_cfs_line(item);

	return clxgpio_cfs_store_str(line->chip->dev, &line->name, page, count);
}
CONFIGFS_ATTR(clxgpio_cfs_line_, name);

static struct configfs_attribute *clxgpio_cfs_line_attrs[] = {
	&clxgpio_cfs_line_attr_name,
	NULL
};

static struct config_item *clxgpio_cfs_line_make_item(struct config_group *group,
						      const char *name)
{
	struct clxgpio_cfs_line *line = to_cfs_line(&group->cg_item);
	struct clxgpio_cfs_device *dev = line->chip->dev;
	struct clxgpio_cfs_hog *hog;

	if (strcmp(name, "hog"))
		return ERR_PTR(-EINVAL);
	/* As gpio-sim: allowed while live; it takes effect at the next activation. */
	mutex_lock(&dev->lock);
	hog = kzalloc(sizeof(*hog), GFP_KERNEL);
	if (!hog) {
		mutex_unlock(&dev->lock);
		return ERR_PTR(-ENOMEM);
	}
	hog->line = line;
	hog->dir = CFS_DIR_IN;
	config_item_init_type_name(&hog->item, name, &clxgpio_cfs_hog_type);
	line->hog = hog;
	mutex_unlock(&dev->lock);
	return &hog->item;
}

static void clxgpio_cfs_line_release(struct config_item *item)
{
	struct clxgpio_cfs_line *line = to_cfs_line(item);
	struct clxgpio_cfs_device *dev = line->chip->dev;

	mutex_lock(&dev->lock);
	list_del(&line->siblings);
	mutex_unlock(&dev->lock);
	kfree(line->name);
	kfree(line);
}

static struct configfs_item_operations clxgpio_cfs_line_item_ops = {
	.release = clxgpio_cfs_line_release,
};

static struct configfs_group_operations clxgpio_cfs_line_group_ops = {
	.make_item = clxgpio_cfs_line_make_item,
};

static const struct config_item_type clxgpio_cfs_line_type = {
	.ct_item_ops = &clxgpio_cfs_line_item_ops,
	.ct_group_ops = &clxgpio_cfs_line_group_ops,
	.ct_attrs = clxgpio_cfs_line_attrs,
	.ct_owner = THIS_MODULE,
};

/* ---- chip ---- */

/* gpiochipN: the child with the chip's fwnode that is not a class device. */
static int clxgpio_cfs_match_gpio_dev(struct device *d, void *data)
{
	return !d->class && dev_fwnode(d) == data;
}

static ssize_t clxgpio_cfs_chip_chip_name_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);
	struct clxgpio_cfs_device *dev = chip->dev;
	struct device *gpio_dev = NULL;
	ssize_t ret;

	mutex_lock(&dev->lock);
	if (clxgpio_cfs_live(dev) && chip->swnode)
		gpio_dev = device_find_child(&dev->pdev->dev, chip->swnode,
					     clxgpio_cfs_match_gpio_dev);
	if (gpio_dev) {
		ret = sprintf(page, "%s\n", dev_name(gpio_dev));
		put_device(gpio_dev);
	} else {
		ret = sprintf(page, "none\n");
	}
	mutex_unlock(&dev->lock);
	return ret;
}
CONFIGFS_ATTR_RO(clxgpio_cfs_chip_, chip_name);

static ssize_t clxgpio_cfs_chip_label_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);

	return clxgpio_cfs_show_str(chip->dev, &chip->label, page);
}

static ssize_t clxgpio_cfs_chip_label_store(struct config_item *item, const char *page,
					    size_t count)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);

	return clxgpio_cfs_store_str(chip->dev, &chip->label, page, count);
}
CONFIGFS_ATTR(clxgpio_cfs_chip_, label);

static ssize_t clxgpio_cfs_chip_num_lines_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);

	return clxgpio_cfs_show_uint(chip->dev, &chip->num_lines, page);
}

static ssize_t clxgpio_cfs_chip_num_lines_store(struct config_item *item, const char *page,
						size_t count)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);

	return clxgpio_cfs_store_uint(chip->dev, &chip->num_lines, 1, UINT_MAX, page, count);
}
CONFIGFS_ATTR(clxgpio_cfs_chip_, num_lines);

static ssize_t clxgpio_cfs_chip_pins_per_bank_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);

	return clxgpio_cfs_show_uint(chip->dev, &chip->pins_per_bank, page);
}

static ssize_t clxgpio_cfs_chip_pins_per_bank_store(struct config_item *item,
						    const char *page, size_t count)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);

	return clxgpio_cfs_store_uint(chip->dev, &chip->pins_per_bank, 1, CLX_MAX_PINS_PER_BANK,
				      page, count);
}
CONFIGFS_ATTR(clxgpio_cfs_chip_, pins_per_bank);

static ssize_t clxgpio_cfs_chip_sleeping_show(struct config_item *item, char *page)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);
	ssize_t ret;

	mutex_lock(&chip->dev->lock);
	ret = sprintf(page, "%d\n", chip->sleeping);
	mutex_unlock(&chip->dev->lock);
	return ret;
}

static ssize_t clxgpio_cfs_chip_sleeping_store(struct config_item *item, const char *page,
					       size_t count)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);
	bool v;
	int ret;

	ret = kstrtobool(page, &v);
	if (ret)
		return ret;
	ret = clxgpio_cfs_begin_change(chip->dev);
	if (ret)
		return ret;
	chip->sleeping = v;
	mutex_unlock(&chip->dev->lock);
	return count;
}
CONFIGFS_ATTR(clxgpio_cfs_chip_, sleeping);

static struct configfs_attribute *clxgpio_cfs_chip_attrs[] = {
	&clxgpio_cfs_chip_attr_chip_name,
	&clxgpio_cfs_chip_attr_label,
	&clxgpio_cfs_chip_attr_num_lines,
	&clxgpio_cfs_chip_attr_pins_per_bank,
	&clxgpio_cfs_chip_attr_sleeping,
	NULL
};

static struct config_group *clxgpio_cfs_chip_make_group(struct config_group *group,
							const char *name)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(&group->cg_item);
	struct clxgpio_cfs_device *dev = chip->dev;
	struct clxgpio_cfs_line *line;
	unsigned int offset;
	int nchar = 0, ret;

	ret = sscanf(name, "line%u%n", &offset, &nchar);
	if (ret != 1 || nchar != strlen(name))
		return ERR_PTR(-EINVAL);

	ret = clxgpio_cfs_begin_change(dev);
	if (ret)
		return ERR_PTR(ret);
	line = kzalloc(sizeof(*line), GFP_KERNEL);
	if (!line) {
		mutex_unlock(&dev->lock);
		return ERR_PTR(-ENOMEM);
	}
	line->chip = chip;
	line->offset = offset;
	config_group_init_type_name(&line->group, name, &clxgpio_cfs_line_type);
	list_add_tail(&line->siblings, &chip->lines);
	mutex_unlock(&dev->lock);
	return &line->group;
}

static void clxgpio_cfs_chip_release(struct config_item *item)
{
	struct clxgpio_cfs_chip *chip = to_cfs_chip(item);
	struct clxgpio_cfs_device *dev = chip->dev;

	/* A live device keeps the chip's swnode (dev->chip_nodes) until deactivated. */
	mutex_lock(&dev->lock);
	list_del(&chip->siblings);
	mutex_unlock(&dev->lock);
	kfree(chip->label);
	kfree(chip);
}

static struct configfs_item_operations clxgpio_cfs_chip_item_ops = {
	.release = clxgpio_cfs_chip_release,
};

static struct configfs_group_operations clxgpio_cfs_chip_group_ops = {
	.make_group = clxgpio_cfs_chip_make_group,
};

static const struct config_item_type clxgpio_cfs_chip_type = {
	.ct_item_ops = &clxgpio_cfs_chip_item_ops,
	.ct_group_ops = &clxgpio_cfs_chip_group_ops,
	.ct_attrs = clxgpio_cfs_chip_attrs,
	.ct_owner = THIS_MODULE,
};

/* mkdir <dev>/<chip> (a gpio-sim "bank"); released by clxgpio_cfs_chip_release(). */
struct config_group *clxgpio_cfs_chip_make(struct clxgpio_cfs_device *dev, const char *name)
{
	struct clxgpio_cfs_chip *chip;
	int ret = clxgpio_cfs_begin_change(dev);

	if (ret)
		return ERR_PTR(ret);
	chip = kzalloc(sizeof(*chip), GFP_KERNEL);
	if (!chip) {
		mutex_unlock(&dev->lock);
		return ERR_PTR(-ENOMEM);
	}
	chip->dev = dev;
	chip->num_lines = 1;
	chip->pins_per_bank = 32;
	INIT_LIST_HEAD(&chip->lines);
	config_group_init_type_name(&chip->group, name, &clxgpio_cfs_chip_type);
	list_add_tail(&chip->siblings, &dev->chips);
	mutex_unlock(&dev->lock);
	return &chip->group;
}

