//! The JavaScript API: `Checker`. Every method converts its arguments, calls
//! the pure modules, and converts the answer; nothing else happens here.

use crate::info::{list_info, ListInfo};
use crate::js;
use crate::lists::{AddError, Lists};
use crate::paste::{split_joined, split_paste, Item};
use crate::results::{
    matches_out, possible_out, row_code, utf16_span, Batch, NONE, NORMALIZED_LATER,
};
use addrcheck_core::LoadError;
use js_sys::{Array, JsString};
use std::borrow::Cow;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Checks addresses against one or more verified filter files, offline.
///
/// ```js
/// const checker = Checker.fromBytes(filterBytes);
/// checker.check("0x…").status; // "flagged" | "possible" | "clear" | "invalid" | "unrecognized"
/// checker.free();
/// ```
///
/// A checker owns Wasm memory (its lists, about the size of the filter files
/// and their decoded details). Call `free()` when done with it, or declare it
/// with `using` (TypeScript 5.2+, `Symbol.dispose`); a checker that is only
/// dropped is freed later by the garbage collector's finalizer, whenever that
/// runs. A freed checker cannot be used again.
#[wasm_bindgen]
pub struct Checker {
    lists: Lists,
}

#[wasm_bindgen]
impl Checker {
    /// Verify a filter file and make a checker for it.
    ///
    /// Throws an `AddrcheckError` whose `code` says why the file was refused
    /// (`truncated`, `wrongMagic`, `unsupportedVersion`, `unsupportedKeyScheme`,
    /// `corrupt`, `malformed`), or `invalidArgument` when `bytes` is not a
    /// `Uint8Array` or `ArrayBuffer`. Nothing is ever answered from a file that
    /// did not verify.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    ) -> Result<Checker, JsValue> {
        let bytes = js::bytes_arg(&bytes, "Checker.fromBytes")?;
        let lists = Lists::new(&bytes).map_err(load_error)?;
        js::set_up();
        Ok(Checker { lists })
    }

    /// Verify another filter file and check against it too. A result is
    /// `flagged` when any list confirms the address, with every confirming
    /// list's matches. Throws like `fromBytes`, or with `duplicateList` when
    /// the same file (same SHA-256) is already loaded; the checker is unchanged
    /// when it throws.
    #[wasm_bindgen(js_name = addList)]
    pub fn add_list(
        &mut self,
        #[wasm_bindgen(unchecked_param_type = "Uint8Array | ArrayBuffer")] bytes: JsValue,
    ) -> Result<(), JsValue> {
        let bytes = js::bytes_arg(&bytes, "checker.addList")?;
        self.lists.add(&bytes).map_err(|e| match e {
            AddError::Load(e) => load_error(e),
            AddError::Duplicate { sha256 } => js::addrcheck_error(
                "duplicateList",
                &format!("a list with SHA-256 {sha256} is already loaded"),
            ),
        })
    }

    /// Check one address (surrounding whitespace, invisible characters and
    /// payment-URI wrappers such as `ethereum:…` are ignored). Throws an
    /// `AddrcheckError` (`invalidArgument`) when `address` is not a string.
    #[wasm_bindgen(unchecked_return_type = "CheckResult")]
    pub fn check(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string")] address: JsValue,
    ) -> Result<JsValue, JsValue> {
        let mut buf = js::Short::new();
        let Some(text) = js::read_arg(&address, &mut buf) else {
            return Err(js::invalid_argument(&format!(
                "checker.check expects a string, got {}",
                js::type_name(&address)
            )));
        };
        let outcome = self.lists.check(&text);
        let matches = if outcome.matches.is_empty() {
            JsValue::NULL
        } else {
            js::to_js(&matches_out(&self.lists, &outcome))?
        };
        let possible = if outcome.possible.is_empty() {
            JsValue::NULL
        } else {
            js::to_js(&possible_out(&self.lists, &outcome))?
        };
        // The canonical form is most often the input itself (cleaned): then
        // only its span crosses, and JavaScript takes it from the input.
        // Otherwise JavaScript prints it when `normalized` is first read.
        // Long or non-ASCII input (rare) gets its form printed now.
        let mut code = row_code(&outcome);
        let (start, end) = match outcome.normalized_borrowed() {
            Some(form) => utf16_span(&text, form).unwrap_or((NONE, NONE)),
            None => (NONE, NONE),
        };
        let mut printed = None;
        if start == NONE && outcome.address.is_some() {
            if matches!(text, Cow::Borrowed(_)) {
                code |= NORMALIZED_LATER;
            } else {
                printed = outcome.normalized();
            }
        }
        let reason = outcome.error.as_ref().map(|e| e.to_string());
        let result = js::build_result(
            &address,
            code,
            start,
            end,
            printed.as_deref(),
            reason.as_deref(),
            &matches,
            &possible,
            js::instance(),
        );
        js::thrown()?;
        Ok(result)
    }

    /// Check many addresses in one call into Wasm for the whole batch (the
    /// module calls back a few times per 2,048 addresses, never per address).
    ///
    /// A string is split like a paste: on line breaks, whitespace and commas,
    /// empty pieces skipped. An array gets one result per element, in order
    /// (an element that is not a string throws `invalidArgument`).
    ///
    /// Each result is what `check` gives for its `input`, except that
    /// `normalized` is null unless `options.normalized` is true: the canonical
    /// form costs a hash per address (Keccak-256 for EVM), more than the
    /// check itself.
    #[wasm_bindgen(js_name = checkMany, unchecked_return_type = "CheckResult[]")]
    pub fn check_many(
        &self,
        #[wasm_bindgen(unchecked_param_type = "string | readonly string[]")] input: JsValue,
        #[wasm_bindgen(unchecked_optional_param_type = "CheckManyOptions")] options: JsValue,
    ) -> Result<JsValue, JsValue> {
        let normalized = js::bool_option(&options, "normalized", "checker.checkMany")?;
        if let Some(text) = input.dyn_ref::<JsString>() {
            let text = js::read_string(text)?;
            let items = split_paste(&text);
            return self.check_items(&items, &input, normalized);
        }
        if Array::is_array(&input) {
            let array: &Array = input.unchecked_ref();
            let n = array.length();
            let out = Array::new_with_length(n);
            let mut from = 0;
            while from < n {
                let to = n.min(from.saturating_add(SLICE));
                let (joined, lengths, read) = js::read_strings(array, from, to)?;
                // Each length is taken from the string joined (an element
                // ending in a high surrogate is joined with U+FFFD in its
                // place, so it cannot pair with the next): they add up
                // unless something is broken inside the module.
                let items = split_joined(&joined, &lengths).ok_or_else(|| {
                    js::addrcheck_error(
                        "internal",
                        "checkMany: the lengths of a slice do not add up",
                    )
                })?;
                self.check_slice(&items, &read, normalized, &out, from)?;
                from = to;
            }
            return Ok(out.into());
        }
        Err(js::invalid_argument(&format!(
            "checker.checkMany expects a string or an array of strings, got {}",
            js::type_name(&input)
        )))
    }

    /// The metadata of every loaded list, in the order they were added.
    #[wasm_bindgen(unchecked_return_type = "ListInfo[]")]
    pub fn info(&self) -> Result<JsValue, JsValue> {
        let infos: Vec<ListInfo> = self.lists.filters().iter().map(list_info).collect();
        js::to_js(&infos)
    }
}

/// A batch is read (an array), checked and answered this many items at a
/// time, so that each slice's text, rows and results are used while still in
/// the processor's cache; one pass over 100,000 addresses goes through main
/// memory. Still one call from JavaScript for the whole batch.
///
/// Measured against one pass, same runs, lower-case EVM addresses: an array
/// of 100,000 in Chromium 6.5-7.2 -> 7.8-8.0 M/s; arrays of 10,000 in Node
/// 7.0-7.5 -> 7.9-8.8 M/s. One array of 100,000 in Node lost 5-10% (4.4-5.0
/// -> 4.2-4.5 M/s): the joined text of each slice is young garbage that sets
/// off collections while the results so far are alive, where one pass's
/// text was too large for the young generation.
const SLICE: u32 = 2048;

impl Checker {
    /// Checks `items`: one result each, in order.
    fn check_items(
        &self,
        items: &[Item<'_>],
        input: &JsValue,
        normalized: bool,
    ) -> Result<JsValue, JsValue> {
        let out = Array::new_with_length(items.len() as u32);
        let mut at = 0;
        for slice in items.chunks(SLICE as usize) {
            self.check_slice(slice, input, normalized, &out, at)?;
            at += SLICE;
        }
        Ok(out.into())
    }

    /// Checks `items` and puts their results into `out` from index `at`;
    /// `input` is the text their spans are in, or the slice's elements as
    /// read.
    fn check_slice(
        &self,
        items: &[Item<'_>],
        input: &JsValue,
        normalized: bool,
        out: &Array,
        at: u32,
    ) -> Result<(), JsValue> {
        let mut batch = Batch::with_capacity(&self.lists, items.len(), normalized);
        for item in items {
            batch.check(*item);
        }
        // Rows and pool go across as they are; match lists through serde,
        // only when there are hits.
        let match_sets = if batch.match_sets.is_empty() {
            JsValue::NULL
        } else {
            js::to_js(&batch.match_sets)?
        };
        let possible_sets = if batch.possible_sets.is_empty() {
            JsValue::NULL
        } else {
            js::to_js(&batch.possible_sets)?
        };
        js::build_results(
            out,
            at,
            &batch.rows,
            &batch.pool,
            input,
            &match_sets,
            &possible_sets,
        )
    }
}

fn load_error(e: LoadError) -> JsValue {
    js::addrcheck_error(e.code(), &e.to_string())
}
