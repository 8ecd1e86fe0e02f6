//! The vocabulary as data: boilerplate words and phrases, function words.

pub mod class_words;
pub mod stopwords;
pub mod vocab;
