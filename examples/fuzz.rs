//! A random-input fuzz driver for the whole per-page path that builds on
//! stable Rust (the cargo-fuzz target in `fuzz/` needs nightly).
//!
//! ```sh
//! cargo run --release --example fuzz -- [SECONDS] [SEED]
//! ```
//!
//! Inputs are built from hostile fragments (deep nesting, unclosed comments,
//! framesets, character references, charset declarations, BOMs, NULs, CJK
//! bytes, gzip headers) mixed with random bytes and mutated. Every input runs
//! through [`deboil::extract::fuzz_page`] under `catch_unwind`; a panic, or a
//! page taking longer than 10 s plus 1 s per MB, is saved to `fuzz/artifacts/driver/` and
//! reported, and the driver exits with code 1. The slowest input so far is
//! kept as `fuzz/artifacts/driver/slowest`.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::time::{Duration, Instant};

const FRAGMENTS: &[&[u8]] = &[
    b"<html>",
    b"<head>",
    b"<body>",
    b"</body></html>",
    b"<div>",
    b"</div>",
    b"<p>",
    b"</p>",
    b"<span class=\"share\">",
    b"<article>",
    b"<nav><a href=\"/\">Home</a></nav>",
    b"<!--",
    b"-->",
    b"<![CDATA[",
    b"<frameset><frame src=x>",
    b"<noframes>",
    b"<table><tr><td>",
    b"<ul><li>",
    b"<script>",
    b"</script>",
    b"<style>",
    b"<title>",
    b"<meta charset=\"utf-8\">",
    b"<meta charset=shift_jis>",
    b"<meta http-equiv=Content-Type content=\"text/html; charset=euc-kr\">",
    b"<?xml version=\"1.0\" encoding=\"utf-16\"?>",
    b"<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"headline\":\"",
    b"<meta property=\"og:title\" content=\"",
    b"<time datetime=\"2024-13-45\">",
    b"&amp;",
    b"&#x10FFFF;",
    b"&#0;",
    b"&#xD800;",
    b"&nbsp",
    b"\xef\xbb\xbf",
    b"\xff\xfe",
    b"\xfe\xff",
    b"\0",
    b"\x1f\x8b\x08\0",
    b"\x82\xa0\x82\xa2",
    b"\xb0\xa1\xb0\xa2",
    b"\xe4\xb8\xad\xe6\x96\x87",
    b"\xc3",
    b"\xed\xa0\x80",
    b"Caf\xe9 ",
    b"The council approved the new budget on Tuesday, after a long debate. ",
    b"\n\n",
    b"\r\n",
    b"  * ",
    b"Home\nNews\nSport\n",
    b"Share this:\n",
    b"Posted by admin on 1 November 2025\n",
    b"Related Posts\n",
    b"\x0c\x0b\x1b",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn generate(rng: &mut Rng) -> Vec<u8> {
    let mut out = Vec::new();
    let most = if rng.below(10) == 0 { 5000 } else { 60 };
    let pieces = 1 + rng.below(most);
    for _ in 0..pieces {
        match rng.below(10) {
            0 => {
                let n = rng.below(64);
                out.extend((0..n).map(|_| rng.next() as u8));
            }
            1 => {
                // A run of one fragment: deep nesting, many siblings, many refs.
                let f = FRAGMENTS[rng.below(FRAGMENTS.len())];
                let times = rng.below(3000);
                for _ in 0..times {
                    out.extend_from_slice(f);
                }
            }
            _ => out.extend_from_slice(FRAGMENTS[rng.below(FRAGMENTS.len())]),
        }
    }
    // Mutations: flip, drop or truncate.
    for _ in 0..rng.below(4) {
        if out.is_empty() {
            break;
        }
        let at = rng.below(out.len());
        match rng.below(3) {
            0 => {
                let bit = rng.below(8);
                out[at] ^= 1 << bit;
            }
            1 => {
                out.remove(at);
            }
            _ => out.truncate(at),
        }
    }
    out
}

/// How long one input may take (three passes over it) before it is
/// reported: 10 s plus 1 s per MB, so a large input on a busy machine is
/// not mistaken for a hang.
fn slow_limit(len: usize) -> Duration {
    Duration::from_secs(10) + Duration::from_millis(len as u64 / 1000)
}

fn main() {
    let mut args = std::env::args().skip(1);
    let seconds: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(60);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(1, |d| d.as_nanos() as u64)
            | 1
    });
    std::panic::set_hook(Box::new(|_| {}));
    let mut rng = Rng(seed);
    let deadline = Instant::now() + Duration::from_secs(seconds);
    let (mut runs, mut bytes, mut slowest) = (0u64, 0u64, Duration::ZERO);
    let mut failures = 0u32;
    while Instant::now() < deadline {
        let input = generate(&mut rng);
        let t = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| deboil::extract::fuzz_page(&input)));
        let took = t.elapsed();
        if took > slowest {
            slowest = took;
            // Keep the slowest input, to look at what costs most.
            let dir = std::path::Path::new("fuzz/artifacts/driver");
            let _ = std::fs::create_dir_all(dir);
            let _ = std::fs::write(dir.join("slowest"), &input);
        }
        runs += 1;
        bytes += input.len() as u64;
        let problem = match outcome {
            Err(p) => Some(format!(
                "panic: {}",
                p.downcast_ref::<&str>()
                    .map(|s| s.to_string())
                    .or_else(|| p.downcast_ref::<String>().cloned())
                    .unwrap_or_default()
            )),
            Ok(()) if took > slow_limit(input.len()) => Some(format!("slow: {took:?}")),
            Ok(()) => None,
        };
        if let Some(problem) = problem {
            failures += 1;
            let dir = std::path::Path::new("fuzz/artifacts/driver");
            let _ = std::fs::create_dir_all(dir);
            let path = dir.join(format!("crash-{seed}-{runs}"));
            let _ = std::fs::write(&path, &input);
            eprintln!(
                "{problem} ({} bytes) saved to {}",
                input.len(),
                path.display()
            );
        }
    }
    println!(
        "fuzz: seed {seed}, {runs} inputs, {:.1} MB, slowest {slowest:?}, {failures} failures",
        bytes as f64 / 1e6
    );
    if failures > 0 {
        std::process::exit(1);
    }
}
