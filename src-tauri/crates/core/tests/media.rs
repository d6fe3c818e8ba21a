//! Media engine and library, end to end on a real photo (tests/fixtures/fresh-flower.jpg).
#![allow(clippy::unwrap_used)]
mod common;

use std::io::Cursor;

use image::{ImageDecoder, ImageEncoder};
use plotline_core::media::probe::{self, MediaFormat};
use plotline_core::media::render::{self, Background, Mode, RenderOptions};
use plotline_core::media::{library, targets, Focal, VariantTarget};
use plotline_core::{Error, Store};

fn photo_bytes() -> Vec<u8> {
    std::fs::read(common::fixture("fresh-flower.jpg")).unwrap()
}

/// The real photo, decoded and scaled down to `w` pixels wide (for fast fixtures).
fn small_photo(w: u32) -> image::RgbImage {
    let img = image::load_from_memory(&photo_bytes()).unwrap();
    let h = w * img.height() / img.width();
    img.resize_exact(w, h, image::imageops::FilterType::Triangle)
        .to_rgb8()
}

fn encode_jpeg(img: &image::RgbImage, quality: u8) -> Vec<u8> {
    let mut out = Vec::new();
    image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, quality)
        .write_image(
            img,
            img.width(),
            img.height(),
            image::ExtendedColorType::Rgb8,
        )
        .unwrap();
    out
}

/// A big-endian TIFF/EXIF block: Orientation, DateTime and a GPS IFD with a latitude.
fn exif_block(orientation: u16) -> Vec<u8> {
    let mut t = b"MM\0\x2a".to_vec();
    t.extend_from_slice(&8u32.to_be_bytes());
    let entry = |t: &mut Vec<u8>, tag: u16, kind: u16, count: u32, value: [u8; 4]| {
        t.extend_from_slice(&tag.to_be_bytes());
        t.extend_from_slice(&kind.to_be_bytes());
        t.extend_from_slice(&count.to_be_bytes());
        t.extend_from_slice(&value);
    };
    // IFD0 at 8: 3 entries -> ends at 8 + 2 + 36 + 4 = 50.
    t.extend_from_slice(&3u16.to_be_bytes());
    let o = orientation.to_be_bytes();
    entry(&mut t, 0x0112, 3, 1, [o[0], o[1], 0, 0]);
    entry(&mut t, 0x0132, 2, 20, 50u32.to_be_bytes());
    entry(&mut t, 0x8825, 4, 1, 70u32.to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    t.extend_from_slice(b"2026:12:03 08:15:00\0"); // 50..70
                                                   // GPS IFD at 70: 2 entries -> ends at 100; rationals at 100.
    t.extend_from_slice(&2u16.to_be_bytes());
    entry(&mut t, 0x0001, 2, 2, *b"N\0\0\0");
    entry(&mut t, 0x0002, 5, 3, 100u32.to_be_bytes());
    t.extend_from_slice(&0u32.to_be_bytes());
    for (n, d) in [(35u32, 1u32), (39, 1), (2940, 100)] {
        t.extend_from_slice(&n.to_be_bytes());
        t.extend_from_slice(&d.to_be_bytes());
    }
    t
}

/// Insert an APP1 Exif segment right after SOI.
fn with_exif(jpeg: &[u8], tiff: &[u8]) -> Vec<u8> {
    let mut out = jpeg[..2].to_vec();
    out.extend_from_slice(&[0xFF, 0xE1]);
    out.extend_from_slice(&((tiff.len() + 8) as u16).to_be_bytes());
    out.extend_from_slice(b"Exif\0\0");
    out.extend_from_slice(tiff);
    out.extend_from_slice(&jpeg[2..]);
    out
}

fn target(w: u32, h: u32, max_bytes: u64) -> VariantTarget {
    VariantTarget {
        platform: "test",
        placement: "t",
        width: w,
        height: h,
        max_bytes,
    }
}

fn decode_rgb(bytes: &[u8]) -> image::RgbImage {
    image::load_from_memory(bytes).unwrap().to_rgb8()
}

fn mean_abs_diff(a: &image::RgbImage, b: &image::RgbImage) -> f64 {
    assert_eq!(a.dimensions(), b.dimensions());
    let sum: u64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| u64::from(x.abs_diff(*y)))
        .sum();
    sum as f64 / a.as_raw().len() as f64
}

fn psnr(a: &image::RgbImage, b: &image::RgbImage) -> f64 {
    let mse: f64 = a
        .as_raw()
        .iter()
        .zip(b.as_raw())
        .map(|(x, y)| (f64::from(*x) - f64::from(*y)).powi(2))
        .sum::<f64>()
        / a.as_raw().len() as f64;
    10.0 * (255.0f64 * 255.0 / mse).log10()
}

fn opts() -> RenderOptions {
    RenderOptions::default()
}

#[test]
fn every_exif_orientation_comes_out_upright() {
    let upright = small_photo(320); // 320×240 landscape
    let t = [target(160, 120, u64::MAX)];
    let mut reference = None;
    for o in 1..=8u8 {
        // Store the pixels the way a camera held at orientation `o` would: apply the
        // inverse transform (6 and 8 are each other's inverse, the rest are their own).
        let inverse = match o {
            6 => 8,
            8 => 6,
            other => other,
        };
        let mut stored = image::DynamicImage::ImageRgb8(upright.clone());
        stored.apply_orientation(image::metadata::Orientation::from_exif(inverse).unwrap());
        let jpeg = with_exif(
            &encode_jpeg(&stored.to_rgb8(), 95),
            &exif_block(u16::from(o)),
        );
        let p = probe::probe(&jpeg, "oriented.jpg").unwrap();
        assert_eq!(p.orientation, o);
        assert_eq!(p.displayed_size(), (320, 240), "o={o}");

        let (_, out) = render::variants_from_bytes(&jpeg, "oriented.jpg", &t, &opts()).unwrap();
        let img = decode_rgb(&out[0].bytes);
        assert_eq!(img.dimensions(), (160, 120), "o={o}");
        match &reference {
            None => reference = Some(img),
            Some(r) => {
                let d = mean_abs_diff(r, &img);
                assert!(d < 4.0, "orientation {o} differs from upright by {d}");
                // And it is not merely similar by accident: the upside-down copy is far off.
                let flipped = image::imageops::rotate180(r);
                assert!(mean_abs_diff(&flipped, &img) > 4.0 * d.max(1.0), "o={o}");
            }
        }
    }
}

#[test]
fn private_exif_is_never_copied_and_the_photo_date_is_read() {
    let jpeg = with_exif(&encode_jpeg(&small_photo(400), 90), &exif_block(1));
    // The input really carries GPS.
    let input_exif = exif::Reader::new()
        .read_from_container(&mut Cursor::new(&jpeg))
        .unwrap();
    assert!(input_exif
        .get_field(exif::Tag::GPSLatitude, exif::In::PRIMARY)
        .is_some());
    let p = probe::probe(&jpeg, "x.jpg").unwrap();
    assert_eq!(p.taken_at.as_deref(), Some("2026-12-03T08:15:00"));

    let (_, out) =
        render::variants_from_bytes(&jpeg, "x.jpg", &targets::all()[..2], &opts()).unwrap();
    for r in out {
        assert!(
            !r.bytes.windows(6).any(|w| w == b"Exif\0\0"),
            "{} has an Exif segment",
            r.target.placement
        );
        assert!(exif::Reader::new()
            .read_from_container(&mut Cursor::new(&r.bytes))
            .is_err());
        let mut dec = image::codecs::jpeg::JpegDecoder::new(Cursor::new(&r.bytes)).unwrap();
        assert_eq!(dec.exif_metadata().unwrap(), None);
    }
}

#[test]
fn the_icc_profile_is_preserved_and_untagged_photos_stay_untagged() {
    let profile: Vec<u8> = (0..3000u32).map(|i| (i * 31 % 256) as u8).collect();
    let plain = encode_jpeg(&small_photo(400), 90);
    let tagged = render::insert_icc(&plain, &profile);
    assert_eq!(
        probe::probe(&tagged, "p.jpg").unwrap().icc.as_deref(),
        Some(&profile[..])
    );

    let t = [target(200, 200, u64::MAX)];
    let (_, out) = render::variants_from_bytes(&tagged, "p.jpg", &t, &opts()).unwrap();
    let mut dec = image::codecs::jpeg::JpegDecoder::new(Cursor::new(&out[0].bytes)).unwrap();
    assert_eq!(dec.icc_profile().unwrap().as_deref(), Some(&profile[..]));

    let (_, out) = render::variants_from_bytes(&plain, "p.jpg", &t, &opts()).unwrap();
    let mut dec = image::codecs::jpeg::JpegDecoder::new(Cursor::new(&out[0].bytes)).unwrap();
    assert_eq!(dec.icc_profile().unwrap(), None);
}

#[test]
fn shrink_on_load_and_linear_light_stay_close_to_a_full_size_reference() {
    let data = photo_bytes();
    let full = image::load_from_memory(&data).unwrap();
    // 1600×1203 -> 400×300 lets libjpeg-turbo decode at 2/8 scale before resizing.
    let t = [target(400, 300, u64::MAX)];
    let p = probe::probe(&data, "f.jpg").unwrap();
    let scale = render::required_scale(p.width, p.height, &t, Mode::Fill);
    assert_eq!(render::shrink_eighths(scale), 2);
    let (_, out) = render::variants_from_bytes(&data, "f.jpg", &t, &opts()).unwrap();
    let ours = decode_rgb(&out[0].bytes);
    let crop = plotline_core::media::geometry::fill_crop(1600, 1203, 400, 300, Focal::CENTER);
    let reference = full
        .crop_imm(crop.x as u32, crop.y as u32, crop.w as u32, crop.h as u32)
        .resize_exact(400, 300, image::imageops::FilterType::Lanczos3)
        .to_rgb8();
    let db = psnr(&ours, &reference);
    assert!(
        db > 30.0,
        "PSNR {db:.1} dB against a full-size Lanczos3 reference"
    );
}

#[test]
fn transparent_sources_become_png_and_opaque_ones_jpeg() {
    let rgb = small_photo(300);
    let (w, h) = rgb.dimensions();
    let rgba = image::RgbaImage::from_fn(w, h, |x, y| {
        let p = rgb.get_pixel(x, y).0;
        image::Rgba([p[0], p[1], p[2], (x * 255 / w) as u8])
    });
    let mut png = Vec::new();
    image::codecs::png::PngEncoder::new(&mut png)
        .write_image(&rgba, w, h, image::ExtendedColorType::Rgba8)
        .unwrap();
    let t = [target(150, 150, u64::MAX)];
    let (_, out) = render::variants_from_bytes(&png, "logo.png", &t, &opts()).unwrap();
    assert_eq!(out[0].format, MediaFormat::Png);
    let back = image::load_from_memory(&out[0].bytes).unwrap().to_rgba8();
    assert_eq!(back.dimensions(), (150, 150));
    assert!(
        back.get_pixel(0, 75).0[3] < 40,
        "left edge stays transparent"
    );
    assert!(
        back.get_pixel(149, 75).0[3] > 200,
        "right edge stays opaque"
    );

    // The same PNG fully opaque is a photo: JPEG.
    let opaque = image::DynamicImage::ImageRgba8(image::RgbaImage::from_fn(w, h, |x, y| {
        let p = rgb.get_pixel(x, y).0;
        image::Rgba([p[0], p[1], p[2], 255])
    }));
    let mut png = Vec::new();
    opaque
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let (_, out) = render::variants_from_bytes(&png, "flat.png", &t, &opts()).unwrap();
    assert_eq!(out[0].format, MediaFormat::Jpeg);
}

#[test]
fn quality_steps_down_until_the_file_fits_and_says_when_it_cannot() {
    let data = photo_bytes();
    let (_, roomy) =
        render::variants_from_bytes(&data, "f.jpg", &[target(1000, 750, u64::MAX)], &opts())
            .unwrap();
    assert_eq!(roomy[0].quality, Some(85));
    let limit = roomy[0].bytes.len() as u64 * 3 / 4;
    let (_, tight) =
        render::variants_from_bytes(&data, "f.jpg", &[target(1000, 750, limit)], &opts()).unwrap();
    assert!(tight[0].fits_limit);
    assert!(tight[0].quality.unwrap() < 85);
    assert!(tight[0].bytes.len() as u64 <= limit);

    let (_, impossible) =
        render::variants_from_bytes(&data, "f.jpg", &[target(1000, 750, 2_000)], &opts()).unwrap();
    assert!(!impossible[0].fits_limit);
    assert_eq!(
        impossible[0].quality,
        Some(*render::JPEG_QUALITIES.last().unwrap())
    );
}

#[test]
fn fit_mode_pads_with_the_chosen_colour_and_keeps_the_whole_photo() {
    let data = photo_bytes();
    let opts = RenderOptions {
        mode: Mode::Fit,
        focal: Focal::CENTER,
        background: Background::Color([255, 255, 255]),
    };
    // 4:3 photo into a 9:16 story: white bands above and below.
    let (_, out) =
        render::variants_from_bytes(&data, "f.jpg", &[target(270, 480, u64::MAX)], &opts).unwrap();
    let img = decode_rgb(&out[0].bytes);
    for (x, y) in [(5, 5), (264, 5), (135, 470)] {
        let p = img.get_pixel(x, y).0;
        assert!(p.iter().all(|&c| c > 245), "padding at {x},{y} is {p:?}");
    }
    // The middle is the photo (the flower is strongly red).
    let mid = img.get_pixel(135, 240).0;
    assert!(mid[0] > mid[2] + 60, "{mid:?}");

    let blur = RenderOptions {
        background: Background::Blur,
        ..opts
    };
    let (_, out) =
        render::variants_from_bytes(&data, "f.jpg", &[target(270, 480, u64::MAX)], &blur).unwrap();
    let img = decode_rgb(&out[0].bytes);
    let corner = img.get_pixel(5, 5).0;
    assert!(
        corner[0] > corner[2] + 30,
        "blurred photo behind: {corner:?}"
    );
}

#[test]
fn focal_point_changes_what_a_crop_shows() {
    let data = photo_bytes();
    let t = [target(200, 400, u64::MAX)];
    let left = RenderOptions {
        focal: Focal { x: 0.0, y: 0.5 },
        ..opts()
    };
    let right = RenderOptions {
        focal: Focal { x: 1.0, y: 0.5 },
        ..opts()
    };
    let (_, a) = render::variants_from_bytes(&data, "f.jpg", &t, &left).unwrap();
    let (_, b) = render::variants_from_bytes(&data, "f.jpg", &t, &right).unwrap();
    let d = mean_abs_diff(&decode_rgb(&a[0].bytes), &decode_rgb(&b[0].bytes));
    assert!(d > 10.0, "left and right crops differ by only {d}");
}

#[test]
fn bad_inputs_get_clear_errors() {
    let data = photo_bytes();
    let t = &targets::all()[..1];
    // Truncated JPEG: headers are intact, the scan data stops halfway.
    let cut = &data[..data.len() / 2];
    let err = render::variants_from_bytes(cut, "cut.jpg", t, &opts()).unwrap_err();
    assert!(matches!(err, Error::Corrupt(_)), "{err:?}");
    assert!(err.to_string().contains("damaged or incomplete"), "{err}");
    // A text file renamed .jpg.
    let err = render::variants_from_bytes(b"shopping list: flour, butter", "list.jpg", t, &opts())
        .unwrap_err();
    assert!(matches!(err, Error::Unsupported(_)), "{err:?}");
    // Random bytes after a JPEG signature.
    let mut junk = vec![0xFF, 0xD8, 0xFF, 0xDB];
    junk.extend((0..500u32).map(|i| (i * 97 % 251) as u8));
    assert!(render::variants_from_bytes(&junk, "junk.jpg", t, &opts()).is_err());
}

#[test]
fn import_is_content_addressed_and_refuses_damaged_files() {
    let (_tmp, dir) = common::temp_data_dir();
    let store = Store::open(&dir).unwrap();
    let src = common::fixture("fresh-flower.jpg");
    let a = library::import_file(&store, &src).unwrap();
    assert_eq!(
        (a.width, a.height, a.format),
        (1600, 1203, MediaFormat::Jpeg)
    );
    assert_eq!(a.original_name, "fresh-flower.jpg");
    assert_eq!(a.bytes, std::fs::metadata(&src).unwrap().len());

    // Same bytes under another name: the same item, nothing new written.
    let copy = _tmp.path().join("copy.jpg");
    std::fs::copy(&src, &copy).unwrap();
    let b = library::import_file(&store, &copy).unwrap();
    assert_eq!(a, b);
    let rows: i64 = store
        .read(|c| Ok(c.query_row("SELECT count(*) FROM media_items", [], |r| r.get(0))?))
        .unwrap();
    assert_eq!(rows, 1);
    let originals: Vec<_> = std::fs::read_dir(library::originals_dir(&dir))
        .unwrap()
        .collect();
    assert_eq!(originals.len(), 1);
    let stored =
        library::originals_dir(&dir).join(library::original_file_name(&a.sha256, a.format));
    assert_eq!(std::fs::read(&stored).unwrap(), photo_bytes());
    let thumb =
        image::open(library::thumbs_dir(&dir).join(library::thumb_file_name(&a.sha256))).unwrap();
    assert_eq!((thumb.width(), thumb.height()), (480, 361));

    // The served file is found by id, and only by a known id.
    use plotline_core::media::serve::{resolve, MediaFile};
    let found = store
        .read(|c| resolve(c, &dir, &a.id, MediaFile::Original))
        .unwrap();
    assert_eq!(found, stored.canonicalize().unwrap());
    for bad in [
        "../plotline.db",
        "",
        "*",
        &a.id.to_uppercase(),
        "0190c3a4-0000-7000-8000-000000000000",
    ] {
        let err = store
            .read(|c| resolve(c, &dir, bad, MediaFile::Thumbnail))
            .unwrap_err();
        assert!(matches!(err, Error::NotFound(_)), "{bad}: {err:?}");
    }

    // A truncated copy is refused and leaves nothing behind.
    let cut = _tmp.path().join("cut.jpg");
    let data = photo_bytes();
    std::fs::write(&cut, &data[..data.len() / 2]).unwrap();
    assert!(library::import_file(&store, &cut).is_err());
    assert_eq!(store.read(library::list).unwrap().len(), 1);
    assert_eq!(
        std::fs::read_dir(library::originals_dir(&dir))
            .unwrap()
            .count(),
        1
    );
}

#[test]
fn mutated_photos_never_panic_and_fail_with_owner_facing_errors() {
    // Deterministic mutation run over the real photo (a quick, CI-sized cousin of fuzzing):
    // flipped bytes, cut files and stomped headers must give Ok or a clean error.
    let original = encode_jpeg(&small_photo(200), 80);
    let mut png = Vec::new();
    image::DynamicImage::ImageRgb8(small_photo(120))
        .write_to(&mut Cursor::new(&mut png), image::ImageFormat::Png)
        .unwrap();
    let t = [target(64, 64, u64::MAX)];
    let mut seed = 0x2545_F491_4F6C_DD1Du64;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for base in [&original, &png] {
        for round in 0..150 {
            let mut data = base.clone();
            match round % 3 {
                0 => {
                    for _ in 0..1 + next() % 8 {
                        let i = (next() as usize) % data.len();
                        data[i] = next() as u8;
                    }
                }
                1 => data.truncate(1 + (next() as usize) % data.len()),
                _ => {
                    // Stomp the header area, where sizes and lengths live.
                    let i = (next() as usize) % data.len().min(200);
                    data[i] = 0xFF;
                }
            }
            match render::variants_from_bytes(&data, "m.jpg", &t, &opts()) {
                Ok((_, out)) => assert_eq!(out.len(), 1),
                Err(e) => assert!(
                    matches!(
                        e,
                        Error::Corrupt(_) | Error::Unsupported(_) | Error::Invalid(_)
                    ),
                    "round {round}: {e:?}"
                ),
            }
        }
    }
}

#[test]
fn alt_text_tags_and_focal_point_are_validated_and_saved() {
    let (_tmp, dir) = common::temp_data_dir();
    let store = Store::open(&dir).unwrap();
    let item = library::import_file(&store, &common::fixture("fresh-flower.jpg")).unwrap();
    let input = library::MediaDetailsInput {
        alt_text: "  An orange flower in warm light  ".into(),
        tags: vec![
            " #Flowers".into(),
            "flowers".into(),
            "".into(),
            "Spring".into(),
        ],
    };
    let saved = store
        .write(|tx| library::update_details(tx, &item.id, &input))
        .unwrap();
    assert_eq!(saved.alt_text, "An orange flower in warm light");
    assert_eq!(saved.tags, ["flowers", "spring"]);
    let reread = store.read(|c| library::get(c, &item.id)).unwrap();
    assert_eq!(reread, saved);

    let too_long = library::MediaDetailsInput {
        alt_text: "a".repeat(library::ALT_TEXT_MAX_CHARS + 1),
        tags: vec![],
    };
    let err = store
        .write(|tx| library::update_details(tx, &item.id, &too_long))
        .unwrap_err();
    assert_eq!(err.field_name(), Some("altText"));
    let many = library::MediaDetailsInput {
        alt_text: String::new(),
        tags: (0..=library::TAGS_MAX).map(|i| format!("t{i}")).collect(),
    };
    let err = store
        .write(|tx| library::update_details(tx, &item.id, &many))
        .unwrap_err();
    assert_eq!(err.field_name(), Some("tags"));

    let moved = store
        .write(|tx| library::set_focal(tx, &item.id, 0.25, 0.75))
        .unwrap();
    assert_eq!((moved.focal_x, moved.focal_y), (0.25, 0.75));
    let err = store
        .write(|tx| library::set_focal(tx, &item.id, 1.5, 0.5))
        .unwrap_err();
    assert_eq!(err.field_name(), Some("focalX"));
    let err = store
        .write(|tx| library::set_focal(tx, "0190c3a4-0000-7000-8000-000000000000", 0.5, 0.5))
        .unwrap_err();
    assert!(matches!(err, Error::NotFound(_)));
}

#[test]
fn at_most_two_photos_decode_at_once() {
    use std::sync::atomic::{AtomicUsize, Ordering};
    let busy = AtomicUsize::new(0);
    let peak = AtomicUsize::new(0);
    std::thread::scope(|s| {
        for _ in 0..6 {
            s.spawn(|| {
                for _ in 0..20 {
                    let _permit = render::DecodePermit::acquire();
                    let now = busy.fetch_add(1, Ordering::SeqCst) + 1;
                    peak.fetch_max(now, Ordering::SeqCst);
                    std::thread::yield_now();
                    busy.fetch_sub(1, Ordering::SeqCst);
                }
            });
        }
    });
    let peak = peak.load(Ordering::SeqCst);
    assert!(
        (1..=render::MAX_CONCURRENT_DECODES).contains(&peak),
        "{peak}"
    );
}
