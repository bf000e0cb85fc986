// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio gpiolib front end: gpio_chip operations and registration on a chip host.
 * Every engine call runs under the host lock (kernel/host/clxhost.h: a raw spinlock
 * for memory-mapped controllers, a mutex for sleeping ones; none for pin I/O on
 * CLX_CAP_ATOMIC_IO controllers).
 */
#include <linux/acpi.h>
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/gpio/driver.h>
#include <linux/module.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/slab.h>
#include <linux/version.h>

#include "clxgpio_gpiolib.h"

static int clxgpio_get(struct gpio_chip *gc, unsigned int offset)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned long flags;
	int ret;

	flags = clxhost_io_lock(&cg->host);
	ret = clx_pin_read(cg->host.chip, offset);
	clxhost_io_unlock(&cg->host, flags);
	return ret;
}

static void clxgpio_set(struct gpio_chip *gc, unsigned int offset, int value)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned long flags;

	flags = clxhost_io_lock(&cg->host);
	clx_pin_write(cg->host.chip, offset, value);
	clxhost_io_unlock(&cg->host, flags);
}

/*
 * A bank is bits [first, first + width) of gpiolib's bitmaps (width <= 64). Both helpers
 * move whole words, not bits: they run on every get/set_multiple (libgpiod bulk calls).
 * Each step covers the n bits of the bank that sit in one bitmap word from bit @shift.
 */
static unsigned long clxgpio_low_bits(unsigned int n)
{
	return n < BITS_PER_LONG ? BIT(n) - 1 : ~0UL;
}

/* The bank's bits of @map as a bank mask. */
static u64 clxgpio_bank_bits(const unsigned long *map, unsigned int first, unsigned int width)
{
	unsigned int done = 0;
	u64 v = 0;

	while (done < width) {
		unsigned int bit = first + done, shift = bit % BITS_PER_LONG;
		unsigned int n = min(width - done, BITS_PER_LONG - shift);

		v |= (u64)((map[BIT_WORD(bit)] >> shift) & clxgpio_low_bits(n)) << done;
		done += n;
	}
	return v;
}

/* Stores the bank bits @values selected by @mask into @map; other bits are kept. */
static void clxgpio_bank_store(unsigned long *map, unsigned int first, unsigned int width,
			       u64 mask, u64 values)
{
	unsigned int done = 0;

	while (done < width) {
		unsigned int bit = first + done, shift = bit % BITS_PER_LONG;
		unsigned int n = min(width - done, BITS_PER_LONG - shift);
		unsigned long m = ((unsigned long)(mask >> done) & clxgpio_low_bits(n)) << shift;
		unsigned long *w = &map[BIT_WORD(bit)];

		*w = (*w & ~m) | (((unsigned long)(values >> done) << shift) & m);
		done += n;
	}
}

static int clxgpio_get_multiple(struct gpio_chip *gc, unsigned long *mask, unsigned long *bits)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	struct clxhost *host = &cg->host;
	unsigned long flags;
	int ret = 0;
	u16 bank;

	flags = clxhost_io_lock(host);
	for (bank = 0; bank < host->banks && !ret; bank++) {
		unsigned int first = bank * host->pins_per_bank;
		unsigned int width = clx_chip_bank_width(host->chip, bank);
		u64 m = clxgpio_bank_bits(mask, first, width);
		clx_u64 v = 0;

		if (!m)
			continue;
		ret = clx_bank_read(host->chip, bank, m, &v);
		clxgpio_bank_store(bits, first, width, m, v);
	}
	clxhost_io_unlock(host, flags);
	return ret;
}

static void clxgpio_set_multiple(struct gpio_chip *gc, unsigned long *mask, unsigned long *bits)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	struct clxhost *host = &cg->host;
	unsigned long flags;
	u16 bank;

	flags = clxhost_io_lock(host);
	for (bank = 0; bank < host->banks; bank++) {
		unsigned int first = bank * host->pins_per_bank;
		unsigned int width = clx_chip_bank_width(host->chip, bank);
		u64 m = clxgpio_bank_bits(mask, first, width);
		u64 v = clxgpio_bank_bits(bits, first, width);

		if (m)
			clx_bank_write(host->chip, bank, m & v, m & ~v);
	}
	clxhost_io_unlock(host, flags);
}

static int clxgpio_direction(struct gpio_chip *gc, unsigned int offset, enum clx_io_mode mode,
			     int value)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned long flags;
	int ret;

	flags = clxhost_lock(&cg->host);
	ret = clx_pin_set_direction(cg->host.chip, offset, mode, value);
	clxhost_unlock(&cg->host, flags);
	return ret;
}

static int clxgpio_direction_input(struct gpio_chip *gc, unsigned int offset)
{
	return clxgpio_direction(gc, offset, CLX_IO_INPUT, 0);
}

static int clxgpio_direction_output(struct gpio_chip *gc, unsigned int offset, int value)
{
	return clxgpio_direction(gc, offset, CLX_IO_OUTPUT, value);
}

static int clxgpio_get_direction(struct gpio_chip *gc, unsigned int offset)
{
	struct clxgpio *cg = gpiochip_get_data(gc);

	/* 1 = input, 0 = output: the engine uses GPIO_LINE_DIRECTION_* values. */
	return clx_pin_get_direction(cg->host.chip, offset);
}

static int clxgpio_set_config(struct gpio_chip *gc, unsigned int offset, unsigned long config)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	u32 arg = pinconf_to_config_argument(config);
	unsigned long flags;
	int ret;

	flags = clxhost_lock(&cg->host);
	switch (pinconf_to_config_param(config)) {
	case PIN_CONFIG_BIAS_PULL_UP:
		ret = clx_pin_set_pull(cg->host.chip, offset, CLX_PULL_UP);
		break;
	case PIN_CONFIG_BIAS_PULL_DOWN:
		ret = clx_pin_set_pull(cg->host.chip, offset, CLX_PULL_DOWN);
		break;
	case PIN_CONFIG_BIAS_DISABLE:
		ret = clx_pin_set_pull(cg->host.chip, offset, CLX_PULL_NONE);
		break;
	case PIN_CONFIG_INPUT_DEBOUNCE:
		/* gpiolib: microseconds; engine: 1/100 ms, as ACPI and GpioClx. */
		ret = arg > 655350 ? -EINVAL :
			clx_pin_set_debounce(cg->host.chip, offset, DIV_ROUND_UP(arg, 10));
		break;
	case PIN_CONFIG_DRIVE_STRENGTH:
		ret = arg > 655 ? -EINVAL :
			clx_pin_set_drive_strength(cg->host.chip, offset, arg * 100);
		break;
	case PIN_CONFIG_DRIVE_PUSH_PULL:
		ret = 0; /* what every clxgpio controller drives */
		break;
	default:
		ret = -ENOTSUPP; /* open drain/source: gpiolib emulates them */
		break;
	}
	clxhost_unlock(&cg->host, flags);
	/* Only -ENOTSUPP makes gpiolib fall back (bias ignored, software debounce). */
	return ret == -EOPNOTSUPP ? -ENOTSUPP : ret;
}

/*
 * gpiolib before 6.2 (measured on 6.1.192) drops the module reference a requested line
 * holds (gpiod_request -> try_module_get(owner)) in gpiod_free() only while the chip is
 * still registered. A consumer that releases its line after the chip went away (unbind,
 * or configfs live=0, while it still holds the line: "REMOVING GPIOCHIP WITH GPIOS STILL
 * REQUESTED") leaks that reference and the module can never be removed; upstream gpio-sim
 * 6.1 leaks the same way. The same holds for a still-requested interrupt: the removal
 * disposes of its mapping, so irq_release_resources (which drops gpiochip_reqres_irq's
 * reference) never runs. So on those kernels the glue tracks requested lines
 * (gc->request/free) and, after gpiochip_remove() (nothing calls into the chip any
 * more), drops the references those consumers can no longer give back. On an ACPI-bound
 * chip gpiolib-acpi's own descriptors (no module reference) also stay marked requested
 * and cannot be told apart from consumers, so lines are left alone there.
 * gpiolib 6.12 puts the reference in gpiod_free() itself: no tracking at all.
 * checkpatch-ignore: LINUX_VERSION_CODE,CONSTANT_COMPARISON: one source for 6.1 and 6.12
 */
#if LINUX_VERSION_CODE < KERNEL_VERSION(6, 2, 0)
#define CLXGPIO_TRACK_REQUESTS 1
#else
#define CLXGPIO_TRACK_REQUESTS 0
#endif

/*
 * A gpiolib request is a native claim in the engine's referee (clx_pin_claim()): refused
 * with -EBUSY while the model side (a GpioClx-model connection) or firmware holds the pin,
 * as gpiolib refuses a line another consumer holds.
 */
static int clxgpio_request(struct gpio_chip *gc, unsigned int offset)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned long flags;
	int ret;

	if (cg->lines[offset].mirroring)
		return 0;	/* gpiolib's view of a model-side holder: no claim */
	flags = clxhost_lock(&cg->host);
	ret = clx_pin_claim(cg->host.chip, offset);
	clxhost_unlock(&cg->host, flags);
	if (ret) {
		dev_dbg(cg->host.dev, "line %u held by %s: request refused\n", offset,
			ret == -CLX_EACCES ? "firmware" : "a GpioClx-model connection");
		return -EBUSY;
	}
	ret = gpiochip_generic_request(gc, offset);
	if (ret) {
		flags = clxhost_lock(&cg->host);
		clx_pin_unclaim(cg->host.chip, offset);
		clxhost_unlock(&cg->host, flags);
		return ret;
	}
	if (cg->line_requested)
		cg->line_requested(cg, offset);
	if (cg->requested)
		set_bit(offset, cg->requested);
	return ret;
}

static void clxgpio_free(struct gpio_chip *gc, unsigned int offset)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned long flags;

	if (cg->lines[offset].mirroring)
		return;
	gpiochip_generic_free(gc, offset);
	flags = clxhost_lock(&cg->host);
	clx_pin_unclaim(cg->host.chip, offset);
	clxhost_unlock(&cg->host, flags);
	if (cg->line_released)
		cg->line_released(cg, offset);
	if (cg->requested)
		clear_bit(offset, cg->requested);
}

static int clxgpio_request_setup(struct clxgpio *cg)
{
	if (CLXGPIO_TRACK_REQUESTS) {
		cg->requested = devm_bitmap_zalloc(cg->host.dev, cg->gc.ngpio, GFP_KERNEL);
		if (!cg->requested)
			return -ENOMEM;
	}
	cg->gc.request = clxgpio_request;
	cg->gc.free = clxgpio_free;
	return 0;
}

static void clxgpio_put_orphaned_refs(struct clxgpio *cg)
{
	bool lines = cg->requested && !has_acpi_companion(cg->host.dev);
	unsigned int i, n = 0;

	if (!CLXGPIO_TRACK_REQUESTS)
		return;
	for (i = 0; i < cg->gc.ngpio; i++) {
		if (cg->lines[i].requested)
			n++;
		if (lines && test_bit(i, cg->requested))
			n++;
	}
	if (n)
		dev_info(cg->host.dev,
			 "removed in use: dropping %u module reference(s) of its consumers\n", n);
	while (n--)
		module_put(THIS_MODULE);
}

/* Runs after gpiochip_remove() and before the host's teardown (devres order). */
static void clxgpio_teardown(void *data)
{
	clxgpio_put_orphaned_refs(data);
}

#if IS_ENABLED(CONFIG_GPIO_ACPI)
/* Exported by gpiolib-acpi (6.1 and 6.12) but declared only in its private header. */
void acpi_gpiochip_free_interrupts(struct gpio_chip *chip);

/*
 * Runs just before gpiochip_remove() (devres order) on an ACPI-bound chip: frees the
 * _AEI event interrupts while gpiolib-acpi still owns them, as gpio-mb86s7x and
 * gpio-xgene-sb do in their remove. gpiolib 6.12 (measured on 6.12.117) otherwise
 * frees every interrupt still requested on the chip first (gpiochip_free_remaining_irqs)
 * and gpiolib-acpi then frees its events again: "Trying to free already-free IRQ" on
 * unbind, with upstream gpio-pl061 too. The list is empty afterwards, so gpiolib's own
 * call finds nothing to free.
 */
static void clxgpio_free_acpi_events(void *gc)
{
	acpi_gpiochip_free_interrupts(gc);
}

static int clxgpio_acpi_events_teardown(struct device *dev, struct gpio_chip *gc)
{
	if (!has_acpi_companion(dev))
		return 0;
	return devm_add_action_or_reset(dev, clxgpio_free_acpi_events, gc);
}
#else
static int clxgpio_acpi_events_teardown(struct device *dev, struct gpio_chip *gc)
{
	return 0;
}
#endif

int clxgpio_register(struct device *dev, struct clxgpio *cg, struct fwnode_handle *fwnode,
		     const char *label, int parent_irq)
{
	struct clxhost *host = &cg->host;
	struct gpio_chip *gc = &cg->gc;
	int ret;
	u16 i;

	mutex_init(&cg->mirror_lock);
	ret = clxhost_init(host, dev, fwnode, label, &clxgpio_irq_sink);
	if (ret)
		return ret;
	cg->lines = devm_kcalloc(dev, host->pins, sizeof(*cg->lines), GFP_KERNEL);
	if (!cg->lines)
		return -ENOMEM;
	for (i = 0; i < host->pins; i++)
		clxgpio_line_init(cg, &cg->lines[i], i);
	ret = devm_add_action_or_reset(dev, clxgpio_teardown, cg);
	if (ret)
		return ret;

	gc->label = label;
	gc->parent = dev;
	gc->fwnode = fwnode;
	gc->owner = THIS_MODULE;
	gc->base = -1;
	gc->ngpio = host->pins;
	gc->can_sleep = host->sleeping;
	gc->get = clxgpio_get;
	gc->set = clxgpio_set;
	gc->get_multiple = clxgpio_get_multiple;
	gc->set_multiple = clxgpio_set_multiple;
	gc->direction_input = clxgpio_direction_input;
	gc->direction_output = clxgpio_direction_output;
	gc->get_direction = clxgpio_get_direction;
	gc->set_config = clxgpio_set_config;
	ret = clxgpio_request_setup(cg);
	if (ret)
		return ret;
	if (host->has_irq) {
		ret = clxgpio_irqchip_setup(cg, parent_irq);
		if (ret)
			return ret;
	}
	ret = devm_gpiochip_add_data(dev, gc, cg);
	if (!ret)
		ret = clxgpio_acpi_events_teardown(dev, gc);
	if (!ret)
		ret = clxgpio_holders_setup(cg);
	if (ret)
		return ret;
	return clxhost_activate(host);
}
EXPORT_SYMBOL_GPL(clxgpio_register);
