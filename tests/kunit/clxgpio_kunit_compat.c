// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite "clxgpio_compat": the GpioClx-model front end's in-kernel API
 * (compat/kernel/clxcompat.h) on the real clxgpio.ko, on two simulated controllers (16
 * lines in engine banks of 8: one memory-mapped, one sleeping) and on QEMU virt's PL061.
 * The simulated lines' levels are read and driven through the simulator's sysfs
 * attributes, independently of the connection under test; every failure is checked with
 * its errno and its NTSTATUS.
 */
#include <kunit/test.h>
#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/gpio/consumer.h>
#include <linux/gpio/machine.h>
#include <linux/slab.h>
#include <linux/wait.h>

#include "../../compat/kernel/clxcompat.h"
#include "../../compat/include/clx_acpi.h"
#include "../../compat/include/clx_ntstatus.h"
#include "clxgpio_kunit_sim.h"

#define KC_MM "kcompat-mm"
#define KC_SL "kcompat-sl"
#define KC_PL061 "9030000.pl061"
#define KC_WAIT_MS 1000
#define KC_SETTLE_MS 30
#define KC_MAX_EVENTS 16

static const struct property_entry kc_mm_props[] = {
	PROPERTY_ENTRY_U32("ngpios", 16),
	PROPERTY_ENTRY_U32("clxgpio,pins-per-bank", 8),
	PROPERTY_ENTRY_STRING("gpio-sim,label", KC_MM),
	{ }
};

static const struct property_entry kc_sl_props[] = {
	PROPERTY_ENTRY_U32("ngpios", 16),
	PROPERTY_ENTRY_U32("clxgpio,pins-per-bank", 8),
	PROPERTY_ENTRY_BOOL("clxgpio,sleeping"),
	PROPERTY_ENTRY_STRING("gpio-sim,label", KC_SL),
	{ }
};

static const struct software_node kc_mm_dev = { .name = "kcompat-mm-dev" };

static const struct software_node kc_mm_bank = {
	.name = "bank0", .parent = &kc_mm_dev, .properties = kc_mm_props,
};

static const struct software_node kc_sl_dev = { .name = "kcompat-sl-dev" };

static const struct software_node kc_sl_bank = {
	.name = "bank0", .parent = &kc_sl_dev, .properties = kc_sl_props,
};

static const struct software_node *kc_mm_nodes[] = { &kc_mm_dev, &kc_mm_bank, NULL };
static const struct software_node *kc_sl_nodes[] = { &kc_sl_dev, &kc_sl_bank, NULL };

struct kc {
	struct ksim sim[2];       /* [0] memory-mapped, [1] sleeping */
	struct gpiod_lookup_table *lookup;
	atomic_t count;
	struct clxcompat_irq_event ev[KC_MAX_EVENTS];
	wait_queue_head_t wq;
};

static const char *const kc_label[2] = { KC_MM, KC_SL };

static int kc_init(struct kunit *test)
{
	struct kc *k = kunit_kzalloc(test, sizeof(*k), GFP_KERNEL);
	int ret;

	if (!k)
		return -ENOMEM;
	atomic_set(&k->count, 0);
	init_waitqueue_head(&k->wq);
	test->priv = k;
	ret = ksim_add(&k->sim[0], test, kc_mm_nodes);
	if (!ret)
		ret = ksim_add(&k->sim[1], test, kc_sl_nodes);
	return ret;
}

static void kc_exit(struct kunit *test)
{
	struct kc *k = test->priv;

	if (!k)
		return;
	if (k->lookup) {
		gpiod_remove_lookup_table(k->lookup);
		kfree(k->lookup);
	}
	ksim_remove(&k->sim[1]);
	ksim_remove(&k->sim[0]);
}

static struct clxcompat_io_params kc_io(const u16 *pins, u16 n, u8 restriction, bool shared)
{
	return (struct clxcompat_io_params) {
		.pins = pins, .pin_count = n, .io_restriction = restriction, .shared = shared,
		.pin_config = CLX_ACPI_PIN_DEFAULT,
	};
}

/* Opens a resource expecting success; the connection is closed by the caller. */
static struct clxcompat_io *kc_open(struct kunit *test, const char *chip,
				    const struct clxcompat_io_params *p, enum clx_res_access a)
{
	struct clxcompat_io *io = NULL;
	u32 st = 0;

	KUNIT_EXPECT_EQ(test, clxcompat_io_open(chip, p, a, "kunit-res", &io, &st), 0);
	KUNIT_EXPECT_EQ(test, st, CLX_STATUS_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, io);
	return io;
}

/*
 * An open that must fail with err and status, and leave *out alone. A macro so that a
 * failure names the caller's line; each argument is evaluated once.
 */
#define KC_OPEN_FAILS(test, chip, p, a, err, status)                                       \
	do {                                                                               \
		struct kunit *__t = (test);                                                \
		struct clxcompat_io *__io = NULL;                                          \
		u32 __st = 0;                                                              \
		KUNIT_EXPECT_EQ(__t, clxcompat_io_open(chip, p, a, "kunit", &__io, &__st),  \
				err);                                                      \
		KUNIT_EXPECT_EQ(__t, __st, (u32)(status));                                 \
		KUNIT_EXPECT_NULL(__t, __io);                                              \
	} while (0)

/*
 * Bit i of the buffer is the i-th pin of the table, across engine banks, on both
 * simulated controllers; bits past the pin count are ignored on write and read back 0;
 * closing returns the pins to their default (inputs at their pull), NoneAndPreserve
 * leaves them driving.
 */
static void kc_io_bits(struct kunit *test)
{
	static const u16 pins[] = { 7, 8, 3, 12 };	/* banks 0, 1, 0, 1 */
	struct kc *k = test->priv;
	struct clxcompat_io_params p = kc_io(pins, 4, CLX_ACPI_IO_NONE, false);
	int c;

	for (c = 0; c < 2; c++) {
		struct ksim *s = &k->sim[c];
		struct clxcompat_io *io;
		u8 buf[2] = { 0xFA, 0xEE };	/* 1010 in the low nibble, junk above */
		size_t done = 0;
		u32 st = 0;

		io = kc_open(test, kc_label[c], &p, CLX_RES_WRITE);
		KUNIT_EXPECT_EQ(test, clxcompat_io_pin_count(io), 4u);
		KUNIT_EXPECT_EQ(test, clxcompat_io_write(io, buf, 1, &done, &st), 0);
		KUNIT_EXPECT_EQ(test, done, (size_t)1);
		KUNIT_EXPECT_EQ(test, st, CLX_STATUS_SUCCESS);
		KUNIT_EXPECT_EQ(test, ksim_level(s, 7), 0);
		KUNIT_EXPECT_EQ(test, ksim_level(s, 8), 1);
		KUNIT_EXPECT_EQ(test, ksim_level(s, 3), 0);
		KUNIT_EXPECT_EQ(test, ksim_level(s, 12), 1);
		/* READ_PINS on a write connection: the output latches, bits past N zero */
		buf[0] = 0xFF;
		KUNIT_EXPECT_EQ(test, clxcompat_io_read(io, buf, 2, &done, NULL), 0);
		KUNIT_EXPECT_EQ(test, buf[0], 0x0A);
		KUNIT_EXPECT_EQ(test, buf[1], 0xEE);	/* past ceil(N/8): untouched */
		clxcompat_io_close(io);
		KUNIT_EXPECT_EQ(test, ksim_level(s, 8), 0);	/* back to the pull (down) */
		KUNIT_EXPECT_EQ(test, ksim_level(s, 12), 0);

		p.io_restriction = CLX_ACPI_IO_NONE_AND_PRESERVE;
		io = kc_open(test, kc_label[c], &p, CLX_RES_WRITE);
		buf[0] = 0x02;	/* pin 8 high */
		KUNIT_EXPECT_EQ(test, clxcompat_io_write(io, buf, 1, NULL, NULL), 0);
		clxcompat_io_close(io);
		KUNIT_EXPECT_EQ(test, ksim_level(s, 8), 1);	/* still driven */
		p.io_restriction = CLX_ACPI_IO_NONE;
		io = kc_open(test, kc_label[c], &p, CLX_RES_WRITE);	/* and can be reopened */
		clxcompat_io_close(io);

		/* A read connection reads the lines: bits in table order. */
		ksim_drive(s, 7, 1);
		ksim_drive(s, 8, 0);
		ksim_drive(s, 3, 1);
		ksim_drive(s, 12, 1);
		io = kc_open(test, kc_label[c], &p, CLX_RES_READ);
		buf[0] = 0xF0;
		KUNIT_EXPECT_EQ(test, clxcompat_io_read(io, buf, 1, &done, &st), 0);
		KUNIT_EXPECT_EQ(test, buf[0], 0x0D);	/* 7 -> bit 0, 8 -> 1, 3 -> 2, 12 -> 3 */
		clxcompat_io_close(io);
		ksim_drive(s, 7, 0);
		ksim_drive(s, 3, 0);
		ksim_drive(s, 12, 0);
	}
}

/* Every denial with its errno and status; nothing changes on a refusal. */
static void kc_io_denials(struct kunit *test)
{
	static const u16 pins[] = { 1, 2 }, dup[] = { 4, 5, 4 }, far[] = { 4, 16 };
	static const u16 nine[] = { 0, 1, 2, 3, 4, 5, 6, 8, 9 };
	struct kc *k = test->priv;
	struct clxcompat_io_params p = kc_io(pins, 2, CLX_ACPI_IO_INPUT_ONLY, false);
	struct clxcompat_io *io, *io2;
	u8 buf[2] = { 0x3, 0 };
	u32 st = 0;

	KC_OPEN_FAILS(test, KC_MM, &p, CLX_RES_WRITE, -EPERM, CLX_STATUS_GPIO_OPERATION_DENIED);
	KC_OPEN_FAILS(test, KC_MM, &p, CLX_RES_READ_WRITE, -EPERM,
		      CLX_STATUS_GPIO_OPERATION_DENIED);
	p.io_restriction = CLX_ACPI_IO_OUTPUT_ONLY;
	KC_OPEN_FAILS(test, KC_MM, &p, CLX_RES_READ, -EPERM, CLX_STATUS_GPIO_OPERATION_DENIED);
	p.io_restriction = CLX_ACPI_IO_NONE;
	KC_OPEN_FAILS(test, "kcompat-none", &p, CLX_RES_READ, -ENODEV,
		      CLX_STATUS_NO_SUCH_DEVICE);
	p.pin_config = 0x80;	/* vendor-defined: no controller here knows one */
	KC_OPEN_FAILS(test, KC_MM, &p, CLX_RES_READ, -EOPNOTSUPP, CLX_STATUS_NOT_SUPPORTED);
	p.pin_config = CLX_ACPI_PIN_DEFAULT;
	p.pins = dup;
	p.pin_count = 3;
	KC_OPEN_FAILS(test, KC_MM, &p, CLX_RES_READ, -EINVAL, CLX_STATUS_INVALID_PARAMETER);
	p.pins = far;
	p.pin_count = 2;
	KC_OPEN_FAILS(test, KC_MM, &p, CLX_RES_READ, -EINVAL, CLX_STATUS_INVALID_PARAMETER);

	/* WRITE_PINS on a read connection; a short buffer: refused, no pin changed */
	p.pins = pins;
	io = kc_open(test, KC_SL, &p, CLX_RES_READ);
	KUNIT_EXPECT_EQ(test, clxcompat_io_write(io, buf, 1, NULL, &st), -EPERM);
	KUNIT_EXPECT_EQ(test, st, CLX_STATUS_GPIO_OPERATION_DENIED);
	KUNIT_EXPECT_EQ(test, ksim_level(&k->sim[1], 1), 0);
	KUNIT_EXPECT_EQ(test, clxcompat_io_read(io, buf, 0, NULL, &st), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, st, CLX_STATUS_BUFFER_TOO_SMALL);
	KUNIT_EXPECT_EQ(test, buf[0], 0x3);	/* untouched */

	/* Exclusive: a second open of a held pin, any mode, is refused */
	KC_OPEN_FAILS(test, KC_SL, &p, CLX_RES_READ, -EBUSY,
		      CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE);
	clxcompat_io_close(io);
	/* Shared: the same mode joins, another mode is refused */
	p.shared = true;
	io = kc_open(test, KC_SL, &p, CLX_RES_READ);
	io2 = kc_open(test, KC_SL, &p, CLX_RES_READ);
	KC_OPEN_FAILS(test, KC_SL, &p, CLX_RES_WRITE, -EBUSY,
		      CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE);
	clxcompat_io_close(io2);
	clxcompat_io_close(io);

	p.pins = nine;
	p.pin_count = 9;
	p.shared = false;
	io = kc_open(test, KC_MM, &p, CLX_RES_WRITE);
	KUNIT_EXPECT_EQ(test, clxcompat_io_write(io, buf, 1, NULL, &st), -ENOBUFS);
	KUNIT_EXPECT_EQ(test, st, CLX_STATUS_BUFFER_TOO_SMALL);
	KUNIT_EXPECT_EQ(test, ksim_level(&k->sim[0], 0), 0);
	clxcompat_io_close(io);
}

/* gpiolib's view of a line through a lookup table: a descriptor or ERR_PTR. */
static struct gpio_desc *kc_gpiod(struct kc *k, unsigned int offset)
{
	if (!k->lookup) {
		k->lookup = kzalloc(struct_size(k->lookup, table, 2), GFP_KERNEL);
		if (!k->lookup)
			return ERR_PTR(-ENOMEM);
		k->lookup->dev_id = dev_name(&k->sim[0].pdev->dev);
		k->lookup->table[0] = GPIO_LOOKUP_IDX(KC_MM, offset, "kc", 0, GPIO_ACTIVE_HIGH);
		gpiod_add_lookup_table(k->lookup);
	}
	return gpiod_get(&k->sim[0].pdev->dev, "kc", GPIOD_ASIS);
}

/*
 * One referee with gpiolib: a compat connection shows in gpiolib as the line's consumer
 * and refuses a gpiolib request with EBUSY; a gpiolib request refuses a compat open with
 * STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE; a firmware-reserved pin refuses both.
 */
static void kc_referee(struct kunit *test)
{
	static const u16 pins[] = { 5 };
	struct clxhost *host = clxhost_find_by_name(KC_MM);
	struct kc *k = test->priv;
	struct clxcompat_io_params p = kc_io(pins, 1, CLX_ACPI_IO_NONE, true);
	struct clxcompat_io *io;
	struct gpio_desc *desc;
	unsigned long flags;

	KUNIT_ASSERT_NOT_NULL(test, host);
	io = kc_open(test, KC_MM, &p, CLX_RES_READ);
	KUNIT_EXPECT_TRUE(test, ksim_line_shows(host, 5, "kunit-res"));
	desc = kc_gpiod(k, 5);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(desc), -EBUSY);
	clxcompat_io_close(io);
	KUNIT_EXPECT_FALSE(test, ksim_line_shows(host, 5, "kunit-res"));

	desc = kc_gpiod(k, 5);
	KUNIT_ASSERT_NOT_ERR_OR_NULL(test, desc);
	KC_OPEN_FAILS(test, KC_MM, &p, CLX_RES_READ, -EBUSY,
		      CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE);
	gpiod_put(desc);

	flags = clxhost_lock(host);
	KUNIT_ASSERT_EQ(test, clx_firmware_reserve(host->chip, 0, BIT_ULL(5)), 0);
	clxhost_unlock(host, flags);
	KC_OPEN_FAILS(test, KC_MM, &p, CLX_RES_READ, -EACCES, CLX_STATUS_ACCESS_DENIED);
	desc = kc_gpiod(k, 5);
	KUNIT_EXPECT_EQ(test, PTR_ERR_OR_ZERO(desc), -EBUSY);
	flags = clxhost_lock(host);
	KUNIT_EXPECT_EQ(test, clx_firmware_release(host->chip, 0, BIT_ULL(5)), 0);
	clxhost_unlock(host, flags);
}

static void kc_handler(void *ctx, const struct clxcompat_irq_event *ev)
{
	struct kc *k = ctx;
	int n = atomic_read(&k->count);

	if (n < KC_MAX_EVENTS)
		k->ev[n] = *ev;
	atomic_inc(&k->count);
	wake_up(&k->wq);
}

/* Waits until the handler ran want times (or the timeout), then lets late events in. */
static int kc_events(struct kc *k, int want)
{
	wait_event_timeout(k->wq, atomic_read(&k->count) >= want, msecs_to_jiffies(KC_WAIT_MS));
	msleep(KC_SETTLE_MS);
	return atomic_read(&k->count);
}

/*
 * ActiveBoth as GpioClx emulates it, on both simulated controllers: the first event after
 * connect is "asserted", at once if the line already is; asserted is low by default and
 * high when the controller's _DSM says so; events strictly alternate and carry a
 * timestamp.
 */
static void kc_active_both(struct kunit *test)
{
	struct clxcompat_irq_params p = {
		.pin = 2, .int_mode = CLX_ACPI_EDGE, .polarity = CLX_ACPI_ACTIVE_BOTH,
		.pin_config = CLX_ACPI_PIN_DEFAULT,
	};
	struct kc *k = test->priv;
	int c;

	for (c = 0; c < 2; c++) {
		struct ksim *s = &k->sim[c];
		struct clxcompat_irq *irq = NULL;
		u32 st = 0;

		/* deasserted (high) at connect: nothing until it goes low */
		atomic_set(&k->count, 0);
		ksim_drive(s, 2, 1);
		KUNIT_ASSERT_EQ(test, clxcompat_irq_connect(kc_label[c], &p, kc_handler, k,
							    "kunit-irq", &irq, &st), 0);
		KUNIT_EXPECT_EQ(test, st, CLX_STATUS_SUCCESS);
		KUNIT_EXPECT_EQ(test, kc_events(k, 1), 0);
		ksim_drive(s, 2, 0);
		KUNIT_EXPECT_EQ(test, kc_events(k, 1), 1);
		ksim_drive(s, 2, 1);
		KUNIT_ASSERT_EQ(test, kc_events(k, 2), 2);
		KUNIT_EXPECT_EQ(test, k->ev[0].asserted, 1);
		KUNIT_EXPECT_EQ(test, k->ev[0].pin, 2);
		KUNIT_EXPECT_EQ(test, k->ev[0].kind, CLX_EVENT_FALLING);
		KUNIT_EXPECT_EQ(test, k->ev[1].asserted, 0);
		KUNIT_EXPECT_GT(test, k->ev[0].timestamp_ns, 0ULL);
		KUNIT_EXPECT_GE(test, k->ev[1].timestamp_ns, k->ev[0].timestamp_ns);
		clxcompat_irq_disconnect(irq);

		/* already asserted (low) at connect: the asserted event comes at once */
		atomic_set(&k->count, 0);
		ksim_drive(s, 2, 0);
		KUNIT_ASSERT_EQ(test, clxcompat_irq_connect(kc_label[c], &p, kc_handler, k,
							    "kunit-irq", &irq, NULL), 0);
		KUNIT_EXPECT_EQ(test, kc_events(k, 1), 1);
		KUNIT_EXPECT_EQ(test, k->ev[0].asserted, 1);
		clxcompat_irq_disconnect(irq);

		/* _DSM: asserted high. The line is low: deasserted, no event at connect */
		KUNIT_ASSERT_EQ(test, clxcompat_set_asserted_high(kc_label[c], 2, true), 0);
		atomic_set(&k->count, 0);
		KUNIT_ASSERT_EQ(test, clxcompat_irq_connect(kc_label[c], &p, kc_handler, k,
							    "kunit-irq", &irq, NULL), 0);
		KUNIT_EXPECT_EQ(test, kc_events(k, 1), 0);
		ksim_drive(s, 2, 1);
		KUNIT_ASSERT_EQ(test, kc_events(k, 1), 1);
		KUNIT_EXPECT_EQ(test, k->ev[0].asserted, 1);
		KUNIT_EXPECT_EQ(test, k->ev[0].kind, CLX_EVENT_RISING);
		clxcompat_irq_disconnect(irq);
		KUNIT_EXPECT_EQ(test, clxcompat_set_asserted_high(kc_label[c], 2, false), 0);
		ksim_drive(s, 2, 0);
	}
	KUNIT_EXPECT_EQ(test, clxcompat_set_asserted_high(KC_MM, 16, true), -EINVAL);
}

/* Wake: the host counts the pin as a wake source while connected; bad configurations. */
static void kc_irq_wake_and_denials(struct kunit *test)
{
	struct clxhost *host = clxhost_find_by_name(KC_MM);
	struct clxcompat_irq_params p = {
		.pin = 4, .int_mode = CLX_ACPI_EDGE, .polarity = CLX_ACPI_ACTIVE_HIGH,
		.shared = false, .wake = true, .pin_config = CLX_ACPI_PIN_DEFAULT,
	};
	struct clxcompat_irq *irq = NULL, *irq2 = NULL;
	struct kc *k = test->priv;
	unsigned int wake0;
	u32 st = 0;

	KUNIT_ASSERT_NOT_NULL(test, host);
	wake0 = host->wake_count;
	KUNIT_ASSERT_EQ(test, clxcompat_irq_connect(KC_MM, &p, kc_handler, k, "kunit-wake",
						    &irq, NULL), 0);
	KUNIT_EXPECT_EQ(test, host->wake_count, wake0 + 1);
	KUNIT_EXPECT_TRUE(test, ksim_line_shows(host, 4, "kunit-wake"));
	/* Exclusive: refused; an I/O open of the pin for output too */
	KUNIT_EXPECT_EQ(test, clxcompat_irq_connect(KC_MM, &p, kc_handler, k, "kunit-2",
						    &irq2, &st), -EBUSY);
	KUNIT_EXPECT_EQ(test, st, CLX_STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE);
	clxcompat_irq_disconnect(irq);
	KUNIT_EXPECT_EQ(test, host->wake_count, wake0);
	KUNIT_EXPECT_FALSE(test, ksim_line_shows(host, 4, "kunit-wake"));

	p.int_mode = CLX_ACPI_LEVEL;
	p.polarity = CLX_ACPI_ACTIVE_BOTH;	/* ActiveBoth is an edge mode */
	KUNIT_EXPECT_EQ(test, clxcompat_irq_connect(KC_MM, &p, kc_handler, k, "kunit-2",
						    &irq2, &st), -EINVAL);
	KUNIT_EXPECT_EQ(test, st, CLX_STATUS_INVALID_PARAMETER);
	p.polarity = CLX_ACPI_ACTIVE_HIGH;
	p.pin = 16;
	KUNIT_EXPECT_EQ(test, clxcompat_irq_connect(KC_MM, &p, kc_handler, k, "kunit-2",
						    &irq2, &st), -EINVAL);
	KUNIT_EXPECT_NULL(test, irq2);
}

/*
 * Unbinding the controller with connections open: they are disconnected and answer
 * -ENODEV (STATUS_NO_SUCH_DEVICE); closing them afterwards frees them.
 */
static void kc_unbind_open(struct kunit *test)
{
	static const u16 pins[] = { 1, 9 };
	struct clxcompat_irq_params ip = {
		.pin = 6, .int_mode = CLX_ACPI_EDGE, .polarity = CLX_ACPI_ACTIVE_BOTH,
		.pin_config = CLX_ACPI_PIN_DEFAULT,
	};
	struct kc *k = test->priv;
	struct clxcompat_io_params p = kc_io(pins, 2, CLX_ACPI_IO_NONE, false);
	struct clxcompat_irq *irq = NULL;
	struct clxcompat_io *io;
	u8 buf = 0;
	u32 st = 0;

	io = kc_open(test, KC_SL, &p, CLX_RES_WRITE);
	KUNIT_ASSERT_EQ(test, clxcompat_irq_connect(KC_SL, &ip, kc_handler, k, "kunit-irq",
						    &irq, NULL), 0);
	device_release_driver(&k->sim[1].pdev->dev);
	KUNIT_EXPECT_EQ(test, clxcompat_io_write(io, &buf, 1, NULL, &st), -ENODEV);
	KUNIT_EXPECT_EQ(test, st, CLX_STATUS_NO_SUCH_DEVICE);
	KUNIT_EXPECT_EQ(test, clxcompat_io_read(io, &buf, 1, NULL, &st), -ENODEV);
	clxcompat_io_close(io);
	clxcompat_irq_disconnect(irq);
	KC_OPEN_FAILS(test, KC_SL, &p, CLX_RES_WRITE, -ENODEV, CLX_STATUS_NO_SUCH_DEVICE);
}

/* QEMU virt's PL061 (one bank of 8, atomic I/O): bit mapping through the write latches. */
static void kc_pl061(struct kunit *test)
{
	static const u16 pins[] = { 6, 1, 2 };
	struct clxcompat_io_params p = kc_io(pins, 3, CLX_ACPI_IO_NONE, false);
	struct clxcompat_io *io;
	u8 pattern, buf;

	if (!clxhost_find_by_name(KC_PL061))
		kunit_skip(test, "no PL061 bound to clxgpio-pl061");
	io = kc_open(test, KC_PL061, &p, CLX_RES_READ_WRITE);
	for (pattern = 0; pattern < 8; pattern++) {
		buf = pattern | 0xF8;
		KUNIT_EXPECT_EQ(test, clxcompat_io_write(io, &buf, 1, NULL, NULL), 0);
		buf = 0xFF;
		KUNIT_EXPECT_EQ(test, clxcompat_io_read(io, &buf, 1, NULL, NULL), 0);
		KUNIT_EXPECT_EQ_MSG(test, buf, pattern, "pattern %u", pattern);
	}
	clxcompat_io_close(io);
	p.io_restriction = CLX_ACPI_IO_INPUT_ONLY;
	KC_OPEN_FAILS(test, KC_PL061, &p, CLX_RES_WRITE, -EPERM,
		      CLX_STATUS_GPIO_OPERATION_DENIED);
}

/* A GpioIo descriptor as iasl lays it out, ResourceSource = the controller's name. */
static size_t kc_gpioio(u8 *d, const u16 *pins, u16 n, u8 restriction, const char *source)
{
	size_t name = strlen(source) + 1, len = 23 + 2 * n + name;
	u16 i;

	memset(d, 0, 23);
	d[0] = 0x8C;
	d[1] = (len - 3) & 0xFF;
	d[2] = (len - 3) >> 8;
	d[3] = 1;		/* revision */
	d[4] = 1;		/* GpioIo */
	d[5] = 1;		/* consumer */
	d[7] = restriction;
	d[14] = 23;		/* pin table offset */
	d[17] = 23 + 2 * n;	/* ResourceSource name offset */
	d[19] = len & 0xFF;	/* vendor data offset: the end, none */
	d[20] = len >> 8;
	for (i = 0; i < n; i++) {
		d[23 + 2 * i] = pins[i] & 0xFF;
		d[24 + 2 * i] = pins[i] >> 8;
	}
	memcpy(d + 23 + 2 * n, source, name);
	return len;
}

/* Opening from descriptor bytes: the ResourceSource names the controller. */
static void kc_acpi_descriptor(struct kunit *test)
{
	static const u16 pins[] = { 10, 2 };
	struct kc *k = test->priv;
	struct clxcompat_io *io = NULL;
	u8 d[64], buf;
	size_t len = kc_gpioio(d, pins, 2, CLX_ACPI_IO_OUTPUT_ONLY, KC_MM);
	u32 st = 0;

	KUNIT_ASSERT_EQ(test, clxcompat_io_open_acpi(d, len, 0, NULL, CLX_RES_WRITE, "kunit-acpi",
						     &io, &st), 0);
	buf = 0x1;
	KUNIT_EXPECT_EQ(test, clxcompat_io_write(io, &buf, 1, NULL, NULL), 0);
	KUNIT_EXPECT_EQ(test, ksim_level(&k->sim[0], 10), 1);
	KUNIT_EXPECT_EQ(test, ksim_level(&k->sim[0], 2), 0);
	clxcompat_io_close(io);
	/* OutputOnly refuses a read open; a truncated descriptor is malformed */
	io = NULL;
	KUNIT_EXPECT_EQ(test, clxcompat_io_open_acpi(d, len, 0, NULL, CLX_RES_READ, "kunit",
						     &io, &st), -EPERM);
	KUNIT_EXPECT_EQ(test, st, CLX_STATUS_GPIO_OPERATION_DENIED);
	KUNIT_EXPECT_EQ(test, clxcompat_io_open_acpi(d, len - 4, 0, NULL, CLX_RES_WRITE, "kunit",
						     &io, &st), -EINVAL);
	KUNIT_EXPECT_EQ(test, st, CLX_STATUS_INVALID_PARAMETER);
	KUNIT_EXPECT_NULL(test, io);
}

static struct kunit_case kc_cases[] = {
	KUNIT_CASE(kc_io_bits),
	KUNIT_CASE(kc_io_denials),
	KUNIT_CASE(kc_referee),
	KUNIT_CASE(kc_active_both),
	KUNIT_CASE(kc_irq_wake_and_denials),
	KUNIT_CASE(kc_unbind_open),
	KUNIT_CASE(kc_pl061),
	KUNIT_CASE(kc_acpi_descriptor),
	{ }
};

static struct kunit_suite kc_suite = {
	.name = "clxgpio_compat",
	.init = kc_init,
	.exit = kc_exit,
	.test_cases = kc_cases,
};

kunit_test_suite(kc_suite);
