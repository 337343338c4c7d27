//! addrcheck web app: checks pasted crypto addresses (one, or a whole
//! column) against the bundled, verified filter and any list the user adds,
//! entirely in the browser.
//!
//! Structure (after Yew's function_todomvc example): [`state`] holds the
//! `Reducible` state and actions; the logic is in pure modules tested
//! natively ([`split`] the pasted text, [`check`] against the lists,
//! [`batch`] in steps, [`input_box`] holding large texts, [`present`] and [`rows`] as display text, [`csv`]
//! export, [`age`] of a list, [`files`] dropped or picked, [`load`] and
//! verify); `components/` holds one component a file that only render, and
//! [`browser`] the few calls only a browser can make. Built with Trunk
//! (`index.html`, `Trunk.toml`).

// Natively this binary is a stub and the code exists for its tests; what runs
// only in the browser (components, fetching) is unused there.
#![cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]

mod age;
mod app;
mod batch;
mod browser;
mod check;
mod components;
mod csv;
mod files;
mod format;
mod input_box;
mod lists;
mod load;
mod present;
mod rows;
mod split;
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
