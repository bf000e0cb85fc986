// SPDX-License-Identifier: GPL-2.0
/*
 * clxhost: the engine's interrupt storm guard, driven from Linux.
 *
 * A pin that fires more than storm_max_events times in one storm_period_ms period while
 * its level stays where it was at the last period's end is masked by the engine during
 * dispatch (reported by clxhost_service); after storm_rearm_ticks periods this
 * tick re-arms it. One delayed work per chip runs the period: it takes the chip lock
 * like every engine call (raw spinlock for memory-mapped chips, the mutex for sleeping
 * ones, whose re-arm writes go over the bus and may sleep).
 *
 * The parameters are read when a chip registers; storm_max_events = 0 (the default)
 * leaves the guard off.
 */
#include <linux/device.h>
#include <linux/jiffies.h>
#include <linux/kernel.h>
#include <linux/moduleparam.h>

#include "clxhost.h"

struct clxhost_storm_param {
	unsigned int value;
	unsigned int min;
	unsigned int max;
};

static struct clxhost_storm_param clxhost_storm_max_events = { 0, 0, U16_MAX };
static struct clxhost_storm_param clxhost_storm_period_ms = { 100, 1, 60000 };
static struct clxhost_storm_param clxhost_storm_rearm_ticks = { 10, 1, U16_MAX };

/* Out-of-range values are refused (-ERANGE) and leave the parameter unchanged. */
static int clxhost_storm_param_set(const char *val, const struct kernel_param *kp)
{
	struct clxhost_storm_param *p = kp->arg;
	unsigned int v;
	int ret;

	ret = kstrtouint(val, 0, &v);
	if (ret)
		return ret;
	if (v < p->min || v > p->max)
		return -ERANGE;
	WRITE_ONCE(p->value, v);
	return 0;
}

static int clxhost_storm_param_get(char *buf, const struct kernel_param *kp)
{
	const struct clxhost_storm_param *p = kp->arg;

	return scnprintf(buf, PAGE_SIZE, "%u\n", READ_ONCE(p->value));
}

static const struct kernel_param_ops clxhost_storm_param_ops = {
	.set = clxhost_storm_param_set,
	.get = clxhost_storm_param_get,
};

module_param_cb(storm_max_events, &clxhost_storm_param_ops, &clxhost_storm_max_events, 0644);
MODULE_PARM_DESC(storm_max_events,
		 "Interrupts per period before a pin whose level does not change is masked (0 = storm guard off, max 65535)");
module_param_cb(storm_period_ms, &clxhost_storm_param_ops, &clxhost_storm_period_ms, 0644);
MODULE_PARM_DESC(storm_period_ms, "Storm guard period in ms (1..60000, default 100)");
module_param_cb(storm_rearm_ticks, &clxhost_storm_param_ops, &clxhost_storm_rearm_ticks, 0644);
MODULE_PARM_DESC(storm_rearm_ticks,
		 "Periods a storm-masked pin stays masked before it is re-armed (1..65535, default 10)");

static void clxhost_storm_tick_work(struct work_struct *w)
{
	struct clxhost *host = container_of(to_delayed_work(w), struct clxhost, storm_tick);
	unsigned long flags;
	u16 bank;

	for (bank = 0; bank < host->banks; bank++) {
		clx_u64 rearmed = 0;
		int ret;

		flags = clxhost_lock(host);
		ret = clx_storm_tick(host->chip, bank, &rearmed);
		clxhost_unlock(host, flags);
		if (ret)
			dev_err_ratelimited(host->dev, "%s bank %u: storm tick failed: %d\n",
					    host->name, bank, ret);
		else if (rearmed)
			dev_info_ratelimited(host->dev, "%s bank %u: storm guard re-armed pins %#llx\n",
					     host->name, bank, (unsigned long long)rearmed);
	}
	queue_delayed_work(system_wq, &host->storm_tick, host->storm_period);
}

static void clxhost_storm_stop(void *data)
{
	struct clxhost *host = data;

	cancel_delayed_work_sync(&host->storm_tick);
}

/*
 * [may sleep] Configures the engine's storm guard from the module parameters and
 * starts the tick. Call once the chip is registered; the tick stops (devm) before the
 * chip is removed.
 */
int clxhost_storm_start(struct clxhost *host)
{
	struct clx_storm_config cfg = {
		.max_events = READ_ONCE(clxhost_storm_max_events.value),
		.rearm_ticks = READ_ONCE(clxhost_storm_rearm_ticks.value),
	};
	unsigned long flags;
	int ret;

	if (!cfg.max_events)
		return 0;
	flags = clxhost_lock(host); /* interrupts may already be dispatched */
	ret = clx_storm_configure(host->chip, &cfg);
	clxhost_unlock(host, flags);
	if (ret)
		return dev_err_probe(host->dev, ret, "storm guard refused\n");
	host->storm_period = msecs_to_jiffies(READ_ONCE(clxhost_storm_period_ms.value)) ?: 1;
	INIT_DELAYED_WORK(&host->storm_tick, clxhost_storm_tick_work);
	queue_delayed_work(system_wq, &host->storm_tick, host->storm_period);
	dev_dbg(host->dev, "%s storm guard: %u events per %u ms, re-armed after %u periods\n",
		host->name, cfg.max_events, jiffies_to_msecs(host->storm_period), cfg.rearm_ticks);
	return devm_add_action_or_reset(host->dev, clxhost_storm_stop, host);
}
