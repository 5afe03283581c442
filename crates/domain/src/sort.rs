//! One stable sort for the whole app. The standard library's sort is
//! compiled anew for every element type and comparison it is used with, a
//! few kilobytes of WebAssembly each; here it sorts `u32` positions through
//! a `dyn` comparison, so it is compiled once, and the list is then put in
//! that order by swaps.

use std::cmp::Ordering;

/// The positions `0..len` in the order `compare` gives them; equal ones keep
/// their order.
pub fn sorted_positions(len: usize, compare: &dyn Fn(u32, u32) -> Ordering) -> Vec<u32> {
    let mut positions: Vec<u32> = (0..len as u32).collect();
    positions.sort_by(|&a, &b| compare(a, b));
    positions
}

/// Sorts `items` by `compare`, stably, like `slice::sort_by`.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = sorted_positions(items.len(), &|a, b| {
        compare(&items[a as usize], &items[b as usize])
    });
    arrange(items, &order);
}

/// Sorts `items` by the key `key` gives each, stably, like
/// `slice::sort_by_key`.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Puts `items` in `order`: position `i` receives the item that was at
/// `order[i]`. Each cycle of the permutation is walked once with swaps.
fn arrange<T>(items: &mut [T], order: &[u32]) {
    let mut placed = vec![false; items.len()];
    for start in 0..items.len() {
        let mut at = start;
        while !placed[at] {
            placed[at] = true;
            let from = order[at] as usize;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            // Keys collide often, so stability is tested too.
            let mut ours = items.clone();
            sort_by_key(&mut ours, |item| item.0);
            let mut reference = items;
            reference.sort_by_key(|item| item.0);
            prop_assert_eq!(ours, reference);
        }
    }

    #[test]
    fn sorts_strings_descending() {
        let mut words = vec!["b", "c", "a"];
        sort_by(&mut words, |a, b| b.cmp(a));
        assert_eq!(words, ["c", "b", "a"]);
    }
}
