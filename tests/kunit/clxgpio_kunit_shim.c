// SPDX-License-Identifier: GPL-2.0
/* The engine's shim, compiled again into clxgpio_kunit.ko with the engine it serves. */
#include "../../kernel/clxgpio_shim.c"
