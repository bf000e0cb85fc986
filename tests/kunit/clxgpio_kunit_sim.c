// SPDX-License-Identifier: GPL-2.0
/* The simulated controller as the KUnit suites use it (clxgpio_kunit_sim.h). */
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/gpio/driver.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/version.h>

#include "clxgpio_kunit_sim.h"

static int ksim_is_gpiochip(struct device *dev, void *data)
{
	return !strncmp(dev_name(dev), "gpiochip", 8);
}

int ksim_add(struct ksim *s, struct kunit *test, const struct software_node **nodes)
{
	int ret;

	s->test = test;
	s->nodes = nodes;
	ret = software_node_register_node_group(nodes);
	if (ret)
		return ret;
	s->pdev = platform_device_alloc("clxgpio-sim", PLATFORM_DEVID_AUTO);
	if (!s->pdev) {
		ret = -ENOMEM;
		goto err_nodes;
	}
	s->pdev->dev.fwnode = software_node_fwnode(nodes[0]);
	ret = platform_device_add(s->pdev);
	if (ret)
		goto err_put;
	if (!s->pdev->dev.driver) {
		kunit_err(test, "clxgpio-sim did not bind: is clxgpio.ko loaded?\n");
		ret = -ENODEV;
		goto err_unregister;
	}
	s->gpio_dev = device_find_child(&s->pdev->dev, NULL, ksim_is_gpiochip);
	if (!s->gpio_dev) {
		ret = -ENODEV;
		goto err_unregister;
	}
	return 0;

err_unregister:
	platform_device_unregister(s->pdev);
	s->pdev = NULL;
	goto err_nodes;
err_put:
	platform_device_put(s->pdev);
	s->pdev = NULL;
err_nodes:
	software_node_unregister_node_group(nodes);
	return ret;
}

void ksim_remove(struct ksim *s)
{
	if (!s->pdev)
		return;
	put_device(s->gpio_dev);
	platform_device_unregister(s->pdev);
	software_node_unregister_node_group(s->nodes);
	s->pdev = NULL;
}

ssize_t ksim_write_file(const char *path, const char *val)
{
	struct file *f = filp_open(path, O_WRONLY, 0);
	loff_t pos = 0;
	ssize_t n;

	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_write(f, val, strlen(val), &pos);
	filp_close(f, NULL);
	return n;
}

static char *ksim_attr(struct ksim *s, unsigned int offset, const char *attr)
{
	return kasprintf(GFP_KERNEL, "/sys/bus/platform/devices/%s/%s/sim_gpio%u/%s",
			 dev_name(&s->pdev->dev), dev_name(s->gpio_dev), offset, attr);
}

void ksim_drive(struct ksim *s, unsigned int offset, int level)
{
	const char *val = level ? "pull-up" : "pull-down";
	char *path = ksim_attr(s, offset, "pull");
	ssize_t n;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(s->test, path);
	n = ksim_write_file(path, val);
	kfree(path);
	KUNIT_ASSERT_EQ(s->test, n, (ssize_t)strlen(val));
}

int ksim_level(struct ksim *s, unsigned int offset)
{
	char *path = ksim_attr(s, offset, "value");
	char buf[4] = { 0 };
	struct file *f;
	loff_t pos = 0;
	ssize_t n;

	if (!path)
		return -ENOMEM;
	f = filp_open(path, O_RDONLY, 0);
	kfree(path);
	if (IS_ERR(f))
		return PTR_ERR(f);
	n = kernel_read(f, buf, sizeof(buf) - 1, &pos);
	filp_close(f, NULL);
	if (n < 1)
		return n < 0 ? n : -EIO;
	return buf[0] == '1';
}

bool ksim_line_shows(struct clxhost *host, unsigned int offset, const char *label)
{
	struct gpio_chip *gc = &container_of(host, struct clxgpio, host)->gc;
	bool shown;
/* checkpatch-ignore: LINUX_VERSION_CODE,CONSTANT_COMPARISON: one source for 6.1 and 6.12 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 9, 0)
	char *now = gpiochip_dup_line_label(gc, offset);

	shown = !IS_ERR_OR_NULL(now) && !strcmp(now, label);
	if (!IS_ERR_OR_NULL(now))
		kfree(now);
#else
	const char *now = gpiochip_is_requested(gc, offset);

	shown = now && !strcmp(now, label);
#endif
	return shown;
}
