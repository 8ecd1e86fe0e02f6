//! Helpers over bytes, characters and words that every layer uses: std,
//! memchr and aho-corasick only, and no knowledge of pages.

pub mod bytes;
pub mod chars;
pub mod matchers;
#[cfg(test)]
pub mod samples;
pub mod sentence;
pub mod spaces;
pub mod words;
