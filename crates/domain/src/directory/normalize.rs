//! Text normalization shared by the keyword index and keyword queries.
//!
//! Both sides go through the same function, so "Düsseldorf", "DUSSELDORF"
//! and "dusseldorf" are the same word. A word is a maximal run of letters
//! and digits after lower-casing and folding Latin accents to ASCII;
//! everything else (spaces, punctuation, '&', '-') separates words.
//! Combining accents are dropped without splitting the word, so decomposed
//! input ("e" + U+0301) folds like precomposed input.

/// Lower-cased, accent-folded words of `text`, joined by single spaces.
///
/// Idempotent: normalizing a normalized text changes nothing.
pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    for_each_word(text, &mut word, |w| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    });
    out
}

/// Calls `f` with each normalized word of `text`, in order.
///
/// `scratch` is reused between words and calls so tokenizing 100,000
/// partners does not allocate per word. Text is first cut at ASCII
/// separators (they separate in every case); a run of lower-case ASCII
/// letters and digits, the common case, is passed through without copying.
pub(crate) fn for_each_word(text: &str, scratch: &mut String, mut f: impl FnMut(&str)) {
    let bytes = text.as_bytes();
    let mut start = 0;
    let mut plain = true;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii_lowercase() || b.is_ascii_digit() {
            continue;
        }
        if b.is_ascii_alphanumeric() || !b.is_ascii() {
            plain = false;
            continue;
        }
        emit_run(text.get(start..i).unwrap_or(""), plain, scratch, &mut f);
        start = i + 1;
        plain = true;
    }
    emit_run(text.get(start..).unwrap_or(""), plain, scratch, &mut f);
}

/// Emits the words of a run that holds no ASCII separator.
fn emit_run(run: &str, plain: bool, scratch: &mut String, f: &mut impl FnMut(&str)) {
    if run.is_empty() {
        return;
    }
    if plain {
        f(run);
        return;
    }
    if run.is_ascii() {
        scratch.clear();
        scratch.push_str(run);
        scratch.make_ascii_lowercase();
        f(scratch);
        return;
    }
    scratch.clear();
    for c in run.chars() {
        if c.is_ascii() {
            scratch.push(c.to_ascii_lowercase());
            continue;
        }
        for lower in c.to_lowercase() {
            if let Some(folded) = fold(lower) {
                scratch.push_str(folded);
            } else if is_combining_mark(lower) {
                // Part of the previous letter: neither a letter nor a break.
            } else if lower.is_alphanumeric() {
                scratch.push(lower);
            } else {
                flush(scratch, f);
            }
        }
    }
    flush(scratch, f);
}

fn flush(word: &mut String, f: &mut impl FnMut(&str)) {
    if !word.is_empty() {
        f(word);
        word.clear();
    }
}

fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}')
}

/// ASCII spelling of the lower-case Latin letters with diacritics (Latin-1
/// Supplement and Latin Extended-A, plus the Romanian comma letters):
/// enough for the place and company names of the countries we list.
fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
        'æ' => "ae",
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => "c",
        'ď' | 'đ' | 'ð' => "d",
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => "e",
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => "g",
        'ĥ' | 'ħ' => "h",
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => "i",
        'ĳ' => "ij",
        'ĵ' => "j",
        'ķ' | 'ĸ' => "k",
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => "l",
        'ñ' | 'ń' | 'ņ' | 'ň' | 'ŉ' | 'ŋ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => "o",
        'œ' => "oe",
        'ŕ' | 'ŗ' | 'ř' => "r",
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' | 'ſ' => "s",
        'ß' => "ss",
        'ţ' | 'ť' | 'ŧ' | 'ț' => "t",
        'þ' => "th",
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => "u",
        'ŵ' => "w",
        'ý' | 'ÿ' | 'ŷ' => "y",
        'ź' | 'ż' | 'ž' => "z",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_lower_cased_and_whitespace_collapsed() {
        assert_eq!(normalize("  Blue   Harbor\tCloud\n"), "blue harbor cloud");
    }

    #[test]
    fn accents_fold_to_ascii() {
        assert_eq!(
            normalize("Düsseldorf São Paulo Kraków Wrocław Gdańsk"),
            "dusseldorf sao paulo krakow wroclaw gdansk"
        );
        assert_eq!(normalize("Straße ÆRØ Œuvre"), "strasse aero oeuvre");
    }

    #[test]
    fn decomposed_accents_fold_like_precomposed_ones() {
        assert_eq!(normalize("Montre\u{301}al"), normalize("Montréal"));
    }

    #[test]
    fn punctuation_separates_words() {
        assert_eq!(normalize("Data & AI (Azure)"), "data ai azure");
        assert_eq!(normalize("1,000+ employees"), "1 000 employees");
        assert_eq!(normalize("Line-of-business"), "line of business");
    }

    #[test]
    fn letters_without_an_ascii_spelling_are_kept_lower_cased() {
        assert_eq!(normalize("ΑΘΉΝΑ 東京"), "αθήνα 東京");
    }

    #[test]
    fn empty_and_symbol_only_text_has_no_words() {
        assert_eq!(normalize(""), "");
        assert_eq!(normalize(" - & / "), "");
    }

    /// The same rules applied one character at a time, with no fast path.
    fn char_by_char(text: &str) -> String {
        let mut words = Vec::new();
        let mut word = String::new();
        for c in text.chars().flat_map(char::to_lowercase) {
            if let Some(folded) = fold(c) {
                word.push_str(folded);
            } else if is_combining_mark(c) {
            } else if c.is_alphanumeric() {
                word.push(c);
            } else if !word.is_empty() {
                words.push(std::mem::take(&mut word));
            }
        }
        if !word.is_empty() {
            words.push(word);
        }
        words.join(" ")
    }

    proptest::proptest! {
        #[test]
        fn the_fast_path_agrees_with_char_by_char_normalization(text in "\\PC{0,40}|[a-zA-Z0-9 éÉß&-]{0,40}") {
            proptest::prop_assert_eq!(normalize(&text), char_by_char(&text));
        }

        #[test]
        fn normalizing_any_text_twice_changes_nothing(text in proptest::prelude::any::<String>()) {
            let once = normalize(&text);
            proptest::prop_assert_eq!(normalize(&once), once);
        }
    }

    #[test]
    fn normalizing_twice_changes_nothing() {
        for text in [
            "Zürich & Genève",
            "ÅNGSTRÖM 365",
            "İstanbul",
            "a\u{0}b\u{7f}c",
        ] {
            let once = normalize(text);
            assert_eq!(normalize(&once), once);
        }
    }
}
