//! The JavaScript side of the bindings: the helpers in `js/results.js`, the
//! error type, and conversions of arguments and serde values.

use crate::codes::{CHAINS, STATUSES};
use crate::results::normalized_of;
use js_sys::{Array, ArrayBuffer, JsString, Uint8Array};
use serde::Serialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen(module = "/js/results.js")]
extern "C" {
    /// Plain result objects from the rows of a slice of a batch (read in
    /// place: `rows_length` integers at `rows`), put into `out` from index
    /// `at`. `catch`, because code from outside the module can run while
    /// results are made (a setter on a prototype): an exception it throws
    /// comes back as an `Err` and unwinds no Rust frame, so the batch is
    /// freed and the checker is not left borrowed. (Match lists are still
    /// made by serde-wasm-bindgen, which assigns their properties: a
    /// throwing setter under one of their names would leave the checker
    /// borrowed. Building them in `js/results.js` would close that.)
    #[wasm_bindgen(js_name = buildResults, catch)]
    fn build_results_at(
        out: &Array,
        at: u32,
        rows: u32,
        rows_length: u32,
        pool: &str,
        input: &JsValue,
        match_sets: &JsValue,
        possible_sets: &JsValue,
        instance: u32,
    ) -> Result<(), JsValue>;

    /// The plain result object of one check. The normalized form is the
    /// UTF-16 span `start..end` of `input`; when `start` is `NONE`, it is
    /// printed on first read if `code` has `NORMALIZED_LATER`, else it is
    /// `normalized` (null when there is none). When code from outside the
    /// module throws while the result is made (a setter on a prototype),
    /// `buildResult` keeps the exception and raises the flag of `instance`
    /// instead: call [`thrown`] after it. (Not `catch`: its wrapper costs
    /// `check` about 8%; a check of the value returned, another call into
    /// JavaScript, about 2.5%.)
    #[wasm_bindgen(js_name = buildResult)]
    pub fn build_result(
        input: &JsValue,
        code: u32,
        normalized_start: u32,
        normalized_end: u32,
        normalized: Option<&str>,
        reason: Option<&str>,
        matches: &JsValue,
        possible_matches: &JsValue,
        instance: u32,
    ) -> JsValue;

    /// The exception `buildResult` caught last.
    #[wasm_bindgen(js_name = takeThrown)]
    fn take_thrown() -> JsValue;

    /// Hands the `[statuses, chain ids, chain names]` arrays to the builders,
    /// the module's memory to the functions that read or write it, and the raw
    /// exports and buffer (address, size) of [`addrcheck_normalized_later`],
    /// and the address of the flag `buildResult` raises ([`THREW`]).
    /// Returns this instance's index, which the calls below that touch its
    /// memory pass back.
    fn setup(
        vocab: &JsValue,
        memory: &JsValue,
        exports: &JsValue,
        later_buffer: u32,
        later_capacity: u32,
        threw: u32,
    ) -> u32;

    /// A short ASCII string written at `ptr` (4-byte aligned): its length,
    /// -1 when `text` is a longer or non-ASCII string, -2 when it is not a
    /// string.
    #[wasm_bindgen(js_name = readAscii)]
    fn read_ascii(text: &JsValue, ptr: u32, capacity: u32, instance: u32) -> i32;

    /// The elements `from..to` joined (an element ending in a high
    /// surrogate with U+FFFD in its place), their UTF-16 lengths written to
    /// Wasm memory at `lengths` (4-byte aligned, room for `to - from`), the
    /// elements put into `read`; throws an AddrcheckError naming the first
    /// element that is not a string.
    #[wasm_bindgen(js_name = joinStrings, catch)]
    fn join_strings(
        items: &Array,
        from: u32,
        to: u32,
        lengths: u32,
        read: &Array,
        instance: u32,
    ) -> Result<JsString, JsValue>;

    /// TextEncoder.encodeInto of `text[from..]` into Wasm memory.
    #[wasm_bindgen(js_name = encodeUtf8)]
    fn encode_utf8(text: &JsString, from: u32, ptr: u32, capacity: u32, instance: u32) -> Array;

    /// `Error` named "AddrcheckError" with a `code`.
    #[wasm_bindgen(js_name = addrcheckError)]
    pub fn addrcheck_error(code: &str, message: &str) -> JsValue;
}

thread_local! {
    /// This instance's index in `js/results.js`, once [`set_up`] has run.
    static INSTANCE: core::cell::Cell<Option<u32>> = const { core::cell::Cell::new(None) };
}

/// This instance's index in `js/results.js`, which keeps the memory of every
/// instance of the module that shares it.
pub fn instance() -> u32 {
    INSTANCE.with(|i| i.get()).unwrap_or(0)
}

/// Gives `js/results.js` what it needs, once: the strings the codes in a
/// result stand for (`[statuses, chain ids, chain names]`, shared by every
/// result), the module's memory, and the raw exports and buffer of
/// [`addrcheck_normalized_later`] (the normalized forms `check` prints later).
pub fn set_up() {
    if INSTANCE.with(|i| i.get()).is_some() {
        return;
    }
    let statuses: Array = STATUSES
        .iter()
        .map(|s| JsValue::from_str(s.as_str()))
        .collect();
    let ids: Array = CHAINS.iter().map(|c| JsValue::from_str(c.id())).collect();
    let names: Array = CHAINS.iter().map(|c| JsValue::from_str(c.name())).collect();
    let later_buffer = LATER.with(|buf| buf.borrow_mut().0.as_mut_ptr() as u32);
    let index = setup(
        &Array::of3(&statuses, &ids, &names),
        &wasm_bindgen::memory(),
        &wasm_bindgen::exports(),
        later_buffer,
        SHORT as u32,
        THREW.with(|t| t.as_ptr() as u32),
    );
    INSTANCE.with(|i| i.set(Some(index)));
}

thread_local! {
    /// Raised (1) by `buildResult` when code from outside the module threw
    /// while a result was made; lowered by [`thrown`]. A flag in memory, so
    /// that learning of it costs no call into JavaScript per result.
    static THREW: core::cell::Cell<u32> = const { core::cell::Cell::new(0) };
}

/// The exception code from outside the module threw during the last
/// [`build_result`], if it threw.
pub fn thrown() -> Result<(), JsValue> {
    if THREW.with(|t| t.replace(0)) != 0 {
        return Err(take_thrown());
    }
    Ok(())
}

thread_local! {
    /// Input and answer of [`addrcheck_normalized_later`] (the module has one
    /// thread: this lives at one address for good).
    static LATER: core::cell::RefCell<Short> = const { core::cell::RefCell::new(Short::new()) };
}

/// The normalized form a `check` result prints when first read: `len` bytes
/// of ASCII input in the buffer handed to `js/results.js` at set-up are
/// replaced by the form ([`normalized_of`]); its length, or -1 when there is
/// none. A raw export rather than a `Closure`: the result getter calls it
/// through the instance's exports, which costs the module far fewer bytes
/// than the closure machinery.
#[no_mangle]
pub extern "C" fn addrcheck_normalized_later(len: u32) -> i32 {
    LATER.with(|buf| {
        let mut buf = buf.borrow_mut();
        let form = buf
            .0
            .get(..len as usize)
            .and_then(|input| core::str::from_utf8(input).ok())
            .and_then(normalized_of);
        match form {
            Some(form) if form.len() <= SHORT => {
                buf.0[..form.len()].copy_from_slice(form.as_bytes());
                form.len() as i32
            }
            _ => -1,
        }
    })
}

/// Inputs of `check` up to this many bytes are read without allocating.
pub const SHORT: usize = 256;

/// A buffer `readAscii` writes a short string into, four bytes at a time
/// (hence the alignment).
#[repr(align(4))]
pub struct Short(pub [u8; SHORT]);

impl Short {
    pub const fn new() -> Short {
        Short([0; SHORT])
    }
}

/// A string argument: read into `buf` when short and ASCII (the usual
/// address), else into a new `String`; `None` when `value` is not a string.
pub fn read_arg<'b>(value: &JsValue, buf: &'b mut Short) -> Option<std::borrow::Cow<'b, str>> {
    match read_ascii(value, buf.0.as_mut_ptr() as u32, SHORT as u32, instance()) {
        -2 => None,
        n if n >= 0 => {
            let ascii = buf.0.get(..n as usize)?;
            core::str::from_utf8(ascii)
                .ok()
                .map(std::borrow::Cow::Borrowed)
        }
        _ => value.as_string().map(std::borrow::Cow::Owned),
    }
}

/// A JavaScript string as UTF-8 (after [`set_up`], which every checker has
/// run), copied into Wasm memory with
/// `TextEncoder.encodeInto` (one call for ASCII text; lone surrogates become
/// U+FFFD, as in every string that crosses into Rust).
pub fn read_string(text: &JsString) -> Result<String, JsValue> {
    let units = text.length() as usize;
    // Exact for ASCII; grown when the text turns out not to be.
    let mut buf: Vec<u8> = vec![0; units];
    let mut len = 0usize;
    let mut read = 0usize;
    while read < units {
        if buf.len() - len < 4 {
            buf.resize(len + (units - read) * 3 + 4, 0);
        }
        let spare = &mut buf[len..];
        let r = encode_utf8(
            text,
            read as u32,
            spare.as_mut_ptr() as u32,
            spare.len() as u32,
            instance(),
        );
        let (r, w) = (
            r.get(0).as_f64().unwrap_or(0.0) as usize,
            r.get(1).as_f64().unwrap_or(0.0) as usize,
        );
        if w > spare.len() || (r == 0 && w == 0 && spare.len() >= 4) {
            return Err(addrcheck_error(
                "internal",
                "TextEncoder.encodeInto misbehaved",
            ));
        }
        read += r;
        len += w;
    }
    buf.truncate(len);
    String::from_utf8(buf)
        .map_err(|_| addrcheck_error("internal", "TextEncoder.encodeInto wrote invalid UTF-8"))
}

/// The elements `from..to` of a string array: joined into one string (in
/// Wasm memory), each one's length in UTF-16 code units, and the elements
/// as read (for their results; see [`build_results`]).
pub fn read_strings(
    items: &Array,
    from: u32,
    to: u32,
) -> Result<(String, Vec<u32>, Array), JsValue> {
    // Written by JavaScript in place: a new Uint32Array per slice costs
    // Chromium a backing store each time (about 5% of a batch of 1,000 in
    // a profile).
    let mut lengths = vec![0u32; (to - from) as usize];
    let read = Array::new_with_length(to - from);
    let joined = join_strings(
        items,
        from,
        to,
        lengths.as_mut_ptr() as u32,
        &read,
        instance(),
    )?;
    Ok((read_string(&joined)?, lengths, read))
}

/// Plain result objects from the rows of a slice of a batch, put into `out`
/// from index `at`. `input` is the text the rows' spans are in, or the
/// slice's elements as [`read_strings`] read them.
pub fn build_results(
    out: &Array,
    at: u32,
    rows: &[u32],
    pool: &str,
    input: &JsValue,
    match_sets: &JsValue,
    possible_sets: &JsValue,
) -> Result<(), JsValue> {
    build_results_at(
        out,
        at,
        rows.as_ptr() as u32,
        rows.len() as u32,
        pool,
        input,
        match_sets,
        possible_sets,
        instance(),
    )
}

/// A JSON-compatible value: plain objects and arrays, never `Map`.
pub fn to_js<T: Serialize + ?Sized>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| addrcheck_error("internal", &format!("cannot convert a result: {e}")))
}

/// The bytes of a `Uint8Array` (or `Buffer`) or `ArrayBuffer`, copied into Wasm.
pub fn bytes_arg(value: &JsValue, method: &str) -> Result<Vec<u8>, JsValue> {
    if let Some(a) = value.dyn_ref::<Uint8Array>() {
        Ok(a.to_vec())
    } else if let Some(b) = value.dyn_ref::<ArrayBuffer>() {
        Ok(Uint8Array::new(b).to_vec())
    } else {
        Err(invalid_argument(&format!(
            "{method} expects the filter file as a Uint8Array or ArrayBuffer, got {}",
            type_name(value)
        )))
    }
}

/// A boolean option of an optional options object: `false` when the object
/// or the option is absent (`undefined`).
pub fn bool_option(options: &JsValue, name: &str, method: &str) -> Result<bool, JsValue> {
    if options.is_undefined() {
        return Ok(false);
    }
    if !options.is_object() || Array::is_array(options) || options.is_function() {
        return Err(invalid_argument(&format!(
            "{method}: options must be an object, got {}",
            type_name(options)
        )));
    }
    let value = js_sys::Reflect::get(options, &JsValue::from_str(name))?;
    if value.is_undefined() {
        return Ok(false);
    }
    value.as_bool().ok_or_else(|| {
        invalid_argument(&format!(
            "{method}: options.{name} must be a boolean, got {}",
            type_name(&value)
        ))
    })
}

pub fn invalid_argument(message: &str) -> JsValue {
    addrcheck_error("invalidArgument", message)
}

/// "a number", "null", "an object", ... for error messages (never the value).
pub fn type_name(value: &JsValue) -> &'static str {
    if value.is_null() {
        "null"
    } else if value.is_undefined() {
        "undefined"
    } else if value.is_string() {
        "a string"
    } else if value.as_f64().is_some() {
        "a number"
    } else if value.as_bool().is_some() {
        "a boolean"
    } else if value.is_bigint() {
        "a bigint"
    } else if value.is_function() {
        "a function"
    } else if value.is_symbol() {
        "a symbol"
    } else if Array::is_array(value) {
        "an array"
    } else {
        "an object"
    }
}
