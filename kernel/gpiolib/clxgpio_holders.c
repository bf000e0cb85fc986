// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio gpiolib front end: what gpiolib's users see of the model side's holders. When
 * the GpioClx-model front end holds a pin (the engine's referee granted it a connection),
 * the gpio_chip requests its own descriptor for the line with the holder's label, so
 * gpioinfo shows the line used and by whom, and a libgpiod request of it fails with
 * EBUSY in gpiolib itself. The referee stays the engine's: this request makes no claim
 * (lines[].mirroring), and a native request that reached the engine first refuses the
 * model side's connection before any of this runs.
 */
#include <linux/device.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/driver.h>
#include <linux/gpio/machine.h>

#include "clxgpio_gpiolib.h"

/* [may sleep] LOCKING: mirror_lock held. */
static void clxgpio_mirror_drop_locked(struct clxgpio *cg, struct clxgpio_line *l)
{
	if (!l->mirror)
		return;
	l->mirroring = true;
	gpiochip_free_own_desc(l->mirror);
	l->mirroring = false;
	l->mirror = NULL;
}

void clxgpio_model_holds(struct clxhost *host, unsigned int pin, const char *label)
{
	struct clxgpio *cg = container_of(host, struct clxgpio, host);
	struct clxgpio_line *l;
	struct gpio_desc *desc;

	mutex_lock(&cg->mirror_lock);
	l = cg->mirrors_closed ? NULL : &cg->lines[pin];	/* lines[] go with the chip */
	if (l && !l->mirror) {
		l->mirroring = true;
		desc = gpiochip_request_own_desc(&cg->gc, pin, label, GPIO_LOOKUP_FLAGS_DEFAULT,
						 GPIOD_ASIS);
		l->mirroring = false;
		if (IS_ERR(desc))	/* a native request between the grant and now */
			dev_dbg(host->dev, "line %u: cannot show holder %s: %pe\n", pin, label,
				desc);
		else
			l->mirror = desc;
	}
	mutex_unlock(&cg->mirror_lock);
}

void clxgpio_model_released(struct clxhost *host, unsigned int pin)
{
	struct clxgpio *cg = container_of(host, struct clxgpio, host);

	mutex_lock(&cg->mirror_lock);
	if (!cg->mirrors_closed)
		clxgpio_mirror_drop_locked(cg, &cg->lines[pin]);
	mutex_unlock(&cg->mirror_lock);
}

/* Runs before gpiochip_remove() (devres order): the chip goes with no mirror held. */
static void clxgpio_holders_close(void *data)
{
	struct clxgpio *cg = data;
	unsigned int i;

	mutex_lock(&cg->mirror_lock);
	cg->mirrors_closed = true;
	for (i = 0; i < cg->gc.ngpio; i++)
		clxgpio_mirror_drop_locked(cg, &cg->lines[i]);
	mutex_unlock(&cg->mirror_lock);
}

/*
 * [may sleep] After the gpio_chip is added: mirrors are dropped before it is removed.
 * mirror_lock lives as long as cg (the driver's allocation): the model front end may
 * still call in when the host goes, after lines[] are gone.
 */
int clxgpio_holders_setup(struct clxgpio *cg)
{
	return devm_add_action_or_reset(cg->host.dev, clxgpio_holders_close, cg);
}
