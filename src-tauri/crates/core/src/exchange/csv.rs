//! Spreadsheet files (RELIABILITY.md R11).
//!
//! * Writing: every cell that a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
//!   `@`, tab or carriage return) gets a leading `'` (OWASP "CSV injection"), optional UTF-8 BOM
//!   so Excel opens UTF-8 (Japanese text) correctly.
//! * Reading: strict and bounded — size, row and cell caps; every row must have as many cells as
//!   the header (`flexible(false)`); an unterminated quote is reported with the line where it
//!   opened; text that is not UTF-8 is recognised as Shift_JIS (Japanese Excel's default) and
//!   decoded, and anything else is refused with a clear message.

use std::borrow::Cow;

use crate::{Error, Result};

/// Neutralise a cell a spreadsheet would otherwise execute as a formula.
pub fn neutralize(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

/// A CSV document in memory: header + rows, every cell neutralised.
pub fn write_csv<R, C>(header: &[&str], rows: R, excel_bom: bool) -> Result<Vec<u8>>
where
    R: IntoIterator<Item = C>,
    C: IntoIterator,
    C::Item: AsRef<str>,
{
    let mut out = Vec::new();
    if excel_bom {
        out.extend_from_slice(b"\xEF\xBB\xBF");
    }
    let mut w = ::csv::WriterBuilder::new()
        .flexible(false)
        .terminator(::csv::Terminator::CRLF)
        .from_writer(out);
    let fail =
        |e: ::csv::Error| Error::Invalid(format!("Plotline could not write the spreadsheet: {e}"));
    w.write_record(header.iter().map(|h| neutralize(h).into_owned()))
        .map_err(fail)?;
    for row in rows {
        let cells: Vec<String> = row
            .into_iter()
            .map(|c| neutralize(c.as_ref()).into_owned())
            .collect();
        w.write_record(&cells).map_err(fail)?;
    }
    w.into_inner()
        .map_err(|e| Error::Invalid(format!("Plotline could not write the spreadsheet: {e}")))
}

#[derive(Debug, Clone, Copy)]
pub struct CsvLimits {
    pub max_bytes: usize,
    pub max_rows: usize,
    pub max_cell_bytes: usize,
}

impl Default for CsvLimits {
    fn default() -> Self {
        CsvLimits {
            max_bytes: 20 * 1024 * 1024,
            max_rows: 50_000,
            max_cell_bytes: 64 * 1024,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CsvEncoding {
    Utf8,
    ShiftJis,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvRow {
    /// 1-based line in the file where the row starts (for per-row error messages).
    pub line: u64,
    pub cells: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CsvTable {
    pub encoding: CsvEncoding,
    pub header: Vec<String>,
    pub rows: Vec<CsvRow>,
}

fn bad(what: String) -> Error {
    Error::Invalid(format!("This spreadsheet cannot be imported: {what}"))
}

/// Decode the file's text: UTF-8 (with or without BOM), else Shift_JIS, else a clear error.
fn decode(bytes: &[u8]) -> Result<(Cow<'_, str>, CsvEncoding)> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(bad(
            "it is saved as UTF-16 (\"Unicode text\"). In Excel choose Save As → \"CSV UTF-8 (Comma \
             delimited)\", then import that file."
                .into(),
        ));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(body) {
        Ok(s) => Ok((Cow::Borrowed(s), CsvEncoding::Utf8)),
        Err(e) => {
            if let Some(s) =
                encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(body)
            {
                return Ok((s, CsvEncoding::ShiftJis));
            }
            let line = body[..e.valid_up_to()]
                .iter()
                .filter(|b| **b == b'\n')
                .count()
                + 1;
            Err(bad(format!(
                "line {line} is neither UTF-8 nor Shift_JIS text. Save the file as \"CSV UTF-8\" and \
                 import it again."
            )))
        }
    }
}

/// Find a quote that is opened and never closed; returns the line it opened on.
fn unterminated_quote(text: &str) -> Option<u64> {
    let mut line: u64 = 1;
    let mut in_quotes = false;
    let mut opened_at = 0;
    let mut at_field_start = true;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if in_quotes {
            if c == '"' {
                if chars.peek() == Some(&'"') {
                    chars.next();
                } else {
                    in_quotes = false;
                }
            } else if c == '\n' {
                line += 1;
            }
            continue;
        }
        match c {
            '"' if at_field_start => {
                in_quotes = true;
                opened_at = line;
            }
            ',' => {
                at_field_start = true;
                continue;
            }
            '\n' => {
                line += 1;
                at_field_start = true;
                continue;
            }
            _ => {}
        }
        at_field_start = false;
    }
    in_quotes.then_some(opened_at)
}

/// The 1-based line of byte offset `byte` (counted from the text, so CRLF files number
/// their lines like LF files do).
fn line_at(text: &str, byte: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(byte).unwrap_or(usize::MAX).min(bytes.len());
    // After a CR the reader's record starts on the LF that completes the previous line.
    while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
        end += 1;
    }
    bytes[..end].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

/// Read a CSV file strictly. The first row is the header.
pub fn read_csv(bytes: &[u8], limits: &CsvLimits) -> Result<CsvTable> {
    if bytes.len() > limits.max_bytes {
        return Err(bad(format!(
            "it is {} MB; Plotline reads spreadsheets up to {} MB. Split it into smaller files.",
            bytes.len().div_ceil(1024 * 1024),
            limits.max_bytes / (1024 * 1024)
        )));
    }
    let (text, encoding) = decode(bytes)?;
    if let Some(line) = unterminated_quote(&text) {
        return Err(bad(format!(
            "the quote (\") that opens on line {line} is never closed. Check that line in your \
             spreadsheet app."
        )));
    }
    let mut reader = ::csv::ReaderBuilder::new()
        .flexible(false)
        .has_headers(true)
        .from_reader(text.as_bytes());
    let header: Vec<String> = reader
        .headers()
        .map_err(|e| bad(format!("its first line could not be read ({e})")))?
        .iter()
        .map(str::to_string)
        .collect();
    if header.iter().all(|h| h.trim().is_empty()) {
        return Err(bad("its first line (the column names) is empty.".into()));
    }
    let mut rows = Vec::new();
    for rec in reader.records() {
        let rec = rec.map_err(|e| match e.kind() {
            ::csv::ErrorKind::UnequalLengths { pos, expected_len, len } => bad(format!(
                "line {} has {len} cells but the first line has {expected_len}. Check for a missing or \
                 extra comma on that line.",
                pos.as_ref().map_or(0, |p| line_at(&text, p.byte()))
            )),
            _ => bad(format!("{e}")),
        })?;
        if rows.len() >= limits.max_rows {
            return Err(bad(format!(
                "it has more than {} rows. Split it into smaller files.",
                limits.max_rows
            )));
        }
        let line = rec.position().map_or(0, |p| line_at(&text, p.byte()));
        if let Some(cell) = rec.iter().find(|c| c.len() > limits.max_cell_bytes) {
            return Err(bad(format!(
                "a cell on line {line} is {} KB long; the limit is {} KB.",
                cell.len() / 1024,
                limits.max_cell_bytes / 1024
            )));
        }
        rows.push(CsvRow {
            line,
            cells: rec.iter().map(str::to_string).collect(),
        });
    }
    Ok(CsvTable {
        encoding,
        header,
        rows,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_neutralised_on_export() {
        for evil in [
            "=HYPERLINK(\"http://x\")",
            "+1+1",
            "-2+3",
            "@SUM(A1)",
            "\tx",
            "\rx",
        ] {
            assert_eq!(neutralize(evil), format!("'{evil}"));
        }
        assert_eq!(neutralize("Croissant 🥐 = tasty"), "Croissant 🥐 = tasty");
        assert_eq!(neutralize(""), "");
        let bytes = write_csv(
            &["title", "note"],
            [["=cmd|' /C calc'!A0", "新作パン, \"fresh\""]],
            true,
        )
        .expect("write");
        assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
        let text = String::from_utf8(bytes).expect("utf8");
        assert!(text.contains("'=cmd|"), "{text}");
        assert!(text.contains("\"新作パン, \"\"fresh\"\"\""), "{text}");
        // And it reads back strictly, with the BOM removed.
        let t = read_csv(text.as_bytes(), &CsvLimits::default()).expect("read back");
        assert_eq!(t.header, vec!["title", "note"]);
        assert_eq!(t.rows[0].cells[1], "新作パン, \"fresh\"");
    }

    #[test]
    fn crlf_files_number_their_lines_like_lf_files() {
        let t = read_csv(b"a,b\r\n1,2\r\n3,4\r\n", &CsvLimits::default()).expect("reads");
        assert_eq!(t.rows[0].line, 2);
        assert_eq!(t.rows[1].line, 3);
        let msg = read_csv(b"a,b\r\n1,2\r\n3\r\n", &CsvLimits::default())
            .expect_err("ragged")
            .to_string();
        assert!(msg.contains("line 3 has 1 cells"), "{msg}");
    }

    #[test]
    fn ragged_rows_are_reported_with_their_line() {
        let csv = "a,b\n1,2\n3\n";
        let msg = read_csv(csv.as_bytes(), &CsvLimits::default())
            .expect_err("ragged")
            .to_string();
        assert!(
            msg.contains("line 3 has 1 cells but the first line has 2"),
            "{msg}"
        );
    }

    #[test]
    fn unterminated_quote_is_reported_with_its_line() {
        let csv = "a,b\n1,\"ok\"\n2,\"multi\nline\"\n3,\"never closed\n4,x\n";
        let msg = read_csv(csv.as_bytes(), &CsvLimits::default())
            .expect_err("quote")
            .to_string();
        assert!(msg.contains("opens on line 5 is never closed"), "{msg}");
        // Quotes inside unquoted cells are literal and fine.
        let ok = "a,b\n5\" tart,x\n";
        assert_eq!(
            read_csv(ok.as_bytes(), &CsvLimits::default())
                .expect("ok")
                .rows[0]
                .cells[0],
            "5\" tart"
        );
    }

    #[test]
    fn shift_jis_is_decoded_and_other_bytes_refused() {
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("タイトル,メモ\r\n新作パン,朝7時\r\n");
        let t = read_csv(&sjis, &CsvLimits::default()).expect("sjis");
        assert_eq!(t.encoding, CsvEncoding::ShiftJis);
        assert_eq!(t.header, vec!["タイトル", "メモ"]);
        assert_eq!(t.rows[0].cells, vec!["新作パン", "朝7時"]);
        let msg = read_csv(b"a,b\n1,\x80\xff\xfe\n", &CsvLimits::default())
            .expect_err("binary")
            .to_string();
        assert!(
            msg.contains("line 2 is neither UTF-8 nor Shift_JIS"),
            "{msg}"
        );
        let msg = read_csv(b"\xFF\xFEa\x00", &CsvLimits::default())
            .expect_err("utf16")
            .to_string();
        assert!(msg.contains("UTF-16"), "{msg}");
    }

    #[test]
    fn caps_on_size_rows_and_cells() {
        let small = CsvLimits {
            max_bytes: 10,
            max_rows: 2,
            max_cell_bytes: 4,
        };
        assert!(read_csv(b"a,b\n1,2\n3,4\n", &small)
            .expect_err("size")
            .to_string()
            .contains("MB"));
        let rows = CsvLimits {
            max_bytes: 1000,
            ..small
        };
        assert!(read_csv(b"a,b\n1,2\n3,4\n5,6\n", &rows)
            .expect_err("rows")
            .to_string()
            .contains("more than 2 rows"));
        assert!(read_csv(b"a,b\n12345,2\n", &rows)
            .expect_err("cell")
            .to_string()
            .contains("line 2"));
    }
}
