//! What only a browser can do, kept out of the pure modules: the clock,
//! reading local files, saving the CSV, copying to the clipboard. None of it
//! touches the network.

use std::rc::Rc;

use yew::UseReducerDispatcher;

use crate::age::Date;
use crate::batch::Batch;
use crate::csv;
use crate::files::{classify, decode_text, Kind};
use crate::load::verify_list_file;
use crate::present::Checked;
use crate::state::{Action, State};

/// Today's date on this device (local time).
pub fn today() -> Option<Date> {
    let now = js_sys::Date::new_0();
    let year = now.get_full_year();
    (year > 0).then(|| Date {
        year: year as i32,
        month: now.get_month() + 1,
        day: now.get_date(),
    })
}

/// Milliseconds from a monotonic clock (for sizing work between yields).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Read dropped or picked files locally: a filter file becomes a list (after
/// verification), a text file the text to check.
pub fn open_files(files: Vec<web_sys::File>, dispatch: UseReducerDispatcher<State>) {
    wasm_bindgen_futures::spawn_local(async move {
        for file in files {
            let name = file.name();
            let size = file.size() as u64;
            if let Err(why) = classify(&name, size, &[]) {
                dispatch.dispatch(Action::FileRefused(why));
                continue;
            }
            let bytes = match read(&file).await {
                Ok(bytes) => bytes,
                Err(why) => {
                    dispatch.dispatch(Action::FileRefused(format!(
                        "{name} could not be read ({why})."
                    )));
                    continue;
                }
            };
            match classify(&name, size, &bytes) {
                Err(why) => dispatch.dispatch(Action::FileRefused(why)),
                Ok(Kind::Text) => dispatch.dispatch(Action::OpenedText {
                    name,
                    text: decode_text(&bytes),
                }),
                Ok(Kind::Filter) => match verify_list_file(&name, &bytes) {
                    Ok(filter) => dispatch.dispatch(Action::AddList {
                        file: name,
                        filter: Box::new(filter),
                    }),
                    Err(refused) => dispatch.dispatch(Action::ListRefused(refused)),
                },
            }
        }
    });
}

async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| {
            e.as_string()
                .unwrap_or_else(|| "the browser refused".to_string())
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The files of a file input or a drop.
pub fn file_list(list: Option<web_sys::FileList>) -> Vec<web_sys::File> {
    let Some(list) = list else { return Vec::new() };
    (0..list.length()).filter_map(|i| list.get(i)).collect()
}

/// Save the concatenation of `parts` as a file, generated in the page (no request).
pub fn download(parts: &[String], file_name: &str, mime: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let fail = |e: wasm_bindgen::JsValue| {
        e.as_string()
            .unwrap_or_else(|| "the browser refused".to_string())
    };
    let parts: js_sys::Array = parts
        .iter()
        .map(|p| wasm_bindgen::JsValue::from_str(p))
        .collect();
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(fail)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement =
        document.create_element("a").map_err(fail)?.unchecked_into();
    a.set_href(&url);
    a.set_download(file_name);
    a.click();
    // Revoke once the download has started.
    let revoke = gloo_timers::callback::Timeout::new(10_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    revoke.forget();
    Ok(())
}

/// Export CSV: the CSV of `batch` built in parts (yielding between them),
/// saved from a blob: URL made in the page. `batch` is a snapshot: the page
/// may change while the file is prepared.
pub fn save_csv(
    batch: Batch,
    checked: Rc<Checked>,
    file_name: String,
    dispatch: UseReducerDispatcher<State>,
) {
    dispatch.dispatch(Action::Exporting(true));
    wasm_bindgen_futures::spawn_local(async move {
        let mut parts = vec![csv::head()];
        for start in (0..batch.done()).step_by(csv::PART_ROWS) {
            yield_now().await;
            parts.push(csv::rows(&batch, &checked, start..start + csv::PART_ROWS));
        }
        if let Err(why) = download(&parts, &file_name, "text/csv;charset=utf-8") {
            dispatch.dispatch(Action::FileRefused(format!(
                "The CSV file could not be saved ({why})."
            )));
        }
        dispatch.dispatch(Action::Exporting(false));
    });
}

/// Let the browser run (paint, handle input) before going on.
pub async fn yield_now() {
    yew::platform::time::sleep(std::time::Duration::ZERO).await;
}

/// Copy `text` to the clipboard (a user gesture triggers it).
pub fn copy(text: &str) {
    if let Some(window) = web_sys::window() {
        let _ = window.navigator().clipboard().write_text(text);
    }
}
