use yew::prelude::*;

#[function_component(PrivacyFooter)]
pub fn privacy_footer() -> Html {
    html! {
        <footer class="site-footer">
            <div class="container">
                <p>
                    { "Checks run entirely in this page. After the list has loaded, no address you enter is sent anywhere, \
                       stored, or put in the address bar." }
                </p>
                <p class="muted">
                    { "A “not listed” result only means the address is not on this list as of its date; it is not a statement that the address is safe." }
                </p>
            </div>
        </footer>
    }
}
