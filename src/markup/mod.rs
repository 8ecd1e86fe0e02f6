//! HTML markup: the tokenizer ([`lex`]), the lean tree built from it
//! ([`tree`]), the byte scans that refuse hostile pages before the parse
//! ([`guard`]) and the walk that copies a tree into the arena ([`dom`]).

pub mod dom;
pub mod guard;
pub mod lex;
pub mod tree;
