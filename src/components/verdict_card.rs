use yew::prelude::*;

use crate::present::VerdictView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: VerdictView,
}

/// One verdict, in words and colour.
#[function_component(VerdictCard)]
pub fn verdict_card(props: &Props) -> Html {
    let v = &props.view;
    html! {
        <article class={classes!("verdict", v.tone.class())} data-testid="verdict" data-status={v.status.as_str()}>
            <header class="verdict__header">
                <span class="verdict__badge">{ v.title }</span>
            </header>
            <p class="verdict__summary">{ &v.summary }</p>
            if !v.matches.is_empty() {
                <ul class="matches">
                    { for v.matches.iter().map(|m| html! {
                        <li class="match">
                            <div class="match__source">
                                { &m.source }
                                <span class="muted">{ format!(" · as of {}", m.as_of) }</span>
                            </div>
                            if !m.names.is_empty() {
                                <div class="match__names" data-testid="names">
                                    { for m.names.iter().map(|n| html! { <span class="name" dir="auto">{ n }</span> }) }
                                </div>
                            }
                            if !m.assets.is_empty() {
                                <div class="match__assets muted">{ format!("Listed under: {}", m.assets.join(", ")) }</div>
                            }
                        </li>
                    }) }
                </ul>
            }
            if v.chain.is_some() || v.normalized.is_some() {
                <dl class="facts">
                    if let Some(chain) = &v.chain {
                        <div class="facts__row"><dt>{ "Chain" }</dt><dd data-testid="chain">{ chain }</dd></div>
                    }
                    if let Some(normalized) = &v.normalized {
                        <div class="facts__row"><dt>{ "Normalised" }</dt><dd class="mono" data-testid="normalized">{ normalized }</dd></div>
                    }
                </dl>
            }
        </article>
    }
}
