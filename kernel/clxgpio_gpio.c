// SPDX-License-Identifier: GPL-2.0
/*
 * clxgpio: gpio_chip operations and registration on top of the engine.
 * Every engine call runs under the chip lock: a raw spinlock for memory-mapped
 * controllers (callable from any context), a mutex for sleeping ones; pin I/O on
 * CLX_CAP_ATOMIC_IO controllers (the PL061, small memory-mapped sim banks) takes none,
 * as the engine ABI allows.
 */
#include <linux/acpi.h>
#include <linux/bitmap.h>
#include <linux/device.h>
#include <linux/gpio/driver.h>
#include <linux/module.h>
#include <linux/pinctrl/pinconf-generic.h>
#include <linux/slab.h>
#include <linux/version.h>

#include "clxgpio.h"

static int clxgpio_get(struct gpio_chip *gc, unsigned int offset)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned long flags;
	int ret;

	flags = clxgpio_io_lock(cg);
	ret = clxgpio_pin_read(cg->chip, offset);
	clxgpio_io_unlock(cg, flags);
	return ret;
}

static void clxgpio_set(struct gpio_chip *gc, unsigned int offset, int value)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned long flags;

	flags = clxgpio_io_lock(cg);
	clxgpio_pin_write(cg->chip, offset, value);
	clxgpio_io_unlock(cg, flags);
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

static unsigned int clxgpio_bank_width(struct clxgpio *cg, u16 bank)
{
	unsigned int ppb = cg->ctl.desc.pins_per_bank;

	return min_t(unsigned int, ppb, cg->gc.ngpio - bank * ppb);
}

static int clxgpio_get_multiple(struct gpio_chip *gc, unsigned long *mask, unsigned long *bits)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned int ppb = cg->ctl.desc.pins_per_bank;
	u16 bank, banks = clxgpio_chip_bank_count(cg->chip);
	unsigned long flags;
	int ret = 0;

	flags = clxgpio_io_lock(cg);
	for (bank = 0; bank < banks && !ret; bank++) {
		unsigned int first = bank * ppb, width = clxgpio_bank_width(cg, bank);
		u64 m = clxgpio_bank_bits(mask, first, width);
		clx_u64 v = 0;

		if (!m)
			continue;
		ret = clxgpio_bank_read(cg->chip, bank, m, &v);
		clxgpio_bank_store(bits, first, width, m, v);
	}
	clxgpio_io_unlock(cg, flags);
	return ret;
}

static void clxgpio_set_multiple(struct gpio_chip *gc, unsigned long *mask, unsigned long *bits)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned int ppb = cg->ctl.desc.pins_per_bank;
	u16 bank, banks = clxgpio_chip_bank_count(cg->chip);
	unsigned long flags;

	flags = clxgpio_io_lock(cg);
	for (bank = 0; bank < banks; bank++) {
		unsigned int first = bank * ppb, width = clxgpio_bank_width(cg, bank);
		u64 m = clxgpio_bank_bits(mask, first, width);
		u64 v = clxgpio_bank_bits(bits, first, width);

		if (m)
			clxgpio_bank_write(cg->chip, bank, m & v, m & ~v);
	}
	clxgpio_io_unlock(cg, flags);
}

static int clxgpio_direction(struct gpio_chip *gc, unsigned int offset, enum clx_io_mode mode,
			     int value)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	unsigned long flags;
	int ret;

	flags = clxgpio_lock(cg);
	ret = clxgpio_pin_set_direction(cg->chip, offset, mode, value);
	clxgpio_unlock(cg, flags);
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
	return clxgpio_pin_get_direction(cg->chip, offset);
}

static int clxgpio_set_config(struct gpio_chip *gc, unsigned int offset, unsigned long config)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	u32 arg = pinconf_to_config_argument(config);
	unsigned long flags;
	int ret;

	flags = clxgpio_lock(cg);
	switch (pinconf_to_config_param(config)) {
	case PIN_CONFIG_BIAS_PULL_UP:
		ret = clxgpio_pin_set_pull(cg->chip, offset, CLX_PULL_UP);
		break;
	case PIN_CONFIG_BIAS_PULL_DOWN:
		ret = clxgpio_pin_set_pull(cg->chip, offset, CLX_PULL_DOWN);
		break;
	case PIN_CONFIG_BIAS_DISABLE:
		ret = clxgpio_pin_set_pull(cg->chip, offset, CLX_PULL_NONE);
		break;
	case PIN_CONFIG_INPUT_DEBOUNCE:
		/* gpiolib: microseconds; engine: 1/100 ms, as ACPI and GpioClx. */
		ret = arg > 655350 ? -EINVAL :
			clxgpio_pin_set_debounce(cg->chip, offset, DIV_ROUND_UP(arg, 10));
		break;
	case PIN_CONFIG_DRIVE_STRENGTH:
		ret = arg > 655 ? -EINVAL :
			clxgpio_pin_set_drive_strength(cg->chip, offset, arg * 100);
		break;
	case PIN_CONFIG_DRIVE_PUSH_PULL:
		ret = 0; /* what every clxgpio controller drives */
		break;
	default:
		ret = -ENOTSUPP; /* open drain/source: gpiolib emulates them */
		break;
	}
	clxgpio_unlock(cg, flags);
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
static int clxgpio_request(struct gpio_chip *gc, unsigned int offset)
{
	struct clxgpio *cg = gpiochip_get_data(gc);
	int ret = gpiochip_generic_request(gc, offset);

	if (!ret)
		set_bit(offset, cg->requested);
	return ret;
}

static void clxgpio_free(struct gpio_chip *gc, unsigned int offset)
{
	struct clxgpio *cg = gpiochip_get_data(gc);

	gpiochip_generic_free(gc, offset);
	clear_bit(offset, cg->requested);
}

static int clxgpio_track_requests(struct clxgpio *cg)
{
	cg->requested = devm_bitmap_zalloc(cg->dev, cg->gc.ngpio, GFP_KERNEL);
	if (!cg->requested)
		return -ENOMEM;
	cg->gc.request = clxgpio_request;
	cg->gc.free = clxgpio_free;
	return 0;
}

static void clxgpio_put_orphaned_refs(struct clxgpio *cg)
{
	bool lines = cg->requested && !has_acpi_companion(cg->dev);
	unsigned int i, n = 0;

	for (i = 0; i < cg->gc.ngpio; i++) {
		if (cg->lines[i].requested)
			n++;
		if (lines && test_bit(i, cg->requested))
			n++;
	}
	if (n)
		dev_info(cg->dev, "removed in use: dropping %u module reference(s) of its consumers\n",
			 n);
	while (n--)
		module_put(THIS_MODULE);
}
#else
static int clxgpio_track_requests(struct clxgpio *cg)
{
	return 0;
}

static void clxgpio_put_orphaned_refs(struct clxgpio *cg)
{
}
#endif

/* Runs after gpiochip_remove() (registered before the chip is added). */
static void clxgpio_teardown(void *data)
{
	struct clxgpio *cg = data;
	unsigned int i;

	clxgpio_put_orphaned_refs(cg);

	for (i = 0; i < cg->gc.ngpio; i++) {
		hrtimer_cancel(&cg->lines[i].debounce);
		cancel_delayed_work_sync(&cg->lines[i].debounce_work);
	}
	if (cg->sleeping_irq.func) /* only callers that service in a thread set it up */
		cancel_work_sync(&cg->sleeping_irq);
	clxgpio_chip_stop(cg->chip, CLX_STOP_FINAL);
	clxgpio_chip_destroy(cg->chip);
	mutex_destroy(&cg->mlock);
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
	const struct clx_controller_desc *desc = &cg->ctl.desc;
	struct gpio_chip *gc = &cg->gc;
	long size = clxgpio_chip_storage_size(desc);
	void *mem;
	int ret;
	u16 i;

	if (size < 0)
		return dev_err_probe(dev, size, "invalid controller description\n");
	mem = devm_kzalloc(dev, size, GFP_KERNEL);
	if (!mem)
		return -ENOMEM;
	ret = clxgpio_chip_create(mem, size, desc, cg->ctl.ops, cg->ctl.ctx, &cg->chip);
	if (ret)
		return dev_err_probe(dev, ret, "engine refused the controller\n");

	cg->dev = dev;
	cg->sleeping = !(desc->caps & CLX_CAP_MEMORY_MAPPED);
	cg->io_lockless = desc->caps & CLX_CAP_ATOMIC_IO;
	raw_spin_lock_init(&cg->lock);
	mutex_init(&cg->mlock);
	cg->lines = devm_kcalloc(dev, desc->total_pins, sizeof(*cg->lines), GFP_KERNEL);
	if (!cg->lines) {
		clxgpio_chip_destroy(cg->chip);
		mutex_destroy(&cg->mlock);
		return -ENOMEM;
	}
	for (i = 0; i < desc->total_pins; i++)
		clxgpio_line_init(cg, &cg->lines[i], i);
	gc->ngpio = desc->total_pins;
	ret = devm_add_action_or_reset(dev, clxgpio_teardown, cg);
	if (ret)
		return ret;
	ret = clxgpio_chip_start(cg->chip, CLX_START_FIRST);
	if (ret)
		return dev_err_probe(dev, ret, "controller failed to start\n");

	gc->label = label;
	gc->parent = dev;
	gc->fwnode = fwnode;
	gc->owner = THIS_MODULE;
	gc->base = -1;
	gc->can_sleep = cg->sleeping;
	gc->get = clxgpio_get;
	gc->set = clxgpio_set;
	gc->get_multiple = clxgpio_get_multiple;
	gc->set_multiple = clxgpio_set_multiple;
	gc->direction_input = clxgpio_direction_input;
	gc->direction_output = clxgpio_direction_output;
	gc->get_direction = clxgpio_get_direction;
	gc->set_config = clxgpio_set_config;
	ret = clxgpio_track_requests(cg);
	if (ret)
		return ret;

	if (cg->ctl.ops->enable_irq) {
		ret = clxgpio_irq_setup(cg, parent_irq);
		if (ret)
			return ret;
	}
	ret = devm_gpiochip_add_data(dev, gc, cg);
	if (!ret)
		ret = clxgpio_acpi_events_teardown(dev, gc);
	if (ret)
		return ret;
	return cg->ctl.ops->enable_irq ? clxgpio_storm_start(cg) : 0;
}
EXPORT_SYMBOL_GPL(clxgpio_register);

int clxgpio_suspend(struct clxgpio *cg)
{
	unsigned long flags;
	int ret;

	flags = clxgpio_lock(cg);
	ret = clxgpio_chip_stop(cg->chip, CLX_STOP_SAVE);
	clxgpio_unlock(cg, flags);
	return ret;
}

int clxgpio_resume(struct clxgpio *cg)
{
	unsigned long flags;
	int ret;

	flags = clxgpio_lock(cg);
	ret = clxgpio_chip_start(cg->chip, CLX_START_RESTORE);
	clxgpio_unlock(cg, flags);
	return ret;
}
