// SPDX-License-Identifier: GPL-2.0
/*
 * The engine's shim: every kernel service the C++ side uses, as non-inline C.
 */
#include <linux/io.h>
#include <linux/printk.h>

#include "../engine/clxgpio_abi.h"

clx_u32 clx_shim_mmio_read32(void *base, clx_u32 offset)
{
	return readl((void __iomem __force *)base + offset);
}

void clx_shim_mmio_write32(void *base, clx_u32 offset, clx_u32 value)
{
	writel(value, (void __iomem __force *)base + offset);
}

void clx_shim_warn(const char *what, clx_u32 a, clx_u32 b)
{
	pr_warn_ratelimited("clxgpio: %s (%u, %u)\n", what, a, b);
}
