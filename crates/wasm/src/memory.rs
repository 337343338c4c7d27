//! How much memory the module holds.

use wasm_bindgen::prelude::*;

/// The size of this module's WebAssembly memory in bytes. It grows when
/// checkers and batches need more and never shrinks; memory freed by
/// `checker.free()` is reused. For monitoring a long-running embedder (a
/// service worker, a server): a number that keeps growing while the work
/// stays the same means checkers are not being freed.
#[wasm_bindgen(js_name = memoryBytes)]
pub fn memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size::<0>() as f64) * 65536.0
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}
