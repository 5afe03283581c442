//! How many partners the directory generates (`?partners=N`).

/// Partners generated when the URL does not say: a realistic directory that
/// builds in a few milliseconds.
pub const DEFAULT_PARTNER_COUNT: usize = 5_000;

/// The most partners a URL may ask for: enough for benchmarks, small enough
/// to stay well inside a browser tab's memory.
pub const MAX_PARTNER_COUNT: usize = 200_000;

/// The URL query key of the partner count.
pub const PARTNERS_KEY: &str = "partners";

/// Why a `?partners=` value was refused; the caller falls back to
/// `DEFAULT_PARTNER_COUNT` and shows the sentence.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum PartnerCountError {
    #[error("The link asks for a directory of “{0}” partners, which is not a whole number; it shows the usual 5,000.")]
    NotANumber(String),
    #[error("The link asks for a directory of 0 partners; it shows the usual 5,000.")]
    TooSmall,
    #[error("The link asks for a directory of {0} partners, more than the 200,000 it can hold; it shows the usual 5,000.")]
    TooLarge(String),
}

/// Parses a partner count: digits only (spaces around are fine), within
/// `1..=MAX_PARTNER_COUNT`. Anything else is refused, never clamped
/// silently, so a typo does not quietly build a different directory.
pub fn parse_partner_count(text: &str) -> Result<usize, PartnerCountError> {
    let digits = text.trim();
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return Err(PartnerCountError::NotANumber(shorten(digits)));
    }
    // All digits: the only way to fail parsing is overflow, i.e. too large.
    let count: usize = digits
        .parse()
        .map_err(|_| PartnerCountError::TooLarge(shorten(digits)))?;
    match count {
        0 => Err(PartnerCountError::TooSmall),
        n if n > MAX_PARTNER_COUNT => Err(PartnerCountError::TooLarge(shorten(digits))),
        n => Ok(n),
    }
}

/// Keeps messages short whatever was pasted into the URL.
fn shorten(text: &str) -> String {
    const MAX: usize = 20;
    match text.char_indices().nth(MAX) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_count_in_range_is_accepted() {
        assert_eq!(parse_partner_count("1"), Ok(1));
        assert_eq!(parse_partner_count(" 5000 "), Ok(5_000));
        assert_eq!(parse_partner_count("200000"), Ok(MAX_PARTNER_COUNT));
    }

    #[test]
    fn zero_and_too_many_are_refused() {
        assert_eq!(parse_partner_count("0"), Err(PartnerCountError::TooSmall));
        assert_eq!(
            parse_partner_count("200001"),
            Err(PartnerCountError::TooLarge("200001".into()))
        );
        assert!(matches!(
            parse_partner_count("99999999999999999999999999"),
            Err(PartnerCountError::TooLarge(_))
        ));
    }

    #[test]
    fn anything_but_digits_is_not_a_number() {
        for text in ["", "abc", "-5", "5e3", "1.5", "5 000", "+7", "٣"] {
            assert!(
                matches!(
                    parse_partner_count(text),
                    Err(PartnerCountError::NotANumber(_))
                ),
                "{text}"
            );
        }
    }

    #[test]
    fn the_refusal_reads_as_a_sentence() {
        let error = parse_partner_count("lots").unwrap_err();
        assert_eq!(
            error.to_string(),
            "The link asks for a directory of “lots” partners, which is not a whole number; it shows the usual 5,000."
        );
    }
}
