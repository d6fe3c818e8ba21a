//! The library as the app uses it: import several files, search and sort, photos attached
//! to posts, delete keeping photos in use, previews and export of a library photo.
#![allow(clippy::unwrap_used)]
mod common;

use plotline_core::content::posts::{self, PostInput};
use plotline_core::content::{ContentType, Format};
use plotline_core::media::library::{self, MediaDetailsInput};
use plotline_core::media::manage::{self, MediaQuery, MediaSort, VariantRequest};
use plotline_core::media::Mode;

fn request(keys: &[&str], mode: Mode) -> VariantRequest {
    VariantRequest {
        targets: keys.iter().map(|k| k.to_string()).collect(),
        mode,
        blur: true,
        color: "#ffffff".into(),
        focal_x: None,
        focal_y: None,
    }
}

#[test]
fn several_files_import_search_attach_delete_and_export() {
    let (tmp, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let photo = common::fixture("fresh-flower.jpg");
    let junk = tmp.path().join("notes.txt");
    std::fs::write(&junk, "not a photo").unwrap();
    // The same photo twice and a text file: one import, one clear failure.
    let report = manage::import_many(&store, &[photo.clone(), junk, photo.clone()]).unwrap();
    assert_eq!(report.imported.len(), 1);
    assert_eq!(report.failed.len(), 1);
    assert_eq!(report.failed[0].name, "notes.txt");
    assert!(
        report.failed[0].message.contains("not a supported"),
        "{}",
        report.failed[0].message
    );
    let id = report.imported[0].id.clone();

    store
        .write(|tx| {
            library::update_details(
                tx,
                &id,
                &MediaDetailsInput {
                    alt_text: "Flowers on the counter".into(),
                    tags: vec!["Spring".into()],
                },
            )
        })
        .unwrap();
    let q = |search: &str| {
        store
            .read(|c| {
                manage::search(
                    c,
                    &MediaQuery {
                        search: search.into(),
                        sort: MediaSort::Largest,
                    },
                )
            })
            .unwrap()
    };
    assert_eq!(q("spring").len(), 1);
    assert_eq!(q("#SPRING counter").len(), 1);
    assert_eq!(q("fresh").len(), 1);
    assert!(q("winter").is_empty());

    let post = store
        .write(|tx| {
            posts::create(
                tx,
                &PostInput::idea("Spring flowers", ContentType::Community, Format::Photo),
                None,
            )
        })
        .unwrap();
    let attached = store
        .write(|tx| manage::set_post_media(tx, &post.id, std::slice::from_ref(&id)))
        .unwrap();
    assert_eq!(attached.len(), 1);
    assert_eq!(q("spring")[0].used_by_posts, 1);
    let too_many: Vec<String> = (0..11).map(|_| id.clone()).collect();
    assert_eq!(
        store
            .write(|tx| manage::set_post_media(tx, &post.id, &too_many))
            .unwrap()
            .len(),
        1
    );

    let rep = manage::delete(&store, std::slice::from_ref(&id)).unwrap();
    assert!(rep.deleted.is_empty());
    assert_eq!(
        rep.in_use[0].post_titles,
        vec!["Spring flowers".to_string()]
    );

    let out = tmp.path().join("out");
    let files = manage::export_item(
        &store,
        &id,
        &request(&["instagram:feed_square", "instagram:story"], Mode::Fill),
        &out,
        chrono::NaiveDate::from_ymd_opt(2026, 12, 3).unwrap(),
    )
    .unwrap();
    assert_eq!(files.len(), 2);
    assert!(
        files[0]
            .path
            .ends_with("_fresh-flower_instagram-feed_square.jpg"),
        "{}",
        files[0].path
    );
    let previews = manage::preview(&store, &id, &request(&["x:landscape"], Mode::Fit)).unwrap();
    assert_eq!((previews[0].width, previews[0].height), (240, 135));

    // Deleting the post frees the photo; then its files go too.
    store.write(|tx| posts::delete(tx, &post.id)).unwrap();
    let rep = manage::delete(&store, &[id.clone(), id.clone()]).unwrap();
    assert_eq!(rep.deleted, vec![id.clone()]);
    assert!(common::files_in(&library::originals_dir(&dir)).is_empty());
    assert!(common::files_in(&library::thumbs_dir(&dir)).is_empty());
}

#[test]
fn the_sample_bakery_has_described_photos_on_its_posts() {
    let (_tmp, dir) = common::temp_data_dir();
    let store = plotline_core::Store::open(&dir).unwrap();
    let t0 = std::time::Instant::now();
    plotline_core::demo::seed_sample(&store, plotline_core::workspace::Language::Ja).unwrap();
    eprintln!("sample bakery with photos seeded in {:?}", t0.elapsed());
    let items = store
        .read(|c| {
            manage::search(
                c,
                &MediaQuery {
                    search: String::new(),
                    sort: MediaSort::Name,
                },
            )
        })
        .unwrap();
    assert_eq!(items.len(), 6);
    assert!(items
        .iter()
        .all(|m| !m.item.alt_text.is_empty() && !m.item.tags.is_empty()));
    assert!(items
        .iter()
        .any(|m| m.item.alt_text.contains("クロワッサン")));
    assert!(items.iter().filter(|m| m.used_by_posts > 0).count() >= 4);
    // Every photo has its thumbnail on disk, so the grid shows it.
    assert_eq!(common::files_in(&library::thumbs_dir(&dir)).len(), 6);
}

#[test]
fn serve_resolves_library_ids_only_to_files_inside_the_media_folder() {
    use plotline_core::media::serve::{self, MediaFile};
    let (_tmp, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let item = library::import_file(&store, &common::fixture("fresh-flower.jpg")).unwrap();
    let media = dir.media_dir().canonicalize().unwrap();
    for kind in [MediaFile::Original, MediaFile::Thumbnail] {
        let p = store
            .read(|c| serve::resolve(c, &dir, &item.id, kind))
            .unwrap();
        assert!(p.starts_with(&media), "{p:?}");
    }
    for bad in [
        "0190c3a4-1234-7000-8000-00000000abcd".to_string(),
        item.id.to_uppercase(),
        format!("{}/../../plotline.db", item.id),
        "../plotline.db".to_string(),
        String::new(),
    ] {
        let err = store
            .read(|c| serve::resolve(c, &dir, &bad, MediaFile::Thumbnail))
            .unwrap_err();
        assert!(
            matches!(err, plotline_core::Error::NotFound(_)),
            "{bad}: {err:?}"
        );
    }
    // A thumbnail deleted behind our back is NotFound too, never a read elsewhere.
    std::fs::remove_file(library::thumbs_dir(&dir).join(library::thumb_file_name(&item.sha256)))
        .unwrap();
    assert!(store
        .read(|c| serve::resolve(c, &dir, &item.id, MediaFile::Thumbnail))
        .is_err());
}

/// Due today → "Export images": each attached photo in the size each of the post's platforms
/// needs, in a folder named after the post; platforms without a size are named, not guessed.
#[test]
fn a_posts_photos_export_in_the_size_each_of_its_platforms_needs() {
    use plotline_core::content::posts::VariantInput;
    use plotline_core::Error;
    let (tmp, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    // A second photo, transparent, so the PNG path is covered too.
    let logo = tmp.path().join("Shop logo.png");
    image::RgbaImage::from_fn(900, 600, |x, _| {
        image::Rgba([200, 120, 40, (x % 256) as u8])
    })
    .save(&logo)
    .unwrap();
    let report = manage::import_many(&store, &[common::fixture("fresh-flower.jpg"), logo]).unwrap();
    let ids: Vec<String> = report.imported.iter().map(|i| i.id.clone()).collect();
    assert_eq!(ids.len(), 2);

    let make = |title: &str, format: Format, platforms: &[&str]| {
        let mut input = PostInput::idea(title, ContentType::Community, format);
        input.scheduled_local = Some("2026-12-03T18:00".into());
        input.variants = platforms.iter().map(|p| VariantInput::inherit(p)).collect();
        store.write(|tx| posts::create(tx, &input, None)).unwrap()
    };
    let post = make(
        "Spring flowers!",
        Format::Photo,
        &["instagram", "x", "line_official_account"],
    );
    let out = tmp.path().join("hand-off");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();

    // No photos yet: say what to do.
    let err = manage::export_for_post(&store, &post.id, &out, today).unwrap_err();
    assert!(
        matches!(err, Error::Conflict(ref m) if m.contains("no photos")),
        "{err:?}"
    );

    store
        .write(|tx| manage::set_post_media(tx, &post.id, &ids))
        .unwrap();
    let rep = manage::export_for_post(&store, &post.id, &out, today).unwrap();
    assert!(
        rep.folder.ends_with("2026-12-03_spring-flowers"),
        "{}",
        rep.folder
    );
    assert_eq!(rep.as_is, vec!["line_official_account".to_string()]);
    assert_eq!(rep.files.len(), 4, "{:?}", rep.files);
    for f in &rep.files {
        assert!(f.path.starts_with(&rep.folder), "{}", f.path);
        let (w, h) = image::image_dimensions(&f.path).unwrap();
        assert_eq!((w, h), (f.width, f.height), "{}", f.path);
        assert!(f.fits_limit);
    }
    let sizes: Vec<(String, String)> = rep
        .files
        .iter()
        .map(|f| (f.platform.clone(), f.placement.clone()))
        .collect();
    assert_eq!(
        sizes,
        vec![
            ("instagram".into(), "feed_portrait".into()),
            ("x".into(), "landscape".into()),
            ("instagram".into(), "feed_portrait".into()),
            ("x".into(), "landscape".into()),
        ]
    );
    // Carousel order survives in the names; the transparent logo stays PNG.
    assert!(
        rep.files[0].path.contains("_01-fresh-flower_"),
        "{}",
        rep.files[0].path
    );
    assert!(rep.files[3].path.contains("_02-shop-logo_") && rep.files[3].path.ends_with(".png"));
    assert_eq!(common::files_in(std::path::Path::new(&rep.folder)).len(), 4);

    // A Story gets the story size.
    let story = make("Morning oven", Format::Story, &["instagram"]);
    store
        .write(|tx| manage::set_post_media(tx, &story.id, &ids[..1]))
        .unwrap();
    let rep = manage::export_for_post(&store, &story.id, &out, today).unwrap();
    assert_eq!((rep.files[0].width, rep.files[0].height), (1080, 1920));

    // Only LINE: nothing to resize, and the message says what to upload instead.
    let line = make("LINE coupon", Format::Photo, &["line_official_account"]);
    store
        .write(|tx| manage::set_post_media(tx, &line.id, &ids[..1]))
        .unwrap();
    let err = manage::export_for_post(&store, &line.id, &out, today).unwrap_err();
    assert!(
        matches!(err, Error::Conflict(ref m) if m.starts_with("LINE") && m.contains("as they are")),
        "{err:?}"
    );
}

/// A platform can have its own photos instead of the post's (as a variant can have its own
/// text): export, library counts, deleting and removing the platform all follow.
#[test]
fn a_platform_can_have_its_own_photos_instead_of_the_posts() {
    use plotline_core::content::posts::VariantInput;
    use plotline_core::Error;
    let (tmp, dir) = common::temp_data_dir();
    let store = common::store_with_cafe(&dir);
    let logo = tmp.path().join("Square logo.png");
    image::RgbaImage::from_fn(800, 800, |x, _| image::Rgba([30, 90, 200, (x % 256) as u8]))
        .save(&logo)
        .unwrap();
    let report = manage::import_many(&store, &[common::fixture("fresh-flower.jpg"), logo]).unwrap();
    let (flower, logo) = (report.imported[0].id.clone(), report.imported[1].id.clone());
    let mut input = PostInput::idea("Open day", ContentType::Community, Format::Photo);
    input.scheduled_local = Some("2026-12-05T10:00".into());
    input.variants = vec![
        VariantInput::inherit("instagram"),
        VariantInput::inherit("x"),
    ];
    let post = store.write(|tx| posts::create(tx, &input, None)).unwrap();
    store
        .write(|tx| manage::set_post_media(tx, &post.id, std::slice::from_ref(&flower)))
        .unwrap();

    // Instagram gets the logo; X keeps the post's photo.
    let ig = store
        .write(|tx| {
            manage::set_variant_media(tx, &post.id, "instagram", std::slice::from_ref(&logo))
        })
        .unwrap();
    assert!(ig.own);
    let all = store.read(|c| manage::for_variants(c, &post.id)).unwrap();
    let ids = |v: &manage::VariantMedia| v.media.iter().map(|m| m.id.clone()).collect::<Vec<_>>();
    assert_eq!(
        (all[0].platform.as_str(), all[0].own, ids(&all[0])),
        ("instagram", true, vec![logo.clone()])
    );
    assert_eq!(
        (all[1].platform.as_str(), all[1].own, ids(&all[1])),
        ("x", false, vec![flower.clone()])
    );

    let out = tmp.path().join("out");
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let rep = manage::export_for_post(&store, &post.id, &out, today).unwrap();
    let made: Vec<(String, String)> = rep
        .files
        .iter()
        .map(|f| {
            (
                f.platform.clone(),
                std::path::Path::new(&f.path)
                    .file_name()
                    .unwrap()
                    .to_string_lossy()
                    .into_owned(),
            )
        })
        .collect();
    assert_eq!(made.len(), 2, "{made:?}");
    assert_eq!(made[0].0, "instagram");
    assert!(made[0].1.contains("_01-square-logo_"), "{made:?}");
    assert_eq!(made[1].0, "x");
    assert!(made[1].1.contains("_02-fresh-flower_"), "{made:?}");

    // The library counts the post once per photo, and keeps a photo only a platform uses.
    let listed = store
        .read(|c| {
            manage::search(
                c,
                &MediaQuery {
                    search: String::new(),
                    sort: MediaSort::Name,
                },
            )
        })
        .unwrap();
    assert!(listed.iter().all(|m| m.used_by_posts == 1), "{listed:?}");
    let del = manage::delete(&store, std::slice::from_ref(&logo)).unwrap();
    assert_eq!(del.in_use[0].post_titles, vec!["Open day".to_string()]);

    // A platform the post is not planned for is refused; an empty list follows the post again.
    let err = store
        .write(|tx| {
            manage::set_variant_media(tx, &post.id, "linkedin", std::slice::from_ref(&logo))
        })
        .unwrap_err();
    assert!(
        matches!(err, Error::InvalidField { ref field, .. } if field == "platform"),
        "{err:?}"
    );
    let back = store
        .write(|tx| manage::set_variant_media(tx, &post.id, "instagram", &[]))
        .unwrap();
    assert!(!back.own);
    assert_eq!(back.media[0].id, flower);

    // Taking Instagram off the post drops its own photos with it.
    store
        .write(|tx| {
            manage::set_variant_media(tx, &post.id, "instagram", std::slice::from_ref(&logo))
        })
        .unwrap();
    let mut edit = posts::to_input(&store.read(|c| posts::get(c, &post.id)).unwrap());
    edit.variants.retain(|v| v.platform == "x");
    store
        .write(|tx| posts::update(tx, &post.id, &edit, None))
        .unwrap();
    let after = store.read(|c| manage::for_variants(c, &post.id)).unwrap();
    assert_eq!(after.len(), 1);
    let del = manage::delete(&store, std::slice::from_ref(&logo)).unwrap();
    assert_eq!(del.deleted, vec![logo]);
}
