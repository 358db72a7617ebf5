//! Ranges of int values in a fast loop (`loop_ranges`): a numeric interval, and
//! bounds that are linear expressions over the values variables held when the
//! loop started.
//!
//! A symbolic bound keeps what a numeric one loses: in `while c >= w: ...; c -= 1`
//! the index `c - w` lies between `0` and `c₀ - w` (`c₀`: `c` on entry), which
//! one check on entry can compare with a list's length. Every symbol is checked
//! on entry to be medium (below 2^61 in magnitude), which bounds the expressions
//! numerically too.

/// The small-int range (a tagged word holds `2x + 1`).
pub const SMALL_MIN: i128 = -(1 << 62);
pub const SMALL_MAX: i128 = (1 << 62) - 1;
/// What the entry check guarantees of a symbol.
pub const MEDIUM_MIN: i128 = -(1 << 61);
pub const MEDIUM_MAX: i128 = (1 << 61) - 1;
/// Stands for "unbounded" in numeric intervals; far beyond any i64, and small
/// enough that sums of a few never overflow an i128.
const INF: i128 = 1 << 100;
/// Limits that keep an expression's value, computed on entry in 64-bit
/// arithmetic from medium symbols, inside the i64 range: 3 * 2^61 + 2^59 < 2^63.
const MAX_WEIGHT: i64 = 3;
const MAX_CONSTANT: i128 = 1 << 59;

/// `Σ coefficient × (variable's value on loop entry) + constant`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub struct Lin {
    /// Sorted by variable, no zero coefficients.
    pub terms: Vec<(usize, i64)>,
    pub constant: i128,
}

impl Lin {
    pub fn constant(k: i128) -> Option<Lin> {
        Lin::normalised(Vec::new(), k)
    }

    pub fn var(v: usize) -> Lin {
        Lin {
            terms: vec![(v, 1)],
            constant: 0,
        }
    }

    /// The expression in canonical form, or `None` past the evaluation limits.
    fn normalised(mut terms: Vec<(usize, i64)>, constant: i128) -> Option<Lin> {
        terms.sort_unstable();
        let mut merged: Vec<(usize, i64)> = Vec::with_capacity(terms.len());
        for (v, c) in terms {
            match merged.last_mut() {
                Some((last, sum)) if *last == v => *sum = sum.checked_add(c)?,
                _ => merged.push((v, c)),
            }
        }
        merged.retain(|(_, c)| *c != 0);
        let weight = merged
            .iter()
            .try_fold(0i64, |w, (_, c)| w.checked_add(c.checked_abs()?))?;
        (weight <= MAX_WEIGHT && constant.abs() < MAX_CONSTANT).then_some(Lin {
            terms: merged,
            constant,
        })
    }

    pub fn add(&self, other: &Lin) -> Option<Lin> {
        let terms = self.terms.iter().chain(&other.terms).copied().collect();
        Lin::normalised(terms, self.constant + other.constant)
    }

    pub fn sub(&self, other: &Lin) -> Option<Lin> {
        self.add(&other.scale(-1)?)
    }

    pub fn offset(&self, k: i128) -> Option<Lin> {
        Lin::normalised(self.terms.clone(), self.constant.checked_add(k)?)
    }

    pub fn scale(&self, k: i64) -> Option<Lin> {
        let terms = self
            .terms
            .iter()
            .map(|(v, c)| Some((*v, c.checked_mul(k)?)))
            .collect::<Option<Vec<_>>>()?;
        Lin::normalised(terms, self.constant.checked_mul(k as i128)?)
    }

    /// The constant, when the expression has no variables.
    pub fn as_constant(&self) -> Option<i128> {
        self.terms.is_empty().then_some(self.constant)
    }

    /// The values the expression can take when every symbol is medium.
    pub fn numeric(&self) -> (i128, i128) {
        let mut lo = self.constant;
        let mut hi = self.constant;
        for (_, c) in &self.terms {
            let c = *c as i128;
            let (a, b) = (c * MEDIUM_MIN, c * MEDIUM_MAX);
            lo += a.min(b);
            hi += a.max(b);
        }
        (lo, hi)
    }
}

/// What a fast loop knows of an int value at a point: it lies in `[nlo, nhi]`,
/// at least each of `lo` and at most each of `hi`.
///
/// A value often has several symbolic bounds worth keeping: on a loop's first
/// iteration `c` is both `c₀` and at least `w`, and only the second survives
/// the join with later iterations.
#[derive(Clone, Debug, PartialEq)]
pub struct Range {
    pub lo: Vec<Lin>,
    pub hi: Vec<Lin>,
    pub nlo: i128,
    pub nhi: i128,
}

/// Bounds kept per side; more rarely pay for themselves.
const MAX_BOUNDS: usize = 4;

fn clamp(x: i128) -> i128 {
    x.clamp(-INF, INF)
}

/// Adds `bound` to `bounds`, keeping the tighter of two over the same terms
/// (`lower`: the greater constant).
fn insert(bounds: &mut Vec<Lin>, bound: Lin, lower: bool) {
    if let Some(old) = bounds.iter_mut().find(|b| b.terms == bound.terms) {
        let tighter = if lower {
            bound.constant > old.constant
        } else {
            bound.constant < old.constant
        };
        if tighter {
            *old = bound;
        }
        return;
    }
    if bounds.len() < MAX_BOUNDS {
        bounds.push(bound);
    }
}

/// Every `f(x, y)` over the two sets of bounds.
fn pairs(a: &[Lin], b: &[Lin], lower: bool, f: impl Fn(&Lin, &Lin) -> Option<Lin>) -> Vec<Lin> {
    let mut out = Vec::new();
    for x in a {
        for y in b {
            if let Some(z) = f(x, y) {
                insert(&mut out, z, lower);
            }
        }
    }
    out
}

impl Range {
    /// Any int, big ones included.
    pub fn any() -> Range {
        Range {
            lo: Vec::new(),
            hi: Vec::new(),
            nlo: -INF,
            nhi: INF,
        }
    }

    pub fn between(nlo: i128, nhi: i128) -> Range {
        Range {
            nlo,
            nhi,
            ..Range::any()
        }
    }

    pub fn exactly(k: i128) -> Range {
        let lin: Vec<Lin> = Lin::constant(k).into_iter().collect();
        Range {
            lo: lin.clone(),
            hi: lin,
            nlo: k,
            nhi: k,
        }
    }

    /// The value variable `v` held on entry (checked medium there).
    pub fn symbol(v: usize) -> Range {
        Range {
            lo: vec![Lin::var(v)],
            hi: vec![Lin::var(v)],
            nlo: MEDIUM_MIN,
            nhi: MEDIUM_MAX,
        }
    }

    /// The length of a list, as symbol `s` (never beyond memory: medium).
    pub fn length(s: usize) -> Range {
        Range {
            lo: vec![Lin::var(s)],
            hi: vec![Lin::var(s)],
            nlo: 0,
            nhi: MEDIUM_MAX,
        }
    }

    /// Whether the value is certainly a small int.
    pub fn is_small(&self) -> bool {
        self.nlo >= SMALL_MIN && self.nhi <= SMALL_MAX
    }

    /// The range of a value also known to be small.
    pub fn within_small(mut self) -> Range {
        self.nlo = self.nlo.max(SMALL_MIN);
        self.nhi = self.nhi.min(SMALL_MAX);
        self
    }

    /// Narrows the numeric interval to what the symbolic bounds imply.
    fn tightened(mut self) -> Range {
        for lo in &self.lo {
            self.nlo = self.nlo.max(lo.numeric().0);
        }
        for hi in &self.hi {
            self.nhi = self.nhi.min(hi.numeric().1);
        }
        self
    }

    pub fn add(&self, o: &Range) -> Range {
        Range {
            lo: pairs(&self.lo, &o.lo, true, Lin::add),
            hi: pairs(&self.hi, &o.hi, false, Lin::add),
            nlo: clamp(self.nlo + o.nlo),
            nhi: clamp(self.nhi + o.nhi),
        }
        .tightened()
    }

    pub fn sub(&self, o: &Range) -> Range {
        Range {
            lo: pairs(&self.lo, &o.hi, true, Lin::sub),
            hi: pairs(&self.hi, &o.lo, false, Lin::sub),
            nlo: clamp(self.nlo - o.nhi),
            nhi: clamp(self.nhi - o.nlo),
        }
        .tightened()
    }

    pub fn neg(&self) -> Range {
        let negate = |bounds: &[Lin]| bounds.iter().filter_map(|b| b.scale(-1)).collect();
        Range {
            lo: negate(&self.hi),
            hi: negate(&self.lo),
            nlo: -self.nhi,
            nhi: -self.nlo,
        }
    }

    pub fn mul(&self, o: &Range) -> Range {
        let corners = [
            self.nlo.saturating_mul(o.nlo),
            self.nlo.saturating_mul(o.nhi),
            self.nhi.saturating_mul(o.nlo),
            self.nhi.saturating_mul(o.nhi),
        ];
        let mut r = Range::between(
            clamp(*corners.iter().min().expect("four corners")),
            clamp(*corners.iter().max().expect("four corners")),
        );
        // By a constant, the bounds scale (and swap for a negative one).
        let constant = |x: &Range| (x.nlo == x.nhi).then_some(x.nlo);
        let (k, x) = match (constant(self), constant(o)) {
            (_, Some(k)) => (k, self),
            (Some(k), None) => (k, o),
            _ => return r,
        };
        if let Ok(k) = i64::try_from(k) {
            let scaled = |b: &[Lin]| b.iter().filter_map(|l| l.scale(k)).collect();
            if k >= 0 {
                r.lo = scaled(&x.lo);
                r.hi = scaled(&x.hi);
            } else {
                r.lo = scaled(&x.hi);
                r.hi = scaled(&x.lo);
            }
        }
        r.tightened()
    }

    /// The least range holding both: the bounds both sides have (over the same
    /// terms, the looser constant).
    pub fn join(&self, o: &Range) -> Range {
        let common = |a: &[Lin], b: &[Lin], lower: bool| {
            a.iter()
                .filter_map(|x| {
                    let y = b.iter().find(|y| y.terms == x.terms)?;
                    let constant = if lower {
                        x.constant.min(y.constant)
                    } else {
                        x.constant.max(y.constant)
                    };
                    Some(Lin {
                        terms: x.terms.clone(),
                        constant,
                    })
                })
                .collect()
        };
        Range {
            lo: common(&self.lo, &o.lo, true),
            hi: common(&self.hi, &o.hi, false),
            nlo: self.nlo.min(o.nlo),
            nhi: self.nhi.max(o.nhi),
        }
    }

    /// `self` joined with `newer`, giving up every bound that moved, so that a
    /// loop's iterations reach a fixed point.
    pub fn widen(&self, newer: &Range) -> Range {
        let joined = self.join(newer);
        let unmoved = |now: Vec<Lin>, before: &[Lin]| -> Vec<Lin> {
            now.into_iter().filter(|b| before.contains(b)).collect()
        };
        Range {
            lo: unmoved(joined.lo, &self.lo),
            hi: unmoved(joined.hi, &self.hi),
            nlo: if joined.nlo < self.nlo {
                -INF
            } else {
                joined.nlo
            },
            nhi: if joined.nhi > self.nhi {
                INF
            } else {
                joined.nhi
            },
        }
    }

    /// Refines with `self < limit` (`self <= limit` unless `strict`).
    pub fn below(&mut self, limit: &Range, strict: bool) {
        let gap = strict as i128;
        for h in limit.hi.iter().filter_map(|h| h.offset(-gap)) {
            insert(&mut self.hi, h, false);
        }
        self.nhi = self.nhi.min(limit.nhi - gap);
        *self = self.clone().tightened();
    }

    /// Refines with `self > limit` (`self >= limit` unless `strict`).
    pub fn above(&mut self, limit: &Range, strict: bool) {
        let gap = strict as i128;
        for l in limit.lo.iter().filter_map(|l| l.offset(gap)) {
            insert(&mut self.lo, l, true);
        }
        self.nlo = self.nlo.max(limit.nlo + gap);
        *self = self.clone().tightened();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn opposite_terms_cancel() {
        let c = Lin::var(3);
        let w = Lin::var(7);
        let d = c.sub(&w).unwrap().sub(&c).unwrap();
        assert_eq!(d, Lin::var(7).scale(-1).unwrap());
        assert_eq!(c.sub(&c).unwrap().as_constant(), Some(0));
    }

    #[test]
    fn expressions_past_the_limits_are_dropped() {
        let four = Lin::var(1).scale(4);
        assert!(four.is_none());
        assert!(Lin::constant(1 << 60).is_none());
        let three = Lin::var(1).add(&Lin::var(2)).unwrap().add(&Lin::var(3));
        assert!(three.is_some());
        assert!(three.unwrap().add(&Lin::var(4)).is_none());
    }

    #[test]
    fn a_countdown_guarded_by_a_symbol_stays_small() {
        // while c >= w: c -= 1, with c and w medium on entry.
        let (c, w) = (Range::symbol(0), Range::symbol(1));
        let mut guarded = c.clone();
        guarded.above(&w, false);
        let next = guarded.sub(&Range::exactly(1));
        assert!(next.is_small());
        let header = c.widen(&c.join(&next));
        assert_eq!(header.hi, vec![Lin::var(0)]);
        assert!(header.lo.is_empty());
        let mut body = header.clone();
        body.above(&w, false);
        let index = body.sub(&w);
        assert!(index.lo.iter().any(|l| l.as_constant() == Some(0)));
        assert_eq!(index.hi, vec![Lin::var(0).sub(&Lin::var(1)).unwrap()]);
        assert!(index.is_small());
        // The first iteration's extra bound goes at the join with the next ones.
        assert_eq!(guarded.lo.len(), 2);
        let next_body = body.join(&guarded);
        assert_eq!(next_body.lo, vec![Lin::var(1)]);
    }

    #[test]
    fn products_of_unbounded_values_are_not_small() {
        let big = Range::between(SMALL_MIN, SMALL_MAX);
        assert!(!big.mul(&big).is_small());
        assert!(Range::exactly(2).mul(&Range::symbol(0)).is_small());
        assert!(!Range::exactly(3).mul(&Range::symbol(0)).is_small());
        let negated = Range::exactly(-2).mul(&Range::symbol(0));
        assert_eq!(negated.lo, vec![Lin::var(0).scale(-2).unwrap()]);
    }
}
