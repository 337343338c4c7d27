use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use crate::batch::{Counts, Order, Show};
use crate::format::group_digits;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub show: Show,
    pub order: Order,
    pub counts: Counts,
    /// Export is possible once every entry is checked.
    pub finished: bool,
    /// The CSV file is being prepared.
    pub exporting: bool,
    pub on_show: Callback<Show>,
    pub on_order: Callback<Order>,
    pub on_export: Callback<()>,
}

/// Which rows to show, in which order, and Export CSV.
#[function_component(ResultsToolbar)]
pub fn results_toolbar(props: &Props) -> Html {
    let c = &props.counts;
    let options = [
        (
            Show::All,
            "all",
            format!("All results ({})", group_digits(c.total() as u64)),
        ),
        (
            Show::Hits,
            "hits",
            format!(
                "Flagged and possible ({})",
                group_digits((c.flagged + c.possible) as u64)
            ),
        ),
        (
            Show::Problems,
            "problems",
            format!(
                "Invalid and unrecognised ({})",
                group_digits((c.invalid + c.unrecognized) as u64)
            ),
        ),
    ];

    let onchange = {
        let on_show = props.on_show.clone();
        Callback::from(move |e: Event| {
            let select: HtmlSelectElement = e.target_unchecked_into();
            on_show.emit(match select.value().as_str() {
                "hits" => Show::Hits,
                "problems" => Show::Problems,
                _ => Show::All,
            });
        })
    };
    let onorder = {
        let on_order = props.on_order.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_order.emit(if input.checked() {
                Order::FlaggedFirst
            } else {
                Order::Entered
            });
        })
    };
    let onexport = {
        let on_export = props.on_export.clone();
        Callback::from(move |_: MouseEvent| on_export.emit(()))
    };

    html! {
        <div class="toolbar" role="group" aria-label="Results table">
            <label class="toolbar__field">
                <span class="toolbar__label">{ "Show" }</span>
                <select class="select" data-testid="show" {onchange}>
                    { for options.into_iter().map(|(show, value, label)| html! {
                        <option {value} selected={props.show == show}>{ label }</option>
                    }) }
                </select>
            </label>
            <label class="toolbar__check">
                <input type="checkbox" data-testid="flagged-first" checked={props.order == Order::FlaggedFirst} onchange={onorder} />
                { "Flagged first" }
            </label>
            <button type="button" class="button toolbar__export" onclick={onexport}
                disabled={!props.finished || props.exporting}
                data-testid="export" title="Saves every result as a CSV file, generated in this page">
                { if props.exporting { "Preparing CSV…" } else { "Export CSV" } }
            </button>
        </div>
    }
}
