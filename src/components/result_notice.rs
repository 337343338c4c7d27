use yew::prelude::*;

use crate::present::Notice;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub notice: Notice,
}

/// Why there are no results: nothing typed yet, every list switched off, or
/// a text over the limits (refused whole, never checked in part).
#[function_component(ResultNotice)]
pub fn result_notice(props: &Props) -> Html {
    match &props.notice {
        Notice::Empty => html! {
            <p class="placeholder" data-testid="placeholder">{ "Results appear here as you type or paste." }</p>
        },
        Notice::Reading => html! {
            <div class="notice notice--loading" role="status" data-testid="reading">
                <span class="spinner" aria-hidden="true"></span>
                { "Reading the text…" }
            </div>
        },
        Notice::Problem { code, title, body } => html! {
            <div class="notice notice--warning" role="alert" data-testid="limit" data-code={*code}>
                <p class="notice__title">{ title }</p>
                <p class="notice__body">{ body }</p>
            </div>
        },
    }
}
