//! A fast HTML tokenizer that feeds html5ever's tree builder.
//!
//! html5ever's own tokenizer works a character at a time (every character
//! of every tag name and attribute is pushed into a buffer on its own).
//! This one follows the same states (WHATWG 13.2.5, as html5ever 0.40
//! implements them, quirks included) but scans with `memchr`: a run of
//! text, a script or style body, a comment or an attribute value is found
//! in one scan and handed on as a slice of the page (a `subtendril`, no
//! copy). The tree builder (foster parenting, the adoption agency, quirks)
//! stays html5ever's: [`tokenize`] drives it through its [`TokenSink`]
//! impl.
//!
//! Attributes that neither deboil ([`super::tree::kept`]) nor the tree
//! builder reads are not built: each is handed on as an empty placeholder,
//! so the tree builder's vectors and the parse's work count
//! ([`super::tree::Limits::work`]) are the same as with html5ever's
//! tokenizer. Formatting elements keep all their attributes, which the
//! tree builder compares ("Noah's Ark").
//!
//! What it does not handle it refuses ([`Unsupported`]): a NUL anywhere
//! in the page. The caller then parses the page with html5ever's own
//! tokenizer.

mod char_ref;



use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{RawKind, ScriptEscapeKind};
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{Attribute, LocalName, QualName, local_name, ns};
use memchr::{memchr, memchr2, memmem};

use crate::util::bytes::utf8_len;

/// Markup this tokenizer leaves to html5ever's; the reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Unsupported(pub &'static str);

/// Tokenize `html` into `sink` (html5ever's tree builder), then end it.
///
/// # Errors
/// [`Unsupported`] before any token is sent, if the page has markup this
/// tokenizer does not handle.
#[cfg(test)]
pub fn tokenize<S: TokenSink>(html: &str, sink: &S) -> Result<(), Unsupported> {
    tokenize_page(&StrTendril::from_slice(html), sink)
}

/// [`tokenize`] a page already in a tendril: text and attribute values are
/// handed on as slices of it, so it is not copied (but for carriage
/// returns, which need a changed copy).
///
/// # Errors
/// As [`tokenize`].
pub fn tokenize_page<S: TokenSink>(page: &StrTendril, sink: &S) -> Result<(), Unsupported> {
    if memchr(0, page.as_bytes()).is_some() {
        return Err(Unsupported("NUL character"));
    }
    // html5ever drops a byte order mark at the start of the stream.
    let bom = if page.starts_with('\u{FEFF}') { 3 } else { 0 };
    let html = &page[bom..];
    // Input preprocessing: CR LF and lone CR become LF.
    let whole = if memchr(b'\r', html.as_bytes()).is_some() {
        StrTendril::from_slice(&html.replace("\r\n", "\n").replace('\r', "\n"))
    } else if bom > 0 {
        page.subtendril(bom as u32, html.len() as u32)
    } else {
        page.clone()
    };
    let html: &str = &whole;
    let mut lx = Lexer {
        s: html,
        b: html.as_bytes(),
        whole: whole.clone(),
        sink,
        pend: 0,
        own: StrTendril::new(),
        names: Vec::new(),
        spans: Vec::new(),
        seen: foldhash::HashSet::default(),
    };
    lx.run();
    Ok(())
}

/// ASCII whitespace as the tokenizer knows it (CR is gone by now).
#[inline]
fn is_ws(b: u8) -> bool {
    matches!(b, b'\t' | b'\n' | b'\x0C' | b' ')
}

/// The first position at or after `p` that is not tokenizer whitespace.
fn skip_ws(b: &[u8], mut p: usize) -> usize {
    while p < b.len() && is_ws(b[p]) {
        p += 1;
    }
    p
}

/// Where the comment whose `<!--` ends just before `from` ends: at once
/// for `<!-->` and `<!--->`, else past the first run of two or more dashes
/// followed by `>` or `!>` (`--->` ends a comment too), as the tokenizer's
/// comment states end it; the end of the input when unclosed. One `memchr`
/// per run of dashes, so runs of any length stay linear.
pub(super) fn comment_end(b: &[u8], from: usize) -> usize {
    let body = &b[from..];
    if body.first() == Some(&b'>') {
        return from + 1;
    }
    if body.starts_with(b"->") {
        return from + 2;
    }
    let mut from = from;
    loop {
        let Some(i) = memchr(b'-', &b[from..]) else {
            return b.len();
        };
        let run = from + i;
        let mut d = run + 1;
        while b.get(d) == Some(&b'-') {
            d += 1;
        }
        if d - run >= 2 {
            match b.get(d) {
                Some(b'>') => return d + 1,
                Some(b'!') if b.get(d + 1) == Some(&b'>') => return d + 2,
                _ => {}
            }
        }
        from = d;
    }
}

/// The formatting elements: the tree builder compares their attributes.
fn is_formatting(name: &LocalName) -> bool {
    matches!(
        *name,
        local_name!("a")
            | local_name!("b")
            | local_name!("big")
            | local_name!("code")
            | local_name!("em")
            | local_name!("font")
            | local_name!("i")
            | local_name!("nobr")
            | local_name!("s")
            | local_name!("small")
            | local_name!("strike")
            | local_name!("strong")
            | local_name!("tt")
            | local_name!("u")
    )
}

/// Attributes built in full, each with whether the tree keeps it: those
/// deboil reads (the arena build, [`crate::markup::dom`], and the metadata
/// walk, [`crate::metadata::html`]), kept, and those html5ever's tree
/// builder reads, not kept. The one list of both: [`super::tree::kept`]
/// reads it too.
pub(super) fn needed(name: &[u8]) -> Option<(LocalName, bool)> {
    Some(match name {
        b"class" => (local_name!("class"), true),
        b"id" => (local_name!("id"), true),
        b"role" => (local_name!("role"), true),
        b"style" => (local_name!("style"), true),
        b"hidden" => (local_name!("hidden"), true),
        b"aria-hidden" => (local_name!("aria-hidden"), true),
        b"itemprop" => (local_name!("itemprop"), true),
        b"itemscope" => (local_name!("itemscope"), true),
        b"itemtype" => (local_name!("itemtype"), true),
        b"rel" => (local_name!("rel"), true),
        b"href" => (local_name!("href"), true),
        b"content" => (local_name!("content"), true),
        b"name" => (local_name!("name"), true),
        b"property" => (local_name!("property"), true),
        b"http-equiv" => (local_name!("http-equiv"), true),
        b"type" => (local_name!("type"), true),
        b"lang" => (local_name!("lang"), true),
        b"datetime" => (local_name!("datetime"), true),
        b"title" => (local_name!("title"), true),
        b"pubdate" => (LocalName::from("pubdate"), true),
        b"xml:lang" => (LocalName::from("xml:lang"), true),
        // Read by the tree builder.
        b"charset" => (local_name!("charset"), false),
        b"encoding" => (local_name!("encoding"), false),
        b"color" => (local_name!("color"), false),
        b"face" => (local_name!("face"), false),
        b"size" => (local_name!("size"), false),
        b"form" => (local_name!("form"), false),
        b"shadowrootmode" => (local_name!("shadowrootmode"), false),
        _ => return None,
    })
}

/// An attribute the tree builder hands on without reading it: it stands
/// for one that is dropped, so counts stay html5ever's.
fn placeholder() -> Attribute {
    Attribute {
        name: QualName::new(None, ns!(), local_name!("")),
        value: StrTendril::new(),
    }
}
struct Lexer<'a, S: TokenSink> {
    s: &'a str,
    b: &'a [u8],
    /// The page as one tendril: text is handed on as slices of it.
    whole: StrTendril,
    sink: &'a S,
    /// Start of the text not yet handed on (after [`Lexer::own`]).
    pend: usize,
    /// Text not yet handed on that is not a slice of the page (character
    /// references decoded); the page from `pend` follows it.
    own: StrTendril,
    /// The current tag's attribute names, lower-cased, for the duplicate
    /// rule.
    names: Vec<u8>,
    spans: Vec<(u32, u32)>,
    /// The names of a tag with many attributes.
    seen: foldhash::HashSet<Box<[u8]>>,
}

/// The longest text a tendril stores inline (tendril's `MAX_INLINE_LEN`).
const SHORT: usize = 8;

/// Attributes on one tag past which duplicates are found with a set.
const MANY_ATTRIBUTES: usize = 16;

enum AttrEnd {
    Emit { self_closing: bool, at: usize },
    Eof,
}

impl<S: TokenSink> Lexer<'_, S> {
    fn emit(&self, token: Token) -> TokenSinkResult<S::Handle> {
        self.sink.process_token(token, 1)
    }

    fn slice(&self, from: usize, to: usize) -> StrTendril {
        if to - from <= SHORT {
            // A tendril this short holds its bytes itself: made at once,
            // where a subtendril checks both ends for character
            // boundaries first (the whitespace between tags, most values).
            return StrTendril::from_slice(&self.s[from..to]);
        }
        self.whole.subtendril(from as u32, (to - from) as u32)
    }

    /// Hand on the text pending up to `to`; the next starts at `to`.
    fn flush(&mut self, to: usize) {
        if self.own.is_empty() {
            if to > self.pend {
                let t = self.slice(self.pend, to);
                let _ = self.emit(Token::CharacterTokens(t));
            }
        } else {
            let mut t = std::mem::take(&mut self.own);
            t.push_slice(&self.s[self.pend..to]);
            let _ = self.emit(Token::CharacterTokens(t));
        }
        self.pend = to;
    }

    /// Hand on the pending text up to `to` and a parse error, as
    /// html5ever does (the tree builder forgets a pending newline skip).
    fn error_at(&mut self, to: usize) {
        self.flush(to);
        let _ = self.emit(Token::ParseError("lex".into()));
    }

    fn run(&mut self) {
        let len = self.b.len();
        let mut pos = 0;
        while let Some(i) = memchr2(b'<', b'&', &self.b[pos..]) {
            let at = pos + i;
            if self.b[at] == b'&' {
                pos = self.text_char_ref(at);
                continue;
            }
            match self.tag_open(at) {
                Some(next) => pos = next,
                None => return self.finish(len),
            }
        }
        self.finish(len);
    }

    /// Where reading goes on at `end`, after a token the sink answered
    /// with `r`: html5ever's driver feeds the rest again after a script or
    /// an encoding indicator, and a feed drops a leading byte order mark.
    fn resume<H>(&mut self, r: &TokenSinkResult<H>, end: usize) -> usize {
        let refed = matches!(
            r,
            TokenSinkResult::Script(_) | TokenSinkResult::EncodingIndicator(_)
        );
        if refed && self.s[end..].starts_with('\u{FEFF}') {
            self.pend = end + 3;
            end + 3
        } else {
            end
        }
    }

    fn finish(&mut self, len: usize) {
        self.flush(len);
        let _ = self.emit(Token::EOFToken);
        self.sink.end();
    }

    /// A `<` at `at` in the data state. Returns where scanning goes on, or
    /// `None` at the end of the input (pending text not yet handed on).
    fn tag_open(&mut self, at: usize) -> Option<usize> {
        let b = self.b;
        let len = b.len();
        let Some(&c) = b.get(at + 1) else {
            return Some(len);
        };
        if c.is_ascii_alphabetic() {
            return self.tag(at, at + 1, TagKind::StartTag);
        }
        match c {
            b'/' => match b.get(at + 2) {
                None => Some(len),
                Some(c) if c.is_ascii_alphabetic() => self.tag(at, at + 2, TagKind::EndTag),
                Some(b'>') => {
                    self.error_at(at);
                    self.pend = at + 3;
                    Some(at + 3)
                }
                Some(_) => Some(self.bogus_comment(at, at + 2)),
            },
            b'!' => Some(self.markup_declaration(at)),
            b'?' => Some(self.bogus_comment(at, at + 1)),
            // `<` is text.
            _ => Some(at + 1),
        }
    }

    /// A comment from `at` (`<`) to the first `>` from `from`.
    fn bogus_comment(&mut self, at: usize, from: usize) -> usize {
        let end = memchr(b'>', &self.b[from..]).map_or(self.b.len(), |i| from + i + 1);
        self.comment(at, end)
    }

    /// Hand on the text before `at` and a comment; the input goes on at
    /// `end`.
    fn comment(&mut self, at: usize, end: usize) -> usize {
        self.flush(at);
        let _ = self.emit(Token::CommentToken(StrTendril::new()));
        self.pend = end;
        end
    }

    fn markup_declaration(&mut self, at: usize) -> usize {
        let b = self.b;
        let p = at + 2;
        let rest = &b[p..];
        if rest.starts_with(b"--") {
            let end = comment_end(b, p + 2);
            return self.comment(at, end);
        }
        if rest.len() >= 7 && rest[..7].eq_ignore_ascii_case(b"doctype") {
            self.flush(at);
            let end = self.doctype(p + 7);
            self.pend = end;
            return end;
        }
        if rest.starts_with(b"[CDATA[") {
            // The text before reaches the tree builder first: it may
            // change the current node (reopen formatting elements).
            self.flush(at);
            if self
                .sink
                .adjusted_current_node_present_but_not_in_html_namespace()
            {
                return self.cdata(p + 7);
            }
        }
        self.bogus_comment(at, p)
    }

    /// A CDATA section in foreign content, its text from `c`; where
    /// scanning goes on.
    fn cdata(&mut self, c: usize) -> usize {
        let b = self.b;
        let (text_end, end) = match memmem::find(&b[c..], b"]]>") {
            Some(i) => (c + i, c + i + 3),
            None => (b.len(), b.len()),
        };
        if text_end > c {
            let t = self.slice(c, text_end);
            let _ = self.emit(Token::CharacterTokens(t));
        }
        self.pend = end;
        end
    }

    /// The DOCTYPE after `<!doctype` (at `p`); where the input goes on.
    fn doctype(&mut self, mut p: usize) -> usize {
        let b = self.b;
        let len = b.len();
        let mut d = Doctype::default();
        let emit = |lx: &Self, d: Doctype, end: usize| {
            let _ = lx.emit(Token::DoctypeToken(d));
            end
        };
        // Where the doctype stops at `p`: at the end of the input (in
        // quirks) or at `>` (in quirks when `quirks_at_gt`), with the
        // position after it.
        let stop = |p: usize, quirks_at_gt: bool| {
            if p >= len {
                Some((len, true))
            } else if b[p] == b'>' {
                Some((p + 1, quirks_at_gt))
            } else {
                None
            }
        };
        // Doctype state: one whitespace, else reconsume.
        if p < len && is_ws(b[p]) {
            p += 1;
        }
        // Before the name.
        p = skip_ws(b, p);
        if let Some((end, quirks)) = stop(p, true) {
            d.force_quirks |= quirks;
            return emit(self, d, end);
        }
        // The name.
        let n0 = p;
        while p < len && !is_ws(b[p]) && b[p] != b'>' {
            p += 1;
        }
        d.name = Some(StrTendril::from_slice(&self.s[n0..p].to_ascii_lowercase()));
        if let Some((end, quirks)) = stop(p, false) {
            d.force_quirks |= quirks;
            return emit(self, d, end);
        }
        // After the name.
        p = skip_ws(b, p);
        if let Some((end, quirks)) = stop(p, false) {
            d.force_quirks |= quirks;
            return emit(self, d, end);
        }
        let keyword = |w: &[u8]| len - p >= 6 && b[p..p + 6].eq_ignore_ascii_case(w);
        let public = if keyword(b"public") {
            true
        } else if keyword(b"system") {
            false
        } else {
            d.force_quirks = true;
            return emit(self, d, self.bogus_doctype(p));
        };
        p += 6;
        // After the keyword, before the identifier.
        let mut system = !public;
        loop {
            // At the start of an identifier's whitespace or quote.
            p = skip_ws(b, p);
            if let Some((end, quirks)) = stop(p, true) {
                d.force_quirks |= quirks;
                return emit(self, d, end);
            }
            let q = b[p];
            if q != b'"' && q != b'\'' {
                d.force_quirks = true;
                return emit(self, d, self.bogus_doctype(p));
            }
            p += 1;
            let i0 = p;
            while p < len && b[p] != q && b[p] != b'>' {
                p += 1;
            }
            let id = Some(StrTendril::from_slice(&self.s[i0..p]));
            if system {
                d.system_id = id;
            } else {
                d.public_id = id;
            }
            if let Some((end, quirks)) = stop(p, true) {
                d.force_quirks |= quirks;
                return emit(self, d, end);
            }
            p += 1;
            // After the identifier.
            if system {
                p = skip_ws(b, p);
                if let Some((end, quirks)) = stop(p, false) {
                    d.force_quirks |= quirks;
                    return emit(self, d, end);
                }
                return emit(self, d, self.bogus_doctype(p));
            }
            // After the public identifier: whitespace before the system
            // identifier is optional, its quote is not.
            p = skip_ws(b, p);
            if let Some((end, quirks)) = stop(p, false) {
                d.force_quirks |= quirks;
                return emit(self, d, end);
            }
            if !matches!(b[p], b'"' | b'\'') {
                d.force_quirks = true;
                return emit(self, d, self.bogus_doctype(p));
            }
            system = true;
        }
    }

    /// A bogus DOCTYPE from `p`: it ends after the next `>`.
    fn bogus_doctype(&self, p: usize) -> usize {
        memchr(b'>', &self.b[p..]).map_or(self.b.len(), |i| p + i + 1)
    }

    /// A tag whose name starts at `n` (`<` at `at`). Returns where the
    /// input goes on, or `None` at the end of the input (the tag is
    /// dropped, the text before it handed on).
    fn tag(&mut self, at: usize, n: usize, kind: TagKind) -> Option<usize> {
        let b = self.b;
        let len = b.len();
        let mut p = n;
        while p < len && !matches!(b[p], b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>') {
            p += 1;
        }
        self.flush(at);
        if p >= len {
            self.pend = len;
            return None;
        }
        let name = local(&self.s[n..p]);
        let start = kind == TagKind::StartTag;
        let all = start && is_formatting(&name);
        let mut attrs = Vec::new();
        let mut dup = false;
        let end = self.attributes(p, start, all, &mut attrs, &mut dup);
        let AttrEnd::Emit {
            self_closing,
            at: end,
        } = end
        else {
            self.pend = len;
            return None;
        };
        self.pend = end;
        let result = self.emit(Token::TagToken(Tag {
            kind,
            name: name.clone(),
            self_closing,
            attrs,
            had_duplicate_attributes: dup,
        }));
        Some(match result {
            TokenSinkResult::RawData(raw) if start => self.raw(raw, &name, end),
            TokenSinkResult::Plaintext if start => len,
            _ => self.resume(&result, end),
        })
    }

    /// The attributes of a tag from `p` (after its name) to its `>`.
    /// Start tags keep their attributes (`all`: every one, else the
    /// needed ones and placeholders); end tags lose them.
    fn attributes(
        &mut self,
        mut p: usize,
        start: bool,
        all: bool,
        attrs: &mut Vec<Attribute>,
        dup: &mut bool,
    ) -> AttrEnd {
        let b = self.b;
        let len = b.len();
        self.names.clear();
        self.spans.clear();
        self.seen.clear();
        loop {
            // Before an attribute name.
            p = skip_ws(b, p);
            if p >= len {
                return AttrEnd::Eof;
            }
            match b[p] {
                b'>' => {
                    return AttrEnd::Emit {
                        self_closing: false,
                        at: p + 1,
                    };
                }
                b'/' => {
                    p += 1;
                    match b.get(p) {
                        None => return AttrEnd::Eof,
                        Some(b'>') => {
                            return AttrEnd::Emit {
                                self_closing: true,
                                at: p + 1,
                            };
                        }
                        // Reconsume before an attribute name.
                        Some(_) => continue,
                    }
                }
                _ => {}
            }
            // The name: its first character whatever it is, then up to
            // whitespace, `/`, `>` or `=`.
            let n0 = p;
            p += utf8_len(b[p]);
            while p < len && !matches!(b[p], b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>' | b'=') {
                p += 1;
            }
            let n1 = p;
            // After the name.
            p = skip_ws(b, p);
            if p >= len {
                return AttrEnd::Eof;
            }
            let mut value = None;
            if b[p] == b'=' {
                p += 1;
                p = skip_ws(b, p);
                if p >= len {
                    return AttrEnd::Eof;
                }
                match b[p] {
                    q @ (b'"' | b'\'') => {
                        let v0 = p + 1;
                        let Some(i) = memchr(q, &b[v0..]) else {
                            return AttrEnd::Eof;
                        };
                        let v1 = v0 + i;
                        value = Some((v0, v1));
                        p = v1 + 1;
                        // After a quoted value: whitespace, `/` and `>`
                        // are taken by the loop; anything else starts the
                        // next attribute (a parse error).
                    }
                    b'>' => value = Some((p, p)),
                    _ => {
                        let v0 = p;
                        while p < len && !matches!(b[p], b'\t' | b'\n' | b'\x0C' | b' ' | b'>') {
                            p += 1;
                        }
                        if p >= len {
                            return AttrEnd::Eof;
                        }
                        value = Some((v0, p));
                    }
                }
            }
            if start {
                self.attribute(n0, n1, value, all, attrs, dup);
            }
        }
    }

    /// Add the attribute named `b[n0..n1]` with its value, unless an
    /// earlier one had its name.
    fn attribute(
        &mut self,
        n0: usize,
        n1: usize,
        value: Option<(usize, usize)>,
        all: bool,
        attrs: &mut Vec<Attribute>,
        dup_seen: &mut bool,
    ) {
        let raw = &self.b[n0..n1];
        let at = self.names.len();
        self.names.extend_from_slice(raw);
        self.names[at..].make_ascii_lowercase();
        let name = &self.names[at..];
        // The spec's rule: the first attribute of a name wins. A few
        // names are compared one by one, more go through a set, so a tag
        // with thousands of attributes stays linear.
        let dup = if self.spans.len() < MANY_ATTRIBUTES {
            let dup = self
                .spans
                .iter()
                .any(|&(s, e)| &self.names[s as usize..e as usize] == name);
            if !dup {
                self.spans.push((at as u32, self.names.len() as u32));
            }
            dup
        } else {
            if self.seen.is_empty() {
                for &(s, e) in &self.spans {
                    self.seen.insert(self.names[s as usize..e as usize].into());
                }
            }
            !self.seen.insert(name.into())
        };
        if dup {
            self.names.truncate(at);
            *dup_seen = true;
            return;
        }
        let name = &self.names[at..];
        let name = match needed(name) {
            Some((name, _)) => name,
            // The lower-cased name is ASCII-lowered UTF-8.
            None if all => LocalName::from(std::str::from_utf8(name).expect("lowered UTF-8")),
            None => {
                attrs.push(placeholder());
                return;
            }
        };
        let value = match value {
            None => StrTendril::new(),
            Some((v0, v1)) => self.attr_value(v0, v1),
        };
        attrs.push(Attribute {
            name: QualName::new(None, ns!(), name),
            value,
        });
    }

    /// An attribute value, character references decoded.
    fn attr_value(&self, v0: usize, v1: usize) -> StrTendril {
        let Some(i) = memchr(b'&', &self.b[v0..v1]) else {
            return if v1 > v0 {
                self.slice(v0, v1)
            } else {
                StrTendril::new()
            };
        };
        let mut out = StrTendril::new();
        let mut from = v0;
        let mut at = v0 + i;
        loop {
            let r = self.char_ref(at, true);
            let mut next = r.end;
            if r.n > 0 {
                out.push_slice(&self.s[from..at]);
                for &c in &r.chars[..r.n as usize] {
                    out.push_char(c);
                }
                from = r.end;
            } else {
                next = at + 1;
            }
            match memchr(b'&', &self.b[next..v1]) {
                Some(i) => at = next + i,
                None => break,
            }
        }
        out.push_slice(&self.s[from..v1]);
        out
    }

    /// Raw text after the start tag `name` ending at `p`: up to the
    /// matching end tag, which is handed on too. Returns where the input
    /// goes on.
    fn raw(&mut self, kind: RawKind, name: &LocalName, p: usize) -> usize {
        let b = self.b;
        let len = b.len();
        let name_b = name.as_bytes();
        // Whether `</name` + whitespace, `/` or `>` starts at `lt`.
        let ends_at = |lt: usize| {
            let n = lt + 2;
            b.get(lt + 1) == Some(&b'/')
                && len > n + name_b.len()
                && b[n..n + name_b.len()].eq_ignore_ascii_case(name_b)
                && matches!(
                    b[n + name_b.len()],
                    b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>'
                )
        };
        let end_tag_at = match kind {
            RawKind::Rcdata => {
                let mut pos = p;
                loop {
                    let Some(i) = memchr2(b'<', b'&', &b[pos..]) else {
                        break None;
                    };
                    let at = pos + i;
                    if b[at] == b'&' {
                        pos = self.text_char_ref(at);
                    } else if ends_at(at) {
                        break Some(at);
                    } else {
                        pos = at + 1;
                    }
                }
            }
            RawKind::Rawtext => {
                let mut pos = p;
                loop {
                    let Some(i) = memchr(b'<', &b[pos..]) else {
                        break None;
                    };
                    let at = pos + i;
                    if ends_at(at) {
                        break Some(at);
                    }
                    pos = at + 1;
                }
            }
            RawKind::ScriptData | RawKind::ScriptDataEscaped(_) => script_end(b, p, &ends_at),
        };
        let Some(lt) = end_tag_at else {
            return len;
        };
        self.flush(lt);
        let after = lt + 2 + name_b.len();
        match self.attributes(after, false, false, &mut Vec::new(), &mut false) {
            AttrEnd::Eof => {
                // Nothing after the text.
                self.pend = len;
                len
            }
            AttrEnd::Emit { self_closing, at } => {
                self.pend = at;
                let r = self.emit(Token::TagToken(Tag {
                    kind: TagKind::EndTag,
                    name: name.clone(),
                    self_closing,
                    attrs: Vec::new(),
                    had_duplicate_attributes: false,
                }));
                self.resume(&r, at)
            }
        }
    }
}

/// A tag or attribute name: ASCII letters lower-cased.
fn local(name: &str) -> LocalName {
    if let Some(common) = common_tag(name.as_bytes()) {
        return common;
    }
    if !name.bytes().any(|c| c.is_ascii_uppercase()) {
        return LocalName::from(name);
    }
    let mut buf = [0u8; 32];
    if name.len() <= buf.len() {
        let buf = &mut buf[..name.len()];
        buf.copy_from_slice(name.as_bytes());
        buf.make_ascii_lowercase();
        LocalName::from(std::str::from_utf8(buf).expect("lowered UTF-8"))
    } else {
        LocalName::from(name.to_ascii_lowercase())
    }
}

/// The names of the most frequent tags, as written (in lower case): a
/// match on the bytes, where [`LocalName::from`] hashes the name to find
/// its static atom (the same atom).
fn common_tag(name: &[u8]) -> Option<LocalName> {
    Some(match name {
        b"a" => local_name!("a"),
        b"b" => local_name!("b"),
        b"i" => local_name!("i"),
        b"p" => local_name!("p"),
        b"br" => local_name!("br"),
        b"em" => local_name!("em"),
        b"h1" => local_name!("h1"),
        b"h2" => local_name!("h2"),
        b"h3" => local_name!("h3"),
        b"h4" => local_name!("h4"),
        b"li" => local_name!("li"),
        b"td" => local_name!("td"),
        b"tr" => local_name!("tr"),
        b"ul" => local_name!("ul"),
        b"div" => local_name!("div"),
        b"img" => local_name!("img"),
        b"nav" => local_name!("nav"),
        b"svg" => local_name!("svg"),
        b"html" => local_name!("html"),
        b"head" => local_name!("head"),
        b"body" => local_name!("body"),
        b"link" => local_name!("link"),
        b"meta" => local_name!("meta"),
        b"path" => local_name!("path"),
        b"span" => local_name!("span"),
        b"time" => local_name!("time"),
        b"form" => local_name!("form"),
        b"input" => local_name!("input"),
        b"label" => local_name!("label"),
        b"style" => local_name!("style"),
        b"title" => local_name!("title"),
        b"aside" => local_name!("aside"),
        b"button" => local_name!("button"),
        b"figure" => local_name!("figure"),
        b"footer" => local_name!("footer"),
        b"header" => local_name!("header"),
        b"iframe" => local_name!("iframe"),
        b"script" => local_name!("script"),
        b"source" => local_name!("source"),
        b"strong" => local_name!("strong"),
        b"article" => local_name!("article"),
        b"picture" => local_name!("picture"),
        b"section" => local_name!("section"),
        b"noscript" => local_name!("noscript"),
        b"figcaption" => local_name!("figcaption"),
        _ => return None,
    })
}

/// Where a script body from `p` ends: the `<` of its end tag (`ends_at`),
/// through the script data states, escaped (`<!--`) and double-escaped
/// (`<script>` inside it) included. `None`: at the end of the input.
fn script_end(b: &[u8], p: usize, ends_at: &dyn Fn(usize) -> bool) -> Option<usize> {
    #[derive(Clone, Copy, PartialEq)]
    enum St {
        Data,
        Esc(ScriptEscapeKind),
        Dash(ScriptEscapeKind),
        DashDash(ScriptEscapeKind),
    }
    use ScriptEscapeKind::{DoubleEscaped, Escaped};
    let len = b.len();
    let mut st = St::Data;
    let mut pos = p;
    // The letters after `<` or `</` up to whitespace, `/` or `>`: whether
    // they spell "script"; `None` if something else ends them (or EOF).
    let script_word = |from: usize| -> (Option<bool>, usize) {
        let mut k = from;
        while k < len && b[k].is_ascii_alphabetic() {
            k += 1;
        }
        if k < len && matches!(b[k], b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>') {
            (Some(b[from..k].eq_ignore_ascii_case(b"script")), k + 1)
        } else {
            (None, k)
        }
    };
    loop {
        let lt = match st {
            St::Data => {
                let lt = pos + memchr(b'<', &b[pos..])?;
                match b.get(lt + 1) {
                    Some(b'/') => {
                        if ends_at(lt) {
                            return Some(lt);
                        }
                        pos = lt + 2;
                    }
                    Some(b'!') => {
                        if b[lt + 2..].starts_with(b"--") {
                            st = St::DashDash(Escaped);
                            pos = lt + 4;
                        } else if b.get(lt + 2) == Some(&b'-') {
                            pos = lt + 3;
                        } else {
                            pos = lt + 2;
                        }
                    }
                    _ => pos = lt + 1,
                }
                continue;
            }
            St::Esc(k) => {
                pos += memchr2(b'-', b'<', &b[pos..])?;
                if b[pos] == b'-' {
                    pos += 1;
                    st = St::Dash(k);
                    continue;
                }
                pos
            }
            St::Dash(k) | St::DashDash(k) => match *b.get(pos)? {
                b'-' => {
                    pos += 1;
                    st = St::DashDash(k);
                    continue;
                }
                b'<' => pos,
                b'>' if matches!(st, St::DashDash(_)) => {
                    pos += 1;
                    st = St::Data;
                    continue;
                }
                _ => {
                    pos += 1;
                    st = St::Esc(k);
                    continue;
                }
            },
        };
        // A `<` in an escaped state.
        let k = match st {
            St::Esc(k) | St::Dash(k) | St::DashDash(k) => k,
            St::Data => unreachable!("data handles its own `<`"),
        };
        st = St::Esc(k);
        match (k, b.get(lt + 1)) {
            (Escaped, Some(b'/')) => {
                if ends_at(lt) {
                    return Some(lt);
                }
                pos = lt + 2;
            }
            (Escaped, Some(c)) if c.is_ascii_alphabetic() => {
                let (word, next) = script_word(lt + 1);
                pos = next;
                if word == Some(true) {
                    st = St::Esc(DoubleEscaped);
                }
            }
            (DoubleEscaped, Some(b'/')) => {
                let (word, next) = script_word(lt + 2);
                pos = next;
                if word == Some(true) {
                    st = St::Esc(Escaped);
                }
            }
            _ => pos = lt + 1,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Slices of up to eight bytes (made inline) and longer ones (shared
    /// with the page) read the same.
    #[test]
    fn short_and_long_slices() {
        let page = "<p class=ab title=\"a title of some length\">x</p>\n <i>é</i>";
        let tree = crate::markup::tree::parse(page);
        let element = |name: &str| {
            tree.root()
                .descendants()
                .filter_map(crate::markup::tree::ElementRef::wrap)
                .find(|e| e.value().name() == name)
                .unwrap()
        };
        let p = element("p");
        assert_eq!(p.value().attr("class"), Some("ab"));
        assert_eq!(p.value().attr("title"), Some("a title of some length"));
        assert_eq!(element("body").text().collect::<String>(), "x\n é");
    }

    /// Tag names read through the table of frequent ones are the atoms
    /// the general path makes, in any case.
    #[test]
    fn common_tags_are_their_atoms() {
        for name in [
            "a",
            "b",
            "i",
            "p",
            "br",
            "em",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "li",
            "td",
            "tr",
            "ul",
            "div",
            "img",
            "nav",
            "svg",
            "html",
            "head",
            "body",
            "link",
            "meta",
            "path",
            "span",
            "time",
            "form",
            "input",
            "label",
            "style",
            "title",
            "aside",
            "button",
            "figure",
            "footer",
            "header",
            "iframe",
            "script",
            "source",
            "strong",
            "article",
            "picture",
            "section",
            "noscript",
            "figcaption",
            "custom-tag",
            "x",
        ] {
            let atom = LocalName::from(name);
            assert_eq!(local(name), atom, "{name}");
            assert_eq!(local(&name.to_ascii_uppercase()), atom, "{name}");
            if let Some(common) = common_tag(name.as_bytes()) {
                assert_eq!(common, atom, "{name}");
            }
        }
    }
}
