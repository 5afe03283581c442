//! Native micro-benchmark of the directory index: build time, memory, and
//! per-keystroke search time over a typing script.
//!
//! Run: `cargo run --release -p domain --example directory_bench`
//! Prints `name: value` lines. Times are wall-clock on this machine; the
//! browser figures (issue point 6) come from the headless-Chromium bench.

use std::time::{Duration, Instant};

use domain::directory::{generate, DirectoryQuery, Facet, SortOrder};

/// Rounds of the typing script per size; percentiles cover all of them
/// but the first, a warm-up (first-touch page faults are not per keystroke).
const ROUNDS: usize = 6;

/// One keystroke: the keyword box after it, and the facets chosen.
struct Keystroke {
    keywords: String,
    with_facets: bool,
}

/// Types and deletes words char by char, as an admin does; the second half
/// runs with a country and an industry chosen.
fn typing_script() -> Vec<Keystroke> {
    let mut script = Vec::new();
    let mut text = String::new();
    let type_text = |text: &mut String, s: &str, facets: bool, script: &mut Vec<Keystroke>| {
        for c in s.chars() {
            text.push(c);
            script.push(Keystroke {
                keywords: text.clone(),
                with_facets: facets,
            });
        }
    };
    let delete = |text: &mut String, n: usize, facets: bool, script: &mut Vec<Keystroke>| {
        for _ in 0..n {
            text.pop();
            script.push(Keystroke {
                keywords: text.clone(),
                with_facets: facets,
            });
        }
    };
    type_text(&mut text, "contoso cloud sec", false, &mut script);
    delete(&mut text, 9, false, &mut script);
    type_text(&mut text, "azure mig", false, &mut script);
    delete(&mut text, 17, false, &mut script);
    type_text(&mut text, "northwind teams", true, &mut script);
    delete(&mut text, 15, true, &mut script);
    type_text(&mut text, "seattle data", true, &mut script);
    script
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted.get(i).copied().unwrap_or_default()
}

fn ms(d: Duration) -> String {
    format!("{:.3}", d.as_secs_f64() * 1000.0)
}

fn main() {
    let script = typing_script();
    println!("keystrokes: {}", script.len());
    for n in [10_000usize, 100_000] {
        let started = Instant::now();
        let directory = generate(42, n);
        let build = started.elapsed();
        // Generating the records is part of it (a few percent).
        println!("index_build_ms_{n}: {}", ms(build));
        println!("heap_bytes_{n}: {}", directory.heap_bytes());

        let mut search_times = Vec::new();
        let mut counts_times = Vec::new();
        let mut last_results = 0;
        for round in 0..ROUNDS {
            for key in &script {
                let mut query = DirectoryQuery {
                    keywords: key.keywords.clone(),
                    sort: if round.is_multiple_of(2) {
                        SortOrder::Relevance
                    } else {
                        SortOrder::Name
                    },
                    ..DirectoryQuery::default()
                };
                if key.with_facets {
                    query.toggle(Facet::Country, 0); // United States
                    query.toggle(Facet::Industry, 5); // Healthcare
                    query.toggle(Facet::Industry, 7); // Manufacturing
                }
                let started = Instant::now();
                let ids = directory.search(&query);
                let searched = started.elapsed();
                let started = Instant::now();
                let counts = directory.facet_counts(&query);
                let counted = started.elapsed();
                if round > 0 {
                    search_times.push(searched);
                    counts_times.push(counted);
                }
                last_results = ids.len();
                std::hint::black_box(counts);
            }
        }
        search_times.sort();
        counts_times.sort();
        println!("search_p50_ms_{n}: {}", ms(percentile(&search_times, 0.50)));
        println!("search_p95_ms_{n}: {}", ms(percentile(&search_times, 0.95)));
        println!("search_max_ms_{n}: {}", ms(percentile(&search_times, 1.0)));
        println!(
            "facet_counts_p50_ms_{n}: {}",
            ms(percentile(&counts_times, 0.50))
        );
        println!(
            "facet_counts_p95_ms_{n}: {}",
            ms(percentile(&counts_times, 0.95))
        );
        println!(
            "facet_counts_max_ms_{n}: {}",
            ms(percentile(&counts_times, 1.0))
        );
        println!("last_result_count_{n}: {last_results}");
    }
}
