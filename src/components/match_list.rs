use yew::prelude::*;

use crate::present::{MatchLine, PossibleLine};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub matches: Vec<MatchLine>,
    pub possible: Vec<PossibleLine>,
    /// The short form used in table rows.
    #[prop_or_default]
    pub compact: bool,
}

/// Who listed an address (source, date, list, names), and which lists could
/// only report a possible match.
#[function_component(MatchList)]
pub fn match_list(props: &Props) -> Html {
    if props.matches.is_empty() && props.possible.is_empty() {
        return html! {};
    }
    html! {
        <ul class={classes!("matches", props.compact.then_some("matches--compact"))}>
            { for props.matches.iter().map(|m| html! {
                <li class="match" data-testid="match">
                    <div class="match__source">
                        <span data-testid="match-source">{ &m.source }</span>
                        <span class="muted">{ format!(" · as of {}", m.as_of) }</span>
                    </div>
                    if !m.names.is_empty() {
                        <div class="match__names" data-testid="names">
                            { for m.names.iter().map(|n| html! { <span class="name" dir="auto">{ n }</span> }) }
                        </div>
                    }
                    <div class="match__list muted">
                        { "List: " }<span data-testid="match-list">{ &m.list }</span>
                        if !m.assets.is_empty() {
                            { format!(" · listed under {}", m.assets.join(", ")) }
                        }
                    </div>
                </li>
            }) }
            { for props.possible.iter().map(|p| html! {
                <li class="match match--possible" data-testid="possible">
                    <div class="match__source">
                        <span data-testid="match-list">{ &p.list }</span>
                        <span class="muted">{ format!(" · {}", p.coverage) }</span>
                    </div>
                    <div class="match__list muted">
                        { format!("Unconfirmed: this list has no details. False matches: about {} checks.", p.fp_rate.to_lowercase()) }
                    </div>
                </li>
            }) }
        </ul>
    }
}
