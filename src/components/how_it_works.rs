use yew::prelude::*;

/// A short explanation: the Bloom filter, what a possible match means, and
/// that nothing leaves the device.
#[function_component(HowItWorks)]
pub fn how_it_works() -> Html {
    html! {
        <section class="card how" aria-labelledby="how-title" data-testid="how-it-works">
            <h2 id="how-title" class="card-title">{ "How this works" }</h2>
            <div class="how__grid">
                <div class="how__item">
                    <h3>{ "Nothing leaves this device" }</h3>
                    <p>{ "The page downloads the list once and checks every address inside this page. \
                          Addresses are not sent anywhere, stored, or put in the address bar, and after a first visit the page works offline." }</p>
                </div>
                <div class="how__item">
                    <h3>{ "A compact, verified list" }</h3>
                    <p>{ "A list is a Bloom filter: a compact set of fingerprints of the listed addresses. \
                          Its SHA-256 is checked before use; if the file is damaged or missing, checking stops instead of guessing." }</p>
                </div>
                <div class="how__item">
                    <h3>{ "Confirmed matches" }</h3>
                    <p>{ "A Bloom filter can say for sure that an address is not in it, but a hit may be chance. \
                          Each hit is confirmed against the list's details, which name who listed the address and when. \
                          A list without details can only report a possible match: confirm it against the official list." }</p>
                </div>
                <div class="how__item">
                    <h3>{ "What “not listed” means" }</h3>
                    <p>{ "Not on these lists as of their dates. It is not a statement that an address is safe, \
                          and a list does not include anything listed after its date." }</p>
                </div>
            </div>
        </section>
    }
}
