//! Builds the keyword index partner by partner.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

use super::fx_hasher::FxHasher;
use super::keyword_index::KeywordIndex;
use super::normalize::for_each_word;
use super::postings::Postings;

/// Interns normalized words and records, per word, the partners whose text
/// contains it. Partners must be added in ascending position order, each
/// completely before the next, so postings come out sorted and deduplicated
/// with one "last seen" stamp per word instead of a set per partner.
pub(crate) struct KeywordIndexBuilder {
    partners: usize,
    ids: HashMap<Box<str>, u32, BuildHasherDefault<FxHasher>>,
    words: Vec<Box<str>>,
    anywhere: Vec<Postings>,
    in_name: Vec<Postings>,
    last_anywhere: Vec<u32>,
    last_in_name: Vec<u32>,
    scratch: String,
    /// Word ids of static texts (labels, template text, name words), by
    /// the text's address: each is tokenized once for all partners.
    static_spans: HashMap<(usize, usize), (u32, u32), BuildHasherDefault<FxHasher>>,
    static_ids: Vec<u32>,
}

impl KeywordIndexBuilder {
    pub(crate) fn new(partners: usize) -> Self {
        KeywordIndexBuilder {
            partners,
            ids: HashMap::default(),
            words: Vec::new(),
            anywhere: Vec::new(),
            in_name: Vec::new(),
            last_anywhere: Vec::new(),
            last_in_name: Vec::new(),
            scratch: String::new(),
            static_spans: HashMap::default(),
            static_ids: Vec::new(),
        }
    }

    fn intern(&mut self, word: &str) -> u32 {
        if let Some(&id) = self.ids.get(word) {
            return id;
        }
        let id = self.words.len() as u32;
        self.ids.insert(Box::from(word), id);
        self.words.push(Box::from(word));
        self.anywhere.push(Postings::default());
        self.in_name.push(Postings::default());
        self.last_anywhere.push(u32::MAX);
        self.last_in_name.push(u32::MAX);
        id
    }

    /// Where the word ids of `text` sit in `static_ids`, tokenizing it on
    /// first sight. Keyed by address and length: two `&'static str`s with
    /// both equal hold the same bytes, and the key costs no hashing of text.
    fn static_span(&mut self, text: &'static str) -> std::ops::Range<usize> {
        let key = (text.as_ptr() as usize, text.len());
        let (start, end) = match self.static_spans.get(&key) {
            Some(&span) => span,
            None => {
                let start = self.static_ids.len() as u32;
                let mut scratch = std::mem::take(&mut self.scratch);
                for_each_word(text, &mut scratch, |w| {
                    let id = self.intern(w);
                    self.static_ids.push(id);
                });
                self.scratch = scratch;
                let span = (start, self.static_ids.len() as u32);
                self.static_spans.insert(key, span);
                span
            }
        };
        start as usize..end as usize
    }

    /// Records that the partner at `position` has the words of `text`, a
    /// static text many partners share.
    pub(crate) fn add_static(&mut self, position: u32, text: &'static str, in_name: bool) {
        for i in self.static_span(text) {
            if let Some(&id) = self.static_ids.get(i) {
                self.note(position, id, in_name);
            }
        }
    }

    /// Records the words of one word of the partner's name, and appends
    /// their ids to `ids` (in name order) so the caller can sort names by
    /// word rank.
    pub(crate) fn add_name_word(&mut self, position: u32, word: &'static str, ids: &mut Vec<u32>) {
        for i in self.static_span(word) {
            if let Some(&id) = self.static_ids.get(i) {
                self.note(position, id, true);
                ids.push(id);
            }
        }
    }

    fn note(&mut self, position: u32, id: u32, in_name: bool) {
        let i = id as usize;
        let partners = self.partners;
        if let (Some(last), Some(postings)) =
            (self.last_anywhere.get_mut(i), self.anywhere.get_mut(i))
        {
            if *last != position {
                *last = position;
                postings.push(position, partners);
            }
        }
        if in_name {
            if let (Some(last), Some(postings)) =
                (self.last_in_name.get_mut(i), self.in_name.get_mut(i))
            {
                if *last != position {
                    *last = position;
                    postings.push(position, partners);
                }
            }
        }
    }

    /// Sorts the dictionary and hands the postings over in that order.
    /// Also returns, per word id handed out, the word's rank in the sorted
    /// dictionary.
    pub(crate) fn finish(mut self) -> (KeywordIndex, Vec<u32>) {
        let order = crate::sort::sorted_positions(self.words.len(), &|a, b| {
            self.words[a as usize].cmp(&self.words[b as usize])
        });
        let order: Vec<usize> = order.into_iter().map(|i| i as usize).collect();
        let words: Vec<&str> = order.iter().map(|&i| &*self.words[i]).collect();
        let take = |list: &mut Vec<Postings>| -> Vec<Postings> {
            order
                .iter()
                .map(|&i| {
                    let mut p = list.get_mut(i).map(std::mem::take).unwrap_or_default();
                    p.shrink();
                    p
                })
                .collect()
        };
        let anywhere = take(&mut self.anywhere);
        let in_name = take(&mut self.in_name);
        let mut rank = vec![0u32; order.len()];
        for (r, &id) in order.iter().enumerate() {
            if let Some(slot) = rank.get_mut(id) {
                *slot = r as u32;
            }
        }
        (KeywordIndex::from_sorted(&words, anywhere, in_name), rank)
    }
}
