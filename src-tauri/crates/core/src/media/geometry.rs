//! Pure geometry: focal-point crops, fit boxes and EXIF orientation. No pixels are
//! touched here except in [`orient_pixels`], which works on small output buffers.

/// A point of interest in the photo, as fractions of its width and height (0..1, the
/// top-left corner is 0,0). The crop keeps it as close to the centre as the edges allow.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Focal {
    pub x: f64,
    pub y: f64,
}

impl Focal {
    pub const CENTER: Focal = Focal { x: 0.5, y: 0.5 };

    /// Clamp into 0..1; a non-finite coordinate becomes the centre.
    pub fn clamped(self) -> Focal {
        let c = |v: f64| {
            if v.is_finite() {
                v.clamp(0.0, 1.0)
            } else {
                0.5
            }
        };
        Focal {
            x: c(self.x),
            y: c(self.y),
        }
    }
}

impl Default for Focal {
    fn default() -> Self {
        Focal::CENTER
    }
}

/// A rectangle in source pixels (fractional edges are allowed: the resizer samples them).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

/// The largest rectangle with the aspect ratio of `dst_w`×`dst_h` inside a `src_w`×`src_h`
/// image, placed so that `focal` is as central as possible without leaving the image.
pub fn fill_crop(src_w: u32, src_h: u32, dst_w: u32, dst_h: u32, focal: Focal) -> Rect {
    let (sw, sh) = (f64::from(src_w.max(1)), f64::from(src_h.max(1)));
    let (dw, dh) = (f64::from(dst_w.max(1)), f64::from(dst_h.max(1)));
    let focal = focal.clamped();
    // Compare aspect ratios without division: sw/sh > dw/dh.
    let (w, h) = if sw * dh > sh * dw {
        (sh * dw / dh, sh)
    } else {
        (sw, sw * dh / dw)
    };
    let x = (focal.x * sw - w / 2.0).clamp(0.0, sw - w);
    let y = (focal.y * sh - h / 2.0).clamp(0.0, sh - h);
    Rect { x, y, w, h }
}

/// Where a `src_w`×`src_h` image goes when it is fitted whole into `dst_w`×`dst_h`:
/// (x, y, width, height) in whole destination pixels, centred, at least 1×1.
pub fn fit_box(src_w: u32, src_h: u32, dst_w: u32, dst_h: u32) -> (u32, u32, u32, u32) {
    let (sw, sh) = (f64::from(src_w.max(1)), f64::from(src_h.max(1)));
    let (dw, dh) = (f64::from(dst_w.max(1)), f64::from(dst_h.max(1)));
    let scale = (dw / sw).min(dh / sh);
    let w = ((sw * scale).round() as u32).clamp(1, dst_w.max(1));
    let h = ((sh * scale).round() as u32).clamp(1, dst_h.max(1));
    ((dst_w.max(1) - w) / 2, (dst_h.max(1) - h) / 2, w, h)
}

/// Valid EXIF orientation (1..=8); anything else is treated as 1 (as cameras expect).
pub fn normalize_orientation(o: u32) -> u8 {
    if (1..=8).contains(&o) {
        o as u8
    } else {
        1
    }
}

/// True when orientation `o` swaps width and height (rotations by 90° and transposes).
pub fn swaps_axes(o: u8) -> bool {
    o >= 5
}

/// Size of the displayed (upright) image for a stored image of `w`×`h`.
pub fn displayed_size(o: u8, w: u32, h: u32) -> (u32, u32) {
    if swaps_axes(o) {
        (h, w)
    } else {
        (w, h)
    }
}

/// Map a point of the displayed image (continuous coordinates) to the stored image of
/// `rw`×`rh`, for EXIF orientation `o`.
pub fn to_stored(o: u8, u: f64, v: f64, rw: f64, rh: f64) -> (f64, f64) {
    match o {
        2 => (rw - u, v),
        3 => (rw - u, rh - v),
        4 => (u, rh - v),
        5 => (v, u),
        6 => (v, rh - u),
        7 => (rw - v, rh - u),
        8 => (rw - v, u),
        _ => (u, v),
    }
}

/// A rectangle of the displayed image mapped to the stored image (`rw`×`rh` stored pixels).
pub fn rect_to_stored(o: u8, r: Rect, rw: u32, rh: u32) -> Rect {
    let (rw, rh) = (f64::from(rw), f64::from(rh));
    let (x0, y0) = to_stored(o, r.x, r.y, rw, rh);
    let (x1, y1) = to_stored(o, r.x + r.w, r.y + r.h, rw, rh);
    Rect {
        x: x0.min(x1),
        y: y0.min(y1),
        w: (x1 - x0).abs(),
        h: (y1 - y0).abs(),
    }
}

/// Turn a stored-orientation pixel buffer (`w`×`h`, `channels` bytes per pixel) upright.
/// Returns the new buffer and its width and height.
pub fn orient_pixels(o: u8, buf: Vec<u8>, w: u32, h: u32, channels: usize) -> (Vec<u8>, u32, u32) {
    if o <= 1 || o > 8 {
        return (buf, w, h); // upright already: no copy
    }
    let (dw, dh) = displayed_size(o, w, h);
    let (rw, rh) = (w as usize, h as usize);
    let mut out = vec![0u8; buf.len()];
    for dy in 0..dh as usize {
        for dx in 0..dw as usize {
            let (sx, sy) = match o {
                2 => (rw - 1 - dx, dy),
                3 => (rw - 1 - dx, rh - 1 - dy),
                4 => (dx, rh - 1 - dy),
                5 => (dy, dx),
                6 => (dy, rh - 1 - dx),
                7 => (rw - 1 - dy, rh - 1 - dx),
                _ => (rw - 1 - dy, dx), // 8
            };
            let s = (sy * rw + sx) * channels;
            let d = (dy * dw as usize + dx) * channels;
            out[d..d + channels].copy_from_slice(&buf[s..s + channels]);
        }
    }
    (out, dw, dh)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() < 1e-9
    }

    #[test]
    fn centre_crop_of_a_landscape_photo_to_a_square() {
        let r = fill_crop(4000, 3000, 1080, 1080, Focal::CENTER);
        assert!(close(r.w, 3000.0) && close(r.h, 3000.0));
        assert!(close(r.x, 500.0) && close(r.y, 0.0));
    }

    #[test]
    fn focal_point_moves_the_crop_but_never_past_an_edge() {
        let left = fill_crop(4000, 3000, 1080, 1080, Focal { x: 0.0, y: 0.5 });
        assert!(close(left.x, 0.0));
        let right = fill_crop(4000, 3000, 1080, 1080, Focal { x: 1.0, y: 0.5 });
        assert!(close(right.x + right.w, 4000.0));
        let near = fill_crop(4000, 3000, 1080, 1080, Focal { x: 0.6, y: 0.5 });
        assert!(close(near.x, 2400.0 - 1500.0));
        // A portrait crop of a landscape photo moves vertically not at all, horizontally freely.
        let story = fill_crop(4000, 3000, 1080, 1920, Focal { x: 0.25, y: 0.9 });
        assert!(close(story.h, 3000.0) && close(story.y, 0.0));
        assert!(close(story.x, 1000.0 - story.w / 2.0));
    }

    #[test]
    fn vertical_crop_of_a_portrait_photo_follows_the_focal_point() {
        let top = fill_crop(3000, 4000, 1600, 900, Focal { x: 0.5, y: 0.0 });
        assert!(close(top.y, 0.0) && close(top.w, 3000.0) && close(top.h, 1687.5));
        let bottom = fill_crop(3000, 4000, 1600, 900, Focal { x: 0.5, y: 1.0 });
        assert!(close(bottom.y + bottom.h, 4000.0));
    }

    #[test]
    fn extreme_aspect_ratios_and_bad_focal_points_stay_inside() {
        for &(sw, sh) in &[(1, 10_000), (10_000, 1), (1, 1), (7, 3)] {
            for &(dw, dh) in &[(1080, 1920), (1600, 900), (1, 1)] {
                for focal in [
                    Focal { x: -5.0, y: 9.0 },
                    Focal {
                        x: f64::NAN,
                        y: f64::INFINITY,
                    },
                    Focal::CENTER,
                ] {
                    let r = fill_crop(sw, sh, dw, dh, focal);
                    assert!(r.x >= 0.0 && r.y >= 0.0, "{r:?}");
                    assert!(r.x + r.w <= f64::from(sw) + 1e-9, "{r:?}");
                    assert!(r.y + r.h <= f64::from(sh) + 1e-9, "{r:?}");
                    assert!(r.w > 0.0 && r.h > 0.0);
                    // Same aspect ratio as the destination.
                    assert!((r.w / r.h - f64::from(dw) / f64::from(dh)).abs() < 1e-6);
                }
            }
        }
        // A NaN focal point is the centre.
        let r = fill_crop(
            4000,
            3000,
            1,
            1,
            Focal {
                x: f64::NAN,
                y: 0.5,
            },
        );
        assert!(close(r.x, 500.0));
    }

    #[test]
    fn fit_box_centres_and_never_exceeds_the_canvas() {
        assert_eq!(fit_box(4000, 3000, 1080, 1920), (0, 555, 1080, 810));
        assert_eq!(fit_box(3000, 4000, 1600, 900), (462, 0, 675, 900));
        assert_eq!(fit_box(10_000, 1, 1080, 1080), (0, 539, 1080, 1));
        assert_eq!(fit_box(1600, 900, 1600, 900), (0, 0, 1600, 900));
    }

    #[test]
    fn orientation_rect_mapping_matches_pixel_mapping() {
        // A 1-pixel rect maps onto the stored pixel that orient_pixels reads from.
        let (rw, rh) = (5u32, 3u32);
        let buf: Vec<u8> = (0..(rw * rh) as u8).collect();
        for o in 1..=8u8 {
            let (up, dw, dh) = orient_pixels(o, buf.clone(), rw, rh, 1);
            for dy in 0..dh {
                for dx in 0..dw {
                    let r = rect_to_stored(
                        o,
                        Rect {
                            x: f64::from(dx),
                            y: f64::from(dy),
                            w: 1.0,
                            h: 1.0,
                        },
                        rw,
                        rh,
                    );
                    let stored = buf[(r.y as u32 * rw + r.x as u32) as usize];
                    assert_eq!(up[(dy * dw + dx) as usize], stored, "o={o} at {dx},{dy}");
                }
            }
        }
    }

    #[test]
    fn orient_pixels_agrees_with_the_image_crate() {
        let (w, h) = (4u32, 3u32);
        let raw: Vec<u8> = (0..w * h * 3).map(|v| (v * 7 % 251) as u8).collect();
        for o in 1..=8u8 {
            let (ours, ow, oh) = orient_pixels(o, raw.clone(), w, h, 3);
            let mut theirs = image::DynamicImage::ImageRgb8(
                image::RgbImage::from_raw(w, h, raw.clone()).expect("buffer"),
            );
            theirs.apply_orientation(image::metadata::Orientation::from_exif(o).expect("1..8"));
            assert_eq!((ow, oh), (theirs.width(), theirs.height()), "o={o}");
            assert_eq!(ours, theirs.to_rgb8().into_raw(), "o={o}");
        }
    }

    #[test]
    fn unknown_orientations_are_upright() {
        assert_eq!(normalize_orientation(0), 1);
        assert_eq!(normalize_orientation(9), 1);
        assert_eq!(normalize_orientation(6), 6);
        assert_eq!(displayed_size(6, 4000, 3000), (3000, 4000));
        assert_eq!(displayed_size(3, 4000, 3000), (4000, 3000));
    }
}
