//! The fast path: decode once (JPEG shrunk in the DCT domain by libjpeg-turbo), convert to
//! linear light once, then cut, resize (SIMD Lanczos3) and encode every variant in parallel.
//!
//! Colour: the source's ICC profile is preserved (copied onto every output) rather than
//! converted; sources without one are sRGB by convention and stay untagged. Resizing
//! happens in linear light using the sRGB transfer curve, which is exact for sRGB and
//! Display P3 (iPhone photos: same curve, different primaries) and close for other
//! camera profiles. Decoded pixels are never converted between colour spaces, so
//! nothing shifts; EXIF (GPS, camera serials) is never copied to outputs.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};

use fast_image_resize as fr;

use super::geometry::{self, Focal};
use super::probe::{self, MediaFormat, Probe};
use super::targets::VariantTarget;
use crate::error::{Error, Result};

/// JPEG qualities tried in turn until a variant fits its platform's size limit.
pub const JPEG_QUALITIES: &[u8] = &[85, 80, 75, 70, 65, 60, 55, 50, 45, 40];
/// At most this many photos are decoded at once in this process (bounds peak memory when
/// many photos are imported together).
pub const MAX_CONCURRENT_DECODES: usize = 2;
/// Worker threads for the variants of one photo.
pub const MAX_VARIANT_WORKERS: usize = 4;

/// Crop to fill the frame around the focal point, or fit the whole photo with padding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum Mode {
    Fill,
    Fit,
}

/// What fills the space around a fitted photo.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Background {
    Color([u8; 3]),
    /// A blurred, enlarged copy of the photo itself.
    Blur,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub struct RenderOptions {
    pub mode: Mode,
    pub focal: Focal,
    pub background: Background,
}

impl Default for RenderOptions {
    fn default() -> Self {
        RenderOptions {
            mode: Mode::Fill,
            focal: Focal::CENTER,
            background: Background::Blur,
        }
    }
}

/// One encoded variant.
#[derive(Debug, Clone)]
pub struct Rendered {
    pub target: VariantTarget,
    pub format: MediaFormat,
    pub bytes: Vec<u8>,
    /// JPEG quality used (None for PNG).
    pub quality: Option<u8>,
    /// False when even the lowest quality is above the platform's limit.
    pub fits_limit: bool,
}

/// A decoded photo in linear light, ready for any number of variants.
pub struct Decoded {
    /// Stored (not yet oriented) size of `pixels`, after shrink-on-load.
    pub width: u32,
    pub height: u32,
    /// 3 (RGB) or 4 (RGBA, only when some pixel is not opaque).
    pub channels: usize,
    /// Linear-light samples, 16 bits each (alpha stays linear 0..65535).
    pub pixels: Vec<u16>,
    pub orientation: u8,
    pub icc: Option<Vec<u8>>,
    /// Shrink-on-load factor used, in eighths (8 = full size).
    pub eighths: u8,
}

impl Decoded {
    pub fn displayed_size(&self) -> (u32, u32) {
        geometry::displayed_size(self.orientation, self.width, self.height)
    }
    pub fn has_alpha(&self) -> bool {
        self.channels == 4
    }
}

// ---------------------------------------------------------------- concurrency cap

struct Gate {
    busy: Mutex<usize>,
    freed: Condvar,
}

fn gate() -> &'static Gate {
    static GATE: OnceLock<Gate> = OnceLock::new();
    GATE.get_or_init(|| Gate {
        busy: Mutex::new(0),
        freed: Condvar::new(),
    })
}

/// Held while a photo is decoded and rendered; at most [`MAX_CONCURRENT_DECODES`] exist.
pub struct DecodePermit(());

impl DecodePermit {
    pub fn acquire() -> DecodePermit {
        let g = gate();
        let mut busy = g.busy.lock().unwrap_or_else(|p| p.into_inner());
        while *busy >= MAX_CONCURRENT_DECODES {
            busy = g.freed.wait(busy).unwrap_or_else(|p| p.into_inner());
        }
        *busy += 1;
        DecodePermit(())
    }
}

impl Drop for DecodePermit {
    fn drop(&mut self) {
        let g = gate();
        let mut busy = g.busy.lock().unwrap_or_else(|p| p.into_inner());
        *busy = busy.saturating_sub(1);
        g.freed.notify_one();
    }
}

// ---------------------------------------------------------------- transfer curves

fn srgb_to_linear_lut() -> &'static [u16; 256] {
    static LUT: OnceLock<[u16; 256]> = OnceLock::new();
    LUT.get_or_init(|| {
        let mut t = [0u16; 256];
        for (i, v) in t.iter_mut().enumerate() {
            let c = i as f64 / 255.0;
            let l = if c <= 0.04045 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            };
            *v = (l * 65535.0).round() as u16;
        }
        t
    })
}

fn linear_to_srgb_lut() -> &'static [u8] {
    static LUT: OnceLock<Vec<u8>> = OnceLock::new();
    LUT.get_or_init(|| {
        (0..=65535u32)
            .map(|i| {
                let l = f64::from(i) / 65535.0;
                let c = if l <= 0.003_130_8 {
                    l * 12.92
                } else {
                    1.055 * l.powf(1.0 / 2.4) - 0.055
                };
                (c * 255.0).round().clamp(0.0, 255.0) as u8
            })
            .collect()
    })
}

/// Widen 8-bit sRGB samples to 16-bit linear light IN PLACE: the first half of `bytes`
/// holds the 8-bit samples, the whole buffer receives the 16-bit ones. Walking backwards
/// never overwrites a sample before it is read, so no second frame is allocated.
fn widen_in_place(bytes: &mut [u8], channels: usize) {
    let lut = srgb_to_linear_lut();
    let n = bytes.len() / 2;
    for i in (0..n).rev() {
        let v = bytes[i];
        let wide = if channels == 4 && i % 4 == 3 {
            u16::from(v) * 257
        } else {
            lut[usize::from(v)]
        };
        let b = wide.to_ne_bytes();
        bytes[2 * i] = b[0];
        bytes[2 * i + 1] = b[1];
    }
}

fn narrow(samples: &[u16], channels: usize) -> Vec<u8> {
    let lut = linear_to_srgb_lut();
    samples
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            if channels == 4 && i % 4 == 3 {
                ((u32::from(v) + 128) / 257) as u8
            } else {
                lut[usize::from(v)]
            }
        })
        .collect()
}

// ---------------------------------------------------------------- decode

/// The smallest scale (relative to the full displayed size) that still covers every
/// target in `mode`, capped at 1.
pub fn required_scale(
    display_w: u32,
    display_h: u32,
    targets: &[VariantTarget],
    mode: Mode,
) -> f64 {
    let (w, h) = (f64::from(display_w.max(1)), f64::from(display_h.max(1)));
    targets
        .iter()
        .map(|t| {
            let (sx, sy) = (f64::from(t.width) / w, f64::from(t.height) / h);
            match mode {
                Mode::Fill => sx.max(sy),
                Mode::Fit => sx.min(sy),
            }
        })
        .fold(0.0, f64::max)
        .min(1.0)
}

/// The smallest libjpeg-turbo scale factor n/8 that is at least `scale`.
pub fn shrink_eighths(scale: f64) -> u8 {
    (1..=8u8)
        .find(|n| f64::from(*n) / 8.0 >= scale - 1e-9)
        .unwrap_or(8)
}

/// Decode `data` (already probed) once, shrunk on load to the smallest size that covers
/// `scale` of the displayed image.
pub fn decode(data: &[u8], p: &Probe, scale: f64, name: &str) -> Result<Decoded> {
    match p.format {
        MediaFormat::Jpeg => decode_jpeg(data, p, scale, name),
        MediaFormat::Png | MediaFormat::Webp => decode_other(data, p, name),
    }
}

fn decode_jpeg(data: &[u8], p: &Probe, scale: f64, name: &str) -> Result<Decoded> {
    let eighths = shrink_eighths(scale);
    let tj_err = |e: turbojpeg::Error| jpeg_error(e, name);
    let mut d = turbojpeg::Decompressor::new().map_err(tj_err)?;
    let factor = turbojpeg::ScalingFactor::new(usize::from(eighths), 8);
    d.set_scaling_factor(factor).map_err(tj_err)?;
    let header = d.read_header(data).map_err(tj_err)?;
    if header.width != p.width as usize || header.height != p.height as usize {
        return Err(probe::corrupt(name));
    }
    let scaled = header.scaled(factor);
    let (w, h) = (scaled.width, scaled.height);
    let n = w * h * 3;
    let mut pixels = vec![0u16; n];
    {
        let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut pixels);
        let image = turbojpeg::Image {
            pixels: &mut bytes[..n],
            width: w,
            pitch: w * 3,
            height: h,
            format: turbojpeg::PixelFormat::RGB,
        };
        d.decompress(data, image).map_err(tj_err)?;
        widen_in_place(bytes, 3);
    }
    Ok(Decoded {
        width: w as u32,
        height: h as u32,
        channels: 3,
        pixels,
        orientation: p.orientation,
        icc: p.icc.clone(),
        eighths,
    })
}

fn jpeg_error(e: turbojpeg::Error, name: &str) -> Error {
    let msg = e.to_string();
    if msg.contains("Unsupported color conversion") || msg.contains("CMYK") {
        Error::Unsupported(format!(
            "{name} is a CMYK (print) JPEG. Export it as an RGB JPEG and import that."
        ))
    } else {
        probe::corrupt(name)
    }
}

fn decode_other(data: &[u8], p: &Probe, name: &str) -> Result<Decoded> {
    let format = match p.format {
        MediaFormat::Png => image::ImageFormat::Png,
        _ => image::ImageFormat::WebP,
    };
    let mut reader = image::ImageReader::with_format(std::io::Cursor::new(data), format);
    reader.limits(probe::decoder_limits());
    let img = reader.decode().map_err(|e| probe::decode_error(e, name))?;
    let (w, h) = (img.width(), img.height());
    let transparent = img.color().has_alpha() && {
        let rgba = img.to_rgba8();
        rgba.pixels().any(|px| px.0[3] < 255)
    };
    let (raw, channels) = if transparent {
        (img.into_rgba8().into_raw(), 4)
    } else {
        (img.into_rgb8().into_raw(), 3)
    };
    let lut = srgb_to_linear_lut();
    let pixels = raw
        .iter()
        .enumerate()
        .map(|(i, &v)| {
            if channels == 4 && i % 4 == 3 {
                u16::from(v) * 257
            } else {
                lut[usize::from(v)]
            }
        })
        .collect();
    Ok(Decoded {
        width: w,
        height: h,
        channels,
        pixels,
        orientation: p.orientation,
        icc: p.icc.clone(),
        eighths: 8,
    })
}

// ---------------------------------------------------------------- resize

struct Worker {
    resizer: fr::Resizer,
    jpeg: Option<turbojpeg::Compressor>,
}

impl Worker {
    fn new() -> Self {
        Worker {
            resizer: fr::Resizer::new(),
            jpeg: None,
        }
    }

    /// Resize the stored-orientation region `crop` of `src` to `dw`×`dh` stored pixels,
    /// returning 8-bit sRGB.
    fn resize(&mut self, src: &Decoded, crop: geometry::Rect, dw: u32, dh: u32) -> Result<Vec<u8>> {
        let pt = if src.channels == 4 {
            fr::PixelType::U16x4
        } else {
            fr::PixelType::U16x3
        };
        let bytes: &[u8] = bytemuck::cast_slice(&src.pixels);
        let src_img = fr::images::ImageRef::new(src.width, src.height, bytes, pt)
            .map_err(|e| internal(format!("source image: {e}")))?;
        let mut out = vec![0u16; dw as usize * dh as usize * src.channels];
        {
            let out_bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut out);
            let mut dst = fr::images::Image::from_slice_u8(dw, dh, out_bytes, pt)
                .map_err(|e| internal(format!("output image: {e}")))?;
            let options = fr::ResizeOptions::new()
                .resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Lanczos3))
                .crop(crop.x, crop.y, crop.w.max(1e-3), crop.h.max(1e-3));
            self.resizer
                .resize(&src_img, &mut dst, &options)
                .map_err(|e| internal(format!("resize: {e}")))?;
        }
        Ok(narrow(&out, src.channels))
    }

    /// Crop `src` around the focal point to fill `tw`×`th` (displayed), upright.
    fn fill(&mut self, src: &Decoded, tw: u32, th: u32, focal: Focal) -> Result<Vec<u8>> {
        let (dw, dh) = src.displayed_size();
        let rect = geometry::fill_crop(dw, dh, tw, th, focal);
        let stored = geometry::rect_to_stored(src.orientation, rect, src.width, src.height);
        let (sw, sh) = if geometry::swaps_axes(src.orientation) {
            (th, tw)
        } else {
            (tw, th)
        };
        let px = self.resize(src, stored, sw, sh)?;
        Ok(geometry::orient_pixels(src.orientation, px, sw, sh, src.channels).0)
    }

    fn fit(&mut self, src: &Decoded, tw: u32, th: u32, bg: Background) -> Result<Vec<u8>> {
        let ch = src.channels;
        let (dw, dh) = src.displayed_size();
        let (x, y, iw, ih) = geometry::fit_box(dw, dh, tw, th);
        let whole = geometry::Rect {
            x: 0.0,
            y: 0.0,
            w: f64::from(src.width),
            h: f64::from(src.height),
        };
        let (sw, sh) = if geometry::swaps_axes(src.orientation) {
            (ih, iw)
        } else {
            (iw, ih)
        };
        let inner = self.resize(src, whole, sw, sh)?;
        let (inner, _, _) = geometry::orient_pixels(src.orientation, inner, sw, sh, ch);
        let mut canvas = match bg {
            Background::Color(rgb) => {
                let mut px = rgb.to_vec();
                if ch == 4 {
                    px.push(255);
                }
                px.repeat(tw as usize * th as usize)
            }
            Background::Blur => self.blurred(src, tw, th)?,
        };
        let row = iw as usize * ch;
        for r in 0..ih as usize {
            let d = ((y as usize + r) * tw as usize + x as usize) * ch;
            canvas[d..d + row].copy_from_slice(&inner[r * row..(r + 1) * row]);
        }
        Ok(canvas)
    }

    /// A soft, out-of-focus copy of the photo filling `tw`×`th`: a tiny crop-to-fill
    /// enlarged with a smooth filter.
    fn blurred(&mut self, src: &Decoded, tw: u32, th: u32) -> Result<Vec<u8>> {
        let (sw, sh) = ((tw / 32).max(1), (th / 32).max(1));
        let tiny = self.fill(src, sw, sh, Focal::CENTER)?;
        let pt = if src.channels == 4 {
            fr::PixelType::U8x4
        } else {
            fr::PixelType::U8x3
        };
        let src_img = fr::images::ImageRef::new(sw, sh, &tiny, pt)
            .map_err(|e| internal(format!("blur source: {e}")))?;
        let mut dst = fr::images::Image::new(tw, th, pt);
        let options = fr::ResizeOptions::new()
            .resize_alg(fr::ResizeAlg::Convolution(fr::FilterType::Bilinear));
        self.resizer
            .resize(&src_img, &mut dst, &options)
            .map_err(|e| internal(format!("blur: {e}")))?;
        let mut px = dst.into_vec();
        // Opaque, slightly dimmed so the photo in front stands out.
        for (i, v) in px.iter_mut().enumerate() {
            if src.channels == 4 && i % 4 == 3 {
                *v = 255;
            } else {
                *v = (u16::from(*v) * 13 / 16) as u8;
            }
        }
        Ok(px)
    }

    fn render(
        &mut self,
        src: &Decoded,
        t: &VariantTarget,
        opts: &RenderOptions,
    ) -> Result<Rendered> {
        let px = match opts.mode {
            Mode::Fill => self.fill(src, t.width, t.height, opts.focal)?,
            Mode::Fit => self.fit(src, t.width, t.height, opts.background)?,
        };
        if src.has_alpha() {
            let bytes = encode_png(&px, t.width, t.height, src.icc.as_deref())?;
            let fits_limit = bytes.len() as u64 <= t.max_bytes;
            return Ok(Rendered {
                target: *t,
                format: MediaFormat::Png,
                bytes,
                quality: None,
                fits_limit,
            });
        }
        let jpeg = match self.jpeg.as_mut() {
            Some(c) => c,
            None => self.jpeg.insert(
                turbojpeg::Compressor::new().map_err(|e| internal(format!("encoder: {e}")))?,
            ),
        };
        encode_jpeg_within(jpeg, &px, t, src.icc.as_deref())
    }
}

fn internal(msg: String) -> Error {
    Error::Database(format!(
        "Plotline could not make the image ({msg}). Please report this problem."
    ))
}

// ---------------------------------------------------------------- encode

/// Encode at q85, stepping quality down until the file fits `t.max_bytes`. When even the
/// lowest quality is too big, the smallest result is returned with `fits_limit: false`.
fn encode_jpeg_within(
    c: &mut turbojpeg::Compressor,
    rgb: &[u8],
    t: &VariantTarget,
    icc: Option<&[u8]>,
) -> Result<Rendered> {
    let mut last = Vec::new();
    let mut last_q = 0;
    for &q in JPEG_QUALITIES {
        let bytes = encode_jpeg(c, rgb, t.width, t.height, q, icc)?;
        if bytes.len() as u64 <= t.max_bytes {
            return Ok(Rendered {
                target: *t,
                format: MediaFormat::Jpeg,
                bytes,
                quality: Some(q),
                fits_limit: true,
            });
        }
        last = bytes;
        last_q = q;
    }
    Ok(Rendered {
        target: *t,
        format: MediaFormat::Jpeg,
        bytes: last,
        quality: Some(last_q),
        fits_limit: false,
    })
}

pub fn encode_jpeg(
    c: &mut turbojpeg::Compressor,
    rgb: &[u8],
    w: u32,
    h: u32,
    quality: u8,
    icc: Option<&[u8]>,
) -> Result<Vec<u8>> {
    let enc = |e: turbojpeg::Error| internal(format!("JPEG encoder: {e}"));
    c.set_quality(i32::from(quality)).map_err(enc)?;
    c.set_subsamp(turbojpeg::Subsamp::Sub2x2).map_err(enc)?;
    let image = turbojpeg::Image {
        pixels: rgb,
        width: w as usize,
        pitch: w as usize * 3,
        height: h as usize,
        format: turbojpeg::PixelFormat::RGB,
    };
    let jpeg = c.compress_to_vec(image).map_err(enc)?;
    Ok(match icc {
        Some(profile) => insert_icc(&jpeg, profile),
        None => jpeg,
    })
}

/// Add APP2 ICC_PROFILE segments right after SOI/APP0 (the ICC spec's chunking).
pub fn insert_icc(jpeg: &[u8], icc: &[u8]) -> Vec<u8> {
    const CHUNK: usize = 65_519;
    let count = icc.len().div_ceil(CHUNK);
    if icc.is_empty() || count > 255 || jpeg.len() < 4 {
        return jpeg.to_vec();
    }
    // After SOI, and after the JFIF APP0 segment if there is one.
    let mut at = 2;
    if jpeg[2] == 0xFF && jpeg[3] == 0xE0 && jpeg.len() >= 6 {
        at = 4 + usize::from(u16::from_be_bytes([jpeg[4], jpeg[5]]));
    }
    let mut out = Vec::with_capacity(jpeg.len() + icc.len() + count * 18);
    out.extend_from_slice(&jpeg[..at]);
    for (i, chunk) in icc.chunks(CHUNK).enumerate() {
        let len = (2 + 14 + chunk.len()) as u16;
        out.extend_from_slice(&[0xFF, 0xE2]);
        out.extend_from_slice(&len.to_be_bytes());
        out.extend_from_slice(b"ICC_PROFILE\0");
        out.push((i + 1) as u8);
        out.push(count as u8);
        out.extend_from_slice(chunk);
    }
    out.extend_from_slice(&jpeg[at..]);
    out
}

fn encode_png(rgba: &[u8], w: u32, h: u32, icc: Option<&[u8]>) -> Result<Vec<u8>> {
    use image::ImageEncoder;
    let mut out = Vec::new();
    let mut enc = image::codecs::png::PngEncoder::new_with_quality(
        &mut out,
        image::codecs::png::CompressionType::Fast,
        image::codecs::png::FilterType::Adaptive,
    );
    if let Some(p) = icc {
        // Best effort: an encoder without ICC support still writes a valid PNG.
        let _ = enc.set_icc_profile(p.to_vec());
    }
    enc.write_image(rgba, w, h, image::ExtendedColorType::Rgba8)
        .map_err(|e| internal(format!("PNG encoder: {e}")))?;
    Ok(out)
}

// ---------------------------------------------------------------- all at once

/// Render every target from one decoded photo, on up to [`MAX_VARIANT_WORKERS`] threads.
/// Results are in `targets` order.
pub fn render_all(
    src: &Decoded,
    targets: &[VariantTarget],
    opts: &RenderOptions,
) -> Result<Vec<Rendered>> {
    let workers = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(MAX_VARIANT_WORKERS)
        .min(targets.len())
        .max(1);
    let next = AtomicUsize::new(0);
    let results: Mutex<Vec<Option<Result<Rendered>>>> =
        Mutex::new((0..targets.len()).map(|_| None).collect());
    std::thread::scope(|s| {
        for _ in 0..workers {
            s.spawn(|| {
                let mut w = Worker::new();
                loop {
                    let i = next.fetch_add(1, Ordering::Relaxed);
                    let Some(t) = targets.get(i) else { break };
                    let r = w.render(src, t, opts);
                    results.lock().unwrap_or_else(|p| p.into_inner())[i] = Some(r);
                }
            });
        }
    });
    results
        .into_inner()
        .unwrap_or_else(|p| p.into_inner())
        .into_iter()
        .map(|r| r.unwrap_or_else(|| Err(internal("a variant was not rendered".into()))))
        .collect()
}

/// Probe, decode once (under the process-wide concurrency cap) and render every target.
pub fn variants_from_bytes(
    data: &[u8],
    name: &str,
    targets: &[VariantTarget],
    opts: &RenderOptions,
) -> Result<(Probe, Vec<Rendered>)> {
    let p = probe::probe(data, name)?;
    let _permit = DecodePermit::acquire();
    let (dw, dh) = p.displayed_size();
    let decoded = decode(data, &p, required_scale(dw, dh, targets, opts.mode), name)?;
    let out = render_all(&decoded, targets, opts)?;
    Ok((p, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn transfer_curves_round_trip_every_8_bit_value() {
        let fwd = srgb_to_linear_lut();
        let back = linear_to_srgb_lut();
        for v in 0..=255usize {
            assert_eq!(usize::from(back[usize::from(fwd[v])]), v);
        }
        assert_eq!(fwd[0], 0);
        assert_eq!(fwd[255], 65535);
        // Mid grey in sRGB is about 21% linear light.
        assert!((f64::from(fwd[128]) / 65535.0 - 0.2158).abs() < 0.001);
    }

    #[test]
    fn in_place_widening_matches_a_plain_conversion() {
        let src: Vec<u8> = (0..24u8).map(|v| v.wrapping_mul(37)).collect();
        for channels in [3usize, 4] {
            let mut buf = vec![0u16; src.len()];
            let bytes: &mut [u8] = bytemuck::cast_slice_mut(&mut buf);
            bytes[..src.len()].copy_from_slice(&src);
            widen_in_place(bytes, channels);
            for (i, &v) in src.iter().enumerate() {
                let want = if channels == 4 && i % 4 == 3 {
                    u16::from(v) * 257
                } else {
                    srgb_to_linear_lut()[usize::from(v)]
                };
                assert_eq!(buf[i], want, "channels {channels} sample {i}");
            }
        }
    }

    #[test]
    fn shrink_factor_is_the_smallest_eighth_that_covers() {
        assert_eq!(shrink_eighths(0.64), 6);
        assert_eq!(shrink_eighths(0.625), 5);
        assert_eq!(shrink_eighths(0.1), 1);
        assert_eq!(shrink_eighths(1.0), 8);
        assert_eq!(shrink_eighths(3.0), 8);
        // 20 MP landscape: the Story's 1920-pixel height decides.
        let s = required_scale(5472, 3648, super::super::targets::all(), Mode::Fill);
        assert!((s - 1920.0 / 3648.0).abs() < 1e-9);
        assert_eq!(shrink_eighths(s), 5);
        let fit = required_scale(5472, 3648, super::super::targets::all(), Mode::Fit);
        assert!(fit < s);
    }

    #[test]
    fn icc_chunks_are_inserted_after_the_jfif_header() {
        let jpeg = [
            0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x4A, 0x46, 0xFF, 0xDA, 0xFF, 0xD9,
        ];
        let icc = vec![7u8; 70_000];
        let out = insert_icc(&jpeg, &icc);
        assert_eq!(&out[..8], &jpeg[..8]);
        assert_eq!(&out[8..10], &[0xFF, 0xE2]);
        assert_eq!(&out[12..24], b"ICC_PROFILE\0");
        assert_eq!((out[24], out[25]), (1, 2));
        assert_eq!(out.len(), jpeg.len() + icc.len() + 2 * 18);
        assert!(out.ends_with(&[0xFF, 0xDA, 0xFF, 0xD9]));
    }
}
