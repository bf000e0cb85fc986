/* SPDX-License-Identifier: GPL-2.0 */
/*
 * clx_acpi.h - the ACPI GPIO connection descriptor codec: GpioIo and GpioInt (large
 * resource item 0x8C, ACPI 6.x section 6.4.3.8.1), decoded, encoded, and found in a
 * whole resource template (a _CRS or _AEI buffer).
 *
 * Freestanding C++17 behind this plain C header: the same code is linked into the
 * kernel module and into user space. No kernel or libc header is included; the clx_u*
 * types come with clx_ntstatus.h (the same typedefs as clxgpio_abi.h's, so either may
 * be included first; C11 and C++ allow the repeated typedef).
 *
 * Context: every function may be called in any context, including hard IRQ; none
 * sleeps, allocates, locks or keeps state outside its arguments.
 *
 * Errors: 0 on success, otherwise the negative of an enum clx_acpi_error value;
 * clx_acpi_error_name() and clx_acpi_error_text() name it. A call that fails changes
 * none of its outputs, except the two documented reports: the size an encoding
 * needs (CLX_ACPI_E_NO_SPACE) and the offset of a template's bad item.
 *
 * Layout of one descriptor (offsets from its first byte, little-endian):
 *   0 tag 0x8C | 1 Length (size - 3) | 3 revision (1) | 4 connection type
 *   (0 GpioInt, 1 GpioIo) | 5 general flags | 7 interrupt/IO flags | 9 PinConfig |
 *   10 drive strength | 12 debounce | 14 pin table offset | 16 ResourceSource index |
 *   17 ResourceSource name offset | 19 vendor data offset | 21 vendor data length |
 *   23.. pin table (UINT16 each), ResourceSource name (ASCIIZ), vendor data.
 */
#ifndef CLX_ACPI_H
#define CLX_ACPI_H

#include "clx_ntstatus.h" /* the clx_u* types */

#ifdef __cplusplus
extern "C" {
#endif

/* ------------------------------------------------------------------------ */
/* Field values. They are the descriptor's own encodings (ACPI), so zero is  */
/* a valid value of most fields; a zero-filled struct clx_acpi_gpio is still */
/* never encodable (no pins, no ResourceSource).                              */
/* ------------------------------------------------------------------------ */
#define CLX_ACPI_GPIO_TAG 0x8Cu    /* large item, name 0x0C */
#define CLX_ACPI_GPIO_REVISION 1u  /* the only revision ACPI 6.x defines */
/* tag + Length + fixed fields: the pin table's earliest offset */
#define CLX_ACPI_GPIO_FIXED_SIZE 23u
#define CLX_ACPI_ITEM_MAX_SIZE 0x10002u /* 3 + 0xFFFF: the largest large item */

enum clx_acpi_gpio_type {
	CLX_ACPI_GPIO_INT = 0, /* GpioInt: an interrupt connection */
	CLX_ACPI_GPIO_IO = 1,  /* GpioIo: an I/O connection */
};

enum clx_acpi_int_mode {    /* GpioInt flags bit 0 (_HE) */
	CLX_ACPI_LEVEL = 0,
	CLX_ACPI_EDGE = 1,
};

enum clx_acpi_polarity {    /* GpioInt flags bits 2:1 (_POL); 3 is reserved */
	CLX_ACPI_ACTIVE_HIGH = 0,
	CLX_ACPI_ACTIVE_LOW = 1,
	CLX_ACPI_ACTIVE_BOTH = 2,
};

enum clx_acpi_io_restriction { /* GpioIo flags bits 1:0 (_IOR) */
	CLX_ACPI_IO_NONE = 0,          /* IoRestrictionNone: input or output */
	CLX_ACPI_IO_INPUT_ONLY = 1,
	CLX_ACPI_IO_OUTPUT_ONLY = 2,
	CLX_ACPI_IO_NONE_AND_PRESERVE = 3, /* keep the pins' configuration after unload */
};

enum clx_acpi_pin_config {  /* byte 9 (_PPI); 0x04..0x7F are reserved */
	CLX_ACPI_PIN_DEFAULT = 0,   /* PullDefault */
	CLX_ACPI_PULL_UP = 1,
	CLX_ACPI_PULL_DOWN = 2,
	CLX_ACPI_PULL_NONE = 3,
	CLX_ACPI_PIN_VENDOR_FIRST = 0x80, /* 0x80..0xFF: vendor-defined, passed through */
};

/*
 * One GpioIo or GpioInt descriptor as values. Decoding fills it with views into the
 * decoded buffer (nothing is copied: the buffer must outlive the struct); encoding
 * reads it. Fields of the other connection type are 0 (encoding refuses anything
 * else).
 */
struct clx_acpi_gpio {
	clx_u8 revision;       /* CLX_ACPI_GPIO_REVISION */
	clx_u8 type;           /* enum clx_acpi_gpio_type */
	clx_u8 consumer;       /* general flags bit 0: 1 ResourceConsumer, 0 ResourceProducer */
	clx_u8 shared;         /* flags bit 3 (_SHR): 1 Shared, 0 Exclusive */
	clx_u8 wake;           /* flags bit 4 (_WKC): 1 for ExclusiveAndWake/SharedAndWake */
	clx_u8 int_mode;       /* GpioInt: enum clx_acpi_int_mode */
	clx_u8 polarity;       /* GpioInt: enum clx_acpi_polarity */
	clx_u8 io_restriction; /* GpioIo: enum clx_acpi_io_restriction */
	clx_u8 pin_config;     /* enum clx_acpi_pin_config, or vendor-defined 0x80..0xFF */
	clx_u8 resource_source_index; /* byte 16, as written (iasl's ResourceSourceIndex) */
	clx_u16 drive_strength;   /* 1/100 mA (_DRS); iasl writes 0 for GpioInt */
	clx_u16 debounce_timeout; /* 1/100 ms (_DBT) */
	clx_u16 pin_count;        /* >= 1 */
	clx_u16 resource_source_len; /* bytes of the name, NUL excluded; >= 1 */
	clx_u16 vendor_data_len;
	/* pin_count little-endian UINT16 pin numbers, controller-relative, any alignment */
	const clx_u8 *pin_table;
	/*
	 * the controller's path; decoded: NUL-terminated in the buffer; encoding reads
	 * resource_source_len bytes, none of which may be NUL
	 */
	const char *resource_source;
	const clx_u8 *vendor_data; /* vendor_data_len bytes; NULL allowed when 0 */
};

/* Pin i (< pin_count) of the descriptor's table. */
static inline clx_u16 clx_acpi_gpio_pin(const struct clx_acpi_gpio *gpio, clx_u16 i)
{
	return (clx_u16)(gpio->pin_table[2u * i] | (gpio->pin_table[2u * i + 1u] << 8));
}

/* ------------------------------------------------------------------------ */
/* Errors: each malformed case has its own value; functions return -value.   */
/* ------------------------------------------------------------------------ */
enum clx_acpi_error {
	CLX_ACPI_OK = 0,
	/* one descriptor (also reported by the template walk) */
	CLX_ACPI_E_TRUNCATED_HEADER = 1,   /* buffer ends inside an item's tag/Length */
	CLX_ACPI_E_NOT_GPIO = 2,           /* first byte is not 0x8C */
	CLX_ACPI_E_ITEM_TRUNCATED = 3,     /* 3 + Length (or a small item) runs past the buffer */
	CLX_ACPI_E_DESCRIPTOR_TOO_SHORT = 4, /* Length < 20: the fixed fields do not fit */
	CLX_ACPI_E_BAD_REVISION = 5,       /* revision is not 1 */
	CLX_ACPI_E_BAD_CONNECTION_TYPE = 6, /* connection type is not 0 (GpioInt) or 1 (GpioIo) */
	CLX_ACPI_E_RESERVED_GENERAL_FLAGS = 7, /* general flags bits 15:1 set */
	CLX_ACPI_E_RESERVED_INT_FLAGS = 8, /* GpioInt flags bits 15:5 set */
	CLX_ACPI_E_BAD_POLARITY = 9,       /* GpioInt polarity 3 (reserved) */
	CLX_ACPI_E_RESERVED_IO_FLAGS = 10, /* GpioIo flags bit 2 or bits 15:5 set */
	CLX_ACPI_E_RESERVED_PIN_CONFIG = 11, /* PinConfig 0x04..0x7F */
	CLX_ACPI_E_PIN_TABLE_IN_HEADER = 12, /* pin table offset < 23 */
	CLX_ACPI_E_PIN_TABLE_OUTSIDE = 13, /* pin table offset at or past the descriptor's end */
	CLX_ACPI_E_NAME_BEFORE_PIN_TABLE = 14, /* ResourceSource offset < pin table offset */
	CLX_ACPI_E_NAME_OUTSIDE = 15,      /* ResourceSource offset at or past the end */
	CLX_ACPI_E_PIN_TABLE_ODD = 16,     /* pin table has an odd number of bytes */
	CLX_ACPI_E_NO_PINS = 17,           /* pin table is empty */
	CLX_ACPI_E_VENDOR_DATA_OUTSIDE = 18, /* vendor offset + length past the end */
	CLX_ACPI_E_VENDOR_DATA_OVERLAPS = 19, /* vendor data starts at or before the name */
	CLX_ACPI_E_NAME_NOT_TERMINATED = 20, /* no NUL before the vendor data / the end */
	CLX_ACPI_E_NAME_EMPTY = 21,        /* ResourceSource is "" (the macros require one) */
	/* encoding (what decoding can never produce) */
	CLX_ACPI_E_NULL_ARGUMENT = 22,     /* a required pointer is NULL */
	CLX_ACPI_E_BAD_FIELD_VALUE = 23,   /* one-bit field > 1, int_mode > 1, io_restriction > 3 */
	CLX_ACPI_E_FIELD_FOR_OTHER_TYPE = 24, /* a GpioInt-only field set on GpioIo or back */
	CLX_ACPI_E_NAME_HAS_NUL = 25,      /* resource_source holds a NUL within its length */
	CLX_ACPI_E_TOO_LONG = 26,          /* the descriptor would exceed Length 0xFFFF */
	CLX_ACPI_E_NO_SPACE = 27,          /* output buffer too small; *size says what is needed */
	/* resource templates */
	CLX_ACPI_E_NO_END_TAG = 28,        /* buffer ends without an End Tag */
	CLX_ACPI_E_BAD_END_TAG = 29,       /* End Tag small item with length other than 1 */
	CLX_ACPI_E_BAD_CHECKSUM = 30,      /* nonzero checksum byte, bytes do not sum to 0 */
	CLX_ACPI_E_NO_SUCH_GPIO = 31,      /* fewer GPIO descriptors than the index asked */
	CLX_ACPI_E_COUNT = 32
};

/* "CLX_ACPI_E_PIN_TABLE_ODD" for 16 or -16; "CLX_ACPI_E_UNKNOWN" outside the enum. */
const char *clx_acpi_error_name(int err);
/* A one-line description ("pin table has an odd number of bytes"). */
const char *clx_acpi_error_text(int err);

/* ------------------------------------------------------------------------ */
/* One descriptor                                                            */
/* ------------------------------------------------------------------------ */

/*
 * Decodes the descriptor at the start of buf (len bytes; bytes past the descriptor
 * are not looked at). Returns 0 with *gpio filled (views into buf) and, if size is
 * not NULL, *size = the descriptor's bytes (3 + Length); or a negative error, *gpio
 * and *size untouched. Offsets may leave gaps (after the fixed part, after the
 * name's NUL, after the vendor data); they are skipped. A vendor data length of 0
 * makes the vendor offset meaningless (iasl writes the descriptor's end) and it is
 * not checked. Never reads outside buf[0..len).
 */
int clx_acpi_gpio_decode(const void *buf, clx_size len, struct clx_acpi_gpio *gpio, clx_size *size);

/*
 * Encodes *gpio in iasl's layout (pin table at 23, name right after it, vendor data
 * right after the name's NUL, vendor offset = end when there is none). Returns 0 with
 * *size = bytes written; CLX_ACPI_E_NO_SPACE with *size = bytes needed when len is
 * too small (buf may then be NULL: a size query; nothing is written); any other
 * error writes nothing. Refuses every value decoding would refuse.
 */
int clx_acpi_gpio_encode(const struct clx_acpi_gpio *gpio, void *buf, clx_size len, clx_size *size);

/*
 * 1 when both describe the same descriptor (every field, pin, name and vendor
 * byte equal; where the views point does not matter), else 0.
 */
int clx_acpi_gpio_equal(const struct clx_acpi_gpio *a, const struct clx_acpi_gpio *b);

/* ------------------------------------------------------------------------ */
/* Resource templates                                                        */
/* ------------------------------------------------------------------------ */

/*
 * A walk over the GPIO descriptors of a resource template: small and large items up
 * to the End Tag (small item 0x0F, length 1) and its checksum byte. Open it with
 * clx_acpi_template_open(), which checks the whole template first, so that
 * clx_acpi_template_next_gpio() cannot fail halfway. The fields are the walk's own.
 */
struct clx_acpi_template {
	const clx_u8 *buf;
	clx_size size;       /* template bytes: up to and including the checksum byte */
	clx_size pos;        /* next item's offset */
	clx_u32 gpio_count;  /* GPIO descriptors in the template */
	clx_u32 int_count;   /* of which GpioInt */
	clx_u32 next_index;  /* index the next GPIO descriptor will get */
	clx_u32 next_int;
	clx_u32 next_io;
};

/* One GPIO descriptor found by the walk. */
struct clx_acpi_gpio_entry {
	struct clx_acpi_gpio gpio;
	clx_u32 index;       /* among all GPIO descriptors of the template, from 0 */
	clx_u32 type_index;  /* among those of its own type (GpioInt or GpioIo), from 0 */
	clx_size offset;     /* of the descriptor's tag byte in the template */
	clx_size size;       /* the descriptor's bytes */
};

/*
 * Checks the template in buf[0..len): every item inside the buffer, every GPIO
 * descriptor decodable, an End Tag with length 1, and, when its checksum byte is not
 * 0, that all bytes through it sum to 0 (mod 256). Bytes after the checksum are
 * ignored (a _CRS buffer may be larger than its template). Returns 0 and readies *t;
 * or a negative error, *t untouched and, if bad_offset is not NULL, *bad_offset =
 * the offset of the item at fault (len when the End Tag is missing).
 */
int clx_acpi_template_open(struct clx_acpi_template *t, const void *buf, clx_size len,
			   clx_size *bad_offset);

/* The next GPIO descriptor, in template order: 1 with *entry filled, 0 after the last. */
int clx_acpi_template_next_gpio(struct clx_acpi_template *t, struct clx_acpi_gpio_entry *entry);

/*
 * GPIO descriptor number index (as clx_acpi_gpio_entry.index counts) of the template
 * in buf: 0 with *entry filled; CLX_ACPI_E_NO_SUCH_GPIO past the last; or the error
 * clx_acpi_template_open() reports for a malformed template (*entry untouched).
 */
int clx_acpi_template_gpio_at(const void *buf, clx_size len, clx_u32 index,
			      struct clx_acpi_gpio_entry *entry);

#ifdef __cplusplus
}
#endif

#endif /* CLX_ACPI_H */
