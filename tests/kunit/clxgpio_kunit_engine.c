// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "clxgpio_engine": the engine and the simulated controller, compiled
 * into this module by the kernel toolchain with the kernel's code-generation flags
 * (tests/kunit/eng_*.cpp), driven through the C ABI only. Storage is kunit_kzalloc.
 */
#include <kunit/test.h>
#include <linux/errno.h>
#include <linux/module.h>

#include "../../kernel/controllers/clx_controllers.h"
#include "../../kernel/controllers/simgpio_hw.h"
#include "../../kernel/engine/clxgpio_abi.h"

/* Simulated controller register offsets (kernel/controllers/simgpio_regs.hpp). */
#define SIM_ENABLE 0x10

struct sim_rig {
	struct clx_simhw *hw;
	struct clx_controller ctl;
	struct clx_chip *chip;
	u16 total;
	u8 per_bank;
	unsigned int raised[4]; /* calls of the model's interrupt line, per bank */
};

/* The model's interrupt line (simgpio_hw.h). */
static void sim_rig_line(void *ctx, clx_u16 bank)
{
	struct sim_rig *r = ctx;

	if (bank < ARRAY_SIZE(r->raised))
		r->raised[bank]++;
}

static struct sim_rig *sim_rig_new(struct kunit *test, u16 total, u8 per_bank)
{
	struct sim_rig *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	long hw_size, ctl_size, size;
	void *hw_mem, *ctl_mem, *mem;

	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, r);
	r->total = total;
	r->per_bank = per_bank;
	hw_size = clx_simhw_storage_size(total, per_bank);
	ctl_size = clx_simgpio_storage_size(total, per_bank);
	KUNIT_ASSERT_GT(test, hw_size, 0);
	KUNIT_ASSERT_GT(test, ctl_size, 0);
	hw_mem = kunit_kzalloc(test, hw_size, GFP_KERNEL);
	ctl_mem = kunit_kzalloc(test, ctl_size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, hw_mem);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, ctl_mem);
	KUNIT_ASSERT_EQ(test, clx_simhw_init(hw_mem, hw_size, total, per_bank, sim_rig_line, r,
					     &r->hw), 0);
	KUNIT_ASSERT_EQ(test, clx_simgpio_init(ctl_mem, ctl_size, &clx_simhw_bus, r->hw, total,
					       per_bank, CLX_SIM_MEMORY_MAPPED, &r->ctl), 0);
	size = clx_chip_storage_size(&r->ctl.desc);
	KUNIT_ASSERT_GT(test, size, 0);
	mem = kunit_kzalloc(test, size, GFP_KERNEL);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, mem);
	KUNIT_ASSERT_EQ(test, clx_chip_create(mem, size, &r->ctl.desc, r->ctl.ops, r->ctl.ctx,
					      &r->chip), 0);
	KUNIT_ASSERT_EQ(test, clx_chip_start(r->chip, CLX_START_FIRST), 0);
	test->priv = r;
	return r;
}

static void clx_engine_exit(struct kunit *test)
{
	struct sim_rig *r = test->priv;

	if (r && r->chip) {
		clx_chip_stop(r->chip, CLX_STOP_FINAL);
		clx_chip_destroy(r->chip);
	}
}

static int dispatch(struct kunit *test, struct sim_rig *r, u16 bank, struct clx_dispatch *d)
{
	int n = clx_irq_dispatch(r->chip, bank, d);

	KUNIT_EXPECT_GE(test, n, 0);
	return n;
}

/* Exactly one event, on pin (bank-relative), of kind, with flags. */
static void __expect_one(struct kunit *test, int line, struct sim_rig *r, u16 bank, u16 pin,
			 u8 kind, u8 flags)
{
	struct clx_dispatch d;

	KUNIT_ASSERT_EQ_MSG(test, dispatch(test, r, bank, &d), 1, "line %d", line);
	KUNIT_EXPECT_EQ(test, d.events[0].pin, pin);
	KUNIT_EXPECT_EQ(test, d.events[0].kind, kind);
	KUNIT_EXPECT_EQ(test, d.events[0].flags, flags);
}

static void __expect_none(struct kunit *test, int line, struct sim_rig *r, u16 bank)
{
	struct clx_dispatch d;

	KUNIT_EXPECT_EQ_MSG(test, dispatch(test, r, bank, &d), 0, "line %d", line);
}

#define expect_one(test, ...) __expect_one(test, __LINE__, __VA_ARGS__)
#define expect_none(test, ...) __expect_none(test, __LINE__, __VA_ARGS__)

static void clx_engine_geometry(struct kunit *test)
{
	struct clx_controller_desc d = {
		.total_pins = 0, .pins_per_bank = 8, .caps = CLX_CAP_LEVEL
	};
	struct clx_irq_config bad = {
		.mode = 7, .polarity = CLX_POL_HIGH, .pull = CLX_PULL_DEFAULT
	};
	struct sim_rig *r;
	clx_u64 v;

	KUNIT_EXPECT_EQ(test, clx_chip_storage_size(&d), (long)-EINVAL);
	d.total_pins = 0xFFFF;
	KUNIT_EXPECT_EQ(test, clx_chip_storage_size(&d), (long)-E2BIG);
	d.total_pins = 256;
	d.pins_per_bank = 65;
	KUNIT_EXPECT_EQ(test, clx_chip_storage_size(&d), (long)-EMSGSIZE);
	d.total_pins = 16;
	d.pins_per_bank = 17;
	KUNIT_EXPECT_EQ(test, clx_chip_storage_size(&d), (long)-EDOM);
	d.pins_per_bank = 8;
	d.caps = CLX_CAP_ALL_MASK + 1;
	KUNIT_EXPECT_EQ(test, clx_chip_storage_size(&d), (long)-EINVAL);
	KUNIT_EXPECT_EQ(test, clx_chip_storage_size(NULL), (long)-EINVAL);
	/* The ABI's CLX_E* values are the kernel's errno values. */
	KUNIT_EXPECT_EQ(test, CLX_ERANGE, ERANGE);
	KUNIT_EXPECT_EQ(test, CLX_ECHRNG, ECHRNG);
	KUNIT_EXPECT_EQ(test, CLX_ENOTCONN, ENOTCONN);
	KUNIT_EXPECT_EQ(test, CLX_EOPNOTSUPP, EOPNOTSUPP);
	KUNIT_EXPECT_EQ(test, CLX_ENOBUFS, ENOBUFS);

	r = sim_rig_new(test, 20, 8);
	KUNIT_EXPECT_EQ(test, clx_chip_total_pins(r->chip), 20);
	KUNIT_EXPECT_EQ(test, clx_chip_bank_count(r->chip), 3);
	KUNIT_EXPECT_EQ(test, clx_chip_pins_per_bank(r->chip), 8);
	KUNIT_EXPECT_EQ(test, clx_chip_bank_irq_line(r->chip, 2), 2);
	KUNIT_EXPECT_EQ(test, clx_chip_bank_irq_line(r->chip, 3), -ECHRNG);
	KUNIT_EXPECT_GT(test, clx_chip_state_bytes(r->chip), 0u);
	KUNIT_EXPECT_EQ(test, clx_pin_read(r->chip, 20), -ERANGE);
	KUNIT_EXPECT_EQ(test, clx_pin_write(r->chip, 20, 1), -ERANGE);
	KUNIT_EXPECT_EQ(test, clx_pin_get_direction(r->chip, 20), -ERANGE);
	KUNIT_EXPECT_EQ(test, clx_bank_read(r->chip, 3, 1, &v), -ECHRNG);
	KUNIT_EXPECT_EQ(test, clx_irq_dispatch(r->chip, 3, &(struct clx_dispatch){}), -ECHRNG);
	KUNIT_EXPECT_EQ(test, clx_pin_set_direction(r->chip, 1, 9, 0), -EINVAL);
	KUNIT_EXPECT_EQ(test, clx_irq_connect(r->chip, 1, &bad, 0), -EINVAL);
	bad.mode = CLX_IRQ_LEVEL;
	KUNIT_EXPECT_EQ(test, clx_irq_connect(r->chip, 1, &bad, 1u << 7), -EINVAL);
	KUNIT_EXPECT_EQ(test, clx_irq_disconnect(r->chip, 1), -ENOTCONN);
	/*
	 * The simulated hardware has no debounce or both-edge of its own, but the engine
	 * emulates debounce; drive strength is not supported.
	 */
	KUNIT_EXPECT_EQ(test, clx_pin_set_drive_strength(r->chip, 1, 400), -EOPNOTSUPP);
	/* Last bank is short: pins 16..19 only. */
	KUNIT_EXPECT_EQ(test, clx_bank_read(r->chip, 2, 0x10, &v), -ERANGE);
}

static void clx_engine_read_write_masks(struct kunit *test)
{
	struct sim_rig *r = sim_rig_new(test, 16, 8);
	clx_u64 v = 0;
	int i;

	for (i = 8; i < 12; i++)
		KUNIT_ASSERT_EQ(test, clx_pin_set_direction(r->chip, i, CLX_IO_OUTPUT, 0), 0);
	KUNIT_EXPECT_EQ(test, clx_pin_get_direction(r->chip, 8), 0);
	KUNIT_EXPECT_EQ(test, clx_pin_get_direction(r->chip, 12), 1);
	/* Bank 1, pins 0..3 are outputs (controller pins 8..11). */
	KUNIT_ASSERT_EQ(test, clx_bank_write(r->chip, 1, 0x5, 0x0), 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_level(r->hw, 8), 1);
	KUNIT_EXPECT_EQ(test, clx_simhw_level(r->hw, 9), 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_level(r->hw, 10), 1);
	KUNIT_ASSERT_EQ(test, clx_bank_write(r->chip, 1, 0x2, 0x1), 0);
	KUNIT_ASSERT_EQ(test, clx_bank_read(r->chip, 1, 0xF, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0x6ull);
	/* The read mask limits what is reported. */
	KUNIT_ASSERT_EQ(test, clx_bank_read(r->chip, 1, 0x4, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0x4ull);
	/* Inputs follow the outside world. */
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 13, 1), 0);
	KUNIT_ASSERT_EQ(test, clx_bank_read(r->chip, 1, 0x30, &v), 0);
	KUNIT_EXPECT_EQ(test, v, 0x20ull);
	KUNIT_EXPECT_EQ(test, clx_pin_read(r->chip, 13), 1);
	KUNIT_EXPECT_EQ(test, clx_pin_read(r->chip, 12), 0);
	/* Writes to other banks' bits or pins beyond the bank are refused. */
	KUNIT_EXPECT_EQ(test, clx_bank_write(r->chip, 1, 1ull << 8, 0), -ERANGE);
	KUNIT_EXPECT_EQ(test, clx_simhw_level(r->hw, 8), 0);
	KUNIT_EXPECT_EQ(test, clx_pin_write(r->chip, 9, 0), 0);
	KUNIT_EXPECT_EQ(test, clx_pin_read(r->chip, 9), 0);
}

static void clx_engine_active_both(struct kunit *test)
{
	struct clx_irq_config cfg = { CLX_IRQ_EDGE, CLX_POL_BOTH, CLX_PULL_DEFAULT, 0 };
	struct sim_rig *r = sim_rig_new(test, 16, 8);

	/*
	 * GpioClx ActiveBoth (asserted low by default): the line already low at connect
	 * gives the asserted event at once, then strict alternation.
	 */
	clx_simhw_set_pull(r->hw, 3, 0);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 3, &cfg, 0), 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_irq_pending(r->hw, 0), 1);
	expect_one(test, r, 0, 3, CLX_EVENT_FALLING, CLX_EVENT_ASSERTED);
	KUNIT_EXPECT_EQ(test, clx_simhw_irq_pending(r->hw, 0), 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 3, 1), 1);
	expect_one(test, r, 0, 3, CLX_EVENT_RISING, 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 3, 1), 0);
	expect_none(test, r, 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 3, 0), 1);
	expect_one(test, r, 0, 3, CLX_EVENT_FALLING, CLX_EVENT_ASSERTED);
	KUNIT_EXPECT_EQ(test, clx_irq_disconnect(r->chip, 3), 0);

	/* Linux edge semantics: no initial event, armed from the present level. */
	clx_simhw_set_pull(r->hw, 12, 0);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 12, &cfg, CLX_CONNECT_EDGE_SEMANTICS),
			0);
	KUNIT_EXPECT_EQ(test, clx_simhw_irq_pending(r->hw, 1), 0);
	expect_none(test, r, 1);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 12, 1), 1);
	expect_one(test, r, 1, 4, CLX_EVENT_RISING, 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 12, 0), 1);
	expect_one(test, r, 1, 4, CLX_EVENT_FALLING, CLX_EVENT_ASSERTED);
}

static void clx_engine_dsm_asserted_high(struct kunit *test)
{
	struct clx_irq_config cfg = { CLX_IRQ_EDGE, CLX_POL_BOTH, CLX_PULL_DEFAULT, 0 };
	struct sim_rig *r = sim_rig_new(test, 16, 8);

	KUNIT_EXPECT_EQ(test, clx_irq_set_asserted_high(r->chip, 16, 1), -ERANGE);
	/* _DSM function 1: asserted high. A low line gives nothing at connect. */
	KUNIT_ASSERT_EQ(test, clx_irq_set_asserted_high(r->chip, 5, 1), 0);
	clx_simhw_set_pull(r->hw, 5, 0);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 5, &cfg, 0), 0);
	expect_none(test, r, 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 5, 1), 1);
	expect_one(test, r, 0, 5, CLX_EVENT_RISING, CLX_EVENT_ASSERTED);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 5, 0), 1);
	expect_one(test, r, 0, 5, CLX_EVENT_FALLING, 0);
	KUNIT_EXPECT_EQ(test, clx_irq_disconnect(r->chip, 5), 0);
	/* A line already high at connect asserts at once. */
	clx_simhw_set_pull(r->hw, 5, 1);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 5, &cfg, 0), 0);
	expect_one(test, r, 0, 5, CLX_EVENT_RISING, CLX_EVENT_ASSERTED);
}

static void clx_engine_debounce(struct kunit *test)
{
	struct clx_irq_config cfg = { CLX_IRQ_EDGE, CLX_POL_HIGH, CLX_PULL_DEFAULT, 100 };
	struct sim_rig *r = sim_rig_new(test, 16, 8);
	struct clx_dispatch d;

	clx_simhw_set_pull(r->hw, 2, 0);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 2, &cfg, 0), 0);
	/* Rising: no event yet, the timer (re)starts. */
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 2, 1), 1);
	KUNIT_EXPECT_EQ(test, dispatch(test, r, 0, &d), 0);
	KUNIT_EXPECT_EQ(test, d.debounce_restart, 0x4ull);
	/* Bounce back before expiry: the change is off, expiry delivers nothing. */
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 2, 0), 1);
	KUNIT_EXPECT_EQ(test, dispatch(test, r, 0, &d), 0);
	KUNIT_EXPECT_EQ(test, d.debounce_restart, 0ull);
	KUNIT_EXPECT_EQ(test, clx_debounce_expired(r->chip, 0, 0x4, &d), 0);
	/* Rise again and stay: the restarted timer expires with one rising event. */
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 2, 1), 1);
	KUNIT_EXPECT_EQ(test, dispatch(test, r, 0, &d), 0);
	KUNIT_EXPECT_EQ(test, d.debounce_restart, 0x4ull);
	KUNIT_ASSERT_EQ(test, clx_debounce_expired(r->chip, 0, 0x4, &d), 1);
	KUNIT_EXPECT_EQ(test, d.events[0].pin, 2);
	KUNIT_EXPECT_EQ(test, d.events[0].kind, CLX_EVENT_RISING);
	/* A second expiry has nothing pending. */
	KUNIT_EXPECT_EQ(test, clx_debounce_expired(r->chip, 0, 0x4, &d), 0);
	/*
	 * Falling after a debounced rise: timer restarts, the expiry gives no event
	 * (rising only).
	 */
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 2, 0), 1);
	KUNIT_EXPECT_EQ(test, dispatch(test, r, 0, &d), 0);
	KUNIT_EXPECT_EQ(test, d.debounce_restart, 0x4ull);
	KUNIT_EXPECT_EQ(test, clx_debounce_expired(r->chip, 0, 0x4, &d), 0);
	KUNIT_EXPECT_EQ(test, clx_debounce_expired(r->chip, 0, 1ull << 8, &d), -ERANGE);
}

static u32 sim_enabled(struct sim_rig *r, u16 bank)
{
	return clx_simhw_bus.read32(r->hw, bank * CLX_SIMHW_BANK_STRIDE + SIM_ENABLE);
}

static void clx_engine_shared(struct kunit *test)
{
	struct clx_irq_config cfg = { CLX_IRQ_LEVEL, CLX_POL_HIGH, CLX_PULL_DEFAULT, 0 };
	struct clx_irq_config other = { CLX_IRQ_LEVEL, CLX_POL_LOW, CLX_PULL_DEFAULT, 0 };
	struct sim_rig *r = sim_rig_new(test, 16, 8);

	KUNIT_EXPECT_EQ(test, sim_enabled(r, 0), 0u);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 6, &cfg, CLX_CONNECT_SHARED), 0);
	KUNIT_EXPECT_EQ(test, sim_enabled(r, 0), 0x40u);
	KUNIT_EXPECT_EQ(test, clx_irq_is_connected(r->chip, 6), 1);
	/* A second shared consumer must ask for the same configuration. */
	KUNIT_EXPECT_LT(test, clx_irq_connect(r->chip, 6, &other, CLX_CONNECT_SHARED), 0);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 6, &cfg, CLX_CONNECT_SHARED), 0);
	/* An exclusive connect on a shared pin is refused. */
	KUNIT_EXPECT_EQ(test, clx_irq_connect(r->chip, 6, &cfg, 0), -EBUSY);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 6, 1), 1);
	expect_one(test, r, 0, 6, CLX_EVENT_LEVEL, 0);
	/* First disconnect keeps the pin enabled, the last one disables it. */
	KUNIT_ASSERT_EQ(test, clx_irq_disconnect(r->chip, 6), 0);
	KUNIT_EXPECT_EQ(test, sim_enabled(r, 0), 0x40u);
	KUNIT_EXPECT_EQ(test, clx_irq_is_connected(r->chip, 6), 1);
	KUNIT_EXPECT_EQ(test, clx_simhw_irq_pending(r->hw, 0), 1);
	KUNIT_ASSERT_EQ(test, clx_irq_disconnect(r->chip, 6), 0);
	KUNIT_EXPECT_EQ(test, sim_enabled(r, 0), 0u);
	KUNIT_EXPECT_EQ(test, clx_irq_is_connected(r->chip, 6), 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_irq_pending(r->hw, 0), 0);
	KUNIT_EXPECT_EQ(test, clx_irq_disconnect(r->chip, 6), -ENOTCONN);
}

static void clx_engine_mask_unmask(struct kunit *test)
{
	struct clx_irq_config cfg = { CLX_IRQ_LEVEL, CLX_POL_LOW, CLX_PULL_DEFAULT, 0 };
	struct sim_rig *r = sim_rig_new(test, 16, 8);

	clx_simhw_set_pull(r->hw, 9, 1);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 9, &cfg, 0), 0);
	expect_none(test, r, 1);
	KUNIT_ASSERT_EQ(test, clx_irq_mask(r->chip, 9), 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 9, 0), 0);
	expect_none(test, r, 1);
	/* Unmasking with the level still asserted delivers it. */
	KUNIT_ASSERT_EQ(test, clx_irq_unmask(r->chip, 9), 0);
	KUNIT_EXPECT_EQ(test, clx_simhw_irq_pending(r->hw, 1), 1);
	expect_one(test, r, 1, 1, CLX_EVENT_LEVEL, 0);
	/* Level: keeps firing while asserted. */
	expect_one(test, r, 1, 1, CLX_EVENT_LEVEL, 0);
	/*
	 * The consumer services the source between mask and unmask (as handle_level_irq
	 * does): the status latched meanwhile is dropped at unmask, nothing fires.
	 */
	KUNIT_ASSERT_EQ(test, clx_irq_mask(r->chip, 9), 0);
	clx_simhw_set_pull(r->hw, 9, 1);
	KUNIT_ASSERT_EQ(test, clx_irq_unmask(r->chip, 9), 0);
	expect_none(test, r, 1);
}

static void clx_engine_storm_guard(struct kunit *test)
{
	struct clx_irq_config cfg = { CLX_IRQ_LEVEL, CLX_POL_HIGH, CLX_PULL_DEFAULT, 0 };
	struct clx_storm_config storm = { .max_events = 3, .rearm_ticks = 2 };
	struct sim_rig *r = sim_rig_new(test, 16, 8);
	struct clx_dispatch d;
	clx_u64 rearmed = ~0ull;
	int i;

	storm.rearm_ticks = 0;
	KUNIT_EXPECT_EQ(test, clx_storm_configure(r->chip, &storm), -EINVAL);
	storm.rearm_ticks = 2;
	KUNIT_ASSERT_EQ(test, clx_storm_configure(r->chip, &storm), 0);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 4, &cfg, 0), 0);
	clx_simhw_set_pull(r->hw, 4, 1);
	KUNIT_ASSERT_EQ(test, clx_storm_tick(r->chip, 0, &rearmed), 0);
	KUNIT_EXPECT_EQ(test, rearmed, 0ull);
	/* A level stuck asserted: max_events events, then the pin is masked. */
	for (i = 0; i < 3; i++)
		expect_one(test, r, 0, 4, CLX_EVENT_LEVEL, 0);
	KUNIT_EXPECT_EQ(test, dispatch(test, r, 0, &d), 0);
	KUNIT_EXPECT_EQ(test, d.storm_masked, 0x10ull);
	KUNIT_EXPECT_EQ(test, clx_simhw_irq_pending(r->hw, 0), 0);
	KUNIT_EXPECT_EQ(test, sim_enabled(r, 0), 0u);
	expect_none(test, r, 0);
	/* Re-armed after rearm_ticks periods. */
	KUNIT_ASSERT_EQ(test, clx_storm_tick(r->chip, 0, &rearmed), 0);
	KUNIT_EXPECT_EQ(test, rearmed, 0ull);
	KUNIT_ASSERT_EQ(test, clx_storm_tick(r->chip, 0, &rearmed), 0);
	KUNIT_EXPECT_EQ(test, rearmed, 0x10ull);
	KUNIT_EXPECT_EQ(test, sim_enabled(r, 0), 0x10u);
	expect_one(test, r, 0, 4, CLX_EVENT_LEVEL, 0);
	KUNIT_EXPECT_EQ(test, clx_storm_tick(r->chip, 3, &rearmed), -ECHRNG);
}

/* The model raises its own interrupt line: once per access that leaves it asserted. */
static void clx_engine_hw_line(struct kunit *test)
{
	struct clx_irq_config low = { CLX_IRQ_LEVEL, CLX_POL_LOW, CLX_PULL_DEFAULT, 0 };
	struct sim_rig *r = sim_rig_new(test, 16, 8);

	clx_simhw_set_pull(r->hw, 10, 1);
	KUNIT_ASSERT_EQ(test, clx_irq_connect(r->chip, 10, &low, 0), 0);
	KUNIT_EXPECT_EQ(test, r->raised[1], 0u);
	KUNIT_EXPECT_EQ(test, clx_simhw_set_pull(r->hw, 10, 0), 1);
	KUNIT_EXPECT_EQ(test, r->raised[1], 1u);
	KUNIT_EXPECT_EQ(test, r->raised[0], 0u);
	/* A level event is neither masked nor cleared by the service. */
	expect_one(test, r, 1, 2, CLX_EVENT_LEVEL, 0);
	KUNIT_EXPECT_EQ(test, r->raised[1], 1u);
	KUNIT_ASSERT_EQ(test, clx_irq_mask(r->chip, 10), 0);
	KUNIT_EXPECT_EQ(test, r->raised[1], 1u);
	/* Unmasked while still low: asserted again, raised again. */
	KUNIT_ASSERT_EQ(test, clx_irq_unmask(r->chip, 10), 0);
	KUNIT_EXPECT_EQ(test, r->raised[1], 2u);
}

static struct kunit_case clx_engine_cases[] = {
	KUNIT_CASE(clx_engine_geometry),
	KUNIT_CASE(clx_engine_read_write_masks),
	KUNIT_CASE(clx_engine_active_both),
	KUNIT_CASE(clx_engine_dsm_asserted_high),
	KUNIT_CASE(clx_engine_debounce),
	KUNIT_CASE(clx_engine_shared),
	KUNIT_CASE(clx_engine_mask_unmask),
	KUNIT_CASE(clx_engine_storm_guard),
	KUNIT_CASE(clx_engine_hw_line),
	{}
};

static struct kunit_suite clx_engine_suite = {
	.name = "clxgpio_engine",
	.exit = clx_engine_exit,
	.test_cases = clx_engine_cases,
};

kunit_test_suite(clx_engine_suite);

MODULE_DESCRIPTION("clxgpio KUnit tests: the engine in the kernel and the Linux glue");
MODULE_LICENSE("GPL");
