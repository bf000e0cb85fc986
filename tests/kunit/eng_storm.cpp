// SPDX-License-Identifier: GPL-2.0
// The engine compiled again into clxgpio_kunit.ko (kernel toolchain and flags).
#include "../../kernel/engine/storm.cpp"
