// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio PL061 driver: binds the ARM PrimeCell PL061 (device tree "arm,pl061",
 * ACPI ARMH0061 through acpi_amba) and runs it on the engine. Takes the place of
 * the upstream gpio-pl061 when that is not loaded.
 */
#include <linux/amba/bus.h>
#include <linux/device.h>
#include <linux/io.h>
#include <linux/module.h>
#include <linux/slab.h>

#include "../gpiolib/clxgpio_gpiolib.h"
#include "clxgpio_drivers.h"
#include "../controllers/clx_controllers.h"

struct clxgpio_pl061 {
	struct clxgpio cg;
	void __iomem *base;
	u64 ctl_storage[];  /* the engine's PL061 client object */
};

static int clxgpio_pl061_probe(struct amba_device *adev, const struct amba_id *id)
{
	struct device *dev = &adev->dev;
	long ctl_size = clx_pl061_storage_size();
	struct clxgpio_pl061 *p;
	int ret;

	p = devm_kzalloc(dev, struct_size(p, ctl_storage, DIV_ROUND_UP(ctl_size, 8)), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->base = devm_ioremap_resource(dev, &adev->res);
	if (IS_ERR(p->base))
		return PTR_ERR(p->base);
	ret = clx_pl061_init(p->ctl_storage, ctl_size, (void __force *)p->base,
			     &p->cg.host.ctl);
	if (ret)
		return ret;
	if (adev->irq[0] <= 0)
		dev_warn(dev, "no interrupt: GPIO only\n");
	ret = clxgpio_register(dev, &p->cg, dev_fwnode(dev), dev_name(dev), adev->irq[0]);
	if (ret)
		return ret;
	amba_set_drvdata(adev, p);
	dev_info(dev, "clxgpio PL061 at %pR, %u lines\n", &adev->res, p->cg.gc.ngpio);
	return 0;
}

static int __maybe_unused clxgpio_pl061_suspend(struct device *dev)
{
	struct clxgpio_pl061 *p = dev_get_drvdata(dev);

	return clxhost_suspend(&p->cg.host);
}

static int __maybe_unused clxgpio_pl061_resume(struct device *dev)
{
	struct clxgpio_pl061 *p = dev_get_drvdata(dev);

	return clxhost_resume(&p->cg.host);
}

static SIMPLE_DEV_PM_OPS(clxgpio_pl061_pm, clxgpio_pl061_suspend, clxgpio_pl061_resume);

static const struct amba_id clxgpio_pl061_ids[] = {
	{ .id = 0x00041061, .mask = 0x000fffff },
	{ 0, 0 },
};
MODULE_DEVICE_TABLE(amba, clxgpio_pl061_ids);

static struct amba_driver clxgpio_pl061_driver = {
	.drv = {
		.name = "clxgpio-pl061",
		.owner = THIS_MODULE, /* 6.1's amba_driver_register() leaves it unset */
		.pm = &clxgpio_pl061_pm,
	},
	.id_table = clxgpio_pl061_ids,
	.probe = clxgpio_pl061_probe,
};

int clxgpio_pl061_register_driver(void)
{
	return amba_driver_register(&clxgpio_pl061_driver);
}

void clxgpio_pl061_unregister_driver(void)
{
	amba_driver_unregister(&clxgpio_pl061_driver);
}
