//! R3: the `plotline-media` URI scheme. The WebView asks for `/thumb/<id>` or
//! `/original/<id>`; only `plotline_core::media::serve` turns that id into a file, and it
//! answers with a file strictly inside the media folder or 404. No path from the request
//! ever reaches the file system.

use plotline_core::media::serve::{self, MediaFile};
use plotline_core::Store;
use tauri::http::{header, Method, Request, Response, StatusCode};

/// The scheme name (also in tauri.conf.json's CSP: `plotline-media:` and, on Windows,
/// `http://plotline-media.localhost`).
pub const SCHEME: &str = "plotline-media";

fn plain(status: StatusCode, text: &str) -> Response<Vec<u8>> {
    Response::builder()
        .status(status)
        .header(header::CONTENT_TYPE, "text/plain; charset=utf-8")
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .body(text.as_bytes().to_vec())
        .unwrap_or_default()
}

/// Answer one request. Blocking (reads the DB and a file): call it off the UI thread.
pub fn respond(store: Option<&Store>, request: &Request<Vec<u8>>) -> Response<Vec<u8>> {
    if request.method() != Method::GET && request.method() != Method::HEAD {
        return plain(StatusCode::METHOD_NOT_ALLOWED, "Only GET is allowed.");
    }
    let Some((id, kind)) = serve::parse_request_path(request.uri().path()) else {
        return plain(StatusCode::NOT_FOUND, "Not found.");
    };
    let Some(store) = store else {
        return plain(StatusCode::SERVICE_UNAVAILABLE, "The library is not open.");
    };
    let file = store.read(|c| serve::resolve(c, store.data_dir(), id, kind));
    let bytes = match file.and_then(|path| {
        std::fs::read(&path).map_err(|e| plotline_core::Error::io("read a photo", e))
    }) {
        Ok(b) => b,
        Err(plotline_core::Error::NotFound(_)) => {
            return plain(StatusCode::NOT_FOUND, "Not found.")
        }
        Err(_) => {
            return plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The photo could not be read.",
            )
        }
    };
    let content_type = serve::content_type(&bytes);
    let cache = match kind {
        // Ids are never reused and a photo's files never change: cache for good.
        MediaFile::Original | MediaFile::Thumbnail => "private, max-age=31536000, immutable",
    };
    let body = if request.method() == Method::HEAD {
        Vec::new()
    } else {
        bytes
    };
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, content_type)
        .header(header::X_CONTENT_TYPE_OPTIONS, "nosniff")
        .header(header::CACHE_CONTROL, cache)
        .body(body)
        .unwrap_or_else(|_| {
            plain(
                StatusCode::INTERNAL_SERVER_ERROR,
                "The photo could not be sent.",
            )
        })
}

/// Register the scheme on a Tauri builder.
pub fn register<R: tauri::Runtime>(builder: tauri::Builder<R>) -> tauri::Builder<R> {
    use tauri::Manager;
    builder.register_asynchronous_uri_scheme_protocol(SCHEME, |ctx, request, responder| {
        let app = ctx.app_handle().clone();
        tauri::async_runtime::spawn_blocking(move || {
            let state = app.state::<crate::state::AppState>();
            let store = state.store().ok();
            responder.respond(respond(store.as_deref(), &request));
        });
    })
}
