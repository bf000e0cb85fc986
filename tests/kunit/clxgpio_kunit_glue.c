// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "clxgpio_glue": the real clxgpio.ko (loaded before this module) through
 * gpiolib and the irq core. Each case registers a "clxgpio-sim" platform device with a
 * software-node bank (16 lines, 8 per bank), gets lines through a gpiod lookup table,
 * requests their interrupts and drives the outside level through the simulator's own
 * sysfs attribute sim_gpioN/pull, then checks what the handler saw. Only gpiolib, irq,
 * platform and property APIs present in both 6.1 and 6.12 are used.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/device.h>
#include <linux/fs.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/jiffies.h>
#include <linux/platform_device.h>
#include <linux/property.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <linux/stringify.h>
#include <linux/version.h>
#include <linux/wait.h>

#include "clxgpio_kunit_sim.h"

#define GLUE_LABEL "clxkunit"
#define GLUE_NGPIO 16
#define GLUE_SETTLE_MS 30     /* time to wait for an event that must not come */
#define GLUE_WAIT_MS 1000     /* time to wait for an event that must come */
#define GLUE_MAX_SEEN 64

static const struct property_entry glue_bank_props[] = {
	PROPERTY_ENTRY_U32("ngpios", GLUE_NGPIO),
	PROPERTY_ENTRY_U32("clxgpio,pins-per-bank", 8),
	PROPERTY_ENTRY_STRING("gpio-sim,label", GLUE_LABEL),
	{ }
};

static const struct software_node glue_node = { .name = "clxkunit-sim" };
static const struct software_node glue_bank = {
	.name = "bank0",
	.parent = &glue_node,
	.properties = glue_bank_props,
};

static const struct software_node *glue_nodes[] = { &glue_node, &glue_bank, NULL };

struct glue {
	struct kunit *test;
	struct ksim sim;
	struct gpiod_lookup_table *lookup;
	struct gpio_desc *desc;
	unsigned int offset;
	int irq;
	bool irq_requested;
	atomic_t count;
	int seen[GLUE_MAX_SEEN];  /* line value read in the handler, per event */
	int stop_after;           /* level: disable_irq_nosync after this many events */
	wait_queue_head_t wq;
};

static irqreturn_t glue_handler(int irq, void *data)
{
	struct glue *g = data;
	int n = atomic_read(&g->count);

	if (n < GLUE_MAX_SEEN)
		g->seen[n] = gpiod_get_value(g->desc);
	n = atomic_inc_return(&g->count);
	if (g->stop_after && n % g->stop_after == 0)
		disable_irq_nosync(irq);
	wake_up(&g->wq);
	return IRQ_HANDLED;
}

static int glue_init(struct kunit *test)
{
	struct glue *g = kunit_kzalloc(test, sizeof(*g), GFP_KERNEL);

	if (!g)
		return -ENOMEM;
	g->test = test;
	atomic_set(&g->count, 0);
	init_waitqueue_head(&g->wq);
	test->priv = g;
	return ksim_add(&g->sim, test, glue_nodes);
}

static void glue_exit(struct kunit *test)
{
	struct glue *g = test->priv;

	if (!g || !g->sim.pdev)
		return;
	if (g->irq_requested)
		free_irq(g->irq, g);
	if (!IS_ERR_OR_NULL(g->desc))
		gpiod_put(g->desc);
	if (g->lookup) {
		gpiod_remove_lookup_table(g->lookup);
		kfree(g->lookup);
	}
	ksim_remove(&g->sim);
}

/* Sets the outside-world level of the line through sim_gpioN/pull. */
static void glue_drive(struct glue *g, int level)
{
	ksim_drive(&g->sim, g->offset, level);
}

/* Waits until the handler ran want times (or the timeout), then lets late events in. */
static int glue_count_after(struct glue *g, int want, unsigned int timeout_ms)
{
	wait_event_timeout(g->wq, atomic_read(&g->count) >= want, msecs_to_jiffies(timeout_ms));
	msleep(GLUE_SETTLE_MS);
	return atomic_read(&g->count);
}

/*
 * Drives level and expects the count to become exactly want. A macro so that a failure
 * names the caller's line; each argument is evaluated once.
 */
#define glue_step(g, level, want)                                                         \
	do {                                                                               \
		struct glue *__g = (g);                                                    \
		int __level = (level), __want = (want);                                    \
		glue_drive(__g, __level);                                                  \
		KUNIT_EXPECT_EQ_MSG(__g->test, glue_count_after(__g, __want, __want >          \
				    atomic_read(&__g->count) ? GLUE_WAIT_MS : 0), __want,      \
				    "after driving %d", __level);                          \
	} while (0)

/* Gets line offset as an input and requests its interrupt with flags. */
static void glue_request(struct glue *g, unsigned int offset, int initial, unsigned long flags)
{
	struct kunit *test = g->test;
	int ret;

	g->offset = offset;
	glue_drive(g, initial);
	g->lookup = kzalloc(struct_size(g->lookup, table, 2), GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, g->lookup);
	g->lookup->dev_id = dev_name(&g->sim.pdev->dev);
	g->lookup->table[0] = GPIO_LOOKUP_IDX(GLUE_LABEL, offset, "kunit", 0, GPIO_ACTIVE_HIGH);
	gpiod_add_lookup_table(g->lookup);
	g->desc = gpiod_get(&g->sim.pdev->dev, "kunit", GPIOD_IN);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, g->desc);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(g->desc), initial);
	g->irq = gpiod_to_irq(g->desc);
	KUNIT_ASSERT_GT(test, g->irq, 0);
	ret = request_irq(g->irq, glue_handler, flags, "clxgpio-kunit", g);
	KUNIT_ASSERT_EQ(test, ret, 0);
	g->irq_requested = true;
	KUNIT_EXPECT_EQ(test, irq_get_trigger_type(g->irq), (u32)(flags & IRQF_TRIGGER_MASK));
	/* Requesting must not fire anything by itself. */
	KUNIT_EXPECT_EQ(test, glue_count_after(g, 1, 0), 0);
}

static void glue_rising(struct kunit *test)
{
	struct glue *g = test->priv;

	glue_request(g, 3, 0, IRQF_TRIGGER_RISING);
	glue_step(g, 1, 1);
	glue_step(g, 1, 1);  /* no change, no edge */
	glue_step(g, 0, 1);
	glue_step(g, 1, 2);
	glue_step(g, 0, 2);
	KUNIT_EXPECT_EQ(test, g->seen[0], 1);
	KUNIT_EXPECT_EQ(test, g->seen[1], 1);
}

static void glue_falling(struct kunit *test)
{
	struct glue *g = test->priv;

	glue_request(g, 11, 1, IRQF_TRIGGER_FALLING);  /* second bank */
	glue_step(g, 0, 1);
	glue_step(g, 1, 1);
	glue_step(g, 0, 2);
	glue_step(g, 0, 2);
	glue_step(g, 1, 2);
	KUNIT_EXPECT_EQ(test, g->seen[0], 0);
	KUNIT_EXPECT_EQ(test, g->seen[1], 0);
}

static void glue_both(struct kunit *test)
{
	struct glue *g = test->priv;
	int i;

	glue_request(g, 5, 0, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);
	for (i = 1; i <= 8; i++)
		glue_step(g, i & 1, i);
	glue_step(g, 0, 8);
	/* Strict alternation: the handler saw high, low, high, ... */
	for (i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ_MSG(test, g->seen[i], !(i & 1), "event %d", i);
}

/* Level: fires while asserted; the handler masks (disable_irq_nosync) after 3. */
static void glue_level(struct kunit *test, unsigned int offset, int asserted, unsigned long flags)
{
	struct glue *g = test->priv;

	g->stop_after = 3;
	glue_request(g, offset, !asserted, flags);
	glue_step(g, asserted, 3);
	/* Masked: nothing more although the level holds. */
	KUNIT_EXPECT_EQ(test, glue_count_after(g, 4, GLUE_SETTLE_MS), 3);
	KUNIT_EXPECT_EQ(test, g->seen[0], asserted);
	KUNIT_EXPECT_EQ(test, g->seen[2], asserted);
	/* Deasserted, then unmasked: still nothing. */
	glue_drive(g, !asserted);
	enable_irq(g->irq);
	KUNIT_EXPECT_EQ(test, glue_count_after(g, 4, GLUE_SETTLE_MS), 3);
	/* Asserted again: fires again (masked again after 3 more). */
	glue_step(g, asserted, 6);
	glue_drive(g, !asserted);
	enable_irq(g->irq);
	KUNIT_EXPECT_EQ(test, glue_count_after(g, 7, GLUE_SETTLE_MS), 6);
}

static void glue_level_high(struct kunit *test)
{
	glue_level(test, 2, 1, IRQF_TRIGGER_HIGH);
}

static void glue_level_low(struct kunit *test)
{
	glue_level(test, 14, 0, IRQF_TRIGGER_LOW);
}

static void glue_wake(struct kunit *test)
{
	struct glue *g = test->priv;

	glue_request(g, 7, 0, IRQF_TRIGGER_RISING);
	KUNIT_EXPECT_EQ(test, irq_set_irq_wake(g->irq, 1), 0);
	KUNIT_EXPECT_EQ(test, irq_set_irq_wake(g->irq, 0), 0);
	KUNIT_EXPECT_EQ(test, enable_irq_wake(g->irq), 0);
	glue_step(g, 1, 1);
	KUNIT_EXPECT_EQ(test, disable_irq_wake(g->irq), 0);
}

/*
 * The host registry (for the compat front end): the simulated chip's host is found by
 * its firmware node and its name while the device is bound, and is gone after unbind.
 */
static void glue_registry(struct kunit *test)
{
	struct glue *g = test->priv;
	struct clxhost *host = clxhost_find_by_fwnode(software_node_fwnode(&glue_bank));

	KUNIT_ASSERT_NOT_NULL(test, host);
	KUNIT_EXPECT_PTR_EQ(test, host->dev, &g->sim.pdev->dev);
	KUNIT_EXPECT_EQ(test, host->pins, GLUE_NGPIO);
	KUNIT_EXPECT_EQ(test, host->banks, 2);
	KUNIT_EXPECT_STREQ(test, host->name, GLUE_LABEL);
	KUNIT_EXPECT_PTR_EQ(test, clxhost_find_by_name(GLUE_LABEL), host);
	KUNIT_EXPECT_NULL(test, clxhost_find_by_name("clxkunit-none"));
	KUNIT_EXPECT_NULL(test, clxhost_find_by_fwnode(software_node_fwnode(&glue_node)));
	KUNIT_EXPECT_NULL(test, clxhost_find_by_acpi_path("\\_SB.NONE"));

	device_release_driver(&g->sim.pdev->dev);
	KUNIT_EXPECT_NULL(test, clxhost_find_by_fwnode(software_node_fwnode(&glue_bank)));
	KUNIT_EXPECT_NULL(test, clxhost_find_by_name(GLUE_LABEL));
}

/* gpiolib's view of line offset through the lookup table: a descriptor or ERR_PTR. */
static struct gpio_desc *glue_get_line(struct glue *g, unsigned int offset)
{
	if (!g->lookup) {
		g->lookup = kzalloc(struct_size(g->lookup, table, 2), GFP_KERNEL);
		if (!g->lookup)
			return ERR_PTR(-ENOMEM);
		g->lookup->dev_id = dev_name(&g->sim.pdev->dev);
		g->lookup->table[0] = GPIO_LOOKUP_IDX(GLUE_LABEL, offset, "kunit", 0,
						      GPIO_ACTIVE_HIGH);
		gpiod_add_lookup_table(g->lookup);
	}
	return gpiod_get(&g->sim.pdev->dev, "kunit", GPIOD_IN);
}

/*
 * The engine's referee seen from gpiolib, both ways: a model-side (GpioClx) connection
 * refuses a gpiolib request with EBUSY, and is shown to gpiolib as a request of the
 * line; a gpiolib request refuses the model side's connection; firmware refuses both.
 */
static void glue_referee(struct kunit *test)
{
	struct clxhost *host = clxhost_find_by_fwnode(software_node_fwnode(&glue_bank));
	struct clx_io_config in = { .mode = CLX_IO_INPUT, .pull = CLX_PULL_DEFAULT };
	struct glue *g = test->priv;
	struct gpio_desc *desc;
	unsigned long flags;
	int ret;

	KUNIT_ASSERT_NOT_NULL(test, host);
	flags = clxhost_lock(host);
	ret = clx_io_connect(host->chip, 0, BIT_ULL(3), &in, 0);
	clxhost_unlock(host, flags);
	KUNIT_ASSERT_EQ(test, ret, 0);
	clxhost_model_holds(host, 3, "kunit-model");
	KUNIT_EXPECT_TRUE(test, ksim_line_shows(host, 3, "kunit-model"));
	desc = glue_get_line(g, 3);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(desc), -EBUSY);
	clxhost_model_released(host, 3);
	KUNIT_EXPECT_FALSE(test, ksim_line_shows(host, 3, "kunit-model"));
	flags = clxhost_lock(host);
	/* gpiolib let go of its view, but the model connection still holds the pin */
	KUNIT_EXPECT_EQ(test, clx_pin_holder(host->chip, 3), CLX_HOLDER_MODEL);
	ret = clx_io_disconnect(host->chip, 0, BIT_ULL(3));
	clxhost_unlock(host, flags);
	KUNIT_ASSERT_EQ(test, ret, 0);

	g->desc = glue_get_line(g, 3);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, g->desc);
	flags = clxhost_lock(host);
	KUNIT_EXPECT_EQ(test, clx_pin_holder(host->chip, 3), CLX_HOLDER_NATIVE);
	KUNIT_EXPECT_EQ(test, clx_io_connect(host->chip, 0, BIT_ULL(3), &in, CLX_CONNECT_SHARED),
			-CLX_EBUSY);
	KUNIT_EXPECT_EQ(test, clx_firmware_reserve(host->chip, 0, BIT_ULL(3)), -CLX_EBUSY);
	clxhost_unlock(host, flags);
	gpiod_put(g->desc);
	g->desc = NULL;

	flags = clxhost_lock(host);
	KUNIT_EXPECT_EQ(test, clx_pin_holder(host->chip, 3), CLX_HOLDER_NONE);
	ret = clx_firmware_reserve(host->chip, 0, BIT_ULL(3));
	clxhost_unlock(host, flags);
	KUNIT_ASSERT_EQ(test, ret, 0);
	desc = glue_get_line(g, 3);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(desc), -EBUSY);
	flags = clxhost_lock(host);
	KUNIT_EXPECT_EQ(test, clx_firmware_release(host->chip, 0, BIT_ULL(3)), 0);
	clxhost_unlock(host, flags);
}

static struct kunit_case glue_cases[] = {
	KUNIT_CASE(glue_registry),
	KUNIT_CASE(glue_referee),
	KUNIT_CASE(glue_rising),
	KUNIT_CASE(glue_falling),
	KUNIT_CASE(glue_both),
	KUNIT_CASE(glue_level_high),
	KUNIT_CASE(glue_level_low),
	KUNIT_CASE(glue_wake),
	{}
};

static struct kunit_suite glue_suite = {
	.name = "clxgpio_glue",
	.init = glue_init,
	.exit = glue_exit,
	.test_cases = glue_cases,
};

/*
 * Suite "clxgpio_glue_storm": clxgpio's storm guard module parameters are set before
 * the device registers (they are read then) and reset to off afterwards.
 */
#define STORM_PARAM(name) "/sys/module/clxgpio/parameters/storm_" name
#define STORM_MAX_EVENTS 20
#define STORM_PERIOD_MS 50
#define STORM_REARM_TICKS 4   /* masked for 150..200 ms */

static int glue_storm_set(const char *max, const char *period, const char *rearm)
{
	ssize_t a = ksim_write_file(STORM_PARAM("max_events"), max);
	ssize_t b = ksim_write_file(STORM_PARAM("period_ms"), period);
	ssize_t c = ksim_write_file(STORM_PARAM("rearm_ticks"), rearm);

	return a < 0 ? a : b < 0 ? b : c < 0 ? c : 0;
}

static int glue_storm_init(struct kunit *test)
{
	int ret = glue_storm_set(__stringify(STORM_MAX_EVENTS), __stringify(STORM_PERIOD_MS),
				 __stringify(STORM_REARM_TICKS));

	return ret ?: glue_init(test);
}

static void glue_storm_exit(struct kunit *test)
{
	glue_exit(test);
	glue_storm_set("0", "100", "10");
}

/* The handler count, once it has stopped changing for GLUE_SETTLE_MS. */
static int glue_count_settled(struct glue *g)
{
	int before;

	do {
		before = atomic_read(&g->count);
		msleep(GLUE_SETTLE_MS);
	} while (atomic_read(&g->count) != before);
	return before;
}

/*
 * A level-high interrupt whose source the handler never removes fires as fast as the
 * irq path can go (without the guard it livelocks the CPU in irq_work). The storm
 * guard masks it after STORM_MAX_EVENTS events in a period; with the line deasserted
 * meanwhile nothing fires; once re-armed the pin delivers again through the same path.
 */
static void glue_storm_masks_and_rearms(struct kunit *test)
{
	struct glue *g = test->priv;
	int stormed, masked;

	glue_request(g, 6, 0, IRQF_TRIGGER_HIGH);
	glue_drive(g, 1);
	stormed = glue_count_after(g, STORM_MAX_EVENTS + 1, GLUE_WAIT_MS);
	KUNIT_EXPECT_GT(test, stormed, STORM_MAX_EVENTS);
	/*
	 * Masked: the level is still asserted, yet the count stops well inside the
	 * masked window.
	 */
	masked = glue_count_settled(g);
	KUNIT_EXPECT_LE(test, masked, 4 * STORM_MAX_EVENTS);
	KUNIT_EXPECT_EQ(test, gpiod_get_value(g->desc), 1);
	glue_drive(g, 0);
	/* Past the re-arm: deasserted, so still nothing. */
	msleep(STORM_PERIOD_MS * (STORM_REARM_TICKS + 3));
	KUNIT_EXPECT_EQ(test, atomic_read(&g->count), masked);
	/* Re-armed: asserting fires the handler again (and storms again, masked again). */
	glue_drive(g, 1);
	KUNIT_EXPECT_GT(test, glue_count_after(g, masked + 1, GLUE_WAIT_MS), masked);
	glue_drive(g, 0);
	KUNIT_EXPECT_LE(test, glue_count_settled(g), masked + 4 * STORM_MAX_EVENTS);
}

/* A pin toggling at a sane rate is never masked: every edge arrives. */
static void glue_storm_spares_real_edges(struct kunit *test)
{
	struct glue *g = test->priv;
	int i;

	glue_request(g, 9, 0, IRQF_TRIGGER_RISING | IRQF_TRIGGER_FALLING);
	for (i = 1; i <= 3 * STORM_MAX_EVENTS / 2; i++)
		glue_step(g, i & 1, i);
}

static struct kunit_case glue_storm_cases[] = {
	KUNIT_CASE(glue_storm_masks_and_rearms),
	KUNIT_CASE(glue_storm_spares_real_edges),
	{}
};

static struct kunit_suite glue_storm_suite = {
	.name = "clxgpio_glue_storm",
	.init = glue_storm_init,
	.exit = glue_storm_exit,
	.test_cases = glue_storm_cases,
};

kunit_test_suites(&glue_suite, &glue_storm_suite);
