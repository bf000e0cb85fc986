// SPDX-License-Identifier: GPL-2.0
/* The engine's shim, compiled again into clxgpio_kunit.ko with the engine it serves. */
#include "../../kernel/host/clx_shim.c"
