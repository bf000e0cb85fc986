// SPDX-License-Identifier: GPL-2.0
/*
 * gpiobench: per-operation cost and edge delivery of a gpiochip through libgpiod 1.6
 * (the v1 character-device ABI), run in the test VM by make bench.
 *
 *   gpiobench ops LABEL ITERATIONS RUNS
 *       get (line 0 as input), set (line 0 as output), set_multiple (lines 0,1,2,4 as
 *       outputs), each timed over ITERATIONS calls, RUNS times; prints the median ns/op
 *       (many short runs: the VM shares a loaded host, and the median drops the runs
 *       the host preempted):
 *       "get=1234.5 set=1200.0 set_multiple=1300.2"
 *   gpiobench edges LABEL OFFSET PULL_FILE TOGGLES BATCH
 *       requests OFFSET for both edges, writes pull-up/pull-down to PULL_FILE (a gpio-sim
 *       style sim_gpioN/pull) TOGGLES times, BATCH (1..16, what the v1 line-event FIFO
 *       holds) writes at a time, each batch followed by reading its events back
 *       (BATCH 1: one edge, then its event: paced; more: bursts); prints
 *       "events=N lost=L extra=X order_errors=E events_per_s=R"
 *       (order_errors: events breaking the rising/falling/rising... sequence).
 * Exit status 0 when it measured, 1 on a failure (the cause is printed on stderr).
 */
#include <errno.h>
#include <fcntl.h>
#include <gpiod.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define CONSUMER "gpiobench"
#define MAX_RUNS 4096
#define MAX_EDGE_BATCH 16      /* the v1 line-event FIFO holds 16 events */
#define EDGE_WAIT_NS 200000000 /* give up on a missing event after 200 ms */

static const unsigned int multi_offsets[] = { 0, 1, 2, 4 };
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#define MULTI_COUNT ARRAY_SIZE(multi_offsets)

static int fail(const char *what, const char *label)
{
	fprintf(stderr, "gpiobench: %s on '%s': %s\n", what, label, strerror(errno));
	return 1;
}

static long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000000000LL + ts.tv_nsec;
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return (x > y) - (x < y);
}

static double median(double *v, unsigned int n)
{
	qsort(v, n, sizeof(*v), cmp_double);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

enum op { OP_GET, OP_SET, OP_SET_MULTIPLE };

/* One timed loop: ns per call, or a negative value when a call failed. */
static double time_loop(enum op op, struct gpiod_line *line, struct gpiod_line_bulk *bulk,
			unsigned long iters)
{
	int on[MULTI_COUNT], off[MULTI_COUNT];
	unsigned long i;
	long long t;
	int ret = 0;

	for (i = 0; i < MULTI_COUNT; i++) {
		on[i] = 1;
		off[i] = 0;
	}
	t = now_ns();
	for (i = 0; i < iters && ret >= 0; i++) {
		switch (op) {
		case OP_GET:
			ret = gpiod_line_get_value(line);
			break;
		case OP_SET:
			ret = gpiod_line_set_value(line, !(i & 1));
			break;
		case OP_SET_MULTIPLE:
			ret = gpiod_line_set_value_bulk(bulk, (i & 1) ? off : on);
			break;
		}
	}
	if (ret < 0)
		return -1;
	return (double)(now_ns() - t) / (double)iters;
}

static int bench_op(struct gpiod_chip *chip, const char *label, enum op op, unsigned long iters,
		    unsigned int runs, double *result)
{
	int zeros[MULTI_COUNT] = { 0 };
	struct gpiod_line_bulk bulk;
	struct gpiod_line *line;
	static double ns[MAX_RUNS];
	unsigned int r;
	int ret;

	if (op == OP_SET_MULTIPLE) {
		if (gpiod_chip_get_lines(chip, (unsigned int *)multi_offsets, MULTI_COUNT, &bulk))
			return fail("get lines 0,1,2,4", label);
		ret = gpiod_line_request_bulk_output(&bulk, CONSUMER, zeros);
		line = NULL;
	} else {
		line = gpiod_chip_get_line(chip, 0);
		if (!line)
			return fail("get line 0", label);
		ret = op == OP_GET ? gpiod_line_request_input(line, CONSUMER) :
				     gpiod_line_request_output(line, CONSUMER, 0);
	}
	if (ret)
		return fail("request", label);
	for (r = 0; r < runs; r++) {
		ns[r] = time_loop(op, line, &bulk, iters);
		if (ns[r] < 0)
			break;
	}
	if (line)
		gpiod_line_release(line);
	else
		gpiod_line_release_bulk(&bulk);
	if (r < runs)
		return fail("get/set value", label);
	*result = median(ns, runs);
	return 0;
}

static int cmd_ops(const char *label, unsigned long iters, unsigned int runs)
{
	double get, set, multi;
	struct gpiod_chip *chip;
	int ret;

	if (iters == 0 || runs == 0 || runs > MAX_RUNS) {
		fprintf(stderr, "gpiobench: ITERATIONS >= 1 and RUNS 1..%d\n", MAX_RUNS);
		return 2;
	}
	chip = gpiod_chip_open_by_label(label);
	if (!chip)
		return fail("open chip by label", label);
	ret = bench_op(chip, label, OP_GET, iters, runs, &get) ||
	      bench_op(chip, label, OP_SET, iters, runs, &set) ||
	      bench_op(chip, label, OP_SET_MULTIPLE, iters, runs, &multi);
	gpiod_chip_close(chip);
	if (ret)
		return 1;
	printf("get=%.1f set=%.1f set_multiple=%.1f\n", get, set, multi);
	return 0;
}

static int write_pull(int fd, int up)
{
	const char *v = up ? "pull-up\n" : "pull-down\n";
	ssize_t len = (ssize_t)strlen(v);

	return pwrite(fd, v, len, 0) == len ? 0 : -1;
}

struct edge_count {
	unsigned long events, order_errors;
	int last_type; /* 0 before the first event */
	long long last_ns;
};

/* Reads events until @want have arrived or none came for EDGE_WAIT_NS. */
static int read_events(struct gpiod_line *line, unsigned long want, struct edge_count *c)
{
	struct timespec wait = { 0, EDGE_WAIT_NS };
	struct gpiod_line_event ev[16];
	unsigned long got = 0;
	int n, i, expect;

	while (got < want) {
		n = gpiod_line_event_wait(line, &wait);
		if (n < 0)
			return -1;
		if (n == 0)
			return 0; /* lost: nothing more is coming */
		n = gpiod_line_event_read_multiple(line, ev, 16);
		if (n < 0)
			return -1;
		for (i = 0; i < n; i++) {
			expect = c->last_type == GPIOD_LINE_EVENT_RISING_EDGE ?
					 GPIOD_LINE_EVENT_FALLING_EDGE :
					 GPIOD_LINE_EVENT_RISING_EDGE;
			if (ev[i].event_type != expect)
				c->order_errors++;
			c->last_type = ev[i].event_type;
		}
		got += n;
		c->events += n;
		c->last_ns = now_ns();
	}
	return 0;
}

static int cmd_edges(const char *label, unsigned int offset, const char *pull_file,
		     unsigned long toggles, unsigned long max_batch)
{
	struct edge_count c = { 0 };
	struct gpiod_chip *chip;
	struct gpiod_line *line;
	unsigned long done = 0, i, batch;
	long long start;
	int fd, ret = 1;

	if (toggles == 0 || max_batch == 0 || max_batch > MAX_EDGE_BATCH) {
		fprintf(stderr, "gpiobench: TOGGLES >= 1 and BATCH 1..%d\n", MAX_EDGE_BATCH);
		return 2;
	}
	fd = open(pull_file, O_WRONLY);
	if (fd < 0)
		return fail("open pull file", pull_file);
	chip = gpiod_chip_open_by_label(label);
	if (!chip) {
		close(fd);
		return fail("open chip by label", label);
	}
	line = gpiod_chip_get_line(chip, offset);
	if (!line || write_pull(fd, 0))
		goto out;
	usleep(10000);
	if (gpiod_line_request_both_edges_events(line, CONSUMER))
		goto out;
	/* The line starts low: no event is due before the first pull-up. */
	if (gpiod_line_get_value(line) != 0) {
		fprintf(stderr, "gpiobench: line %u of '%s' is not low after pull-down\n",
			offset, label);
		errno = EIO;
		goto out_release;
	}
	start = now_ns();
	c.last_ns = start;
	while (done < toggles) {
		batch = toggles - done < max_batch ? toggles - done : max_batch;
		for (i = 0; i < batch; i++)
			if (write_pull(fd, !((done + i) & 1)))
				goto out_release;
		done += batch;
		if (read_events(line, batch, &c))
			goto out_release;
	}
	/* Anything still queued is an extra event. */
	read_events(line, 1, &c);
	printf("events=%lu lost=%lu extra=%lu order_errors=%lu events_per_s=%.0f\n", c.events,
	       c.events < toggles ? toggles - c.events : 0,
	       c.events > toggles ? c.events - toggles : 0, c.order_errors,
	       c.last_ns > start ? (double)c.events * 1e9 / (double)(c.last_ns - start) : 0.0);
	ret = 0;
out_release:
	gpiod_line_release(line);
out:
	if (ret)
		fail("edge bench", label);
	write_pull(fd, 0);
	gpiod_chip_close(chip);
	close(fd);
	return ret;
}

static int print_usage(void)
{
	fprintf(stderr, "usage: gpiobench ops LABEL ITERATIONS RUNS\n"
			"       gpiobench edges LABEL OFFSET PULL_FILE TOGGLES BATCH\n");
	return 2;
}

int main(int argc, char **argv)
{
	if (argc == 2 && !strcmp(argv[1], "--help")) {
		print_usage();
		return 0;
	}
	if (argc == 5 && !strcmp(argv[1], "ops"))
		return cmd_ops(argv[2], strtoul(argv[3], NULL, 0), strtoul(argv[4], NULL, 0));
	if (argc == 7 && !strcmp(argv[1], "edges"))
		return cmd_edges(argv[2], strtoul(argv[3], NULL, 0), argv[4],
				 strtoul(argv[5], NULL, 0), strtoul(argv[6], NULL, 0));
	return print_usage();
}
