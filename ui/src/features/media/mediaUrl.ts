// Images reach the WebView only through the `plotline-media` scheme, by id (R3). WebKitGTK
// and WKWebView load custom schemes as `plotline-media://localhost/...`; WebView2 on Windows
// maps them to `http://plotline-media.localhost/...`. Both are allowed by the CSP's img-src.

export type MediaFileKind = "thumb" | "original";

export function mediaUrl(kind: MediaFileKind, id: string, userAgent: string = navigator.userAgent): string {
  const path = `${kind}/${encodeURIComponent(id)}`;
  return /Windows/i.test(userAgent) ? `http://plotline-media.localhost/${path}` : `plotline-media://localhost/${path}`;
}
