/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clx_resource.h - the rules of a GPIO I/O resource, the Windows model's view of GPIO
 * pins (shared/seeds/002: the pin table of one GpioIo descriptor, opened for read or
 * write and driven with IOCTL_GPIO_READ_PINS / IOCTL_GPIO_WRITE_PINS):
 *
 *   - the open decision: IoRestriction x requested access -> input, output, or refused;
 *   - the I/O rules: which of READ_PINS/WRITE_PINS a connection may send, and the
 *     ceil(N/8)-byte buffer;
 *   - the pin-table planner: a table of N controller-relative pins becomes one
 *     (bank, mask) group per bank, ascending, plus where each table entry sits, so that
 *     a write is one bank call per bank and a read gathers each bank's value into the
 *     buffer's bit order (pack/unpack).
 *
 * Rules only: nothing here touches a chip. Shared/Exclusive and mode conflicts between
 * connections are the engine's (kernel/engine/ownership.cpp); the compat layer reports
 * its -EBUSY as STATUS_GPIO_INCOMPATIBLE_CONNECT_MODE (clx_ntstatus.h).
 * compat/README-resources.md explains each decision.
 *
 * Freestanding C++17 behind this plain C header (compat/core/resource_*.cpp), linked
 * into the kernel module and into user space; no kernel or libc header (the clx_u*
 * typedefs come with clx_ntstatus.h, the same as clxgpio_abi.h's). Context: every
 * function may be called in any context, including hard IRQ; none sleeps, allocates,
 * locks or keeps state outside its arguments.
 *
 * Errors: 0 (or the documented non-negative result) on success, otherwise the negative
 * of an enum clx_res_error value, each case its own; clx_res_error_name() names it and
 * clx_res_error_status() gives the NTSTATUS it becomes (clx_ntstatus_to_errno() of
 * that is its errno). A call that fails writes none of its outputs.
 *
 * The open decision (io_restriction is the GpioIo descriptor's _IOR field, enum
 * clx_acpi_io_restriction in clx_acpi.h; access as GENERIC_READ/GENERIC_WRITE):
 *
 *   IoRestriction        READ     WRITE    READ_WRITE   on close
 *   None (0)             input    output   output       pins back to their default
 *   InputOnly (1)        input    refused  refused      pins back to their default
 *   OutputOnly (2)       refused  output   output       pins back to their default
 *   NoneAndPreserve (3)  input    output   output       pins keep their configuration
 *
 *   refused: -CLX_RES_E_INPUT_ONLY / -CLX_RES_E_OUTPUT_ONLY, STATUS_GPIO_OPERATION_DENIED.
 *   READ_WRITE makes the pins outputs (a pin is one or the other), and READ_PINS on the
 *   connection returns their output latches: what the pins drive.
 *
 * The I/O rules (connection access x request):
 *
 *   access       READ_PINS                               WRITE_PINS
 *   READ         the input levels                        refused (CLX_RES_E_WRITE_DENIED)
 *   WRITE        the output latches; refused             drives the pins
 *                (CLX_RES_E_READ_DENIED) under
 *                CLX_RES_STRICT_READ
 *   READ_WRITE   the output latches, always              drives the pins
 *
 *   refused: STATUS_GPIO_OPERATION_DENIED. Then the buffer: at least ceil(N/8) bytes,
 *   else -CLX_RES_E_BUFFER_TOO_SMALL (STATUS_BUFFER_TOO_SMALL); a denial is reported
 *   before a short buffer. On success the request uses exactly ceil(N/8) bytes (the
 *   IOCTL's Information).
 *
 * The buffer: bit i (bit 0 = least significant bit of byte 0) is the i-th pin of the
 * table: pins {7, 8, 23} are bits 0, 1, 2 of byte 0. Bits past N: a read writes them
 * 0 (in the last byte; bytes past ceil(N/8) are not touched), a write ignores them.
 */
#ifndef CLX_RESOURCE_H
#define CLX_RESOURCE_H

#include "clx_ntstatus.h" /* the clx_u* types; the statuses errors become */

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Pins in one resource, at most. It bounds the planner's work (grouping is O(N x
 * banks)) and its storage (clx_res_plan_size(256) is about 6 KiB); GpioIo tables in
 * firmware hold a handful.
 */
#define CLX_RES_MAX_PINS 256u
#define CLX_RES_MAX_PINS_PER_BANK 64u  /* the engine's CLX_MAX_PINS_PER_BANK */

/* The access a connection is opened with (GENERIC_READ, GENERIC_WRITE, both). */
enum clx_res_access {
	CLX_RES_READ = 1,
	CLX_RES_WRITE = 2,
	CLX_RES_READ_WRITE = 3,
};

/* What an open makes the pins: the same values as the engine's enum clx_io_mode. */
enum clx_res_mode {
	CLX_RES_MODE_INPUT = 1,
	CLX_RES_MODE_OUTPUT = 2,
};

/* A request on a connection. */
enum clx_res_op {
	CLX_RES_READ_PINS = 1,   /* IOCTL_GPIO_READ_PINS */
	CLX_RES_WRITE_PINS = 2,  /* IOCTL_GPIO_WRITE_PINS */
};

/* clx_res_check_io() flags. */
/* checkpatch-ignore: BIT_MACRO: BIT() is in <linux/bits.h>, which this header cannot include */
/*
 * READ_PINS on a write-only connection is refused (the IOCTL page's reading) instead of
 * returning the output latches (the seed's and the design guide's; the default).
 * GPIOCLX-FACTS section 14 lists the contradiction.
 */
#define CLX_RES_STRICT_READ (1u << 0)
#define CLX_RES_IO_FLAGS_MASK 0x1u

/* Each failure its own value; functions return -value. */
enum clx_res_error {
	CLX_RES_OK = 0,
	CLX_RES_E_NULL_ARGUMENT = 1,     /* a required pointer is NULL */
	CLX_RES_E_BAD_GEOMETRY = 2,      /* total pins 0, or pins per bank 0, > 64 or > total */
	CLX_RES_E_NO_PINS = 3,           /* the pin table is empty */
	CLX_RES_E_TOO_MANY_PINS = 4,     /* more than CLX_RES_MAX_PINS pins */
	CLX_RES_E_PIN_OUT_OF_RANGE = 5,  /* a pin >= the controller's total pins */
	CLX_RES_E_DUPLICATE_PIN = 6,     /* a pin twice in the table */
	CLX_RES_E_NO_SPACE = 7,          /* plan storage smaller than clx_res_plan_size() */
	CLX_RES_E_BAD_RESTRICTION = 8,   /* IoRestriction not 0..3 */
	CLX_RES_E_BAD_ACCESS = 9,        /* access not an enum clx_res_access value */
	CLX_RES_E_BAD_OPERATION = 10,    /* op not an enum clx_res_op value */
	CLX_RES_E_BAD_FLAGS = 11,        /* flags outside CLX_RES_IO_FLAGS_MASK */
	CLX_RES_E_INPUT_ONLY = 12,       /* write or read+write open of an InputOnly resource */
	CLX_RES_E_OUTPUT_ONLY = 13,      /* read open of an OutputOnly resource */
	CLX_RES_E_WRITE_DENIED = 14,     /* WRITE_PINS on a read connection */
	CLX_RES_E_READ_DENIED = 15,      /* READ_PINS on a write connection, CLX_RES_STRICT_READ */
	CLX_RES_E_BUFFER_TOO_SMALL = 16, /* READ/WRITE_PINS buffer under ceil(N/8) bytes */
	CLX_RES_E_COUNT = 17
};

/*
 * Status of each error: NULL_ARGUMENT, BAD_*, NO_PINS, PIN_OUT_OF_RANGE, DUPLICATE_PIN:
 * STATUS_INVALID_PARAMETER; TOO_MANY_PINS: STATUS_NOT_SUPPORTED (a limit of ours, not a
 * malformed table); NO_SPACE, BUFFER_TOO_SMALL: STATUS_BUFFER_TOO_SMALL; INPUT_ONLY,
 * OUTPUT_ONLY, WRITE_DENIED, READ_DENIED: STATUS_GPIO_OPERATION_DENIED.
 */

/* "CLX_RES_E_DUPLICATE_PIN" for 6 or -6; "CLX_RES_E_UNKNOWN" outside the enum. */
const char *clx_res_error_name(int err);
/* The NTSTATUS of an error (0 gives STATUS_SUCCESS, outside the enum STATUS_UNSUCCESSFUL). */
clx_u32 clx_res_error_status(int err);

/* ------------------------------------------------------------------------ */
/* Open, close, I/O                                                          */
/* ------------------------------------------------------------------------ */

/*
 * What an open with access (enum clx_res_access) makes the pins of a resource whose
 * IoRestriction is io_restriction (0..3): CLX_RES_MODE_INPUT or CLX_RES_MODE_OUTPUT
 * (the table above), or -CLX_RES_E_INPUT_ONLY / -CLX_RES_E_OUTPUT_ONLY, or
 * -CLX_RES_E_BAD_RESTRICTION / -CLX_RES_E_BAD_ACCESS (checked in that order).
 */
int clx_res_open_mode(clx_u8 io_restriction, clx_u32 access);

/*
 * 1 when closing leaves the pins as they are (NoneAndPreserve), 0 when it returns them
 * to their default; -CLX_RES_E_BAD_RESTRICTION for a value outside 0..3.
 */
int clx_res_close_preserves(clx_u8 io_restriction);

/* Bytes a READ_PINS/WRITE_PINS buffer needs for pin_count pins: ceil(pin_count / 8). */
clx_size clx_res_buffer_bytes(clx_u32 pin_count);

/*
 * May a connection opened with access send op (enum clx_res_op) with a buf_len-byte
 * buffer, for a resource of pin_count pins? 0, or in this order: -CLX_RES_E_BAD_FLAGS,
 * -CLX_RES_E_BAD_OPERATION, -CLX_RES_E_BAD_ACCESS, -CLX_RES_E_NO_PINS,
 * -CLX_RES_E_TOO_MANY_PINS, -CLX_RES_E_WRITE_DENIED / -CLX_RES_E_READ_DENIED,
 * -CLX_RES_E_BUFFER_TOO_SMALL. flags: CLX_RES_STRICT_READ or 0.
 */
int clx_res_check_io(clx_u32 op, clx_u32 access, clx_u32 pin_count, clx_size buf_len,
		     clx_u32 flags);

/* ------------------------------------------------------------------------ */
/* The pin-table planner                                                     */
/* ------------------------------------------------------------------------ */

/* The pins of one bank that the table names. */
struct clx_res_group {
	clx_u64 mask;  /* bit n = pin n of the bank */
	clx_u16 bank;
};

/* Where table entry i sits. */
struct clx_res_pin {
	clx_u16 bank;
	clx_u16 group;  /* index into clx_res_plan.groups */
	clx_u8 bit;     /* pin within the bank: controller pin = bank * pins_per_bank + bit */
};

/*
 * A planned resource. groups and pins point into the storage given to clx_res_plan(),
 * which must outlive the plan; nothing else is kept.
 */
struct clx_res_plan {
	const struct clx_res_group *groups; /* group_count groups, banks ascending */
	const struct clx_res_pin *pins;     /* pin_count entries, in table order */
	clx_u16 pin_count;
	clx_u16 group_count;
};

/*
 * Bytes of storage clx_res_plan() needs for pin_count pins (any alignment: the planner
 * aligns inside it); 0 when pin_count is 0 or above CLX_RES_MAX_PINS.
 */
clx_size clx_res_plan_size(clx_u32 pin_count);

/*
 * Plans the table pins[0..pin_count) of controller-relative pin numbers on a controller
 * of total_pins pins in banks of pins_per_bank (pin p is bit p % pins_per_bank of bank
 * p / pins_per_bank). Returns 0 with *plan filled, or in this order:
 * -CLX_RES_E_NULL_ARGUMENT (pins may be NULL only when pin_count is 0),
 * -CLX_RES_E_BAD_GEOMETRY, -CLX_RES_E_NO_PINS,
 * -CLX_RES_E_TOO_MANY_PINS, -CLX_RES_E_NO_SPACE, then the first bad table entry decides:
 * -CLX_RES_E_PIN_OUT_OF_RANGE or -CLX_RES_E_DUPLICATE_PIN (its second occurrence), and
 * *bad_index (if not NULL) = that entry's index. On failure *plan is untouched, the
 * storage's contents are undefined.
 */
int clx_res_plan(const clx_u16 *pins, clx_u32 pin_count, clx_u16 total_pins,
		 clx_u8 pins_per_bank, void *storage, clx_size size, struct clx_res_plan *plan,
		 clx_u32 *bad_index);

/*
 * The same from a pin table in the GpioIo descriptor's layout: pin_count little-endian
 * 16-bit pins at pin_table, any alignment (struct clx_acpi_gpio's pin_table).
 */
int clx_res_plan_le16(const void *pin_table, clx_u32 pin_count, clx_u16 total_pins,
		      clx_u8 pins_per_bank, void *storage, clx_size size,
		      struct clx_res_plan *plan, clx_u32 *bad_index);

/*
 * READ_PINS: values[g] is bank groups[g].bank's read value (bit n = pin n; bits outside
 * the group's mask are ignored). Writes bit i of buf = pin i's value for every i <
 * pin_count and 0 into the last byte's bits past pin_count: exactly
 * clx_res_buffer_bytes(pin_count) bytes. -CLX_RES_E_BUFFER_TOO_SMALL if len is smaller
 * (buf untouched), -CLX_RES_E_NULL_ARGUMENT.
 */
int clx_res_pack(const struct clx_res_plan *plan, const clx_u64 *values, void *buf,
		 clx_size len);

/*
 * WRITE_PINS: from bit i of buf (i < pin_count; later bits are ignored), fills
 * set[g] / clear[g] for every group g: the pins of groups[g].mask to drive high / low.
 * set[g] | clear[g] == groups[g].mask and set[g] & clear[g] == 0, so each group is one
 * bank write (clx_bank_write(chip, groups[g].bank, set[g], clear[g])).
 * -CLX_RES_E_BUFFER_TOO_SMALL if len < clx_res_buffer_bytes(pin_count) (set/clear
 * untouched), -CLX_RES_E_NULL_ARGUMENT.
 *
 * A table spanning banks is one bank call per group, in the groups' order (banks
 * ascending). Holding the chip lock across the calls, a reader that takes it sees all
 * banks change together; on CLX_CAP_ATOMIC_IO chips, whose pin I/O runs unlocked, a
 * concurrent reader may see lower banks already written and higher ones not yet.
 */
int clx_res_unpack(const struct clx_res_plan *plan, const void *buf, clx_size len,
		   clx_u64 *set, clx_u64 *clear);

#ifdef __cplusplus
}
#endif

#endif /* CLX_RESOURCE_H */
