//! A small, seedable PRNG (SplitMix64): the corpus must repeat byte for byte for a seed.

/// SplitMix64 (Steele, Lea, Flood 2014): one 64-bit state, good enough for synthetic figures.
#[derive(Clone, Debug)]
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    /// A stream of its own for a tuple of indices, so each workbook is independent of the others.
    pub fn derive(seed: u64, parts: &[u64]) -> Rng {
        let mut r = Rng::new(seed ^ 0x6a09_e667_f3bc_c908);
        for &p in parts {
            let x = r.next_u64() ^ p.wrapping_mul(0x9e37_79b9_7f4a_7c15);
            r = Rng::new(x);
        }
        r
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi` (integers).
    pub fn range(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = (hi - lo) as u64 + 1;
        lo + (self.next_u64() % span) as i64
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Uniform in `[lo, hi)`.
    pub fn float(&mut self, lo: f64, hi: f64) -> f64 {
        lo + (hi - lo) * self.unit()
    }

    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    pub fn index(&mut self, n: usize) -> usize {
        if n == 0 {
            0
        } else {
            (self.next_u64() % n as u64) as usize
        }
    }

    /// `k` distinct indices out of `0..n`, in the order drawn.
    pub fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut all: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.index(n - i);
            all.swap(i, j);
        }
        all.truncate(k);
        all
    }
}

/// Splits `total` into parts proportional to `weights`, exactly: the parts add up to `total`.
pub fn split(total: i64, weights: &[u64]) -> Vec<i64> {
    let sum: u128 = weights.iter().map(|&w| w as u128).sum();
    if weights.is_empty() {
        return Vec::new();
    }
    if sum == 0 {
        let mut out = vec![0; weights.len()];
        out[0] = total;
        return out;
    }
    let mut out: Vec<i64> = weights
        .iter()
        .map(|&w| ((total.max(0) as u128 * w as u128) / sum) as i64)
        .collect();
    let rest = total - out.iter().sum::<i64>();
    // The remainder goes to the largest weight, so no zero-weight part becomes non-zero.
    let biggest = (0..weights.len()).max_by_key(|&i| weights[i]).unwrap_or(0);
    out[biggest] += rest;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_is_exact_and_repeatable() {
        let p = split(1_000_003, &[3, 0, 7, 11]);
        assert_eq!(p.iter().sum::<i64>(), 1_000_003);
        assert_eq!(p[1], 0);
        let mut a = Rng::derive(7, &[1, 2]);
        let mut b = Rng::derive(7, &[1, 2]);
        assert_eq!(a.next_u64(), b.next_u64());
        assert_ne!(
            Rng::derive(7, &[1, 3]).next_u64(),
            Rng::derive(7, &[1, 2]).next_u64()
        );
        let s = Rng::new(1).sample(10, 4);
        assert_eq!(s.len(), 4);
    }
}
