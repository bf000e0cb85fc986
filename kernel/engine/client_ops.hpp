// SPDX-License-Identifier: GPL-2.0
// Builds a controller's clx_client_ops table from its member functions, as Fuchsia's
// ddktl mixins build a protocol's ops from the driver class: each callback the
// controller class D declares (same name and parameters as in clx_client_ops, without
// the ctx) becomes its entry, a trampoline that turns ctx back into D; each one D does
// not declare stays NULL, so the engine's registration rules (chip.cpp) see exactly
// the groups D implements.
//
//   class Controller { public: int start(clx_start_kind); int stop(clx_stop_kind); ... };
//   constexpr clx_client_ops kOps = client_ops<Controller>();  // ctx: a Controller*
#pragma once

#include "bits.hpp"

namespace clx {

namespace client_ops_detail {

template <typename...>
using Void = void;

// Has<D>::x is true iff D declares a member x (one detector per optional callback).
#define CLX_CLIENT_DETECT(name)                                      \
  template <typename D, typename = void>                             \
  struct Has_##name {                                                \
    static constexpr bool value = false;                             \
  };                                                                 \
  template <typename D>                                              \
  struct Has_##name<D, Void<decltype(&D::name)>> {                   \
    static constexpr bool value = true;                              \
  };
CLX_CLIENT_DETECT(connect_io)
CLX_CLIENT_DETECT(disconnect_io)
CLX_CLIENT_DETECT(read_pins)
CLX_CLIENT_DETECT(write_pins)
CLX_CLIENT_DETECT(enable_irq)
CLX_CLIENT_DETECT(disable_irq)
CLX_CLIENT_DETECT(mask_irqs)
CLX_CLIENT_DETECT(unmask_irq)
CLX_CLIENT_DETECT(query_active)
CLX_CLIENT_DETECT(clear_active)
CLX_CLIENT_DETECT(query_enabled)
CLX_CLIENT_DETECT(reconfigure_irq)
CLX_CLIENT_DETECT(save_bank)
CLX_CLIENT_DETECT(restore_bank)
CLX_CLIENT_DETECT(query_outputs)
CLX_CLIENT_DETECT(reconfigure_irqs)
CLX_CLIENT_DETECT(unmask_irqs)
#undef CLX_CLIENT_DETECT

// The C entries: ctx is the D the table was built for.
template <typename D>
struct Trampolines {
  static D& of(void* ctx) { return *static_cast<D*>(ctx); }  // CAST: ctx is a D

  static int start(void* c, clx_start_kind k) { return of(c).start(k); }
  static int stop(void* c, clx_stop_kind k) { return of(c).stop(k); }
  static int connect_io(void* c, u16 b, u64 m, const clx_io_config* cfg) {
    return of(c).connect_io(b, m, *cfg);
  }
  static int disconnect_io(void* c, u16 b, u64 m) { return of(c).disconnect_io(b, m); }
  static int read_pins(void* c, u16 b, u64 m, u64* v) { return of(c).read_pins(b, m, v); }
  static int write_pins(void* c, u16 b, u64 set, u64 clear) {
    return of(c).write_pins(b, set, clear);
  }
  static int enable_irq(void* c, u16 b, u16 p, const clx_irq_config* cfg) {
    return of(c).enable_irq(b, p, *cfg);
  }
  static int disable_irq(void* c, u16 b, u16 p) { return of(c).disable_irq(b, p); }
  static int mask_irqs(void* c, u16 b, u64 m) { return of(c).mask_irqs(b, m); }
  static int unmask_irq(void* c, u16 b, u16 p, const clx_irq_config* cfg) {
    return of(c).unmask_irq(b, p, *cfg);
  }
  static int query_active(void* c, u16 b, u64 enabled, u64* active) {
    return of(c).query_active(b, enabled, active);
  }
  static int clear_active(void* c, u16 b, u64 m) { return of(c).clear_active(b, m); }
  static int query_enabled(void* c, u16 b, u64* enabled) { return of(c).query_enabled(b, enabled); }
  static int reconfigure_irq(void* c, u16 b, u16 p, const clx_irq_config* cfg) {
    return of(c).reconfigure_irq(b, p, *cfg);
  }
  static void save_bank(void* c, u16 b) { of(c).save_bank(b); }
  static void restore_bank(void* c, u16 b) { of(c).restore_bank(b); }
  static int query_outputs(void* c, u16 b, u64* outputs) { return of(c).query_outputs(b, outputs); }
  static int reconfigure_irqs(void* c, u16 b, u64 m, u64 high) {
    return of(c).reconfigure_irqs(b, m, high);
  }
  static int unmask_irqs(void* c, u16 b, u64 m) { return of(c).unmask_irqs(b, m); }
};

}  // namespace client_ops_detail

template <typename D>
constexpr clx_client_ops client_ops() {
  namespace d = client_ops_detail;
  using T = d::Trampolines<D>;
  clx_client_ops ops{};
  ops.start = T::start;  // required
  ops.stop = T::stop;
  if constexpr (d::Has_connect_io<D>::value) ops.connect_io = T::connect_io;
  if constexpr (d::Has_disconnect_io<D>::value) ops.disconnect_io = T::disconnect_io;
  if constexpr (d::Has_read_pins<D>::value) ops.read_pins = T::read_pins;
  if constexpr (d::Has_write_pins<D>::value) ops.write_pins = T::write_pins;
  if constexpr (d::Has_enable_irq<D>::value) ops.enable_irq = T::enable_irq;
  if constexpr (d::Has_disable_irq<D>::value) ops.disable_irq = T::disable_irq;
  if constexpr (d::Has_mask_irqs<D>::value) ops.mask_irqs = T::mask_irqs;
  if constexpr (d::Has_unmask_irq<D>::value) ops.unmask_irq = T::unmask_irq;
  if constexpr (d::Has_query_active<D>::value) ops.query_active = T::query_active;
  if constexpr (d::Has_clear_active<D>::value) ops.clear_active = T::clear_active;
  if constexpr (d::Has_query_enabled<D>::value) ops.query_enabled = T::query_enabled;
  if constexpr (d::Has_reconfigure_irq<D>::value) ops.reconfigure_irq = T::reconfigure_irq;
  if constexpr (d::Has_save_bank<D>::value) ops.save_bank = T::save_bank;
  if constexpr (d::Has_restore_bank<D>::value) ops.restore_bank = T::restore_bank;
  if constexpr (d::Has_query_outputs<D>::value) ops.query_outputs = T::query_outputs;
  if constexpr (d::Has_reconfigure_irqs<D>::value) ops.reconfigure_irqs = T::reconfigure_irqs;
  if constexpr (d::Has_unmask_irqs<D>::value) ops.unmask_irqs = T::unmask_irqs;
  return ops;
}

// The groups client_ops<D>() fills in, for a controller's static_assert on its own
// table (a callback the class declares private is not seen, and would stay NULL).
template <typename D>
struct ClientGroups {
  template <template <typename, typename> class Has>
  static constexpr bool has = Has<D, void>::value;

  static constexpr bool io = has<client_ops_detail::Has_connect_io> &&
                             has<client_ops_detail::Has_disconnect_io>;
  static constexpr bool read = has<client_ops_detail::Has_read_pins>;
  static constexpr bool write = has<client_ops_detail::Has_write_pins>;
  static constexpr bool irq =
      has<client_ops_detail::Has_enable_irq> && has<client_ops_detail::Has_disable_irq> &&
      has<client_ops_detail::Has_mask_irqs> && has<client_ops_detail::Has_unmask_irq> &&
      has<client_ops_detail::Has_query_active>;
  static constexpr bool clear = has<client_ops_detail::Has_clear_active>;
  static constexpr bool query_enabled = has<client_ops_detail::Has_query_enabled>;
  static constexpr bool reconfigure = has<client_ops_detail::Has_reconfigure_irq>;
  static constexpr bool batch = has<client_ops_detail::Has_reconfigure_irqs> &&
                                has<client_ops_detail::Has_unmask_irqs>;
  static constexpr bool save_restore = has<client_ops_detail::Has_save_bank> &&
                                       has<client_ops_detail::Has_restore_bank>;
  static constexpr bool query_outputs = has<client_ops_detail::Has_query_outputs>;
};

}  // namespace clx
