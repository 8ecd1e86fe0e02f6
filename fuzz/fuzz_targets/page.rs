//! cargo-fuzz target: the whole per-page path (sniff, decode, depth and
//! node guards, HTML or text extraction, record assembly) on arbitrary bytes.
//! `cargo +nightly fuzz run page` from the repository root.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    deboil::extract::fuzz_page(data);
});
