//! Exact figures for the decisions (met, on track, keeping pace): the decimals as written,
//! computed with a decimal type and rounded half away from zero (四舍五入), as a statistician
//! reads them. Figures are stored as `f64` for display; [`exact`] recovers the written decimal
//! from one (the shortest decimal that reads back as the same `f64`, which for a figure of up
//! to 15 significant digits is the written one), so 109.995 is 109.995, not
//! 109.99499999999999744.

use std::cmp::Ordering;

use rust_decimal::{Decimal, RoundingStrategy};

/// The decimal a figure was written as; `None` for a value outside the decimal range (beyond
/// ±7.9 × 10²⁸ or with more than 28 decimals), where the caller falls back to `f64`.
pub fn exact(x: f64) -> Option<Decimal> {
    if !x.is_finite() {
        return None;
    }
    // Whole numbers (most figures) need no text.
    if x.fract() == 0.0 && x.abs() < 9.0e15 {
        #[allow(clippy::cast_possible_truncation)]
        return Some(Decimal::from(x as i64));
    }
    let mut text = String::with_capacity(24);
    std::fmt::Write::write_fmt(&mut text, format_args!("{x}")).ok()?;
    text.parse::<Decimal>().ok()
}

/// `x` rounded half away from zero to `dp` decimals.
pub fn round(x: Decimal, dp: u32) -> Decimal {
    x.round_dp_with_strategy(dp, RoundingStrategy::MidpointAwayFromZero)
}

/// `a` against `b`, both rounded to six decimals (values are compared so).
pub fn cmp6(a: f64, b: f64) -> Ordering {
    match (exact(a), exact(b)) {
        (Some(x), Some(y)) => round(x, 6).cmp(&round(y, 6)),
        _ => crate::number::round6(a).total_cmp(&crate::number::round6(b)),
    }
}

/// `(value / prior − 1) × 100` on values rounded to six decimals; `None` when the prior is
/// zero or negative (a rate against a negative base reads backwards) or out of range.
pub fn growth(value: Decimal, prior: Decimal) -> Option<Decimal> {
    let (v, p) = (round(value, 6), round(prior, 6));
    if p <= Decimal::ZERO {
        return None;
    }
    v.checked_div(p)?
        .checked_sub(Decimal::ONE)?
        .checked_mul(Decimal::ONE_HUNDRED)
}

/// `a` against `b` as percentages rounded to two decimals.
pub fn cmp2(a: Decimal, b: Decimal) -> Ordering {
    round(a, 2).cmp(&round(b, 2))
}

#[cfg(test)]
mod tests {
    use std::str::FromStr;

    use num_bigint::BigInt;
    use num_rational::BigRational;
    use proptest::prelude::*;

    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).unwrap()
    }

    /// A rational rounded half away from zero to `dp` decimals, exactly.
    fn rational_round(x: &BigRational, dp: u32) -> BigRational {
        let scale = BigRational::from_integer(BigInt::from(10).pow(dp));
        let scaled = x * &scale;
        let half = BigRational::new(BigInt::from(1), BigInt::from(2));
        let rounded = if scaled >= BigRational::from_integer(BigInt::from(0)) {
            (scaled + half).floor()
        } else {
            (scaled - half).ceil()
        };
        rounded / scale
    }

    fn rational(x: Decimal) -> BigRational {
        BigRational::new(BigInt::from(x.mantissa()), BigInt::from(10).pow(x.scale()))
    }

    #[test]
    fn the_ties_read_as_a_statistician_reads_them() {
        // 109.995 against 100 is exactly 9.995 %, which reads 10.00 %: on track against 10 %.
        let g = growth(exact(109.995).unwrap(), exact(100.0).unwrap()).unwrap();
        assert_eq!(g, d("9.995"));
        assert_eq!(cmp2(g, d("10")), Ordering::Equal);
        // In binary floating point the same growth is 9.994999…, which reads 9.99.
        let binary = std::hint::black_box(109.995_f64);
        assert!((binary / 100.0 - 1.0) * 100.0 < 9.995);
        // Six decimals: 1.0000005 reads 1.000001 and meets a target of 1.000001.
        assert_eq!(cmp6(1.000_000_5, 1.000_001), Ordering::Equal);
        assert_eq!(round(d("-2.5"), 0), d("-3"));
        assert_eq!(exact(4.5), Some(d("4.5")));
        assert_eq!(exact(f64::NAN), None);
    }

    proptest! {
        /// Growth rounded to two decimals is what exact rational arithmetic gives, for figures
        /// written with up to six decimals.
        #[test]
        fn growth_rounding_is_exact(
            v in 0i64..10_000_000_000, vs in 0u32..7,
            p in 1i64..10_000_000_000, ps in 0u32..7,
        ) {
            let (value, prior) = (Decimal::new(v, vs), Decimal::new(p, ps));
            let got = round(growth(value, prior).unwrap(), 2);
            let hundred = BigRational::from_integer(BigInt::from(100));
            let want = rational_round(
                &((rational(value) / rational(prior) - BigRational::from_integer(BigInt::from(1))) * hundred),
                2,
            );
            prop_assert_eq!(rational(got), want);
        }

        /// A figure written with up to 15 significant digits is recovered exactly from its f64.
        #[test]
        fn written_figures_are_recovered(m in -999_999_999_999_999i64..999_999_999_999_999, s in 0u32..10) {
            let written = Decimal::new(m, s);
            let f: f64 = written.to_string().parse().unwrap();
            prop_assert_eq!(exact(f), Some(written.normalize()));
        }
    }
}
