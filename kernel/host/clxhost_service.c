// SPDX-License-Identifier: GPL-2.0
/*
 * clxhost: the interrupt service loop, raising it, and the debounce timers.
 *
 * A bank's interrupt is serviced by one engine dispatch under the host lock (GpioClx
 * order inside the engine: query active, mask/reconfigure/clear, record, unmask); the
 * events then go to the front end's sink outside the lock, with chip-relative pins
 * (the one place bank + offset is joined). Debounce emulation asks for a pin's timer to
 * be (re)started; when it expires the engine delivers the change that stayed stable.
 */
#include <linux/device.h>
#include <linux/ktime.h>

#include "clxhost.h"

/*
 * LOCKING: host lock held, right after the dispatch. Which of d's events go to the model
 * front end (bit i: d->events[i]); the engine's referee says who holds each pin.
 */
static u64 clxhost_model_events(struct clxhost *host, u16 bank, const struct clx_dispatch *d)
{
	unsigned int first = bank * host->pins_per_bank;
	u64 model = 0;
	u32 i;

	if (!rcu_access_pointer(host->model))
		return 0;
	for (i = 0; i < d->count; i++)
		if (clx_pin_holder(host->chip, first + d->events[i].pin) == CLX_HOLDER_MODEL)
			model |= BIT_ULL(i);
	return model;
}

static void clxhost_deliver(struct clxhost *host, u16 bank, const struct clx_dispatch *d,
			    u64 model_events)
{
	struct clxhost_event ev = { .timestamp_ns = 0 };
	const struct clxhost_model *model;
	u32 i;

	for (i = 0; i < d->count; i++) {
		ev.pin = bank * host->pins_per_bank + d->events[i].pin;
		ev.kind = d->events[i].kind;
		ev.flags = d->events[i].flags;
		if (!(model_events & BIT_ULL(i))) {
			host->sink->deliver(host, &ev);
			continue;
		}
		if (!ev.timestamp_ns)
			ev.timestamp_ns = ktime_get_ns();
		rcu_read_lock();
		model = rcu_dereference(host->model);
		if (model)
			model->deliver(host, host->model_priv, &ev);
		rcu_read_unlock();
	}
}

/* LOCKING: host lock held. */
void clxhost_debounce_start(struct clxhost *host, u16 bank, u64 pins)
{
	while (pins) {
		unsigned int pin = bank * host->pins_per_bank + __ffs64(pins);
		struct clxhost_pin *p = &host->pin_timers[pin];
		clx_u16 timeout = 0;
		u64 ns;

		pins &= pins - 1;
		if (clx_pin_debounce(host->chip, p->pin, &timeout))
			continue;
		ns = (u64)timeout * 10 * NSEC_PER_USEC;	/* 1/100 ms units */
		if (host->sleeping)
			mod_delayed_work(system_wq, &p->debounce_work, nsecs_to_jiffies(ns) + 1);
		else
			hrtimer_start(&p->debounce, ns_to_ktime(ns), HRTIMER_MODE_REL_HARD);
	}
}

int clxhost_service(struct clxhost *host)
{
	struct clx_dispatch d;
	int total = 0, n;
	u64 model = 0;
	u16 bank;

	for (bank = 0; bank < host->banks; bank++) {
		clxhost_lock_service(host);
		n = clx_irq_dispatch(host->chip, bank, &d);
		if (n >= 0)
			clxhost_debounce_start(host, bank, d.debounce_restart);
		if (n > 0)
			model = clxhost_model_events(host, bank, &d);
		clxhost_unlock_service(host);
		if (n < 0) {
			dev_err_ratelimited(host->dev, "%s bank %u: dispatch failed: %d\n",
					    host->name, bank, n);
			continue;
		}
		if (d.storm_masked)
			dev_warn_ratelimited(host->dev, "%s bank %u: interrupt storm, masked pins %#llx\n",
					     host->name, bank, (unsigned long long)d.storm_masked);
		clxhost_deliver(host, bank, &d, model);
		total += n;
	}
	return total;
}
EXPORT_SYMBOL_GPL(clxhost_service);

static void clxhost_debounce_expire(struct clxhost_pin *p)
{
	struct clxhost *host = p->host;
	u16 bank = p->pin / host->pins_per_bank;
	struct clx_dispatch d;
	u64 model = 0;
	int n;

	clxhost_lock_service(host);
	n = clx_debounce_expired(host->chip, bank,
				 BIT_ULL(p->pin % host->pins_per_bank), &d);
	if (n > 0)
		model = clxhost_model_events(host, bank, &d);
	clxhost_unlock_service(host);
	if (n > 0)
		clxhost_deliver(host, bank, &d, model);
}

static enum hrtimer_restart clxhost_debounce_timer(struct hrtimer *t)
{
	clxhost_debounce_expire(container_of(t, struct clxhost_pin, debounce));
	return HRTIMER_NORESTART;
}

static void clxhost_debounce_work(struct work_struct *w)
{
	clxhost_debounce_expire(container_of(to_delayed_work(w), struct clxhost_pin,
					     debounce_work));
}

void clxhost_debounce_cancel(struct clxhost *host, unsigned int pin)
{
	struct clxhost_pin *p = &host->pin_timers[pin];

	if (host->sleeping)
		cancel_delayed_work_sync(&p->debounce_work);
	else
		hrtimer_cancel(&p->debounce);
}

void clxhost_pins_init(struct clxhost *host)
{
	unsigned int i;

	for (i = 0; i < host->pins; i++) {
		struct clxhost_pin *p = &host->pin_timers[i];

		p->host = host;
		p->pin = i;
		hrtimer_init(&p->debounce, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
		p->debounce.function = clxhost_debounce_timer;
		INIT_DELAYED_WORK(&p->debounce_work, clxhost_debounce_work);
	}
}

static void clxhost_raise_irq_work(struct irq_work *w)
{
	clxhost_service(container_of(w, struct clxhost, raise_work));
}

static void clxhost_raise_work(struct work_struct *w)
{
	clxhost_service(container_of(w, struct clxhost, raise_thread));
}

void clxhost_raise_init(struct clxhost *host)
{
	host->raise_work = IRQ_WORK_INIT_HARD(clxhost_raise_irq_work);
	INIT_WORK(&host->raise_thread, clxhost_raise_work);
}

/*
 * A raise that finds the service running queues it again, so a line asserted while
 * the service looks at another bank is not lost; the service takes the lock.
 */
void clxhost_raise(struct clxhost *host)
{
	if (READ_ONCE(host->dying))
		return;
	if (host->sleeping)
		queue_work(system_wq, &host->raise_thread);
	else
		irq_work_queue(&host->raise_work);
}
EXPORT_SYMBOL_GPL(clxhost_raise);
