//! A partner as the directory stores it: indices, not strings.

use super::facet::Facet;
use super::vocabulary as v;
use super::words;

/// The compact form of a partner (22 bytes): every text is rendered on
/// demand from the static word lists and vocabularies. Storing rendered
/// names and descriptions would cost ~25 MB at 100,000 partners; these
/// records cost ~2.2 MB, and the page renders only the visible rows.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Record {
    /// Which name pattern (see `name_words`) and its word indices.
    pub(crate) name_pattern: u8,
    pub(crate) name_parts: [u8; 4],
    /// Which description template, and which of the partner's values it
    /// features (so descriptions are not all about the first industry).
    pub(crate) template: u8,
    pub(crate) lead: u8,
    pub(crate) country: u8,
    pub(crate) city: u8,
    /// One bit per value of each multi-choice facet, in `Facet::ALL` order
    /// from `Facet::Size` on.
    pub(crate) masks: [u16; 6],
}

/// The name patterns; each slot names the word list of one part.
pub(crate) static NAME_PATTERNS: &[&[NamePart]] = &[
    &[
        NamePart::Adjective,
        NamePart::Noun,
        NamePart::Domain,
        NamePart::Suffix,
    ],
    &[NamePart::Brand, NamePart::Domain, NamePart::Suffix],
    &[NamePart::Adjective, NamePart::Noun, NamePart::Suffix],
    &[NamePart::Brand, NamePart::Suffix],
    &[
        NamePart::Noun,
        NamePart::And,
        NamePart::Noun,
        NamePart::Suffix,
    ],
];

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum NamePart {
    Adjective,
    Noun,
    Brand,
    Domain,
    Suffix,
    And,
}

impl NamePart {
    pub(crate) fn words(self) -> &'static [&'static str] {
        match self {
            NamePart::Adjective => words::ADJECTIVES,
            NamePart::Noun => words::NOUNS,
            NamePart::Brand => words::BRANDS,
            NamePart::Domain => words::DOMAINS,
            NamePart::Suffix => words::SUFFIXES,
            NamePart::And => &["&"],
        }
    }
}

/// The values of one facet of a record, as set bits (a single-choice facet
/// has one bit; the vocabulary test keeps every facet under 128 values).
pub(crate) struct Values(u128);

impl Iterator for Values {
    type Item = u16;

    fn next(&mut self) -> Option<u16> {
        if self.0 == 0 {
            return None;
        }
        let value = self.0.trailing_zeros() as u16;
        self.0 &= self.0 - 1;
        Some(value)
    }
}

/// A piece of a description template.
#[derive(Clone, Copy)]
enum Piece {
    Text(&'static str),
    /// The featured value, its label as is (sentence start, proper nouns).
    Label(Facet),
    /// The featured value, its label lower-cased (mid-sentence).
    Lower(Facet),
    /// The partner's second product.
    SecondProduct,
    /// The featured size as an adjective ("mid-size").
    SizeWord,
    /// The country with its article ("the Netherlands").
    Country,
}

use Piece::{Country, Label, Lower, SecondProduct, SizeWord, Text};

/// One-sentence descriptions. Every template names an industry, a product
/// and a service, so the description is searchable by what the partner does.
static TEMPLATES: &[&[Piece]] = &[
    &[
        Label(Facet::Service),
        Text(" for "),
        Lower(Facet::Industry),
        Text(" organizations in "),
        Label(Facet::City),
        Text(", focused on "),
        Label(Facet::Product),
        Text(" and "),
        SecondProduct,
        Text("."),
    ],
    &[
        Text("We help "),
        SizeWord,
        Text(" "),
        Lower(Facet::Industry),
        Text(" businesses get more from "),
        Label(Facet::Product),
        Text(", from "),
        Lower(Facet::Service),
        Text(" to everyday questions."),
    ],
    &[
        Label(Facet::Product),
        Text(" specialists serving "),
        Lower(Facet::Industry),
        Text(" customers across "),
        Country,
        Text(", with "),
        Lower(Facet::Service),
        Text(" included."),
    ],
    &[
        Text("Based in "),
        Label(Facet::City),
        Text(", we bring "),
        Lower(Facet::Service),
        Text(" and "),
        Label(Facet::Product),
        Text(" expertise to "),
        Lower(Facet::Industry),
        Text(" teams."),
    ],
    &[
        Text("Trusted "),
        Label(Facet::Product),
        Text(" partner for "),
        SizeWord,
        Text(" organizations, known for "),
        Lower(Facet::Service),
        Text(" in "),
        Lower(Facet::Industry),
        Text("."),
    ],
    &[
        Text("From "),
        Lower(Facet::Service),
        Text(" to "),
        SecondProduct,
        Text(", we support "),
        Lower(Facet::Industry),
        Text(" teams throughout "),
        Country,
        Text("."),
    ],
    &[
        Text("Modern, secure workplaces on "),
        Label(Facet::Product),
        Text(" and "),
        SecondProduct,
        Text(" for "),
        SizeWord,
        Text(" "),
        Lower(Facet::Industry),
        Text(" organizations, with "),
        Lower(Facet::Service),
        Text("."),
    ],
    &[
        Text("Independent "),
        Label(Facet::Product),
        Text(" experts offering "),
        Lower(Facet::Service),
        Text(" to the "),
        Lower(Facet::Industry),
        Text(" sector."),
    ],
];

pub(crate) const TEMPLATE_COUNT: u32 = 8;

static SIZE_WORDS: &[&str] = &["small", "growing", "mid-size", "large", "enterprise"];

/// The `n`-th set bit of `mask` (wrapping around), or 0 for an empty mask.
fn nth_value(mask: u32, n: u32) -> u16 {
    let count = mask.count_ones();
    if count == 0 {
        return 0;
    }
    let mut rest = mask;
    for _ in 0..n % count {
        rest &= rest - 1;
    }
    rest.trailing_zeros() as u16
}

impl Record {
    /// The bit mask of a multi-choice facet's values (0 for single-choice).
    pub(crate) fn mask(&self, facet: Facet) -> u32 {
        facet
            .index()
            .checked_sub(Facet::Size.index())
            .and_then(|i| self.masks.get(i))
            .map_or(0, |m| u32::from(*m))
    }

    /// The partner's values of `facet`, ascending.
    pub(crate) fn values(&self, facet: Facet) -> Values {
        Values(match facet {
            Facet::Country => 1u128 << (self.country & 127),
            Facet::City => 1u128 << (self.city & 127),
            other => u128::from(self.mask(other)),
        })
    }

    /// The words of the name (at most four).
    pub(crate) fn name_words(&self) -> impl Iterator<Item = &'static str> + '_ {
        let pattern = NAME_PATTERNS
            .get(usize::from(self.name_pattern))
            .copied()
            .unwrap_or_default();
        pattern.iter().zip(self.name_parts).map(|(part, i)| {
            let list = part.words();
            list.get(usize::from(i)).copied().unwrap_or_default()
        })
    }

    pub(crate) fn write_name(&self, out: &mut String) {
        out.clear();
        for word in self.name_words() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(word);
        }
    }

    /// The web domain: the name's letters and digits, without the trailing
    /// "Consulting"/"Ltd" when the rest is distinctive enough.
    pub(crate) fn domain(&self) -> String {
        let words: Vec<&str> = self.name_words().collect();
        let keep = if words.len() > 2 {
            words.len() - 1
        } else {
            words.len()
        };
        let mut domain: String = words
            .iter()
            .take(keep)
            .flat_map(|w| w.chars())
            .filter(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        domain.push_str(".example");
        domain
    }

    fn featured(&self, facet: Facet) -> u16 {
        match facet {
            Facet::Country => u16::from(self.country),
            Facet::City => u16::from(self.city),
            other => nth_value(self.mask(other), u32::from(self.lead)),
        }
    }

    pub(crate) fn write_description(&self, out: &mut String) {
        out.clear();
        self.description_pieces(|text, lower| {
            if lower {
                out.extend(text.chars().map(|c| c.to_ascii_lowercase()));
            } else {
                out.push_str(text);
            }
        });
    }

    /// The description as the static texts it is made of, in order; `lower`
    /// asks for a label lower-cased (mid-sentence). The index tokenizes
    /// each static text once for all partners instead of every rendered
    /// description; `pieces_are_whole_words` checks that no word spans two.
    pub(crate) fn description_pieces(&self, mut piece: impl FnMut(&'static str, bool)) {
        let template = TEMPLATES
            .get(usize::from(self.template))
            .copied()
            .unwrap_or_default();
        for part in template {
            match *part {
                Text(text) => piece(text, false),
                Label(facet) => piece(facet.label(self.featured(facet)), false),
                Lower(facet) => piece(facet.label(self.featured(facet)), true),
                SecondProduct => {
                    let products = self.mask(Facet::Product);
                    let second = nth_value(products, u32::from(self.lead) + 1);
                    piece(Facet::Product.label(second), false);
                }
                SizeWord => {
                    let size = self.featured(Facet::Size);
                    let word = SIZE_WORDS.get(usize::from(size)).copied();
                    piece(word.unwrap_or("growing"), false);
                }
                Country => {
                    let slug = Facet::Country.slug(u16::from(self.country));
                    if matches!(slug, "us" | "gb" | "nl" | "ae") {
                        piece("the ", false);
                    }
                    piece(Facet::Country.label(u16::from(self.country)), false);
                }
            }
        }
    }

    /// The country's calling code, for the phone number.
    pub(crate) fn calling_code(&self) -> u16 {
        v::COUNTRY_CALLING_CODES
            .get(usize::from(self.country))
            .copied()
            .unwrap_or(1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::directory::normalize::for_each_word;

    #[test]
    fn the_nth_value_wraps_around_the_set_bits() {
        assert_eq!(nth_value(0b1010, 0), 1);
        assert_eq!(nth_value(0b1010, 1), 3);
        assert_eq!(nth_value(0b1010, 2), 1);
        assert_eq!(nth_value(0, 5), 0);
    }

    #[test]
    fn every_template_renders_a_sentence_naming_industry_product_and_service() {
        let record = Record {
            masks: [0b100, 0b10_0000, 0b101, 0b1000, 1, 0],
            ..Record::default()
        };
        let mut out = String::new();
        for t in 0..TEMPLATE_COUNT as u8 {
            Record {
                template: t,
                ..record
            }
            .write_description(&mut out);
            assert!(out.ends_with('.'), "{out}");
            assert!(out.to_lowercase().contains("healthcare"), "{out}");
            assert!(
                out.contains("Microsoft 365") || out.contains("Azure"),
                "{out}"
            );
            assert!(out.to_lowercase().contains("security assessment"), "{out}");
        }
    }

    #[test]
    fn pieces_are_whole_words() {
        // The index tokenizes each piece on its own: a word spanning two
        // pieces would be indexed as two words no one types.
        let directory = super::super::generate(7, 3000);
        let (mut text, mut scratch) = (String::new(), String::new());
        for record in &directory.records {
            record.write_description(&mut text);
            let mut whole = Vec::new();
            for_each_word(&text, &mut scratch, |w| whole.push(w.to_string()));
            let mut pieces = Vec::new();
            record.description_pieces(|piece, _| {
                for_each_word(piece, &mut scratch, |w| pieces.push(w.to_string()))
            });
            assert_eq!(whole, pieces, "{text}");
        }
    }

    #[test]
    fn the_domain_drops_the_generic_last_word() {
        let record = Record {
            name_pattern: 0,
            name_parts: [0, 0, 0, 0],
            ..Record::default()
        };
        let mut name = String::new();
        record.write_name(&mut name);
        assert_eq!(name, "Blue Harbor Cloud Consulting");
        assert_eq!(record.domain(), "blueharborcloud.example");
    }
}
