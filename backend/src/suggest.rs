//! CPython's "Did you mean" for NameError (`name 'flag' is not defined. Did you
//! mean: 'float'?`), computed at compile time from the names the failing frame
//! would see: the function's variable names, then the module's globals, then the
//! builtins, taking the first list that offers a candidate.
//!
//! The distance is CPython 3.11's weighted Levenshtein over UTF-8 bytes: a
//! substitution or insertion costs 2, a change of ASCII case costs 1, common
//! prefixes and suffixes are free, and a candidate is accepted only within a third
//! of the characters involved. Names of 40 bytes or more, and lists of 750 names or
//! more, are not considered, as in CPython.

const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;
const MAX_STRING_SIZE: usize = 40;
const MAX_CANDIDATE_ITEMS: usize = 750;

use frontend::builtins::NAMES as BUILTINS;

/// The globals every script's module starts with, in order.
pub const MODULE_DUNDERS: &[&str] = &[
    "__name__",
    "__doc__",
    "__package__",
    "__loader__",
    "__spec__",
    "__annotations__",
    "__builtins__",
    "__file__",
    "__cached__",
];

/// `name 'x' is not defined`, with CPython's suggestion when there is one.
pub fn name_error_message(name: &str, varnames: &[&str], globals: &[&str]) -> String {
    let base = format!("name '{name}' is not defined");
    let suggestion = [varnames, globals, BUILTINS]
        .iter()
        .find_map(|names| best_candidate(name, names));
    match suggestion {
        Some(s) => format!("{base}. Did you mean: '{s}'?"),
        None => base,
    }
}

fn substitution_cost(a: u8, b: u8) -> usize {
    if a & 31 != b & 31 {
        return MOVE_COST;
    }
    if a == b {
        return 0;
    }
    if a.eq_ignore_ascii_case(&b) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

/// The weighted edit distance, or `max_cost + 1` once it is certainly above it.
fn distance(a: &[u8], b: &[u8], max_cost: usize) -> usize {
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[prefix..], &b[prefix..]);
    let suffix = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - suffix], &b[..b.len() - suffix]);
    if a.is_empty() || b.is_empty() {
        return (a.len() + b.len()) * MOVE_COST;
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    // One row of the matrix, updated in place: row[i] is the cost from the prefix
    // of b seen so far to a[..=i].
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (b_index, &code) in b.iter().enumerate() {
        let mut diagonal = b_index * MOVE_COST;
        result = diagonal;
        let mut minimum = usize::MAX;
        for (cell, &ca) in row.iter_mut().zip(a) {
            let substitute = diagonal + substitution_cost(code, ca);
            diagonal = *cell;
            let insert_delete = result.min(diagonal) + MOVE_COST;
            result = insert_delete.min(substitute);
            *cell = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

fn best_candidate<'a>(name: &str, names: &[&'a str]) -> Option<&'a str> {
    if names.len() >= MAX_CANDIDATE_ITEMS {
        return None;
    }
    let mut best: Option<(&str, usize)> = None;
    for &item in names {
        if item == name {
            continue;
        }
        let mut max_distance = (name.len() + item.len() + 3) * MOVE_COST / 6;
        if let Some((_, d)) = best {
            max_distance = max_distance.min(d.saturating_sub(1));
        }
        let d = distance(name.as_bytes(), item.as_bytes(), max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none_or(|(_, bd)| d < bd) {
            best = Some((item, d));
        }
    }
    best.map(|(item, _)| item)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_match_cpython() {
        // Checked against python3.11.
        assert_eq!(
            name_error_message("flag", &[], &["g"]),
            "name 'flag' is not defined. Did you mean: 'float'?"
        );
        assert_eq!(
            name_error_message("prnt", &[], &[]),
            "name 'prnt' is not defined. Did you mean: 'print'?"
        );
        assert_eq!(
            name_error_message("totl", &["total"], &[]),
            "name 'totl' is not defined. Did you mean: 'total'?"
        );
        assert_eq!(
            name_error_message("zzzz", &[], &[]),
            "name 'zzzz' is not defined"
        );
    }
}
