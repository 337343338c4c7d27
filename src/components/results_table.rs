use std::rc::Rc;

use yew::prelude::*;

use crate::components::result_row::ResultRow;
use crate::rows::RowView;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The rows of the current page.
    pub rows: Rc<[RowView]>,
    /// Copy an entry's full text.
    pub on_copy: Callback<String>,
}

/// One row per entry: the input, its chain or format, its normalised form and
/// the verdict. On narrow screens each row becomes a card (style.css).
#[function_component(ResultsTable)]
pub fn results_table(props: &Props) -> Html {
    if props.rows.is_empty() {
        return html! { <p class="placeholder" data-testid="no-rows">{ "No results to show with this filter." }</p> };
    }
    html! {
        <div class="table-wrap">
            <table class="results" data-testid="results">
                <caption class="visually-hidden">{ "Results, one row per entry" }</caption>
                <thead>
                    <tr>
                        <th scope="col" class="results__line">{ "Line" }</th>
                        <th scope="col">{ "Input" }</th>
                        <th scope="col">{ "Chain or format" }</th>
                        <th scope="col">{ "Normalised" }</th>
                        <th scope="col">{ "Verdict" }</th>
                    </tr>
                </thead>
                <tbody>
                    { for props.rows.iter().map(|row| html! {
                        <ResultRow key={row.index} row={row.clone()} on_copy={props.on_copy.clone()} />
                    }) }
                </tbody>
            </table>
        </div>
    }
}
