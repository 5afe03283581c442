//! Prints, as a JSON array, the normalized searchable text of every partner
//! of the directory (seed, count): the same strings our index is built from,
//! lower-cased and accent-folded. The browser benchmark feeds them to its
//! plain-JavaScript `String.includes` anchor.
//!
//! Run: `cargo run --release -p domain --example directory_text -- 42 100000`

use domain::directory::{generate, normalize};

fn main() {
    let mut args = std::env::args().skip(1);
    let seed: u64 = args.next().and_then(|s| s.parse().ok()).unwrap_or(42);
    let count: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let directory = generate(seed, count);
    let mut out = String::from("[");
    for (i, listing) in directory.listings().enumerate() {
        if i > 0 {
            out.push(',');
        }
        // Normalized text holds only [a-z0-9 ]: no JSON escaping is needed.
        out.push('"');
        out.push_str(&normalize(&listing.searchable_text()));
        out.push('"');
    }
    out.push(']');
    println!("{out}");
}
