// SPDX-License-Identifier: GPL-2.0
/*
 * Finding one GpioIo/GpioInt descriptor in what a driver was given: a single descriptor
 * (large item 0x8C) or a whole resource template (_CRS, _AEI). The codec is compat/core's
 * (clx_acpi.h): every length and offset checked, nothing read outside the buffer.
 */
#include <linux/printk.h>

#include "clxcompat_internal.h"

#define CLXCOMPAT_ACPI_LARGE_GPIO 0x8C

int clxcompat_acpi_find(const void *buf, size_t len, unsigned int index, u8 type,
			struct clx_acpi_gpio_entry *e)
{
	const u8 *b = buf;
	clx_size size;
	int ret;

	if (!buf || !len)
		return -EINVAL;
	if (b[0] == CLXCOMPAT_ACPI_LARGE_GPIO && index == 0) {
		/* one descriptor, not a template: nothing may follow it but an End Tag */
		ret = clx_acpi_gpio_decode(buf, len, &e->gpio, &size);
		if (!ret && size != len)
			ret = clx_acpi_template_gpio_at(buf, len, 0, e);
	} else {
		ret = clx_acpi_template_gpio_at(buf, len, index, e);
	}
	if (ret) {
		pr_debug("clxcompat: GPIO descriptor %u: %s (%s)\n", index,
			 clx_acpi_error_name(ret), clx_acpi_error_text(ret));
		return -EINVAL;
	}
	if (e->gpio.type != type) {
		pr_debug("clxcompat: GPIO descriptor %u is a %s, not a %s\n", index,
			 e->gpio.type == CLX_ACPI_GPIO_IO ? "GpioIo" : "GpioInt",
			 type == CLX_ACPI_GPIO_IO ? "GpioIo" : "GpioInt");
		return -EINVAL;
	}
	return 0;
}
