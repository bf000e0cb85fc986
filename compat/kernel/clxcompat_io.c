// SPDX-License-Identifier: GPL-2.0
/*
 * GPIO I/O resources (clxcompat.h): open for read or write as the IoRestriction allows,
 * READ_PINS/WRITE_PINS with the IOCTL semantics, close. The rules are compat/core's
 * (clx_resource.h: open decision, buffer rule, the pin-table plan); who may hold a pin is
 * the engine's referee (clx_io_connect: Shared/Exclusive, modes, gpiolib, firmware).
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "clxcompat_internal.h"

unsigned int clxcompat_io_pin_count(const struct clxcompat_io *io)
{
	return io->plan.pin_count;
}
EXPORT_SYMBOL_GPL(clxcompat_io_pin_count);

static u16 clxcompat_io_pin(const struct clxcompat_io *io, unsigned int i)
{
	return io->plan.pins[i].bank * io->cc->pins_per_bank + io->plan.pins[i].bit;
}

void clxcompat_io_describe(const struct clxcompat_io *io, struct clxcompat_desc *d)
{
	unsigned int i;

	memset(d, 0, sizeof(*d));
	strscpy(d->controller, io->cc->name, sizeof(d->controller));
	d->pin_count = io->plan.pin_count;
	for (i = 0; i < io->plan.pin_count; i++)
		d->pins[i] = clxcompat_io_pin(io, i);
}
EXPORT_SYMBOL_GPL(clxcompat_io_describe);

/* [may sleep] LOCKING: cc->lock. Gives the engine's groups [0, n) back. */
static void clxcompat_io_disconnect_groups(struct clxcompat_io *io, u16 n, bool preserve)
{
	struct clxhost *host = io->cc->host;
	unsigned long flags;
	u16 g;
	int ret;

	flags = clxhost_lock(host);
	for (g = 0; g < n; g++) {
		const struct clx_res_group *grp = &io->plan.groups[g];

		ret = preserve ? clx_io_disconnect_preserve(host->chip, grp->bank, grp->mask) :
				 clx_io_disconnect(host->chip, grp->bank, grp->mask);
		if (ret)
			dev_warn(host->dev, "bank %u pins %#llx: disconnect failed: %d\n",
				 grp->bank, (unsigned long long)grp->mask, ret);
	}
	clxhost_unlock(host, flags);
}

/* [may sleep] LOCKING: cc->lock. All groups connected in the engine, or none. */
static int clxcompat_io_connect(struct clxcompat_io *io, const struct clx_io_config *cfg,
				u32 flags)
{
	struct clxhost *host = io->cc->host;
	unsigned long lflags;
	int ret = 0;
	u16 g;

	lflags = clxhost_lock(host);
	for (g = 0; g < io->plan.group_count && !ret; g++)
		ret = clx_io_connect(host->chip, io->plan.groups[g].bank,
				     io->plan.groups[g].mask, cfg, flags);
	clxhost_unlock(host, lflags);
	if (ret && g > 1)
		clxcompat_io_disconnect_groups(io, g - 1, false);
	/* the engine's per-pin connection count is full: a resource, not a buffer, ran out */
	return ret == -ENOBUFS ? -ENOMEM : ret;
}

static int clxcompat_io_open_on(struct clxcompat_chip *cc,
				const struct clxcompat_io_params *p, u32 access,
				const char *holder, struct clxcompat_io **out, u32 *status)
{
	struct clx_io_config cfg = { 0 };
	struct clxcompat_io *io;
	size_t storage;
	u32 bad = 0;
	int mode, ret;
	u16 i;

	mode = clx_res_open_mode(p->io_restriction, access);
	if (mode < 0)
		return clxcompat_rule_fail(mode, status);
	ret = clxcompat_pull_of(p->pin_config, &cfg.pull);
	if (ret)
		return clxcompat_fail(ret, status);
	cfg.mode = mode == CLX_RES_MODE_OUTPUT ? CLX_IO_OUTPUT : CLX_IO_INPUT;
	cfg.drive_strength = cfg.mode == CLX_IO_OUTPUT ? p->drive_strength : 0;
	cfg.debounce_timeout = cfg.mode == CLX_IO_INPUT ? p->debounce_timeout : 0;

	storage = clx_res_plan_size(p->pin_count);
	if (!storage || !p->pins)
		return clxcompat_rule_fail(p->pin_count ? -CLX_RES_E_TOO_MANY_PINS :
					   -CLX_RES_E_NO_PINS, status);
	io = kzalloc(sizeof(*io) + storage, GFP_KERNEL);
	if (!io)
		return clxcompat_fail(-ENOMEM, status);
	io->holder = kstrdup(holder && holder[0] ? holder : "clxcompat", GFP_KERNEL);
	if (!io->holder) {
		ret = clxcompat_fail(-ENOMEM, status);
		goto err_free;
	}
	io->cc = cc;
	io->access = access;
	io->mode = mode;
	io->preserve = clx_res_close_preserves(p->io_restriction) == 1;

	mutex_lock(&cc->lock);
	if (cc->dead) {
		ret = clxcompat_fail(-ENODEV, status);
		goto err_unlock;
	}
	ret = clx_res_plan(p->pins, p->pin_count, cc->host->pins, cc->host->pins_per_bank,
			   io->plan_storage, storage, &io->plan, &bad);
	if (ret) {
		dev_dbg(cc->host->dev, "resource pin %u (table entry %u): %s\n",
			p->pins[bad], bad, clx_res_error_name(ret));
		ret = clxcompat_rule_fail(ret, status);
		goto err_unlock;
	}
	if (io->plan.group_count > CLXCOMPAT_MAX_GROUPS) {
		ret = clxcompat_fail(-EOPNOTSUPP, status);
		goto err_unlock;
	}
	ret = clxcompat_io_connect(io, &cfg, p->shared ? CLX_CONNECT_SHARED : 0);
	if (ret) {
		ret = clxcompat_fail(ret, status);
		goto err_unlock;
	}
	io->connected = true;
	list_add_tail(&io->node, &cc->ios);
	for (i = 0; i < io->plan.pin_count; i++)
		clxcompat_hold_locked(cc, clxcompat_io_pin(io, i), io->holder);
	mutex_unlock(&cc->lock);
	*out = io;
	if (status)
		*status = CLX_STATUS_SUCCESS;
	return 0;

err_unlock:
	mutex_unlock(&cc->lock);
err_free:
	kfree(io->holder);
	kfree(io);
	return ret;
}

int clxcompat_io_open(const char *controller, const struct clxcompat_io_params *params,
		      enum clx_res_access access, const char *holder,
		      struct clxcompat_io **out, u32 *status)
{
	struct clxcompat_chip *cc;
	int ret;

	if (!params || !out)
		return clxcompat_fail(-EINVAL, status);
	cc = clxcompat_chip_get(controller);
	if (IS_ERR(cc))
		return clxcompat_fail(PTR_ERR(cc), status);
	ret = clxcompat_io_open_on(cc, params, access, holder, out, status);
	if (ret)
		clxcompat_chip_put(cc);
	return ret;
}
EXPORT_SYMBOL_GPL(clxcompat_io_open);

/* [may sleep] LOCKING: cc->lock. Let the engine and gpiolib go of the connection. */
static void clxcompat_io_release_locked(struct clxcompat_io *io, bool preserve)
{
	u16 i;

	clxcompat_io_disconnect_groups(io, io->plan.group_count, preserve);
	list_del(&io->node);
	io->connected = false;
	for (i = 0; i < io->plan.pin_count; i++)
		clxcompat_let_go_locked(io->cc, clxcompat_io_pin(io, i), io->holder);
}

void clxcompat_io_detach_locked(struct clxcompat_io *io)
{
	clxcompat_io_release_locked(io, io->preserve);
}

void clxcompat_io_close(struct clxcompat_io *io)
{
	struct clxcompat_chip *cc;

	if (!io)
		return;
	cc = io->cc;
	mutex_lock(&cc->lock);
	if (io->connected)
		clxcompat_io_release_locked(io, io->preserve);
	mutex_unlock(&cc->lock);
	/* no read or write of this connection runs any more once its owner closes it */
	clxcompat_chip_put(cc);
	kfree(io->holder);
	kfree(io);
}
EXPORT_SYMBOL_GPL(clxcompat_io_close);

/* How a READ/WRITE_PINS that returned ret ends: Information and the status stored. */
static int clxcompat_io_done(const struct clxcompat_io *io, int ret, size_t *done,
			     u32 *status)
{
	if (ret)
		return clxcompat_fail(ret, status);
	if (done)
		*done = clx_res_buffer_bytes(io->plan.pin_count);
	if (status)
		*status = CLX_STATUS_SUCCESS;
	return 0;
}

/*
 * The bank calls of one READ_PINS (into values) or WRITE_PINS (set/clear), one a group,
 * banks ascending, under the chip lock held once; inside SRCU against the host's detach.
 */
static int clxcompat_io_banks(struct clxcompat_io *io, u32 op, clx_u64 *values,
			      const clx_u64 *set, const clx_u64 *clear)
{
	const struct clx_res_group *grp = io->plan.groups;
	struct clxhost *host;
	unsigned long flags;
	int idx, ret = 0;
	u16 g;

	idx = srcu_read_lock(&clxcompat_srcu);
	if (READ_ONCE(io->cc->dead)) {
		ret = -ENODEV;
		goto out;
	}
	host = io->cc->host;
	flags = clxhost_io_lock(host);
	for (g = 0; g < io->plan.group_count && !ret; g++)
		ret = op == CLX_RES_READ_PINS ?
		      clx_bank_read(host->chip, grp[g].bank, grp[g].mask, &values[g]) :
		      clx_bank_write(host->chip, grp[g].bank, set[g], clear[g]);
	clxhost_io_unlock(host, flags);
out:
	srcu_read_unlock(&clxcompat_srcu, idx);
	return ret;
}

int clxcompat_io_read(struct clxcompat_io *io, void *buf, size_t len, size_t *done,
		      u32 *status)
{
	clx_u64 values[CLXCOMPAT_MAX_GROUPS];
	int ret;

	ret = clx_res_check_io(CLX_RES_READ_PINS, io->access, io->plan.pin_count, len, 0);
	if (ret)
		return clxcompat_rule_fail(ret, status);
	ret = clxcompat_io_banks(io, CLX_RES_READ_PINS, values, NULL, NULL);
	if (!ret)
		ret = clx_res_pack(&io->plan, values, buf, len);
	return clxcompat_io_done(io, ret, done, status);
}
EXPORT_SYMBOL_GPL(clxcompat_io_read);

int clxcompat_io_write(struct clxcompat_io *io, const void *buf, size_t len, size_t *done,
		       u32 *status)
{
	clx_u64 set[CLXCOMPAT_MAX_GROUPS], clear[CLXCOMPAT_MAX_GROUPS];
	int ret;

	ret = clx_res_check_io(CLX_RES_WRITE_PINS, io->access, io->plan.pin_count, len, 0);
	if (!ret)
		ret = clx_res_unpack(&io->plan, buf, len, set, clear);
	if (ret)
		return clxcompat_rule_fail(ret, status);
	ret = clxcompat_io_banks(io, CLX_RES_WRITE_PINS, NULL, set, clear);
	return clxcompat_io_done(io, ret, done, status);
}
EXPORT_SYMBOL_GPL(clxcompat_io_write);

static void devm_clxcompat_io_close(void *io)
{
	clxcompat_io_close(io);
}

int devm_clxcompat_io_open(struct device *dev, const char *controller,
			   const struct clxcompat_io_params *params, enum clx_res_access access,
			   const char *holder, struct clxcompat_io **out, u32 *status)
{
	int ret = clxcompat_io_open(controller, params, access, holder, out, status);

	if (ret)
		return ret;
	ret = devm_add_action_or_reset(dev, devm_clxcompat_io_close, *out);
	if (ret)
		return clxcompat_fail(ret, status);
	return 0;
}
EXPORT_SYMBOL_GPL(devm_clxcompat_io_open);

int clxcompat_io_open_acpi(const void *desc, size_t len, unsigned int index,
			   const char *controller, enum clx_res_access access,
			   const char *holder, struct clxcompat_io **out, u32 *status)
{
	struct clx_acpi_gpio_entry e;
	struct clxcompat_io_params p;
	u16 *pins;
	u16 i;
	int ret;

	ret = clxcompat_acpi_find(desc, len, index, CLX_ACPI_GPIO_IO, &e);
	if (ret)
		return clxcompat_fail(ret, status);
	if (e.gpio.pin_count > CLX_RES_MAX_PINS)
		return clxcompat_rule_fail(-CLX_RES_E_TOO_MANY_PINS, status);
	pins = kmalloc_array(e.gpio.pin_count, sizeof(*pins), GFP_KERNEL);
	if (!pins)
		return clxcompat_fail(-ENOMEM, status);
	for (i = 0; i < e.gpio.pin_count; i++)
		pins[i] = clx_acpi_gpio_pin(&e.gpio, i);
	p = (struct clxcompat_io_params) {
		.pins = pins,
		.pin_count = e.gpio.pin_count,
		.io_restriction = e.gpio.io_restriction,
		.shared = e.gpio.shared,
		.pin_config = e.gpio.pin_config,
		.drive_strength = e.gpio.drive_strength,
		.debounce_timeout = e.gpio.debounce_timeout,
	};
	ret = clxcompat_io_open(controller ? controller : e.gpio.resource_source, &p, access,
				holder, out, status);
	kfree(pins);
	return ret;
}
EXPORT_SYMBOL_GPL(clxcompat_io_open_acpi);
