//! CSV files an admin opens in a spreadsheet: RFC 4180 cells, a UTF-8
//! byte order mark so Excel reads names like "Zürich" as UTF-8, CRLF line
//! ends, and OWASP's neutralisation of formula injection.
//!
//! Partner names and relationship names come from partners, so a cell
//! like `=HYPERLINK("https://evil.example","Click")` must reach the
//! spreadsheet as text, never as a formula.

/// The byte order mark Excel needs to read a CSV file as UTF-8.
pub const UTF8_BOM: char = '\u{FEFF}';

/// The media type to save a CSV file with.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

/// Characters that make a spreadsheet read a cell as a formula when they
/// come first (OWASP, CSV Injection): `=`, `+`, `-`, `@`, tab and
/// carriage return.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// One cell as it goes in the file: a formula start gets a leading `'`
/// (the spreadsheet then shows the text as typed), and every cell is
/// quoted with its quotes doubled, so commas, semicolons (the separator
/// in some locales) and line breaks stay inside it.
pub fn cell(text: &str) -> String {
    let neutral = if text.starts_with(FORMULA_STARTS) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    format!("\"{}\"", neutral.replace('"', "\"\""))
}

/// A whole file: the byte order mark, the header row, then the rows, each
/// ended by CRLF.
pub fn document<R: AsRef<[String]>>(header: &[&str], rows: &[R]) -> String {
    let mut out = String::new();
    out.push(UTF8_BOM);
    push_row(&mut out, header.iter().copied());
    for row in rows {
        push_row(&mut out, row.as_ref().iter().map(String::as_str));
    }
    out
}

fn push_row<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    let cells: Vec<String> = cells.map(cell).collect();
    out.push_str(&cells.join(","));
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cell_that_starts_a_formula_is_neutralised_with_a_quote_mark() {
        assert_eq!(
            cell("=HYPERLINK(\"https://evil.example\",\"Click\")"),
            "\"'=HYPERLINK(\"\"https://evil.example\"\",\"\"Click\"\")\""
        );
        assert_eq!(cell("+1 425 555 0100"), "\"'+1 425 555 0100\"");
        assert_eq!(cell("-2+3"), "\"'-2+3\"");
        assert_eq!(cell("@SUM(A1:A9)"), "\"'@SUM(A1:A9)\"");
        assert_eq!(cell("\t=1"), "\"'\t=1\"");
        assert_eq!(cell("\r=1"), "\"'\r=1\"");
        // Only the first character counts: inside a name it is text.
        assert_eq!(cell("Contoso = Cloud"), "\"Contoso = Cloud\"");
        assert_eq!(cell(" =1"), "\" =1\"");
    }

    #[test]
    fn quotes_commas_and_line_breaks_stay_inside_their_cell() {
        assert_eq!(cell("Say \"hi\""), "\"Say \"\"hi\"\"\"");
        assert_eq!(cell("Seattle, WA"), "\"Seattle, WA\"");
        assert_eq!(cell("one\r\ntwo"), "\"one\r\ntwo\"");
        assert_eq!(cell("a;=1"), "\"a;=1\"");
        assert_eq!(cell(""), "\"\"");
    }

    #[test]
    fn non_ascii_text_is_kept_as_it_is() {
        assert_eq!(cell("Zürich – Ålesund 東京"), "\"Zürich – Ålesund 東京\"");
    }

    #[test]
    fn a_document_starts_with_the_bom_and_ends_every_row_with_crlf() {
        let rows = vec![vec!["a".to_string(), "b,c".to_string()]];
        let text = document(&["One", "Two"], &rows);
        assert_eq!(text, "\u{FEFF}\"One\",\"Two\"\r\n\"a\",\"b,c\"\r\n");
        assert!(text.as_bytes().starts_with(&[0xEF, 0xBB, 0xBF]));
    }

    /// A minimal RFC 4180 reader, to check that what is written reads back
    /// cell for cell.
    fn read(text: &str) -> Vec<Vec<String>> {
        let text = text.strip_prefix(UTF8_BOM).unwrap();
        let mut rows = Vec::new();
        let mut row = Vec::new();
        let mut field = String::new();
        let mut quoted = false;
        let mut chars = text.chars().peekable();
        while let Some(c) = chars.next() {
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    field.push('"');
                }
                (true, '"') => quoted = false,
                (true, c) => field.push(c),
                (false, '"') => quoted = true,
                (false, ',') => row.push(std::mem::take(&mut field)),
                (false, '\r') => {
                    assert_eq!(chars.next(), Some('\n'), "a bare CR ends no row");
                    row.push(std::mem::take(&mut field));
                    rows.push(std::mem::take(&mut row));
                }
                (false, c) => panic!("unquoted {c:?}"),
            }
        }
        assert!(field.is_empty() && row.is_empty(), "last row not ended");
        rows
    }

    #[test]
    fn hostile_cells_read_back_as_the_same_text_never_a_formula() {
        let hostile = [
            "=HYPERLINK(\"https://evil.example\",\"Click\")",
            "Fabrikam \"IT\", Inc.\r\nSecond line",
            "@cmd|' /C calc'!A0",
            "Zürich",
        ];
        let rows = vec![hostile.iter().map(|s| s.to_string()).collect::<Vec<_>>()];
        let read = read(&document(&["A", "B", "C", "D"], &rows));
        assert_eq!(read[0], ["A", "B", "C", "D"]);
        assert_eq!(read[1][0], format!("'{}", hostile[0]));
        assert_eq!(read[1][1], hostile[1]);
        assert_eq!(read[1][2], format!("'{}", hostile[2]));
        assert_eq!(read[1][3], "Zürich");
    }
}
