use yew::prelude::*;

#[function_component(SiteHeader)]
pub fn site_header() -> Html {
    html! {
        <header class="site-header">
            <div class="container site-header__inner">
                <div class="brand">
                    <svg class="brand__mark" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
                        <path d="M12 2 4 5v6c0 5 3.4 9.3 8 11 4.6-1.7 8-6 8-11V5l-8-3Z" />
                        <path class="brand__tick" d="m8.5 12 2.5 2.5 4.5-5" />
                    </svg>
                    <span class="brand__name">{ "addrcheck" }</span>
                </div>
                <p class="tagline">{ "Check crypto addresses against sanctions lists, privately, on your device." }</p>
            </div>
        </header>
    }
}
