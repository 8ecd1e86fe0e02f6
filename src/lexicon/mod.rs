//! The vocabulary as data, one file per concept, each list compiled once
//! where it is searched. Lists are lower-case; the small functions beside
//! them answer the one question their list is for ("is this line a share
//! bar?"). The boilerplate rules that weigh the answers are in
//! [`crate::rules`]; the matchers the lists are searched with in
//! [`crate::util::matchers`].

pub mod attributes;
pub mod bylines;
pub mod calendar;
pub mod class_words;
pub mod closings;
pub mod credits;
pub mod labels;
pub mod meta_tags;
pub mod notices;
pub mod phrases;
pub mod recipes;
pub mod social;
pub mod stopwords;
