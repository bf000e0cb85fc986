// SPDX-License-Identifier: GPL-2.0
/*
 * Interrupt resources (clxcompat.h): a GpioInt mapped onto the engine (level/edge,
 * ActiveHigh/Low/Both, Shared/Exclusive, wake, pull, debounce) with a handler that gets
 * each event as the engine computed it when it serviced the pin: the edge, ActiveBoth's
 * asserted/deasserted, and the service time. ActiveBoth is always the engine's emulation
 * (CLX_CONNECT_EMULATE_BOTH, GpioClx's rule even where the hardware detects both edges),
 * so the first event after connect is "asserted", at once if the line already is.
 */
#include <linux/device.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "clxcompat_internal.h"

/* The host's model deliver(): under RCU, hard IRQ or a thread (the host's context). */
void clxcompat_irq_deliver(struct clxhost *host, void *priv, const struct clxhost_event *ev)
{
	struct clxcompat_chip *cc = priv;
	struct clxcompat_irq_event e = {
		.pin = ev->pin,
		.kind = ev->kind,
		.asserted = !!(ev->flags & CLX_EVENT_ASSERTED),
		.timestamp_ns = ev->timestamp_ns,
	};
	struct clxcompat_irq *irq;

	if (ev->pin >= cc->pins)
		return;
	hlist_for_each_entry_rcu(irq, &cc->pin[ev->pin].irqs, pin_node)
		irq->handler(irq->ctx, &e);
}

/* The engine's configuration and connect flags of a GpioInt; -EINVAL/-EOPNOTSUPP. */
static int clxcompat_irq_config(const struct clxcompat_irq_params *p,
				struct clx_irq_config *cfg, u32 *flags)
{
	static const enum clx_polarity polarity[] = {
		[CLX_ACPI_ACTIVE_HIGH] = CLX_POL_HIGH,
		[CLX_ACPI_ACTIVE_LOW] = CLX_POL_LOW,
		[CLX_ACPI_ACTIVE_BOTH] = CLX_POL_BOTH,
	};

	if (p->int_mode > CLX_ACPI_EDGE || p->polarity > CLX_ACPI_ACTIVE_BOTH)
		return -EINVAL;
	if (p->int_mode == CLX_ACPI_LEVEL && p->polarity == CLX_ACPI_ACTIVE_BOTH)
		return -EINVAL;	/* ActiveBoth is an edge mode */
	cfg->mode = p->int_mode == CLX_ACPI_EDGE ? CLX_IRQ_EDGE : CLX_IRQ_LEVEL;
	cfg->polarity = polarity[p->polarity];
	cfg->debounce_timeout = p->debounce_timeout;
	*flags = (p->shared ? CLX_CONNECT_SHARED : 0) |
		 (p->polarity == CLX_ACPI_ACTIVE_BOTH ? CLX_CONNECT_EMULATE_BOTH : 0);
	return clxcompat_pull_of(p->pin_config, &cfg->pull);
}

/* [may sleep] LOCKING: cc->lock. Disconnect in the engine and let gpiolib go. */
static void clxcompat_irq_release_locked(struct clxcompat_irq *irq)
{
	struct clxcompat_chip *cc = irq->cc;
	struct clxhost *host = cc->host;
	unsigned long flags;
	int ret;

	flags = clxhost_lock(host);
	ret = clx_irq_disconnect(host->chip, irq->pin);
	clxhost_unlock(host, flags);
	if (ret)
		dev_warn(host->dev, "pin %u: interrupt disconnect failed: %d\n", irq->pin, ret);
	clxhost_debounce_cancel(host, irq->pin);
	if (irq->wake)
		clxhost_set_wake(host, false);
	hlist_del_rcu(&irq->pin_node);
	list_del(&irq->node);
	irq->connected = false;
	clxcompat_let_go_locked(cc, irq->pin, irq->holder);
}

void clxcompat_irq_describe(const struct clxcompat_irq *irq, struct clxcompat_desc *d)
{
	memset(d, 0, sizeof(*d));
	strscpy(d->controller, irq->cc->name, sizeof(d->controller));
	d->pins[0] = irq->pin;
	d->pin_count = 1;
	d->int_mode = irq->int_mode;
	d->polarity = irq->polarity;
}
EXPORT_SYMBOL_GPL(clxcompat_irq_describe);

void clxcompat_irq_detach_locked(struct clxcompat_irq *irq)
{
	clxcompat_irq_release_locked(irq);
}

static int clxcompat_irq_connect_on(struct clxcompat_chip *cc,
				    const struct clxcompat_irq_params *p,
				    clxcompat_irq_handler_t handler, void *ctx,
				    const char *holder, struct clxcompat_irq **out, u32 *status)
{
	struct clx_irq_config cfg;
	struct clxcompat_irq *irq;
	struct clxhost *host;
	unsigned long lflags;
	u32 flags;
	int ret;

	ret = clxcompat_irq_config(p, &cfg, &flags);
	if (ret)
		return clxcompat_fail(ret, status);
	irq = kzalloc(sizeof(*irq), GFP_KERNEL);
	if (!irq)
		return clxcompat_fail(-ENOMEM, status);
	irq->holder = kstrdup(holder && holder[0] ? holder : "clxcompat", GFP_KERNEL);
	if (!irq->holder) {
		kfree(irq);
		return clxcompat_fail(-ENOMEM, status);
	}
	irq->cc = cc;
	irq->pin = p->pin;
	irq->int_mode = p->int_mode;
	irq->polarity = p->polarity;
	irq->handler = handler;
	irq->ctx = ctx;

	mutex_lock(&cc->lock);
	if (cc->dead) {
		ret = -ENODEV;
		goto err_unlock;
	}
	if (p->pin >= cc->pins) {
		ret = -EINVAL;
		goto err_unlock;
	}
	host = cc->host;
	/* listed first: the first ActiveBoth event may come as the engine connects */
	hlist_add_head_rcu(&irq->pin_node, &cc->pin[p->pin].irqs);
	lflags = clxhost_lock(host);
	ret = clx_irq_connect(host->chip, p->pin, &cfg, flags);
	clxhost_unlock(host, lflags);
	if (ret == -ENOBUFS)	/* the pin's connection count is full */
		ret = -ENOMEM;
	if (!ret && p->wake) {
		ret = clxhost_set_wake(host, true);
		if (ret) {
			lflags = clxhost_lock(host);
			clx_irq_disconnect(host->chip, p->pin);
			clxhost_unlock(host, lflags);
		}
	}
	if (ret) {
		hlist_del_rcu(&irq->pin_node);
		goto err_unlock;
	}
	irq->wake = p->wake;
	irq->connected = true;
	list_add_tail(&irq->node, &cc->irqs);
	clxcompat_hold_locked(cc, p->pin, irq->holder);
	mutex_unlock(&cc->lock);
	*out = irq;
	if (status)
		*status = CLX_STATUS_SUCCESS;
	return 0;

err_unlock:
	mutex_unlock(&cc->lock);
	synchronize_rcu();	/* a delivery may still see it in the list */
	kfree(irq->holder);
	kfree(irq);
	return clxcompat_fail(ret, status);
}

int clxcompat_irq_connect(const char *controller, const struct clxcompat_irq_params *params,
			  clxcompat_irq_handler_t handler, void *ctx, const char *holder,
			  struct clxcompat_irq **out, u32 *status)
{
	struct clxcompat_chip *cc;
	int ret;

	if (!params || !handler || !out)
		return clxcompat_fail(-EINVAL, status);
	cc = clxcompat_chip_get(controller);
	if (IS_ERR(cc))
		return clxcompat_fail(PTR_ERR(cc), status);
	ret = clxcompat_irq_connect_on(cc, params, handler, ctx, holder, out, status);
	if (ret)
		clxcompat_chip_put(cc);
	return ret;
}
EXPORT_SYMBOL_GPL(clxcompat_irq_connect);

void clxcompat_irq_disconnect(struct clxcompat_irq *irq)
{
	struct clxcompat_chip *cc;

	if (!irq)
		return;
	cc = irq->cc;
	mutex_lock(&cc->lock);
	if (irq->connected)
		clxcompat_irq_release_locked(irq);
	mutex_unlock(&cc->lock);
	synchronize_rcu();	/* no handler call of this connection runs any more */
	clxcompat_chip_put(cc);
	kfree(irq->holder);
	kfree(irq);
}
EXPORT_SYMBOL_GPL(clxcompat_irq_disconnect);

static void devm_clxcompat_irq_disconnect(void *irq)
{
	clxcompat_irq_disconnect(irq);
}

int devm_clxcompat_irq_connect(struct device *dev, const char *controller,
			       const struct clxcompat_irq_params *params,
			       clxcompat_irq_handler_t handler, void *ctx, const char *holder,
			       struct clxcompat_irq **out, u32 *status)
{
	int ret = clxcompat_irq_connect(controller, params, handler, ctx, holder, out, status);

	if (ret)
		return ret;
	ret = devm_add_action_or_reset(dev, devm_clxcompat_irq_disconnect, *out);
	if (ret)
		return clxcompat_fail(ret, status);
	return 0;
}
EXPORT_SYMBOL_GPL(devm_clxcompat_irq_connect);

int clxcompat_irq_connect_acpi(const void *desc, size_t len, unsigned int index,
			       const char *controller, clxcompat_irq_handler_t handler,
			       void *ctx, const char *holder, struct clxcompat_irq **out,
			       u32 *status)
{
	struct clxcompat_irq_params p;
	struct clx_acpi_gpio_entry e;
	int ret;

	ret = clxcompat_acpi_find(desc, len, index, CLX_ACPI_GPIO_INT, &e);
	if (!ret && e.gpio.pin_count != 1)
		ret = -EINVAL;	/* an interrupt resource is one pin */
	if (ret)
		return clxcompat_fail(ret, status);
	p = (struct clxcompat_irq_params) {
		.pin = clx_acpi_gpio_pin(&e.gpio, 0),
		.int_mode = e.gpio.int_mode,
		.polarity = e.gpio.polarity,
		.shared = e.gpio.shared,
		.wake = e.gpio.wake,
		.pin_config = e.gpio.pin_config,
		.debounce_timeout = e.gpio.debounce_timeout,
	};
	return clxcompat_irq_connect(controller ? controller : e.gpio.resource_source, &p,
				     handler, ctx, holder, out, status);
}
EXPORT_SYMBOL_GPL(clxcompat_irq_connect_acpi);

int clxcompat_set_asserted_high(const char *controller, u16 pin, bool high)
{
	struct clxcompat_chip *cc = clxcompat_chip_get(controller);
	unsigned long flags;
	int ret;

	if (IS_ERR(cc))
		return PTR_ERR(cc);
	mutex_lock(&cc->lock);
	if (cc->dead) {
		ret = -ENODEV;
	} else if (pin >= cc->pins) {
		ret = -EINVAL;
	} else {
		flags = clxhost_lock(cc->host);
		ret = clx_irq_set_asserted_high(cc->host->chip, pin, high);
		clxhost_unlock(cc->host, flags);
	}
	mutex_unlock(&cc->lock);
	clxcompat_chip_put(cc);
	return ret;
}
EXPORT_SYMBOL_GPL(clxcompat_set_asserted_high);
