//! The root component: loads the filter once, then renders the state.

use yew::prelude::*;

use crate::components::{
    address_input::AddressInput, list_info::ListInfo, privacy_footer::PrivacyFooter,
    site_header::SiteHeader, status_notice::StatusNotice, verdict_card::VerdictCard,
};
use crate::state::{Action, FilterState, State};

#[function_component(App)]
pub fn app() -> Html {
    let state = use_reducer(State::default);

    // Fetch and verify the bundled filter once, on mount. This is the only
    // request the app makes; checking afterwards is local.
    {
        let state = state.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            yew::platform::spawn_local(async move {
                match crate::load::fetch_filter().await {
                    Ok(filter) => state.dispatch(Action::Loaded(Box::new(filter))),
                    Err(why) => state.dispatch(Action::Failed(why)),
                }
            });
            #[cfg(not(target_arch = "wasm32"))]
            let _ = state;
        });
    }

    let on_input = {
        let state = state.clone();
        Callback::from(move |value: String| state.dispatch(Action::Input(value)))
    };

    let result = match (&state.filter, &state.verdict) {
        (FilterState::Ready(_), Some(view)) => html! { <VerdictCard view={view.clone()} /> },
        (FilterState::Ready(_), None) => html! {
            <p class="placeholder">{ "The verdict appears here as you type or paste." }</p>
        },
        (other, _) => html! { <StatusNotice state={other.clone()} /> },
    };

    html! {
        <>
            <SiteHeader />
            <div class="container">
                <section class="card checker" aria-labelledby="check-title">
                    <h2 id="check-title" class="card-title">{ "Check an address" }</h2>
                    <AddressInput value={state.input.clone()} disabled={!state.can_check()} {on_input} />
                    <div class="result" aria-live="polite" data-testid="result">{ result }</div>
                </section>
                if let FilterState::Ready(loaded) = &state.filter {
                    <ListInfo summary={loaded.summary.clone()} />
                }
            </div>
            <PrivacyFooter />
        </>
    }
}
