use wasm_bindgen::JsCast;
use web_sys::{ClipboardEvent, File, HtmlElement, HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use crate::browser::file_list;
use crate::input_box::{is_large, splice};

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: AttrValue,
    /// Changes when the text was set from outside the box (a file opened,
    /// Clear): only then is it written into the box. Typing is not written
    /// back, so a 100,000-line box is never copied again while it is checked.
    pub revision: u32,
    /// What the text is, when it is too large for the box and held outside it.
    pub held: Option<AttrValue>,
    pub disabled: bool,
    /// The file the text came from, when it was opened.
    pub from_file: Option<AttrValue>,
    /// Why the last file could not be read.
    pub file_refused: Option<AttrValue>,
    /// The new text of the box (typing, paste, clear).
    pub on_input: Callback<String>,
    /// Check again (button, Enter).
    pub on_check: Callback<()>,
    /// Empty the box.
    pub on_clear: Callback<()>,
    /// A paste that would make the box's text too large to show: the whole new text.
    pub on_large_paste: Callback<String>,
    /// Files dropped on the box or picked.
    pub on_files: Callback<Vec<File>>,
}

/// The text box: one address or thousands, checked as you type or paste;
/// Enter and the Check button check again. Files can be dropped on it or
/// picked. Not inside a <form> (nothing is ever submitted), with autocomplete
/// and spellcheck off (the browser keeps and sends nothing).
#[function_component(CheckerInput)]
pub fn checker_input(props: &Props) -> Html {
    let area_ref = use_node_ref();
    let file_ref = use_node_ref();
    let dragging = use_state(|| false);

    {
        let area_ref = area_ref.clone();
        let value = if props.held.is_some() {
            AttrValue::default()
        } else {
            props.value.clone()
        };
        use_effect_with(props.revision, move |_| {
            if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                area.set_value(&value);
            }
        });
    }

    // Keep the keyboard focus in place when the box is swapped for the held
    // text's panel (a large paste) and back (Clear): on those changes only,
    // never when the page loads.
    let held_ref = use_node_ref();
    let was_held = use_mut_ref(|| false);
    {
        let area_ref = area_ref.clone();
        let held_ref = held_ref.clone();
        use_effect_with(props.held.is_some(), move |&held| {
            if *was_held.borrow() != held {
                *was_held.borrow_mut() = held;
                let target = if held {
                    held_ref.cast::<HtmlElement>()
                } else {
                    area_ref.cast::<HtmlElement>()
                };
                if let Some(target) = target {
                    let _ = target.focus();
                }
            }
        });
    }

    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            on_input.emit(area.value());
        })
    };

    // A large paste never enters the box (laying it out would freeze the
    // page): it is taken from the clipboard event and held outside the box.
    let onpaste = {
        let on_large_paste = props.on_large_paste.clone();
        Callback::from(move |e: Event| {
            let Some(pasted) = e
                .dyn_ref::<ClipboardEvent>()
                .and_then(|c| c.clipboard_data())
                .and_then(|d| d.get_data("text/plain").ok())
            else {
                return;
            };
            let area: HtmlTextAreaElement = e.target_unchecked_into();
            let start = area.selection_start().ok().flatten().unwrap_or(0);
            let end = area.selection_end().ok().flatten().unwrap_or(start);
            let text = splice(&area.value(), start, end, &pasted);
            if is_large(&text) {
                e.prevent_default();
                on_large_paste.emit(text);
            }
        })
    };

    let onkeydown = {
        let on_check = props.on_check.clone();
        Callback::from(move |e: KeyboardEvent| {
            // Enter checks; Shift+Enter starts a new line.
            if e.key() == "Enter" && !e.shift_key() && !e.is_composing() {
                e.prevent_default();
                on_check.emit(());
                let area: HtmlTextAreaElement = e.target_unchecked_into();
                // Ready for the next paste.
                area.select();
            }
        })
    };

    let oncheck = {
        let on_check = props.on_check.clone();
        Callback::from(move |_: MouseEvent| on_check.emit(()))
    };

    let onclear = {
        let on_clear = props.on_clear.clone();
        let area_ref = area_ref.clone();
        Callback::from(move |_: MouseEvent| {
            on_clear.emit(());
            if let Some(area) = area_ref.cast::<HtmlTextAreaElement>() {
                let _ = area.focus();
            }
        })
    };

    let onpick = {
        let file_ref = file_ref.clone();
        Callback::from(move |_: MouseEvent| {
            if let Some(input) = file_ref.cast::<HtmlInputElement>() {
                input.click();
            }
        })
    };

    let onfile = {
        let on_files = props.on_files.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_files.emit(file_list(input.files()));
            // Picking the same file again should read it again.
            input.set_value("");
        })
    };

    let ondragover = {
        let dragging = dragging.clone();
        let disabled = props.disabled;
        Callback::from(move |e: DragEvent| {
            if !disabled {
                e.prevent_default();
                dragging.set(true);
            }
        })
    };
    let ondragleave = {
        let dragging = dragging.clone();
        Callback::from(move |_: DragEvent| dragging.set(false))
    };
    let ondrop = {
        let dragging = dragging.clone();
        let on_files = props.on_files.clone();
        let disabled = props.disabled;
        Callback::from(move |e: DragEvent| {
            e.prevent_default();
            dragging.set(false);
            if !disabled {
                on_files.emit(file_list(e.data_transfer().and_then(|d| d.files())));
            }
        })
    };

    html! {
        <div class={classes!("field", "dropzone", (*dragging).then_some("dropzone--active"))}
            {ondragover} {ondragleave} {ondrop} data-testid="dropzone">
            <label class="field__label" for="address" id="address-label">{ "Addresses" }</label>
            if let Some(held) = &props.held {
                <div class="held" ref={held_ref} tabindex="-1" role="group" aria-labelledby="address-label"
                    aria-describedby="held-hint" data-testid="held">
                    <span class="held__icon" aria-hidden="true">{ "≡" }</span>
                    <p class="held__text">
                        <strong data-testid="held-text">{ held }</strong>
                        <span id="held-hint" class="muted">
                            { ". Too long to show in the box, so it is kept aside and checked all the same. Clear it to type or paste something else." }
                        </span>
                    </p>
                </div>
            }
            <textarea
                hidden={props.held.is_some()}
                ref={area_ref}
                id="address"
                class="field__input field__area"
                rows="3"
                autocomplete="off"
                autocorrect="off"
                autocapitalize="off"
                spellcheck="false"
                placeholder={if props.disabled { "Checking is not available" } else { "Paste an address, e.g. 0x… or bc1…, or a whole column of them" }}
                aria-describedby="address-hint"
                disabled={props.disabled}
                {oninput}
                {onpaste}
                {onkeydown}
            />
            <div class="field__actions">
                <button type="button" class="button button--primary" onclick={oncheck} disabled={props.disabled}>
                    { "Check" }
                </button>
                <button type="button" class="button" onclick={onpick} disabled={props.disabled}
                    aria-describedby="address-hint">
                    { "Open a file…" }
                </button>
                <input
                    ref={file_ref}
                    id="text-file"
                    type="file"
                    accept=".txt,.csv,.tsv,.filter,text/plain,text/csv"
                    hidden=true
                    tabindex="-1"
                    aria-label="Open a .txt or .csv file of addresses, or a .filter list"
                    onchange={onfile}
                />
                <button type="button" class="button button--quiet" onclick={onclear}
                    disabled={props.disabled || props.value.is_empty()} data-testid="clear">
                    { "Clear" }
                </button>
            </div>
            <p id="address-hint" class="field__hint">
                { "One address, or many separated by new lines, commas, tabs or spaces (a spreadsheet column works, header and all). \
                   Results appear as you type; Enter checks again and Shift+Enter starts a new line. \
                   You can also drop a .txt or .csv file here. Everything is checked in this page: nothing is sent over the network." }
            </p>
            if let Some(name) = &props.from_file {
                <p class="field__note" data-testid="from-file">{ "Checking the contents of " }<strong>{ name }</strong>{ ", read on this device." }</p>
            }
            if let Some(why) = &props.file_refused {
                <p class="field__error" role="alert" data-testid="file-refused">{ why }</p>
            }
            if *dragging {
                <div class="dropzone__overlay" aria-hidden="true">
                    { "Drop a .txt or .csv file to check it, or a .filter file to add a list" }
                </div>
            }
        </div>
    }
}
