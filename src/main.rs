//! addrcheck web app: checks a pasted crypto address against the bundled,
//! verified filter entirely in the browser.
//!
//! Structure (after Yew's function_todomvc example): [`state`] holds the
//! `Reducible` state and actions, [`present`] and [`load`] the pure logic
//! (tested natively), and `components/` one component a file that only render.
//! Built for the browser with Trunk (`index.html`, `Trunk.toml`).

// Natively this binary is a stub and the code exists for its tests; what runs
// only in the browser (components, fetching) is unused there.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod app;
mod components;
mod load;
mod present;
mod state;

#[cfg(test)]
mod tests;

/// Fail closed on a bug: replace the whole app with an "unavailable" notice, so
/// a half-working page can never show a stale or wrong verdict. The panic
/// message is neither shown nor logged (it could quote the input).
#[cfg(target_arch = "wasm32")]
fn install_panic_notice() {
    std::panic::set_hook(Box::new(|_| {
        let app = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id("app"));
        if let Some(app) = app {
            app.set_inner_html(
                r#"<div class="container"><section class="card checker"><div class="notice notice--unavailable" role="alert" data-testid="unavailable" data-code="internal"><p class="notice__title">Checking is unavailable: an internal error stopped the checker.</p><p class="notice__body">No verdicts are shown. Reload the page to start again.</p></div></section></div>"#,
            );
        }
    }));
}

#[cfg(target_arch = "wasm32")]
fn main() {
    install_panic_notice();
    // Render into <main id="app">, replacing the static loading notice.
    let root = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"));
    match root {
        Some(root) => {
            root.set_inner_html("");
            yew::Renderer::<app::App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<app::App>::new().render();
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("addrcheck-web runs in the browser: build it with `trunk build --release` or run scripts/run.sh");
    std::process::exit(2);
}
