//! Panics on request, for the test suite: they prove that a panic in one
//! page or reader becomes an error record and the batch goes on.

/// For the test suite only: with `DEBOIL_TEST_PANIC=1` in the environment,
/// a page containing `DEBOIL-TEST-PANIC` panics, to prove that a panic in
/// one page becomes that page's error record.
pub(crate) fn test_panic_hook(bytes: &[u8]) {
    if test_panics() && bytes.windows(17).any(|w| w == b"DEBOIL-TEST-PANIC") {
        panic!("test panic requested by the page");
    }
}

fn test_panics() -> bool {
    static ON: std::sync::LazyLock<bool> = std::sync::LazyLock::new(|| {
        std::env::var_os("DEBOIL_TEST_PANIC").is_some_and(|v| v == "1")
    });
    *ON
}

/// For the test suite only, as [`test_panic_hook`]: a JSON line containing
/// `DEBOIL-TEST-READER-PANIC` makes the reader itself panic.
pub(crate) fn test_reader_panic_hook(line: &[u8]) {
    if test_panics() && memchr::memmem::find(line, b"DEBOIL-TEST-READER-PANIC").is_some() {
        panic!("test panic requested by the reader");
    }
}
