//! The printable calendar: one self-contained HTML page (no scripts, no outside resources) with
//! one printed page per month (or per week), pillar colours, statuses, a legend and the business
//! name. The app shows it and prints it through the WebView (`window.print()` → PDF); print CSS
//! sets A4 or Letter landscape.

use std::collections::BTreeMap;

use chrono::{Datelike, Duration, NaiveDate};
use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{select, ExportOptions, Selection};
use crate::content::posts::Post;
use crate::content::PostStatus;
use crate::exchange::post_events::{platform_short, status_label};
use crate::workspace::Language;
use crate::Result;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PrintLayout {
    Month,
    Week,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum PaperSize {
    A4,
    Letter,
}

/// Most pages one printout makes (a longer range is cut, with a note on the last page).
pub const MAX_PAGES: usize = 24;

/// Printed pillar colours (soft fill, strong edge): the same values as `--pillar-*` in
/// ui/src/styles/tokens.css (light theme; paper is light).
fn pillar_colour(name: &str) -> (&'static str, &'static str) {
    match name {
        "leaf" => ("#d7ecd0", "#3f7f32"),
        "sky" => ("#d3e6f6", "#2a6a9e"),
        "sun" => ("#f8e7b5", "#9a6b00"),
        "rose" => ("#f6d5dc", "#a63a55"),
        "violet" => ("#e4dbf5", "#6a4ca8"),
        "sand" => ("#eee2cc", "#86673a"),
        "teal" => ("#cfeae6", "#1f7a70"),
        _ => ("#dfe4e8", "#55626d"),
    }
}

/// The class suffix of a pillar colour (unknown names print as slate).
fn pillar_class(name: &str) -> &'static str {
    PILLAR_CLASSES
        .iter()
        .find(|c| **c == name)
        .copied()
        .unwrap_or("slate")
}

const PILLAR_CLASSES: [&str; 8] = [
    "leaf", "sky", "sun", "rose", "violet", "sand", "teal", "slate",
];

fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

fn status_mark(s: PostStatus) -> &'static str {
    match s {
        PostStatus::Idea => "○",
        PostStatus::Draft => "◔",
        PostStatus::InReview | PostStatus::ChangesRequested => "◑",
        PostStatus::Approved => "◕",
        PostStatus::Scheduled => "●",
        PostStatus::Published => "✔",
    }
}

struct Words {
    weekdays: [&'static str; 7],
    legend: &'static str,
    no_pillar: &'static str,
    statuses: &'static str,
    events: &'static str,
    cut: &'static str,
    empty: &'static str,
}

fn words(lang: Language) -> Words {
    match lang {
        Language::En => Words {
            weekdays: ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"],
            legend: "Pillars",
            no_pillar: "No pillar",
            statuses: "Status",
            events: "Events",
            cut: "Only the first pages are printed; choose a shorter date range for the rest.",
            empty: "No posts are planned in this range.",
        },
        Language::Ja => Words {
            weekdays: ["月", "火", "水", "木", "金", "土", "日"],
            legend: "柱",
            no_pillar: "柱なし",
            statuses: "ステータス",
            events: "イベント",
            cut: "最初のページだけを印刷します。残りは期間を短くして印刷してください。",
            empty: "この期間に予定された投稿はありません。",
        },
    }
}

fn month_title(d: NaiveDate, lang: Language) -> String {
    match lang {
        Language::En => d.format("%B %Y").to_string(),
        Language::Ja => format!("{}年{}月", d.year(), d.month()),
    }
}

fn local_day(post: &Post) -> Option<(NaiveDate, String)> {
    let t = post.time.as_ref()?;
    let day = NaiveDate::parse_from_str(t.local.get(..10)?, "%Y-%m-%d").ok()?;
    Some((day, t.local.get(11..16).unwrap_or("").to_string()))
}

fn chip(sel: &Selection, post: &Post, time: &str) -> String {
    let colour = post
        .pillar_id
        .as_ref()
        .and_then(|id| sel.pillars.get(id))
        .map_or("slate", |p| p.colour.as_str());
    let platforms: Vec<&str> = post
        .variants
        .iter()
        .map(|v| platform_short(&v.platform))
        .collect();
    format!(
        "<div class=\"post pl-{}\"><span class=\"t\">{}</span> \
         <span class=\"s\" title=\"{}\">{}</span> {}<span class=\"p\">{}</span></div>",
        pillar_class(colour),
        esc(time),
        esc(status_label(post.status, sel.language)),
        status_mark(post.status),
        esc(&post.title),
        if platforms.is_empty() {
            String::new()
        } else {
            format!(" · {}", esc(&platforms.join(" ")))
        }
    )
}

/// The weeks (Monday-first) covering `first..=last`.
fn weeks(first: NaiveDate, last: NaiveDate) -> Vec<NaiveDate> {
    let mut start = first - Duration::days(i64::from(first.weekday().num_days_from_monday()));
    let mut out = Vec::new();
    while start <= last {
        out.push(start);
        start += Duration::days(7);
    }
    out
}

fn day_cell(
    sel: &Selection,
    day: NaiveDate,
    in_scope: bool,
    by_day: &BTreeMap<NaiveDate, Vec<(String, &Post)>>,
) -> String {
    let mut cell = format!(
        "<td class=\"{}\"><div class=\"d\">{}</div>",
        if in_scope { "day" } else { "day out" },
        day.day()
    );
    for e in sel
        .events
        .iter()
        .filter(|e| e.starts_on <= day && day <= e.ends_on)
    {
        cell.push_str(&format!("<div class=\"ev\">◆ {}</div>", esc(&e.title)));
    }
    if in_scope {
        for (time, post) in by_day.get(&day).into_iter().flatten() {
            cell.push_str(&chip(sel, post, time));
        }
    }
    cell.push_str("</td>");
    cell
}

/// The whole printable document (self-contained: its own styles, no scripts).
pub fn render(sel: &Selection, layout: PrintLayout, paper: PaperSize) -> String {
    let size = match paper {
        PaperSize::A4 => "A4 landscape",
        PaperSize::Letter => "letter landscape",
    };
    let mut colours = String::new();
    for c in PILLAR_CLASSES {
        let (fill, edge) = pillar_colour(c);
        colours.push_str(&format!(
            ".pl-{c}{{background:{fill};border-left-color:{edge}}}\n"
        ));
    }
    format!(
        "<!DOCTYPE html><html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{}</title><style>{STYLE}{colours}@page {{ size: {size}; margin: 10mm; }}</style></head><body>{}</body></html>",
        match sel.language {
            Language::En => "en",
            Language::Ja => "ja",
        },
        esc(&sel.business),
        render_pages(sel, layout)
    )
}

/// Only the pages (no document, no styles): what the app shows in its preview, styled by its
/// own stylesheet (the app's CSP allows no inline styles).
pub fn render_pages(sel: &Selection, layout: PrintLayout) -> String {
    let w = words(sel.language);
    let mut by_day: BTreeMap<NaiveDate, Vec<(String, &Post)>> = BTreeMap::new();
    for p in &sel.posts {
        if let Some((day, time)) = local_day(p) {
            by_day.entry(day).or_default().push((time, p));
        }
    }
    let today = chrono::Utc::now().with_timezone(&sel.tz).date_naive();
    let first = sel
        .from
        .or_else(|| by_day.keys().next().copied())
        .unwrap_or(today);
    let last = sel
        .to
        .or_else(|| by_day.keys().next_back().copied())
        .unwrap_or(first)
        .max(first);
    let mut html = String::new();
    let mut pages: Vec<String> = Vec::new();
    match layout {
        PrintLayout::Month => {
            let mut month = first.with_day(1).unwrap_or(first);
            while month <= last {
                let next = (month + Duration::days(32)).with_day(1).unwrap_or(month);
                let month_last = next - Duration::days(1);
                let mut page = format!(
                    "<h2>{}</h2><table class=\"grid\"><thead><tr>",
                    month_title(month, sel.language)
                );
                for d in w.weekdays {
                    page.push_str(&format!("<th>{d}</th>"));
                }
                page.push_str("</tr></thead><tbody>");
                for start in weeks(month, month_last) {
                    page.push_str("<tr>");
                    for i in 0..7 {
                        let day = start + Duration::days(i);
                        let in_scope = day.month() == month.month() && day >= first && day <= last;
                        page.push_str(&day_cell(sel, day, in_scope, &by_day));
                    }
                    page.push_str("</tr>");
                }
                page.push_str("</tbody></table>");
                pages.push(page);
                month = next;
            }
        }
        PrintLayout::Week => {
            for start in weeks(first, last) {
                let end = start + Duration::days(6);
                let mut page = format!(
                    "<h2>{} – {}</h2><table class=\"grid week\"><thead><tr>",
                    start.format("%Y-%m-%d"),
                    end.format("%Y-%m-%d")
                );
                for (i, d) in w.weekdays.iter().enumerate() {
                    let day = start + Duration::days(i as i64);
                    page.push_str(&format!("<th>{d} {}</th>", day.format("%m/%d")));
                }
                page.push_str("</tr></thead><tbody><tr>");
                for i in 0..7 {
                    let day = start + Duration::days(i);
                    page.push_str(&day_cell(sel, day, day >= first && day <= last, &by_day));
                }
                page.push_str("</tr></tbody></table>");
                pages.push(page);
            }
        }
    }
    let cut = pages.len() > MAX_PAGES;
    pages.truncate(MAX_PAGES);
    let legend = legend(sel, &w);
    let n = pages.len();
    for (i, page) in pages.into_iter().enumerate() {
        html.push_str(&format!(
            "<section class=\"page\"><header><strong>{}</strong><span>{} / {n}</span></header>{page}{legend}",
            esc(&sel.business),
            i + 1
        ));
        if sel.posts.is_empty() && i == 0 {
            html.push_str(&format!("<p class=\"note\">{}</p>", w.empty));
        }
        if cut && i + 1 == n {
            html.push_str(&format!("<p class=\"note\">{}</p>", w.cut));
        }
        html.push_str("</section>");
    }
    html
}

fn legend(sel: &Selection, w: &Words) -> String {
    let mut out = format!("<footer class=\"legend\"><strong>{}</strong>", w.legend);
    let mut pillars: Vec<_> = sel.pillars.values().collect();
    pillars.sort_by_key(|p| (p.sort_order, p.name.clone()));
    for p in pillars {
        out.push_str(&format!(
            "<span class=\"key pl-{}\">{}</span>",
            pillar_class(&p.colour),
            esc(&p.name)
        ));
    }
    out.push_str(&format!(
        "<span class=\"key pl-slate\">{}</span>",
        w.no_pillar
    ));
    out.push_str(&format!(" <strong>{}</strong>", w.statuses));
    for s in PostStatus::ALL {
        out.push_str(&format!(
            "<span class=\"st\">{} {}</span>",
            status_mark(s),
            esc(status_label(s, sel.language))
        ));
    }
    if !sel.events.is_empty() {
        out.push_str(&format!(" <span class=\"st\">◆ {}</span>", w.events));
    }
    out.push_str("</footer>");
    out
}

const STYLE: &str = "
*{box-sizing:border-box}
body{margin:0;font-family:system-ui,-apple-system,'Segoe UI','Hiragino Sans','Noto Sans JP',sans-serif;color:#1c2623;background:#fff;font-size:10px}
.page{padding:8px 12px;break-after:page;page-break-after:always}
.page:last-child{break-after:auto;page-break-after:auto}
header{display:flex;justify-content:space-between;font-size:11px;color:#55626d;border-bottom:1px solid #c9d1d6;padding-bottom:4px}
h2{margin:6px 0;font-size:16px}
table.grid{width:100%;border-collapse:collapse;table-layout:fixed}
th{font-weight:600;text-align:left;padding:3px 4px;border:1px solid #c9d1d6;background:#f3f5f6}
td.day{vertical-align:top;border:1px solid #c9d1d6;height:88px;padding:2px 3px;overflow:hidden}
td.out{background:#f7f8f9;color:#9aa5ad}
.week td.day{height:420px}
.d{font-weight:700;font-size:10px}
.post{border-left:3px solid;border-radius:2px;padding:1px 3px;margin:2px 0;line-height:1.25;overflow-wrap:anywhere;break-inside:avoid}
.post .t{font-variant-numeric:tabular-nums;font-weight:600}
.post .p{color:#3d4a52}
.ev{font-weight:600;color:#6a4ca8;margin:1px 0}
.legend{margin-top:6px;display:flex;flex-wrap:wrap;gap:4px 8px;align-items:center;font-size:9px}
.key{border-left:3px solid;padding:1px 4px;border-radius:2px}
.note{color:#55626d}
@media screen{body{background:#e9ecee}.page{background:#fff;margin:12px auto;max-width:1100px;box-shadow:0 1px 3px rgba(0,0,0,.2)}}
@media print{body{-webkit-print-color-adjust:exact;print-color-adjust:exact}td.day{height:25mm}.week td.day{height:140mm}}
";

/// The pages only, for the in-app preview.
pub fn preview(conn: &Connection, opts: &ExportOptions, layout: PrintLayout) -> Result<String> {
    Ok(render_pages(&select(conn, opts)?, layout))
}

/// Select and render in one step.
pub fn export(
    conn: &Connection,
    opts: &ExportOptions,
    layout: PrintLayout,
    paper: PaperSize,
) -> Result<(String, u32)> {
    let sel = select(conn, opts)?;
    Ok((render(&sel, layout, paper), sel.posts.len() as u32))
}
