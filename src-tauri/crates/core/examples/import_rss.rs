//! Peak-memory check for the app's import path (R12): imports every file given on the
//! command line into a fresh data folder with `manage::import_many` (the "Add photos…"
//! command: at most two decodes at once), then prints photos, seconds and photos/second.
//! Run it under `/usr/bin/time -v` and read "Maximum resident set size":
//! `cargo build --example import_rss -p plotline-core && /usr/bin/time -v target/debug/examples/import_rss DIR FILE...`
#![allow(clippy::unwrap_used, clippy::print_stdout)]

fn main() {
    let mut args = std::env::args_os().skip(1);
    let dir = plotline_core::DataDir::at(std::path::PathBuf::from(args.next().expect("data dir")));
    let files: Vec<std::path::PathBuf> = args.map(Into::into).collect();
    let store = plotline_core::Store::open(&dir).unwrap();
    let t0 = std::time::Instant::now();
    let report = plotline_core::media::manage::import_many(&store, &files).unwrap();
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "{{\"imported\": {}, \"failed\": {}, \"seconds\": {:.2}, \"photosPerSecond\": {:.2}}}",
        report.imported.len(),
        report.failed.len(),
        secs,
        report.imported.len() as f64 / secs
    );
}
