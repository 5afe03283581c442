//! The generator's source of randomness: a seed, never the OS.

/// SplitMix64 (Steele, Lea & Flood, 2014): tiny, fast, and defined purely
/// by 64-bit wrapping arithmetic, so the same seed yields the same numbers
/// natively and in wasm32.
#[derive(Clone, Debug)]
pub(crate) struct SplitMix64 {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;

impl SplitMix64 {
    pub(crate) fn new(seed: u64) -> Self {
        SplitMix64 { state: seed }
    }

    /// An independent stream for item `id` of stream `stream` under `seed`:
    /// partner 7 is the same whether 10 or 100,000 partners are generated,
    /// and the phone number stream does not shift the facet stream.
    pub(crate) fn for_item(seed: u64, stream: u64, id: u32) -> Self {
        let mut mixer = SplitMix64::new(seed ^ stream.wrapping_mul(GOLDEN_GAMMA));
        let base = mixer.next_u64();
        let mut rng = SplitMix64::new(base ^ u64::from(id).wrapping_mul(0xd1b5_4a32_d192_ed03));
        rng.next_u64();
        rng
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (0 when `n` is 0), by multiply-shift: no modulo
    /// bias worth measuring and no division.
    pub(crate) fn below(&mut self, n: u32) -> u32 {
        (((self.next_u64() >> 32) * u64::from(n)) >> 32) as u32
    }

    /// True with probability `percent` / 100.
    pub(crate) fn chance(&mut self, percent: u32) -> bool {
        self.below(100) < percent
    }

    /// An index drawn with the given relative weights.
    pub(crate) fn weighted(&mut self, weights: &[u32]) -> usize {
        let total: u32 = weights.iter().sum();
        let mut pick = self.below(total);
        for (i, &w) in weights.iter().enumerate() {
            if pick < w {
                return i;
            }
            pick -= w;
        }
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_is_the_published_splitmix64_one() {
        // Reference values of SplitMix64 seeded with 1234567.
        let mut rng = SplitMix64::new(1_234_567);
        assert_eq!(rng.next_u64(), 6_457_827_717_110_365_317);
        assert_eq!(rng.next_u64(), 3_203_168_211_198_807_973);
    }

    #[test]
    fn below_stays_in_range() {
        let mut rng = SplitMix64::new(9);
        assert!((0..1000).all(|_| rng.below(7) < 7));
        assert_eq!(rng.below(0), 0);
    }

    #[test]
    fn streams_of_different_items_differ() {
        let a = SplitMix64::for_item(1, 0, 0).next_u64();
        let b = SplitMix64::for_item(1, 0, 1).next_u64();
        let c = SplitMix64::for_item(1, 1, 0).next_u64();
        assert!(a != b && a != c && b != c);
    }
}
