//! Makes the sample bakery's photos (assets/sample-photos/*.jpg) procedurally, once:
//! `cargo run -p plotline-core --example make_sample_photos`. No downloads are possible
//! and no stock photo is needed: soft shapes, warm light and film grain, drawn per pixel.
//! The output is committed; demo.rs imports it through the real import path.
#![allow(clippy::unwrap_used, clippy::print_stdout, clippy::too_many_arguments)]

use std::path::Path;

const W: u32 = 1600;
const H: u32 = 1200;

type Rgb = [f32; 3];

fn mix(a: Rgb, b: Rgb, t: f32) -> Rgb {
    let t = t.clamp(0.0, 1.0);
    [
        a[0] + (b[0] - a[0]) * t,
        a[1] + (b[1] - a[1]) * t,
        a[2] + (b[2] - a[2]) * t,
    ]
}
fn hex(c: u32) -> Rgb {
    [
        ((c >> 16) & 255) as f32,
        ((c >> 8) & 255) as f32,
        (c & 255) as f32,
    ]
}
fn smooth(edge0: f32, edge1: f32, x: f32) -> f32 {
    let t = ((x - edge0) / (edge1 - edge0)).clamp(0.0, 1.0);
    t * t * (3.0 - 2.0 * t)
}
/// Coverage of an ellipse centred at (cx, cy) with radii (rx, ry), rotated by `a`, soft edge `s` px.
fn ellipse(x: f32, y: f32, cx: f32, cy: f32, rx: f32, ry: f32, a: f32, s: f32) -> (f32, f32) {
    let (dx, dy) = (x - cx, y - cy);
    let (ca, sa) = (a.cos(), a.sin());
    let u = (dx * ca + dy * sa) / rx;
    let v = (-dx * sa + dy * ca) / ry;
    let d = (u * u + v * v).sqrt();
    (1.0 - smooth(1.0 - s / rx.min(ry), 1.0, d), d)
}
fn hash(x: u32, y: u32, seed: u32) -> f32 {
    let mut h = x.wrapping_mul(374_761_393)
        ^ y.wrapping_mul(668_265_263)
        ^ seed.wrapping_mul(2_246_822_519);
    h = (h ^ (h >> 13)).wrapping_mul(1_274_126_177);
    ((h ^ (h >> 16)) & 0xffff) as f32 / 65535.0
}

fn render(name: &str, seed: u32, f: impl Fn(f32, f32) -> Rgb, out: &Path) {
    let mut img = image::RgbImage::new(W, H);
    for (x, y, p) in img.enumerate_pixels_mut() {
        let c = f(x as f32, y as f32);
        // Vignette and a little grain, as a phone photo has.
        let (nx, ny) = (x as f32 / W as f32 - 0.5, y as f32 / H as f32 - 0.5);
        let vig = 1.0 - 0.35 * (nx * nx + ny * ny) * 2.0;
        let grain = (hash(x, y, seed) - 0.5) * 10.0;
        for i in 0..3 {
            p[i] = (c[i] * vig + grain).clamp(0.0, 255.0) as u8;
        }
    }
    let file = out.join(name);
    let mut bytes = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut bytes, 78)
        .encode_image(&img)
        .unwrap();
    std::fs::write(&file, &bytes).unwrap();
    // `PREVIEW_DIR=...` also writes small PNGs to look at.
    if let Some(dir) = std::env::var_os("PREVIEW_DIR") {
        let small = image::imageops::resize(&img, 400, 300, image::imageops::FilterType::Triangle);
        small
            .save(Path::new(&dir).join(name.replace(".jpg", ".png")))
            .unwrap();
    }
    println!("{} {} bytes", file.display(), bytes.len());
}

fn table(y: f32, x: f32) -> Rgb {
    // Warm wood with soft grain lines and morning light from the top left.
    let grain = ((y * 0.045 + (x * 0.004).sin() * 3.0).sin() * 0.5 + 0.5) * 0.18;
    let base = mix(hex(0xb07a4f), hex(0x8a5a36), grain + y / H as f32 * 0.4);
    mix(
        base,
        hex(0xf3d9b1),
        (1.0 - (x + y) / (W + H) as f32 * 1.6).max(0.0) * 0.35,
    )
}

fn croissant(x: f32, y: f32) -> Rgb {
    let mut c = table(y, x);
    // Plate.
    let (plate, _) = ellipse(x, y, 820.0, 640.0, 560.0, 420.0, 0.0, 6.0);
    c = mix(
        c,
        mix(hex(0xf7f1e8), hex(0xe2d6c6), (y - 300.0) / 800.0),
        plate,
    );
    // Shadow, then five lobes along an arc, each with a highlight.
    let (sh, _) = ellipse(x, y, 850.0, 700.0, 430.0, 190.0, -0.1, 80.0);
    c = mix(c, hex(0x6b4a2e), sh * 0.35);
    for i in 0..5 {
        let t = i as f32 / 4.0 - 0.5;
        let cx = 820.0 + t * 640.0;
        let cy = 620.0 - (1.0 - (t * 2.0).powi(2)) * 90.0;
        let r = 150.0 - (t.abs() * 140.0);
        let (cov, d) = ellipse(x, y, cx, cy, r * 1.15, r * 0.95, t * 0.9, 5.0);
        let shade = mix(hex(0xe9a94b), hex(0x9c5a1c), d * d);
        let hi = smooth(
            0.6,
            0.0,
            ((x - cx + r * 0.3).powi(2) + (y - cy + r * 0.4).powi(2)).sqrt() / r,
        );
        c = mix(c, mix(shade, hex(0xf8d694), hi * 0.6), cov);
    }
    c
}

fn melon_pan(x: f32, y: f32) -> Rgb {
    let mut c = mix(hex(0xf4e3c9), hex(0xd9c3a3), y / H as f32);
    for (cx, cy, r) in [(560.0, 560.0, 300.0), (1080.0, 700.0, 260.0)] {
        let (sh, _) = ellipse(x, y, cx + 30.0, cy + 60.0, r, r * 0.9, 0.0, 60.0);
        c = mix(c, hex(0x9d7b55), sh * 0.4);
        let (cov, d) = ellipse(x, y, cx, cy, r, r, 0.0, 4.0);
        // Crackled sugar crust: a diamond grid.
        let g = (((x - cx) + (y - cy)) * 0.035)
            .sin()
            .abs()
            .min((((x - cx) - (y - cy)) * 0.035).sin().abs());
        let crust = mix(hex(0xf2c46d), hex(0xd9953e), d * d * 0.9);
        let crust = mix(
            mix(crust, hex(0xb87a2e), smooth(0.12, 0.0, g) * 0.7),
            hex(0xfff1c9),
            smooth(0.5, 0.0, d) * 0.25,
        );
        c = mix(c, crust, cov);
    }
    c
}

fn shop_front(x: f32, y: f32) -> Rgb {
    // Plaster wall, a blue door, a window with warm light, a striped awning, leaf shadows.
    let mut c = mix(hex(0xefe6d8), hex(0xd8cbb8), y / H as f32);
    let inside = |x0: f32, y0: f32, x1: f32, y1: f32| {
        smooth(-2.0, 2.0, (x - x0).min(x1 - x).min(y - y0).min(y1 - y))
    };
    c = mix(c, hex(0x2f5d8a), inside(980.0, 380.0, 1300.0, 1120.0));
    c = mix(c, hex(0x25496d), inside(1010.0, 420.0, 1270.0, 740.0) * 0.6);
    c = mix(
        c,
        hex(0xd9b46a),
        ellipse(x, y, 1240.0, 780.0, 14.0, 14.0, 0.0, 2.0).0,
    );
    let win = inside(260.0, 420.0, 820.0, 860.0);
    c = mix(
        c,
        mix(hex(0xffd99a), hex(0xe8a25c), (y - 420.0) / 440.0),
        win,
    );
    c = mix(c, hex(0x5b4636), inside(530.0, 420.0, 550.0, 860.0) * win);
    let stripe = ((x * 0.025).sin() > 0.0) as u8 as f32;
    let awning = inside(200.0, 250.0, 880.0, 380.0);
    c = mix(c, mix(hex(0x2f5d8a), hex(0xf7f1e8), stripe), awning);
    c = mix(c, hex(0x8f7a63), inside(0.0, 1120.0, W as f32, H as f32));
    // Komorebi: dappled light through leaves.
    let dapple = ((x * 0.011 + (y * 0.007).sin() * 2.0).sin()
        * (y * 0.013 + (x * 0.005).cos()).sin())
    .max(0.0);
    mix(c, hex(0xfff4d6), dapple * 0.22)
}

fn coffee_and_bun(x: f32, y: f32) -> Rgb {
    let mut c = mix(hex(0x6f8f7a), hex(0x4f6b5b), (x + y) / (W + H) as f32);
    c = mix(
        c,
        hex(0x3b4f44),
        ellipse(x, y, 620.0, 640.0, 330.0, 330.0, 0.0, 50.0).0 * 0.4,
    );
    c = mix(
        c,
        hex(0xf6f1ea),
        ellipse(x, y, 600.0, 600.0, 320.0, 320.0, 0.0, 3.0).0,
    );
    c = mix(
        c,
        hex(0xe9e2d8),
        ellipse(x, y, 600.0, 600.0, 200.0, 200.0, 0.0, 3.0).0,
    );
    let (coffee, d) = ellipse(x, y, 600.0, 600.0, 170.0, 170.0, 0.0, 3.0);
    c = mix(c, mix(hex(0x8a5532), hex(0x4a2a16), d), coffee);
    // Latte art: a heart-ish swirl.
    let heart = ellipse(x, y, 570.0, 590.0, 60.0, 50.0, 0.6, 8.0)
        .0
        .max(ellipse(x, y, 630.0, 590.0, 60.0, 50.0, -0.6, 8.0).0);
    c = mix(c, hex(0xf1dcc0), heart * coffee);
    c = mix(
        c,
        hex(0x2d3b33),
        ellipse(x, y, 1160.0, 690.0, 250.0, 220.0, 0.0, 60.0).0 * 0.4,
    );
    let (bun, d) = ellipse(x, y, 1140.0, 640.0, 240.0, 210.0, 0.2, 4.0);
    c = mix(c, mix(hex(0xd7893b), hex(0x7e3f16), d * d), bun);
    let seeds = (hash((x / 18.0) as u32, (y / 18.0) as u32, 7) > 0.93) as u8 as f32;
    mix(c, hex(0xf5e9cf), seeds * bun * 0.8)
}

fn baguettes(x: f32, y: f32) -> Rgb {
    let mut c = mix(hex(0xe8dcc8), hex(0xc9b79c), y / H as f32);
    // A linen cloth.
    let weave = ((x * 0.3).sin() * (y * 0.3).sin()).abs() * 0.06;
    c = mix(c, hex(0xf3ece0), 0.3 - weave);
    for (i, (cy, a)) in [(380.0, -0.18), (640.0, -0.12), (900.0, -0.22)]
        .iter()
        .enumerate()
    {
        let cx = 800.0 + i as f32 * 30.0;
        c = mix(
            c,
            hex(0x8d7558),
            ellipse(x, y, cx + 20.0, cy + 50.0, 720.0, 95.0, *a, 40.0).0 * 0.45,
        );
        let (cov, d) = ellipse(x, y, cx, *cy, 700.0, 90.0, *a, 4.0);
        let (ca, sa) = (a.cos(), a.sin());
        let u = (x - cx) * ca + (y - cy) * sa;
        let v = -(x - cx) * sa + (y - cy) * ca;
        let score = smooth(10.0, 0.0, ((u * 0.012).sin() * 140.0 - v * 1.2).abs())
            * smooth(560.0, 500.0, u.abs());
        let crust = mix(hex(0xe2a65a), hex(0x8f5220), d * d);
        c = mix(c, mix(crust, hex(0xf6dca4), score * 0.8), cov);
    }
    c
}

fn morning_light(x: f32, y: f32) -> Rgb {
    let mut c = mix(hex(0xfbe3b8), hex(0xc7825a), (y / H as f32).powf(0.8));
    for i in 0..28u32 {
        let cx = hash(i, 1, 3) * W as f32;
        let cy = hash(i, 2, 3) * H as f32 * 0.8;
        let r = 40.0 + hash(i, 3, 3) * 110.0;
        let (cov, _) = ellipse(x, y, cx, cy, r, r, 0.0, r * 0.5);
        c = mix(c, hex(0xfff6e0), cov * 0.35);
    }
    // A loaf on the counter in the light.
    c = mix(
        c,
        hex(0x5a3a26),
        ellipse(x, y, 820.0, 1010.0, 470.0, 120.0, 0.0, 60.0).0 * 0.5,
    );
    let (loaf, d) = ellipse(x, y, 800.0, 900.0, 440.0, 210.0, 0.0, 4.0);
    mix(c, mix(hex(0xcf8a45), hex(0x6e3814), d * d), loaf)
}

fn main() {
    let out = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample-photos");
    std::fs::create_dir_all(&out).unwrap();
    render("croissant.jpg", 1, croissant, &out);
    render("melon-pan.jpg", 2, melon_pan, &out);
    render("shop-front.jpg", 3, shop_front, &out);
    render("coffee-and-bun.jpg", 4, coffee_and_bun, &out);
    render("baguettes.jpg", 5, baguettes, &out);
    render("morning-light.jpg", 6, morning_light, &out);
}
