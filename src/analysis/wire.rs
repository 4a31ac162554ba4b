//! An [`Analysis`] packed into numbers and one string, for the trip between the page and the
//! analysis worker. A `Uint32Array` and a JavaScript string cross in one copy each, where JSON
//! would build an object for every entity.
//!
//! Spans stay in UTF-8 bytes of the analysed text: both sides hold the same text, and
//! [`unpack`] checks every span against it (in range, on character boundaries), so a message
//! meant for another text is refused rather than shown in the wrong places.
//!
//! ```
//! use glossa::analysis::{analyze, wire};
//! let text = "Kim Jong Un met 26 leaders in Moscow on Monday, Yonhap said.";
//! let analysis = analyze(text);
//! let packed = wire::pack(text, &analysis);
//! assert_eq!(wire::unpack(&packed.numbers, &packed.strings, text), Ok(analysis));
//! assert!(wire::unpack(&packed.numbers, &packed.strings, "another text").is_err());
//! ```

use std::borrow::Cow;

use rustc_hash::FxHashMap as HashMap;

use super::{Analysis, Claim, ClaimKind, Entity, Label};
use crate::text::{ByteOffset, ByteSpan};

/// The first number of every message: the format and its version.
const MAGIC: u32 = 0x474c_5731; // "GLW1"

/// An analysis as numbers and the strings they point into.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Packed {
    pub numbers: Vec<u32>,
    /// The reasons and full names, one after another; `numbers` holds their lengths in bytes.
    pub strings: String,
}

/// Why a packed analysis was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WireError {
    #[error("the analysis is not in a format this version reads")]
    Format,
    #[error("the analysis was made for another text ({made_for} bytes, not {have})")]
    OtherText { made_for: u32, have: usize },
    #[error("the analysis ends early")]
    Truncated,
    #[error("the analysis has a span outside its text or inside a character")]
    BadSpan,
    #[error("the analysis names an unknown label, claim kind or string")]
    BadIndex,
}

/// Packs `analysis`, made from `text`.
pub fn pack(text: &str, analysis: &Analysis) -> Packed {
    // The string table: each distinct reason and full name once, numbered in order of use.
    let mut table: HashMap<&str, u32> = HashMap::default();
    let mut order: Vec<&str> = Vec::new();
    for e in &analysis.entities {
        for s in std::iter::once(e.why.as_ref()).chain(e.canonical.as_deref()) {
            if !table.contains_key(s) {
                table.insert(s, order.len() as u32);
                order.push(s);
            }
        }
    }
    let mut numbers = Vec::with_capacity(
        8 + order.len()
            + 2 * analysis.sentences.len()
            + 5 * analysis.entities.len()
            + 7 * analysis.claims.len()
            + 2 * analysis.boilerplate.len(),
    );
    numbers.extend([MAGIC, to_u32(text.len()), to_u32(order.len())]);
    numbers.extend(order.iter().map(|s| to_u32(s.len())));
    push_spans(&mut numbers, &analysis.sentences);
    numbers.push(to_u32(analysis.entities.len()));
    for e in &analysis.entities {
        numbers.extend([
            to_u32(e.span.start.0),
            to_u32(e.span.end.0),
            e.label as u32,
            table[e.why.as_ref()],
            e.canonical.as_deref().map_or(0, |c| table[c] + 1),
        ]);
    }
    numbers.push(to_u32(analysis.claims.len()));
    for c in &analysis.claims {
        numbers.extend([
            to_u32(c.span.start.0),
            to_u32(c.span.end.0),
            c.kind as u32,
            to_u32(c.cue.start.0),
            to_u32(c.cue.end.0),
            u32::from(c.hedged),
            c.score.to_bits(),
        ]);
    }
    push_spans(&mut numbers, &analysis.boilerplate);
    Packed {
        numbers,
        strings: order.concat(),
    }
}

/// Unpacks what [`pack`] made from `text`.
pub fn unpack(numbers: &[u32], strings: &str, text: &str) -> Result<Analysis, WireError> {
    let mut r = Reader { numbers, at: 0 };
    if r.next()? != MAGIC {
        return Err(WireError::Format);
    }
    let made_for = r.next()?;
    if made_for as usize != text.len() {
        return Err(WireError::OtherText {
            made_for,
            have: text.len(),
        });
    }
    let mut table = Vec::new();
    let mut at = 0usize;
    for _ in 0..r.next()? {
        let end = at
            .checked_add(r.next()? as usize)
            .ok_or(WireError::BadIndex)?;
        table.push(strings.get(at..end).ok_or(WireError::BadIndex)?);
        at = end;
    }
    let string = |i: u32| table.get(i as usize).copied().ok_or(WireError::BadIndex);
    let sentences = r.spans(text)?;
    let mut entities = Vec::with_capacity(r.count(5)?);
    for _ in 0..entities.capacity() {
        let span = r.span(text)?;
        let label = *Label::ALL
            .get(r.next()? as usize)
            .ok_or(WireError::BadIndex)?;
        let why = Cow::Owned(string(r.next()?)?.to_string());
        let canonical = match r.next()? {
            0 => None,
            i => Some(string(i - 1)?.to_string()),
        };
        entities.push(Entity {
            span,
            label,
            canonical,
            why,
        });
    }
    let mut claims = Vec::with_capacity(r.count(7)?);
    for _ in 0..claims.capacity() {
        let span = r.span(text)?;
        let kind = *ClaimKind::ALL
            .get(r.next()? as usize)
            .ok_or(WireError::BadIndex)?;
        let cue = r.span(text)?;
        let hedged = r.next()? != 0;
        let score = f32::from_bits(r.next()?);
        claims.push(Claim {
            span,
            kind,
            cue,
            hedged,
            score,
        });
    }
    let boilerplate = r.spans(text)?;
    if r.at != numbers.len() {
        return Err(WireError::Format);
    }
    Ok(Analysis {
        sentences,
        entities,
        claims,
        boilerplate,
    })
}

fn to_u32(n: usize) -> u32 {
    // Texts are capped far below 4 GB before they are analysed (`io::load::MAX_INPUT_BYTES`).
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn push_spans(numbers: &mut Vec<u32>, spans: &[ByteSpan]) {
    numbers.push(to_u32(spans.len()));
    for s in spans {
        numbers.extend([to_u32(s.start.0), to_u32(s.end.0)]);
    }
}

struct Reader<'a> {
    numbers: &'a [u32],
    at: usize,
}

impl Reader<'_> {
    fn next(&mut self) -> Result<u32, WireError> {
        let n = *self.numbers.get(self.at).ok_or(WireError::Truncated)?;
        self.at += 1;
        Ok(n)
    }

    /// A count of records of `width` numbers each, checked against what is left (so a bad
    /// count cannot ask for a huge allocation).
    fn count(&mut self, width: usize) -> Result<usize, WireError> {
        let n = self.next()? as usize;
        let left = self.numbers.len() - self.at;
        if n.checked_mul(width).is_none_or(|need| need > left) {
            return Err(WireError::Truncated);
        }
        Ok(n)
    }

    fn span(&mut self, text: &str) -> Result<ByteSpan, WireError> {
        let (start, end) = (self.next()? as usize, self.next()? as usize);
        if start > end || !text.is_char_boundary(start) || !text.is_char_boundary(end) {
            return Err(WireError::BadSpan);
        }
        Ok(ByteSpan::new(ByteOffset(start), ByteOffset(end)))
    }

    fn spans(&mut self, text: &str) -> Result<Vec<ByteSpan>, WireError> {
        let n = self.count(2)?;
        (0..n).map(|_| self.span(text)).collect()
    }
}
