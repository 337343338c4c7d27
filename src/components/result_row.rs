use yew::prelude::*;

use crate::components::match_list::MatchList;
use crate::present::glyph;
use crate::rows::RowView;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub row: RowView,
    pub on_copy: Callback<String>,
}

/// One entry of a batch.
#[function_component(ResultRow)]
pub fn result_row(props: &Props) -> Html {
    let r = &props.row;
    let oncopy = {
        let on_copy = props.on_copy.clone();
        let text = r.input.clone();
        Callback::from(move |_: MouseEvent| on_copy.emit(text.clone()))
    };
    html! {
        <tr class={classes!("row", r.tone.class())} data-testid="row" data-status={r.status.as_str()} data-line={r.line.to_string()}>
            <td class="results__line" data-label="Line">{ r.line }</td>
            <td data-label="Input">
                <span class="input-cell">
                    <span class="mono input-cell__text" title={r.input.clone()} data-testid="row-input">
                        { &r.input_short }
                    </span>
                    <button type="button" class="icon-button" onclick={oncopy}
                        aria-label={format!("Copy the input on line {}", r.line)} title="Copy the full input">
                        <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                            <rect x="5" y="5" width="9" height="9" rx="1.5" />
                            <path d="M11 3.5V3a1 1 0 0 0-1-1H3a1 1 0 0 0-1 1v7a1 1 0 0 0 1 1h.5" />
                        </svg>
                    </button>
                </span>
            </td>
            <td data-label="Chain or format" data-testid="row-chain">
                <span>
                    if let Some((short, full)) = r.chain {
                        <span title={full}>{ short }</span>
                    } else {
                        <span class="muted">{ "—" }</span>
                    }
                    if r.uri {
                        <span class="tag">{ "payment URI" }</span>
                    }
                </span>
            </td>
            <td data-label="Normalised" class="mono results__normalized" data-testid="row-normalized">
                { r.normalized.clone().unwrap_or_default() }
            </td>
            <td data-label="Verdict" class="results__verdict">
                <div>
                    <span class="badge" data-testid="row-verdict">
                        <span class="glyph" aria-hidden="true">{ glyph(r.status) }</span>
                        { r.title }
                    </span>
                    if !r.detail.is_empty() {
                        <div class="row__detail">{ &r.detail }</div>
                    }
                    <MatchList matches={r.matches.clone()} possible={Vec::new()} compact=true />
                </div>
            </td>
        </tr>
    }
}
