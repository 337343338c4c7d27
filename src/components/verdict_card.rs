use std::rc::Rc;

use yew::prelude::*;

use crate::components::match_list::MatchList;
use crate::present::{glyph, VerdictView};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub view: Rc<VerdictView>,
    /// Age warnings of the lists checked.
    pub stale: Rc<Vec<String>>,
}

/// One verdict, in words, a symbol and colour.
#[function_component(VerdictCard)]
pub fn verdict_card(props: &Props) -> Html {
    let v = &props.view;
    let show_age = v.status.is_hit() || v.status == addrcheck_core::Status::Clear;
    html! {
        <article class={classes!("verdict", v.tone.class())} data-testid="verdict" data-status={v.status.as_str()}>
            <header class="verdict__header">
                <span class="verdict__badge">
                    <span class="glyph" aria-hidden="true">{ glyph(v.status) }</span>
                    { v.title }
                </span>
            </header>
            <p class="verdict__summary">{ &v.summary }</p>
            <MatchList matches={v.matches.clone()} possible={v.possible.clone()} />
            if show_age {
                { for props.stale.iter().map(|note| html! {
                    <p class="age-note" data-testid="verdict-age">
                        <span class="glyph" aria-hidden="true">{ "!" }</span>
                        { format!("{note}. Anything listed or delisted since then is not reflected.") }
                    </p>
                }) }
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
