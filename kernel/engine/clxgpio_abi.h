/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clxgpio_abi.h - the one C ABI between the clxgpio engine (freestanding C++17)
 * and everything else: the Linux glue, the Windows-model layer and the host tests.
 *
 * Plain structs, opaque handles, 0 or -errno returns. No kernel or libc header is
 * included: the types below come from the compiler's predefined macros.
 *
 * Pins are controller-relative (0 .. total_pins-1) unless a parameter is named
 * "bank"/"mask", in which case bit n of a mask is pin n of that bank.
 *
 * LOCKING: the engine takes no lock. The caller serialises every call on one chip with
 * one lock of its own, "the chip lock" below: a raw spinlock (irqsave) for memory-mapped
 * controllers (CLX_CAP_MEMORY_MAPPED), whose callbacks never sleep; a mutex for sleeping
 * ones, whose callbacks may (bus transfers). Pin I/O on CLX_CAP_ATOMIC_IO chips is the
 * one exception: it needs no lock (see the capability). Different chips are independent.
 *
 * Context tags on every entry point:
 *   [may sleep]  process context (a configuration call: connect, direction, pull, ...);
 *                the caller holds the chip lock.
 *   [atomic]     for memory-mapped controllers any context including hard IRQ, for
 *                sleeping ones a thread; the caller holds the chip lock.
 */
#ifndef CLXGPIO_ABI_H
#define CLXGPIO_ABI_H

#ifdef __cplusplus
extern "C" {
#endif

/* checkpatch-ignore: NEW_TYPEDEFS: no <linux/types.h> here, the header is C++'s too */
typedef __UINT8_TYPE__ clx_u8;
typedef __UINT16_TYPE__ clx_u16;
typedef __UINT32_TYPE__ clx_u32;
typedef __UINT64_TYPE__ clx_u64;
typedef __SIZE_TYPE__ clx_size;

/* ------------------------------------------------------------------------ */
/* Errors: Linux errno values (asm-generic, identical on arm64 and x86-64).   */
/* Each bad-input class has its own code so callers and tests can tell them  */
/* apart.                                                                     */
/* ------------------------------------------------------------------------ */
#define CLX_EPERM 1        /* operation denied on this connection (wrong direction) */
#define CLX_E2BIG 7        /* total pin count larger than CLX_MAX_PINS */
#define CLX_EACCES 13      /* pin reserved for firmware (ACPI OpRegion) */
#define CLX_EBUSY 16       /* incompatible connect mode (STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE) */
#define CLX_EINVAL 22      /* malformed argument: zero pins, bad enum value, bad flags */
#define CLX_EDOM 33        /* pins per bank larger than the total pin count */
#define CLX_ERANGE 34      /* pin number out of range */
#define CLX_ECHRNG 44      /* bank number out of range */
#define CLX_EMSGSIZE 90    /* pins per bank larger than 64 */
#define CLX_EOPNOTSUPP 95  /* the controller cannot do this (mode, pull, drive, debounce) */
#define CLX_ENOBUFS 105    /* caller-supplied buffer or storage too small */
#define CLX_ENOTCONN 107   /* pin is not connected the way the call needs */
#define CLX_EIO 5          /* the controller reported a failure */

#define CLX_MAX_PINS 0xFFFEu       /* GpioClx PIN_NUMBER is 16-bit, 0xFFFF is invalid */
#define CLX_MAX_PINS_PER_BANK 64u

/* ------------------------------------------------------------------------ */
/* Enumerations (zero is never a valid setting)                              */
/* ------------------------------------------------------------------------ */
enum clx_irq_mode {
	CLX_IRQ_LEVEL = 1,
	CLX_IRQ_EDGE = 2,
};

enum clx_polarity {
	CLX_POL_HIGH = 1, /* active high / rising edge */
	CLX_POL_LOW = 2,  /* active low / falling edge */
	CLX_POL_BOTH = 3, /* both edges (ActiveBoth) */
};

enum clx_pull {
	CLX_PULL_DEFAULT = 1, /* leave the controller's default */
	CLX_PULL_UP = 2,
	CLX_PULL_DOWN = 3,
	CLX_PULL_NONE = 4,
};

enum clx_io_mode {
	CLX_IO_INPUT = 1,
	CLX_IO_OUTPUT = 2,
};

enum clx_event_kind {
	CLX_EVENT_RISING = 1,  /* the line went high */
	CLX_EVENT_FALLING = 2, /* the line went low */
	CLX_EVENT_EDGE = 3,    /* hardware both-edge: direction not known */
	CLX_EVENT_LEVEL = 4,   /* level-triggered interrupt is asserted */
};

enum clx_start_kind {
	CLX_START_FIRST = 1,   /* first start: disable interrupts firmware left on */
	CLX_START_RESTORE = 2, /* resume: restore every bank's saved context */
};

enum clx_stop_kind {
	CLX_STOP_FINAL = 1, /* power down for good: nothing saved */
	CLX_STOP_SAVE = 2,  /* suspend: save every bank's context first */
};

/* Controller capabilities (struct clx_controller_desc.caps). */
/* checkpatch-ignore: BIT_MACRO: BIT() is in <linux/bits.h>, which this header cannot include */
#define CLX_CAP_LEVEL (1u << 0)          /* level-sensitive interrupts */
#define CLX_CAP_EDGE (1u << 1)           /* edge-triggered interrupts */
#define CLX_CAP_ACTIVE_HIGH (1u << 2)    /* high level / rising edge */
#define CLX_CAP_ACTIVE_LOW (1u << 3)     /* low level / falling edge */
#define CLX_CAP_HW_BOTH_EDGE (1u << 4)   /* hardware detects both edges */
#define CLX_CAP_HW_DEBOUNCE (1u << 5)    /* connect/enable apply debounce */
#define CLX_CAP_MEMORY_MAPPED (1u << 6)  /* callbacks never sleep */
#define CLX_CAP_AUTO_CLEAR (1u << 7)     /* query_active clears status */
#define CLX_CAP_PULL (1u << 8)           /* pull up/down/none configurable */
#define CLX_CAP_DRIVE_STRENGTH (1u << 9) /* drive strength configurable */
/*
 * Atomic pin I/O: read_pins is one side-effect-free read of the pin levels, output pins
 * included (they read back what they drive), and write_pins changes exactly the pins it
 * is given with stores that need no read-modify-write (address-masked data, set/clear
 * registers). The engine then keeps no output latch, and the Pin I/O entries may run
 * without the chip lock, concurrently with each other and with every other entry.
 */
#define CLX_CAP_ATOMIC_IO (1u << 10)
#define CLX_CAP_ALL_MASK ((1u << 11) - 1)

/* Connection flags. */
/* checkpatch-ignore: BIT_MACRO: BIT() is in <linux/bits.h>, which this header cannot include */
#define CLX_CONNECT_SHARED (1u << 0)       /* others may connect the same pin the same way */
/*
 * Emulated both/edge: arm from the current level (Linux) instead of firing the asserted
 * state first (GpioClx).
 */
#define CLX_CONNECT_EDGE_SEMANTICS (1u << 1)
/* Emulate both edges even if the hardware has both-edge detection (the Windows rule). */
#define CLX_CONNECT_EMULATE_BOTH (1u << 2)
/*
 * Interrupt connections only: the connection is the native stack's (a gpiolib consumer's
 * interrupt), not a model (GpioClx) connection; see clx_pin_holder().
 */
#define CLX_CONNECT_NATIVE (1u << 3)
#define CLX_CONNECT_FLAGS_MASK 0xFu

/* Event flag. */
/* checkpatch-ignore: BIT_MACRO: BIT() is in <linux/bits.h>, which this header cannot include */
#define CLX_EVENT_ASSERTED (1u << 0) /* ActiveBoth: the event enters the asserted state */

/* ------------------------------------------------------------------------ */
/* Controller description and client interface                               */
/* ------------------------------------------------------------------------ */
struct clx_controller_desc {
	clx_u16 total_pins;     /* 1 .. CLX_MAX_PINS */
	clx_u8 pins_per_bank;   /* 1 .. 64 and <= total_pins */
	clx_u32 caps;           /* CLX_CAP_* */
	/* Interrupt line serving bank b is bank_irq_line[b]; NULL: bank b -> line b. */
	const clx_u8 *bank_irq_line;
};

struct clx_io_config {
	enum clx_io_mode mode;
	enum clx_pull pull;
	clx_u16 drive_strength;   /* 1/100 mA, 0 = default */
	clx_u16 debounce_timeout; /* 1/100 ms, 0 = none */
};

struct clx_irq_config {
	enum clx_irq_mode mode;
	enum clx_polarity polarity;
	enum clx_pull pull;
	clx_u16 debounce_timeout; /* 1/100 ms, 0 = none */
};

/*
 * Client callbacks, modelled on GpioClx CLIENT_*: bank-relative pins, 64-bit masks.
 * Return 0 or -errno. Memory-mapped controllers' callbacks must not fail or sleep.
 * Context column as in GpioClx: start/stop/connect/disconnect/enable/disable run in
 * process context; the rest are called from the interrupt path with the chip lock
 * held (hard IRQ for memory-mapped controllers, a thread for sleeping ones).
 *
 * Required: start, stop. Optional groups, all-or-none:
 *   I/O:       connect_io + disconnect_io + at least one of read_pins/write_pins
 *   interrupt: enable_irq, disable_irq, mask_irqs, unmask_irq, query_active,
 *              and clear_active unless CLX_CAP_AUTO_CLEAR (then it must be NULL)
 *   reconfigure_irq: needed to emulate both-edge/edge/debounce on level hardware
 *   reconfigure_irqs + unmask_irqs: optional, both or neither, only with reconfigure_irq;
 *              the emulation then reconfigures and unmasks all serviced pins in one
 *              call each instead of one call per pin
 *   save_bank + restore_bank: both or neither
 *   query_enabled: optional, used by the storm guard
 *   query_outputs: optional; at first start, which pins firmware left as outputs
 */
struct clx_client_ops {
	int (*start)(void *ctx, enum clx_start_kind kind);
	int (*stop)(void *ctx, enum clx_stop_kind kind);
	int (*connect_io)(void *ctx, clx_u16 bank, clx_u64 mask, const struct clx_io_config *cfg);
	int (*disconnect_io)(void *ctx, clx_u16 bank, clx_u64 mask);
	/* Levels of (at least) the pins in mask; other bits may hold anything. */
	int (*read_pins)(void *ctx, clx_u16 bank, clx_u64 mask, clx_u64 *values);
	int (*write_pins)(void *ctx, clx_u16 bank, clx_u64 set_mask, clx_u64 clear_mask);
	int (*enable_irq)(void *ctx, clx_u16 bank, clx_u16 pin, const struct clx_irq_config *cfg);
	int (*disable_irq)(void *ctx, clx_u16 bank, clx_u16 pin);
	int (*mask_irqs)(void *ctx, clx_u16 bank, clx_u64 mask);
	int (*unmask_irq)(void *ctx, clx_u16 bank, clx_u16 pin, const struct clx_irq_config *cfg);
	int (*query_active)(void *ctx, clx_u16 bank, clx_u64 enabled, clx_u64 *active);
	int (*clear_active)(void *ctx, clx_u16 bank, clx_u64 mask);
	int (*query_enabled)(void *ctx, clx_u16 bank, clx_u64 *enabled);
	int (*reconfigure_irq)(void *ctx, clx_u16 bank, clx_u16 pin,
			       const struct clx_irq_config *cfg);
	void (*save_bank)(void *ctx, clx_u16 bank);
	void (*restore_bank)(void *ctx, clx_u16 bank);
	int (*query_outputs)(void *ctx, clx_u16 bank, clx_u64 *outputs);
	/*
	 * Level-triggered pins in mask: arm the pins in high for the high level, the
	 * rest of mask for the low level (reconfigure_irq of each, in one call).
	 */
	int (*reconfigure_irqs)(void *ctx, clx_u16 bank, clx_u64 mask, clx_u64 high);
	/* Unmask the (enabled, configured) pins in mask: unmask_irq of each, in one call. */
	int (*unmask_irqs)(void *ctx, clx_u16 bank, clx_u64 mask);
};

/* Register access for controllers: base is the mapped window (MMIO or a model). */
struct clx_bus_ops {
	clx_u32 (*read32)(void *base, clx_u32 offset);
	void (*write32)(void *base, clx_u32 offset, clx_u32 value);
};

/* ------------------------------------------------------------------------ */
/* Engine chip                                                               */
/* ------------------------------------------------------------------------ */
struct clx_chip; /* opaque; lives in caller-allocated storage */

/* Interrupt events returned by dispatch: pin is bank-relative. */
struct clx_irq_event {
	clx_u16 pin;
	clx_u8 kind;  /* enum clx_event_kind */
	clx_u8 flags; /* CLX_EVENT_ASSERTED */
};

struct clx_dispatch {
	clx_u32 count;                      /* events[0..count) to deliver, in pin order */
	clx_u64 debounce_restart;           /* (re)start these pins' debounce timers now */
	clx_u64 storm_masked;               /* pins the storm guard masked in this call */
	struct clx_irq_event events[CLX_MAX_PINS_PER_BANK];
};

struct clx_storm_config {
	clx_u16 max_events;    /* events per tick period before a pin is masked; 0 = off */
	clx_u16 rearm_ticks;   /* ticks a storm-masked pin stays masked (>= 1) */
};

/* [may sleep] Bytes of storage a chip with this description needs, or -errno. */
long clx_chip_storage_size(const struct clx_controller_desc *desc);

/*
 * [may sleep] Validates desc and ops, constructs a chip in storage (aligned to 8).
 * Changes nothing and returns -errno on bad input. The chip keeps pointers to ops
 * and ctx, not to desc.
 */
int clx_chip_create(void *storage, clx_size size, const struct clx_controller_desc *desc,
		    const struct clx_client_ops *ops, void *ctx, struct clx_chip **out);

/* [may sleep] Destroys the chip object (storage stays the caller's). */
void clx_chip_destroy(struct clx_chip *chip);

clx_u16 clx_chip_total_pins(const struct clx_chip *chip);
clx_u16 clx_chip_bank_count(const struct clx_chip *chip);
clx_u8 clx_chip_pins_per_bank(const struct clx_chip *chip);
clx_u32 clx_chip_caps(const struct clx_chip *chip);
/* 1 if the controller has the interrupt callbacks (it can serve interrupts), else 0. */
int clx_chip_has_interrupts(const struct clx_chip *chip);
/* Pins in a bank (pins_per_bank, fewer in the last), or -CLX_ECHRNG. */
int clx_chip_bank_width(const struct clx_chip *chip, clx_u16 bank);
/* Interrupt line serving a bank, or -CLX_ECHRNG. */
int clx_chip_bank_irq_line(const struct clx_chip *chip, clx_u16 bank);
/* Bytes of engine state per pin (chip, banks and pin slots), rounded up. */
clx_u32 clx_chip_state_bytes(const struct clx_chip *chip);

/*
 * [may sleep] Power transitions; with CLX_STOP_SAVE/CLX_START_RESTORE each bank's
 * context is saved/restored through the client's save_bank/restore_bank.
 */
int clx_chip_start(struct clx_chip *chip, enum clx_start_kind kind);
int clx_chip_stop(struct clx_chip *chip, enum clx_stop_kind kind);

/* ---- Pin configuration (Linux gpiolib model: no ownership) [may sleep] ---- */
int clx_pin_set_direction(struct clx_chip *chip, clx_u16 pin, enum clx_io_mode mode,
			  int value);
/* 1 = input, 0 = output (GPIO_LINE_DIRECTION_*), or -errno. [atomic] */
int clx_pin_get_direction(const struct clx_chip *chip, clx_u16 pin);
int clx_pin_set_pull(struct clx_chip *chip, clx_u16 pin, enum clx_pull pull);
int clx_pin_set_drive_strength(struct clx_chip *chip, clx_u16 pin, clx_u16 centi_ma);
/* Debounce in 1/100 ms; emulated when the controller has no hardware debounce. */
int clx_pin_set_debounce(struct clx_chip *chip, clx_u16 pin, clx_u16 centi_ms);
/* The pin's debounce timeout in 1/100 ms into *centi_ms. [atomic] */
int clx_pin_debounce(const struct clx_chip *chip, clx_u16 pin, clx_u16 *centi_ms);

/* ---- Pin I/O [atomic; LOCKING: chip lock, or none on CLX_CAP_ATOMIC_IO chips] ---- */
/*
 * Values of the pins in mask; output pins read their output latch (on CLX_CAP_ATOMIC_IO
 * chips, the level the hardware reports for them).
 */
int clx_bank_read(struct clx_chip *chip, clx_u16 bank, clx_u64 mask, clx_u64 *values);
/* Drive output pins: set_mask high, clear_mask low; other pins keep their level. */
int clx_bank_write(struct clx_chip *chip, clx_u16 bank, clx_u64 set_mask, clx_u64 clear_mask);
/* 0/1 or -errno. */
int clx_pin_read(struct clx_chip *chip, clx_u16 pin);
int clx_pin_write(struct clx_chip *chip, clx_u16 pin, int value);

/* ---- Ownership (GpioClx model) [may sleep] ---- */
/*
 * Connect pins of one bank for input or output; -CLX_EBUSY on a conflicting mode,
 * -CLX_EACCES on firmware-reserved pins. All-or-nothing.
 */
int clx_io_connect(struct clx_chip *chip, clx_u16 bank, clx_u64 mask,
		   const struct clx_io_config *cfg, clx_u32 flags);
/* The last disconnect of a pin returns it to its default (the client's disconnect_io). */
int clx_io_disconnect(struct clx_chip *chip, clx_u16 bank, clx_u64 mask);
/* The same, leaving the pins' configuration as it is (GpioIo NoneAndPreserve). */
int clx_io_disconnect_preserve(struct clx_chip *chip, clx_u16 bank, clx_u64 mask);
/* Connected I/O mode of a pin: CLX_IO_INPUT/OUTPUT, 0 if none, or -errno. */
int clx_io_connected_mode(const struct clx_chip *chip, clx_u16 pin);
/*
 * Reserve pins for firmware (GeneralPurposeIO OpRegion): drivers can no longer
 * connect them. -CLX_EBUSY if a pin is connected.
 */
int clx_firmware_reserve(struct clx_chip *chip, clx_u16 bank, clx_u64 mask);
int clx_firmware_release(struct clx_chip *chip, clx_u16 bank, clx_u64 mask);

/*
 * The referee. A pin belongs to at most one of three holders at a time, and each
 * refuses the other two whatever the share flags say:
 *   CLX_HOLDER_MODEL     the model side's connections (clx_io_connect, clx_irq_connect
 *                        without CLX_CONNECT_NATIVE): the GpioClx-model front end
 *   CLX_HOLDER_NATIVE    the native stack's consumers: claims (a gpiolib request) and
 *                        interrupt connections with CLX_CONNECT_NATIVE
 *   CLX_HOLDER_FIRMWARE  a firmware reservation (clx_firmware_reserve)
 * Refusals are -CLX_EBUSY, -CLX_EACCES for firmware-reserved pins.
 */
enum clx_holder {
	CLX_HOLDER_NONE = 0,
	CLX_HOLDER_NATIVE = 1,
	CLX_HOLDER_MODEL = 2,
	CLX_HOLDER_FIRMWARE = 3,
};

/* Claim a pin for a native consumer: -CLX_EBUSY if held otherwise or claimed already. */
int clx_pin_claim(struct clx_chip *chip, clx_u16 pin);
/* Drop a native claim: -CLX_ENOTCONN if the pin was not claimed. */
int clx_pin_unclaim(struct clx_chip *chip, clx_u16 pin);
/* Who holds the pin now: enum clx_holder, or -errno. */
int clx_pin_holder(const struct clx_chip *chip, clx_u16 pin);

/* ---- Interrupts ---- */
/*
 * [may sleep] The ActiveBoth asserted level of a pin (controller _DSM function 1):
 * high if asserted_high, else low (the default). Applies to later connects.
 */
int clx_irq_set_asserted_high(struct clx_chip *chip, clx_u16 pin, int asserted_high);
/*
 * [may sleep; LOCKING: chip lock]
 * Connect an interrupt consumer. The first connect enables the pin (unmasked);
 * later shared connects must ask for the same configuration.
 */
int clx_irq_connect(struct clx_chip *chip, clx_u16 pin, const struct clx_irq_config *cfg,
		    clx_u32 flags);
/* Disconnect one consumer; the last one disables the pin. */
int clx_irq_disconnect(struct clx_chip *chip, clx_u16 pin);
/* [atomic; LOCKING: chip lock] Change trigger of a connected pin (Linux set_type). */
int clx_irq_reconfigure(struct clx_chip *chip, clx_u16 pin, const struct clx_irq_config *cfg,
			clx_u32 flags);
/* [atomic; LOCKING: chip lock] Consumer mask/unmask; masking keeps configuration. */
int clx_irq_mask(struct clx_chip *chip, clx_u16 pin);
int clx_irq_unmask(struct clx_chip *chip, clx_u16 pin);
/* [atomic] 1 if the pin is connected for interrupts, else 0 (or -errno). */
int clx_irq_is_connected(const struct clx_chip *chip, clx_u16 pin);

/*
 * [atomic; LOCKING: chip lock; hard IRQ for MM controllers, thread for sleeping ones]
 * Service one bank: query active pins, run the ActiveBoth/edge/debounce emulation
 * and the storm guard, clear what must be cleared, and fill out with the events to
 * deliver. Cost is O(active pins). Returns the event count or -errno.
 */
int clx_irq_dispatch(struct clx_chip *chip, clx_u16 bank, struct clx_dispatch *out);

/*
 * [atomic; LOCKING: chip lock] Debounce timers of pins in mask expired: deliver the
 * changes that stayed stable for the whole timeout. Returns the event count.
 */
int clx_debounce_expired(struct clx_chip *chip, clx_u16 bank, clx_u64 mask,
			 struct clx_dispatch *out);

/* [may sleep] Storm guard thresholds (default: 0 = off). */
int clx_storm_configure(struct clx_chip *chip, const struct clx_storm_config *cfg);
/*
 * [atomic; LOCKING: chip lock] One storm-guard period ended for a bank: counters reset,
 * pins masked long enough are re-armed (returned in *rearmed).
 */
int clx_storm_tick(struct clx_chip *chip, clx_u16 bank, clx_u64 *rearmed);

/* ------------------------------------------------------------------------ */
/* A controller, as its init function fills it in (controllers/clx_controllers.h) */
/* ------------------------------------------------------------------------ */
struct clx_controller {
	struct clx_controller_desc desc;
	const struct clx_client_ops *ops;
	void *ctx;
};

/* ------------------------------------------------------------------------ */
/* Shim: kernel services the C++ side uses (non-inline C, one file per OS)   */
/* ------------------------------------------------------------------------ */
/* readl/writel on base + offset: direct calls, for controllers whose registers are MMIO. */
clx_u32 clx_shim_mmio_read32(void *base, clx_u32 offset);
void clx_shim_mmio_write32(void *base, clx_u32 offset, clx_u32 value);
/* A ratelimited warning: "clxgpio: <what> (<a>, <b>)". */
void clx_shim_warn(const char *what, clx_u32 a, clx_u32 b);

#ifdef __cplusplus
}
#endif

#endif /* CLXGPIO_ABI_H */
