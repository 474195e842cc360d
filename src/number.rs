//! Numbers as written: the text of a TOML number or a command-line value becomes an `f64`
//! only when it is one, and says why not otherwise (a value too large or too small to
//! hold is not silently infinity or zero).

/// Why a text is not a usable number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NumberError {
    /// Not a number at all.
    NotANumber,
    /// `inf` or `nan`.
    NotFinite,
    /// Beyond what a figure can hold (an integer past 2^63, a float past 1.8e308).
    TooLarge,
    /// Non-zero, but nearer zero than a figure can hold (`1e-400`).
    TooSmall,
}

/// Parse a decimal or integer text, as a TOML parser hands it over (separators removed) or
/// as typed on the command line: digits, a sign, a point and an exponent, nothing else, so
/// that whatever passes can be written back into a plan file as it was typed.
pub fn parse(text: &str) -> Result<f64, NumberError> {
    let t = text.trim();
    if t.is_empty() {
        return Err(NumberError::NotANumber);
    }
    let lower = t.to_ascii_lowercase();
    let unsigned = lower.trim_start_matches(['+', '-']);
    if unsigned == "inf" || unsigned == "nan" || unsigned == "infinity" {
        return Err(NumberError::NotFinite);
    }
    if !unsigned
        .bytes()
        .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'e' | b'+' | b'-'))
    {
        return Err(NumberError::NotANumber);
    }
    let n: f64 = t.parse().map_err(|_| NumberError::NotANumber)?;
    if n.is_infinite() {
        return Err(NumberError::TooLarge);
    }
    // Zero only when every digit before the exponent is zero.
    let mantissa = unsigned.split('e').next().unwrap_or_default();
    if n == 0.0 && mantissa.bytes().any(|b| (b'1'..=b'9').contains(&b)) {
        return Err(NumberError::TooSmall);
    }
    Ok(n)
}

/// A number for a table: integers with thousands separators, other values to at most two
/// decimals (trailing zeros dropped).
pub fn grouped(x: f64) -> String {
    let s = format!("{x:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    let (int, frac) = s.split_once('.').map_or((s, None), |(i, f)| (i, Some(f)));
    let (sign, digits) = int.strip_prefix('-').map_or(("", int), |d| ("-", d));
    let mut grouped = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(ch);
    }
    let sign = if grouped.chars().all(|c| c == '0' || c == ',') {
        ""
    } else {
        sign
    };
    match frac {
        Some(f) => format!("{sign}{grouped}.{f}"),
        None => format!("{sign}{grouped}"),
    }
}

/// A percentage to one decimal, with its sign kept.
pub fn percent(x: f64) -> String {
    format!("{x:.1}%")
}

/// A figure for CSV: the shortest decimal that reads back as it (figures as written), a
/// computed one rounded to six decimals; no thousands separators, no `%`.
pub fn plain(x: f64) -> String {
    let r = round6(x);
    if r == 0.0 {
        "0".to_string()
    } else {
        format!("{r}")
    }
}

/// Round to six decimals, so that floating-point residue never flips a comparison.
pub fn round6(x: f64) -> f64 {
    (x * 1e6).round() / 1e6
}

/// Round to two decimals: percentages are compared as a statistician reads them.
pub fn round2(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_like_the_plan() {
        assert_eq!(grouped(25468.0), "25,468");
        assert_eq!(grouped(0.55), "0.55");
        assert_eq!(grouped(53.565_217), "53.57");
        assert_eq!(grouped(-4.5), "-4.5");
        assert_eq!(grouped(1_234_567.0), "1,234,567");
        assert_eq!(grouped(-0.001), "0");
        assert_eq!(percent(49.726_775), "49.7%");
    }

    #[test]
    fn numbers_too_large_or_too_small_are_refused() {
        assert_eq!(parse("1e-400"), Err(NumberError::TooSmall));
        assert_eq!(parse("1e400"), Err(NumberError::TooLarge));
        assert_eq!(parse("-inf"), Err(NumberError::NotFinite));
        assert_eq!(parse("nan"), Err(NumberError::NotFinite));
        assert_eq!(parse("lots"), Err(NumberError::NotANumber));
        assert_eq!(parse("0x10"), Err(NumberError::NotANumber));
        assert_eq!(parse("0.000"), Ok(0.0));
        assert_eq!(parse("1_000.5"), Err(NumberError::NotANumber));
        assert_eq!(parse("1000.5"), Ok(1000.5));
        assert_eq!(parse("-3"), Ok(-3.0));
        assert_eq!(
            parse("9223372036854775808"),
            Ok(9_223_372_036_854_775_808.0)
        );
    }
}
