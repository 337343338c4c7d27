use yew::prelude::*;

use crate::state::Checker;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub checker: Checker,
}

/// Loading, or the fail-closed "unavailable" notice. Shows no verdict.
#[function_component(StatusNotice)]
pub fn status_notice(props: &Props) -> Html {
    match &props.checker {
        Checker::Loading => html! {
            <div class="notice notice--loading" role="status" data-testid="loading">
                <span class="spinner" aria-hidden="true"></span>
                { "Loading and verifying the list…" }
            </div>
        },
        Checker::Unavailable(why) => html! {
            <div class="notice notice--unavailable" role="alert" data-testid="unavailable" data-code={why.code}>
                <p class="notice__title">{ format!("Checking is unavailable: {}", why.reason) }</p>
                <p class="notice__body">
                    { "The list could not be loaded and verified, so no address can be checked and no verdicts are shown. \
                       Reload the page to try again; if this persists, the site's copy of the list is damaged or missing." }
                </p>
            </div>
        },
        Checker::Ready => html! {},
    }
}
