//! Bounded ingest (R12): what a file is, how big it claims to be, and its metadata, all
//! read from the header BEFORE a single pixel is decoded.

use std::io::Cursor;

use crate::error::{Error, Result};

/// Largest photo file Plotline accepts (a 200 MP phone JPEG is ~60 MB).
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;
/// Largest JPEG (in pixels) Plotline accepts. JPEGs are shrunk while decoding, so only a
/// fraction of this is ever held in memory.
pub const MAX_JPEG_PIXELS: u64 = 210_000_000;
/// Largest PNG/WebP (in pixels): these are decoded at full size (4 bytes a pixel).
pub const MAX_OTHER_PIXELS: u64 = 50_000_000;
/// Longest side Plotline accepts for any format.
pub const MAX_SIDE: u32 = 30_000;
/// Memory one decoder may allocate.
pub const MAX_DECODE_ALLOC: u64 = 512 * 1024 * 1024;

/// The image formats Plotline accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum MediaFormat {
    Jpeg,
    Png,
    Webp,
}

impl MediaFormat {
    pub fn extension(self) -> &'static str {
        match self {
            MediaFormat::Jpeg => "jpg",
            MediaFormat::Png => "png",
            MediaFormat::Webp => "webp",
        }
    }
    pub fn from_extension(ext: &str) -> Option<Self> {
        match ext {
            "jpg" => Some(MediaFormat::Jpeg),
            "png" => Some(MediaFormat::Png),
            "webp" => Some(MediaFormat::Webp),
            _ => None,
        }
    }
    fn image_format(self) -> image::ImageFormat {
        match self {
            MediaFormat::Jpeg => image::ImageFormat::Jpeg,
            MediaFormat::Png => image::ImageFormat::Png,
            MediaFormat::Webp => image::ImageFormat::WebP,
        }
    }
}

/// Everything known about a photo from its header.
#[derive(Debug, Clone, PartialEq)]
pub struct Probe {
    pub format: MediaFormat,
    /// Stored size (before orientation).
    pub width: u32,
    pub height: u32,
    /// EXIF orientation 1..=8 (1 when absent).
    pub orientation: u8,
    /// Embedded ICC colour profile, kept on every output (see `render`).
    pub icc: Option<Vec<u8>>,
    /// When the photo was taken (EXIF DateTimeOriginal, camera local time), ISO 8601.
    pub taken_at: Option<String>,
}

impl Probe {
    /// Size as displayed, after orientation.
    pub fn displayed_size(&self) -> (u32, u32) {
        super::geometry::displayed_size(self.orientation, self.width, self.height)
    }
}

/// The decoder limits every decode runs with (never a bare decoder).
pub fn decoder_limits() -> image::Limits {
    let mut limits = image::Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_DECODE_ALLOC);
    limits
}

fn not_supported(what: &str) -> Error {
    Error::Unsupported(format!(
        "{what} is not a supported image. Plotline accepts JPEG, PNG and WebP photos: open it \
         in a photo app and export it as JPEG, then import that."
    ))
}

/// Refuse files that are too large before reading them.
pub fn check_file_size(len: u64, name: &str) -> Result<()> {
    if len > MAX_FILE_BYTES {
        return Err(Error::Invalid(format!(
            "{name} is {} MB; Plotline accepts photos up to {} MB. Export a smaller copy \
             (for example at 4000 pixels on the long side) and import that.",
            len / 1_000_000,
            MAX_FILE_BYTES / 1_000_000
        )));
    }
    if len == 0 {
        return Err(Error::Invalid(format!(
            "{name} is empty (0 bytes). Copy the photo again from your phone or camera."
        )));
    }
    Ok(())
}

/// Identify `data` by its first bytes (never by the file name).
pub fn sniff(data: &[u8], name: &str) -> Result<MediaFormat> {
    if data.starts_with(&[0xFF, 0xD8, 0xFF]) {
        return Ok(MediaFormat::Jpeg);
    }
    if data.starts_with(b"\x89PNG\r\n\x1a\n") {
        return Ok(MediaFormat::Png);
    }
    if data.len() >= 12 && &data[0..4] == b"RIFF" && &data[8..12] == b"WEBP" {
        return Ok(MediaFormat::Webp);
    }
    if data.len() >= 12 && &data[4..8] == b"ftyp" {
        let brand = &data[8..12];
        if [
            b"heic", b"heix", b"hevc", b"hevx", b"heim", b"heis", b"mif1", b"msf1",
        ]
        .iter()
        .any(|b| brand == *b)
        {
            return Err(Error::Unsupported(format!(
                "{name} is a HEIC photo (the iPhone format), which Plotline does not support \
                 yet. Export it as JPEG from Photos (File > Export), or set the iPhone camera \
                 to Settings > Camera > Formats > Most Compatible, then import the JPEG."
            )));
        }
    }
    Err(not_supported(name))
}

/// Read format, size, orientation, colour profile and date without decoding pixels, and
/// refuse absurd sizes before any pixel buffer exists.
pub fn probe(data: &[u8], name: &str) -> Result<Probe> {
    check_file_size(data.len() as u64, name)?;
    let format = sniff(data, name)?;
    let probe = match format {
        MediaFormat::Jpeg => probe_jpeg(data, name)?,
        MediaFormat::Png | MediaFormat::Webp => probe_with_image(data, format, name)?,
    };
    check_dimensions(&probe, name)?;
    Ok(probe)
}

fn check_dimensions(p: &Probe, name: &str) -> Result<()> {
    let pixels = u64::from(p.width) * u64::from(p.height);
    let cap = match p.format {
        MediaFormat::Jpeg => MAX_JPEG_PIXELS,
        _ => MAX_OTHER_PIXELS,
    };
    if p.width == 0 || p.height == 0 {
        return Err(corrupt(name));
    }
    if p.width > MAX_SIDE || p.height > MAX_SIDE || pixels > cap {
        return Err(Error::Invalid(format!(
            "{name} says it is {}×{} pixels, which is larger than Plotline accepts ({} \
             megapixels, {MAX_SIDE} pixels on a side for this format). Export a smaller copy and \
             import that.",
            p.width,
            p.height,
            cap / 1_000_000
        )));
    }
    Ok(())
}

pub(crate) fn corrupt(name: &str) -> Error {
    Error::Corrupt(format!(
        "{name} looks damaged or incomplete (it may not have finished copying). Copy the photo \
         again from your phone or camera and import the new copy."
    ))
}

fn probe_with_image(data: &[u8], format: MediaFormat, name: &str) -> Result<Probe> {
    use image::ImageDecoder;
    let mut reader = image::ImageReader::with_format(Cursor::new(data), format.image_format());
    reader.limits(decoder_limits());
    let mut decoder = reader.into_decoder().map_err(|e| decode_error(e, name))?;
    let (width, height) = decoder.dimensions();
    let orientation = decoder.orientation().map(|o| o.to_exif()).unwrap_or(1);
    let icc = decoder
        .icc_profile()
        .ok()
        .flatten()
        .filter(|p| !p.is_empty());
    let taken_at = decoder
        .exif_metadata()
        .ok()
        .flatten()
        .and_then(|exif| parse_taken_at(strip_exif_header(&exif)));
    Ok(Probe {
        format,
        width,
        height,
        orientation: super::geometry::normalize_orientation(u32::from(orientation)),
        icc,
        taken_at,
    })
}

/// Map an `image` error to a message for the owner.
pub(crate) fn decode_error(e: image::ImageError, name: &str) -> Error {
    match e {
        image::ImageError::Limits(_) => Error::Invalid(format!(
            "{name} is larger than Plotline accepts. Export a smaller copy and import that."
        )),
        image::ImageError::Unsupported(_) => not_supported(name),
        image::ImageError::IoError(_) | image::ImageError::Decoding(_) => corrupt(name),
        other => Error::Corrupt(format!(
            "{name} could not be read ({other}). Copy the photo again and import the new copy."
        )),
    }
}

fn strip_exif_header(exif: &[u8]) -> &[u8] {
    exif.strip_prefix(b"Exif\0\0").unwrap_or(exif)
}

/// Walk the JPEG markers up to the first scan: size from SOF, orientation and date from
/// APP1 Exif, the ICC profile from APP2 chunks. Bounded by the file length.
fn probe_jpeg(data: &[u8], name: &str) -> Result<Probe> {
    let mut i = 2usize;
    let mut size = None;
    let mut exif: Option<&[u8]> = None;
    let mut icc_chunks: Vec<(u8, &[u8])> = Vec::new();
    loop {
        // Skip fill bytes, then read a marker.
        while i < data.len() && data[i] == 0xFF && data.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if i + 4 > data.len() || data[i] != 0xFF {
            return Err(corrupt(name));
        }
        let marker = data[i + 1];
        if marker == 0xD9 || marker == 0xDA {
            break; // end of image or start of scan: headers are done
        }
        if (0xD0..=0xD7).contains(&marker) || marker == 0x01 {
            i += 2;
            continue;
        }
        let len = usize::from(u16::from_be_bytes([data[i + 2], data[i + 3]]));
        if len < 2 || i + 2 + len > data.len() {
            return Err(corrupt(name));
        }
        let body = &data[i + 4..i + 2 + len];
        match marker {
            0xC0..=0xCF if marker != 0xC4 && marker != 0xC8 && marker != 0xCC => {
                if body.len() < 5 {
                    return Err(corrupt(name));
                }
                let h = u32::from(u16::from_be_bytes([body[1], body[2]]));
                let w = u32::from(u16::from_be_bytes([body[3], body[4]]));
                size = Some((w, h));
            }
            0xE1 if body.starts_with(b"Exif\0\0") && exif.is_none() => exif = Some(&body[6..]),
            0xE2 if body.starts_with(b"ICC_PROFILE\0") && body.len() > 14 => {
                icc_chunks.push((body[12], &body[14..]));
            }
            _ => {}
        }
        i += 2 + len;
    }
    let (width, height) = size.ok_or_else(|| corrupt(name))?;
    let (orientation, taken_at) = match exif {
        Some(tiff) => (exif_orientation(tiff), parse_taken_at(tiff)),
        None => (1, None),
    };
    icc_chunks.sort_by_key(|(seq, _)| *seq);
    let icc: Vec<u8> = icc_chunks
        .iter()
        .flat_map(|(_, c)| c.iter().copied())
        .collect();
    Ok(Probe {
        format: MediaFormat::Jpeg,
        width,
        height,
        orientation,
        icc: (!icc.is_empty()).then_some(icc),
        taken_at,
    })
}

fn exif_orientation(tiff: &[u8]) -> u8 {
    let o = exif::Reader::new()
        .read_raw(tiff.to_vec())
        .ok()
        .and_then(|e| {
            e.get_field(exif::Tag::Orientation, exif::In::PRIMARY)
                .and_then(|f| f.value.get_uint(0))
        })
        .unwrap_or(1);
    super::geometry::normalize_orientation(o)
}

fn parse_taken_at(tiff: &[u8]) -> Option<String> {
    let exif = exif::Reader::new().read_raw(tiff.to_vec()).ok()?;
    let field = exif
        .get_field(exif::Tag::DateTimeOriginal, exif::In::PRIMARY)
        .or_else(|| exif.get_field(exif::Tag::DateTime, exif::In::PRIMARY))?;
    let exif::Value::Ascii(ref parts) = field.value else {
        return None;
    };
    let dt = exif::DateTime::from_ascii(parts.first()?).ok()?;
    let date = chrono::NaiveDate::from_ymd_opt(
        i32::from(dt.year),
        u32::from(dt.month),
        u32::from(dt.day),
    )?;
    let t = date.and_hms_opt(
        u32::from(dt.hour),
        u32::from(dt.minute),
        u32::from(dt.second),
    )?;
    Some(t.format("%Y-%m-%dT%H:%M:%S").to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn png_bomb_header_is_refused_before_decoding() {
        // 73 bytes: signature, an IHDR claiming 100000×100000 RGBA, a tiny IDAT, IEND.
        let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
        let mut chunk = |kind: &[u8], body: &[u8]| {
            png.extend_from_slice(&(body.len() as u32).to_be_bytes());
            png.extend_from_slice(kind);
            png.extend_from_slice(body);
            png.extend_from_slice(&[0, 0, 0, 0]); // CRC is never reached
        };
        let mut ihdr = Vec::new();
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&100_000u32.to_be_bytes());
        ihdr.extend_from_slice(&[8, 6, 0, 0, 0]);
        chunk(b"IHDR", &ihdr);
        chunk(b"IDAT", &[0x78, 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01]);
        chunk(b"IEND", &[]);
        assert!(png.len() <= 80, "{}", png.len());
        let err = probe(&png, "bomb.png").expect_err("refused");
        assert!(
            matches!(err, Error::Invalid(_) | Error::Corrupt(_)),
            "{err:?}"
        );
    }

    #[test]
    fn jpeg_header_claiming_a_huge_size_is_refused() {
        let mut jpeg = vec![0xFF, 0xD8];
        // SOF0: length 17, precision 8, height 60000, width 60000, 3 components.
        jpeg.extend_from_slice(&[0xFF, 0xC0, 0x00, 0x11, 8, 0xEA, 0x60, 0xEA, 0x60, 3]);
        jpeg.extend_from_slice(&[1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        jpeg.extend_from_slice(&[0xFF, 0xDA, 0x00, 0x02]);
        let err = probe(&jpeg, "huge.jpg").expect_err("refused");
        assert!(err.to_string().contains("60000×60000"), "{err}");
    }

    #[test]
    fn text_files_heic_and_empty_files_get_clear_errors() {
        let err = probe(b"Hello, this is not a photo at all.", "notes.jpg").expect_err("text");
        assert!(err.to_string().contains("not a supported image"), "{err}");
        let mut heic = vec![0, 0, 0, 0x18];
        heic.extend_from_slice(b"ftypheic\0\0\0\0mif1heic");
        let err = probe(&heic, "IMG_0001.HEIC").expect_err("heic");
        assert!(err.to_string().contains("Most Compatible"), "{err}");
        assert!(probe(b"", "empty.jpg").is_err());
        assert!(check_file_size(MAX_FILE_BYTES + 1, "big.jpg").is_err());
    }

    #[test]
    fn truncated_jpeg_header_is_corrupt() {
        let err = probe(&[0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, b'J'], "cut.jpg").expect_err("cut");
        assert!(matches!(err, Error::Corrupt(_)), "{err:?}");
    }
}
