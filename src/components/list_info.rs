use std::rc::Rc;

use yew::prelude::*;

use crate::present::FilterSummary;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub summary: Rc<FilterSummary>,
}

/// What list is loaded: name, sources and dates, size, integrity.
#[function_component(ListInfo)]
pub fn list_info(props: &Props) -> Html {
    let s = &props.summary;
    html! {
        <section class="card list-info" aria-labelledby="list-title" data-testid="list-info">
            <h2 id="list-title" class="card-title">{ "The list" }</h2>
            <p class="list-info__name" data-testid="list-name">{ &s.list_name }</p>
            <dl class="facts">
                { for s.sources.iter().map(|src| html! {
                    <div class="facts__row">
                        <dt>{ "Source" }</dt>
                        <dd data-testid="source">
                            { &src.name }
                            <span class="muted">{ " · as of " }</span>
                            <span data-testid="as-of">{ &src.as_of }</span>
                            <span class="muted">{ format!(" · {}", src.entries) }</span>
                        </dd>
                    </div>
                }) }
                <div class="facts__row"><dt>{ "Addresses" }</dt><dd data-testid="keys">{ &s.keys }</dd></div>
                <div class="facts__row"><dt>{ "False matches" }</dt><dd data-testid="fp-rate">{ format!("about {} checks", s.fp_rate) }</dd></div>
                <div class="facts__row"><dt>{ "Built" }</dt><dd>{ &s.built_at }</dd></div>
                <div class="facts__row"><dt>{ "File size" }</dt><dd data-testid="size">{ &s.size }</dd></div>
                <div class="facts__row">
                    <dt>{ "File SHA-256" }</dt>
                    <dd class="mono hash" data-testid="sha256">{ &s.sha256 }</dd>
                </div>
            </dl>
            if !s.has_details {
                <p class="muted">{ "This filter has no details section: matches cannot be confirmed or named." }</p>
            }
        </section>
    }
}
