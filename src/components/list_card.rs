use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::lists::{List, Origin};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub list: List,
    pub on_set: Callback<(u32, bool)>,
    pub on_remove: Callback<u32>,
}

/// One loaded list: name, where it came from, sources and their age, size,
/// integrity; a switch to use it or not.
#[function_component(ListCard)]
pub fn list_card(props: &Props) -> Html {
    let list = &props.list;
    let s = &list.summary;
    let id = list.id;
    let switch_id = format!("list-switch-{id}");

    let onchange = {
        let on_set = props.on_set.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_set.emit((id, input.checked()));
        })
    };
    let onremove = {
        let on_remove = props.on_remove.clone();
        Callback::from(move |_: MouseEvent| on_remove.emit(id))
    };
    let (origin, origin_kind) = match &list.origin {
        Origin::Bundled => ("Bundled with this page".to_string(), "bundled"),
        Origin::File(name) => (format!("Loaded from {name} on this device"), "file"),
    };

    html! {
        <article class={classes!("list-card", (!list.enabled).then_some("list-card--off"))}
            data-testid="list-info" data-origin={origin_kind} data-enabled={list.enabled.to_string()}
            aria-labelledby={format!("list-name-{id}")}>
            <header class="list-card__head">
                <div>
                    <h3 class="list-card__name" id={format!("list-name-{id}")} data-testid="list-name">{ &s.list_name }</h3>
                    <p class="list-card__origin muted" data-testid="list-origin">{ origin }</p>
                </div>
                <div class="list-card__controls">
                    <label class="switch" for={switch_id.clone()}>
                        <input type="checkbox" role="switch" id={switch_id} class="switch__input"
                            checked={list.enabled} {onchange} data-testid="list-switch" />
                        <span class="switch__track" aria-hidden="true"></span>
                        <span class="switch__text">{ if list.enabled { "In use" } else { "Not in use" } }</span>
                    </label>
                    if !matches!(list.origin, Origin::Bundled) {
                        <button type="button" class="button button--quiet" onclick={onremove}
                            aria-label={format!("Remove the list {}", s.list_name)} data-testid="list-remove">{ "Remove" }</button>
                    }
                </div>
            </header>
            { for s.sources.iter().filter_map(|src| src.age.as_ref().filter(|a| a.stale).map(|a| html! {
                <p class="age-warning" data-testid="age-warning">
                    <span class="glyph" aria-hidden="true">{ "!" }</span>
                    <span>
                        <strong>{ format!("{} {}.", src.name, a.text) }</strong>
                        { format!(" It is as of {}: addresses listed since then are not in it. Use a newer list for a current check.", src.as_of) }
                    </span>
                </p>
            })) }
            <dl class="facts">
                { for s.sources.iter().map(|src| html! {
                    <div class="facts__row">
                        <dt>{ "Source" }</dt>
                        <dd data-testid="source">
                            { &src.name }
                            <span class="muted">{ " · as of " }</span>
                            <span data-testid="as-of">{ &src.as_of }</span>
                            <span class="muted">{ format!(" · {}", src.entries) }</span>
                            if let Some(age) = &src.age {
                                <span class={classes!("age", age.stale.then_some("age--stale"))} data-testid="age">{ &age.text }</span>
                            }
                        </dd>
                    </div>
                }) }
                <div class="facts__row"><dt>{ "Addresses" }</dt><dd data-testid="keys">{ &s.keys }</dd></div>
                <div class="facts__row"><dt>{ "False matches" }</dt><dd data-testid="fp-rate">{ format!("about {} checks", s.fp_rate) }</dd></div>
                <div class="facts__row">
                    <dt>{ "Details" }</dt>
                    <dd data-testid="details">
                        if s.has_details {
                            { "Included: every match is confirmed and names who listed it" }
                        } else {
                            { "Not included: a match can only be reported as possible" }
                        }
                    </dd>
                </div>
                <div class="facts__row"><dt>{ "Built" }</dt><dd>{ &s.built_at }</dd></div>
                <div class="facts__row"><dt>{ "File size" }</dt><dd data-testid="size">{ &s.size }</dd></div>
                <div class="facts__row">
                    <dt>{ "File SHA-256" }</dt>
                    <dd class="mono hash" data-testid="sha256">{ &s.sha256 }</dd>
                </div>
            </dl>
        </article>
    }
}
