//! Ingest must never panic, hang or allocate without bound on hostile bytes (R12):
//! probe the header, then decode and render one small variant.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plotline_core::media::render::{self, RenderOptions};
use plotline_core::media::VariantTarget;

const TARGET: [VariantTarget; 1] = [VariantTarget {
    platform: "fuzz",
    placement: "square",
    width: 64,
    height: 64,
    max_bytes: 1_000_000,
}];

fuzz_target!(|data: &[u8]| {
    let _ = render::variants_from_bytes(data, "fuzz.jpg", &TARGET, &RenderOptions::default());
});
