use web_sys::{File, HtmlInputElement};
use yew::prelude::*;

use crate::browser::file_list;
use crate::lists::Refused;

#[derive(Properties, PartialEq)]
pub struct Props {
    /// The last file that was refused, and why.
    pub refused: Option<Refused>,
    pub on_files: Callback<Vec<File>>,
}

/// Load another list (a filter file built with `addrcheck build`) from disk.
#[function_component(AddList)]
pub fn add_list(props: &Props) -> Html {
    let file_ref = use_node_ref();
    let onpick = {
        let file_ref = file_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };
    let onchange = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_files.emit(file_list(input.files()));
            input.set_value("");
        })
    };
    html! {
        <div class="add-list">
            <button type="button" class="button" onclick={onpick} aria-describedby="add-list-hint">
                { "Add a list from a file…" }
            </button>
            <input ref={file_ref} id="list-file" type="file" accept=".filter,application/octet-stream" hidden=true
                aria-label="Add a list: a .filter file" {onchange} />
            <p id="add-list-hint" class="field__hint">
                { "A .filter file built with " }<code>{ "addrcheck build" }</code>
                { " (for example your team's own list). It is verified like the bundled list before it is used, \
                   stays on this device, and is forgotten when you leave the page." }
            </p>
            if let Some(refused) = &props.refused {
                <p class="field__error" role="alert" data-testid="list-refused">
                    { format!("{} was not added: {}.", refused.file, refused.reason) }
                </p>
            }
        </div>
    }
}
