use web_sys::HtmlInputElement;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct Props {
    pub value: AttrValue,
    pub disabled: bool,
    /// The new text of the box (typing, paste, Enter, clear).
    pub on_input: Callback<String>,
}

/// The address box: checked as you type, and again on Enter. Deliberately not
/// inside a <form> (nothing is ever submitted) and with autocomplete off (the
/// browser keeps no history of what was typed).
#[function_component(AddressInput)]
pub fn address_input(props: &Props) -> Html {
    let input_ref = use_node_ref();

    let oninput = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: InputEvent| {
            let input: HtmlInputElement = e.target_unchecked_into();
            on_input.emit(input.value());
        })
    };

    let onkeydown = {
        let on_input = props.on_input.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Enter" {
                e.prevent_default();
                let input: HtmlInputElement = e.target_unchecked_into();
                on_input.emit(input.value());
                // Ready for the next paste.
                input.select();
            }
        })
    };

    let onclear = {
        let on_input = props.on_input.clone();
        let input_ref = input_ref.clone();
        Callback::from(move |_: MouseEvent| {
            on_input.emit(String::new());
            if let Some(input) = input_ref.cast::<HtmlInputElement>() {
                let _ = input.focus();
            }
        })
    };

    html! {
        <div class="field">
            <label class="field__label" for="address">{ "Address" }</label>
            <div class="field__row">
                <input
                    ref={input_ref}
                    id="address"
                    class="field__input"
                    type="text"
                    inputmode="text"
                    autocomplete="off"
                    autocorrect="off"
                    autocapitalize="off"
                    spellcheck="false"
                    placeholder={if props.disabled { "Checking is not available" } else { "Paste an address, e.g. 0x… or bc1…" }}
                    aria-describedby="address-hint"
                    value={props.value.clone()}
                    disabled={props.disabled}
                    {oninput}
                    {onkeydown}
                />
                <button
                    type="button"
                    class="button"
                    onclick={onclear}
                    disabled={props.disabled || props.value.is_empty()}
                >
                    { "Clear" }
                </button>
            </div>
            <p id="address-hint" class="field__hint">
                { "One address at a time. It is checked in this page as you type; nothing is sent over the network." }
            </p>
        </div>
    }
}
