//! Words, numbers and punctuation with their byte ranges.
//!
//! A word keeps inner hyphens and apostrophes ("Ryong-hae", "don't"), dotted initials ("U.S.")
//! and digit groups ("1,000", "3.5"). A possessive `’s` or `'s` is its own token, so "China’s"
//! gives "China" and "’s".
//!
//! ```
//! use glossa::analysis::token::{tokenize, TokenKind};
//! let text = "China’s 1,000 LY-1 lasers.";
//! let toks: Vec<_> = tokenize(text).iter().map(|t| (t.text(text), t.kind)).collect();
//! assert_eq!(toks, [
//!     ("China", TokenKind::Word), ("’s", TokenKind::Possessive), ("1,000", TokenKind::Number),
//!     ("LY-1", TokenKind::Word), ("lasers", TokenKind::Word), (".", TokenKind::Punct),
//! ]);
//! ```

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Possessive,
    Punct,
}

/// A token: a half-open byte range of the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub kind: TokenKind,
    /// A word that starts with an upper-case letter (worked out once, asked often).
    pub capitalized: bool,
}

impl Token {
    #[inline]
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        &text[self.start..self.end]
    }
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Where a compass word glued to the end of a name starts ("ZurcherNorth" gives 7): a lower-case
/// letter, then "North", "South", "East" or "West" to the end of the word.
fn glued_direction(word: &str) -> Option<usize> {
    ["North", "South", "East", "West"].iter().find_map(|d| {
        let cut = word.len().checked_sub(d.len())?;
        (cut >= 3
            && word.ends_with(d)
            && word[..cut].ends_with(|c: char| c.is_lowercase())
            && word.starts_with(char::is_uppercase))
        .then_some(cut)
    })
}

/// Splits `text` into tokens.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    // Sized once: a text has at most as many characters as bytes (collecting would regrow).
    let mut chars: Vec<(usize, char)> = Vec::with_capacity(text.len());
    chars.extend(text.char_indices());
    let byte_at = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        if !c.is_alphanumeric() {
            tokens.push(Token {
                start,
                end: byte_at(i + 1),
                kind: TokenKind::Punct,
                capitalized: false,
            });
            i += 1;
            continue;
        }
        let mut j = i + 1;
        let mut has_letter = c.is_alphabetic();
        let mut all_digits = c.is_ascii_digit();
        while j < chars.len() {
            let ch = chars[j].1;
            if ch.is_alphanumeric() {
                has_letter |= ch.is_alphabetic();
                all_digits &= ch.is_ascii_digit();
                j += 1;
                continue;
            }
            let next = chars.get(j + 1).map(|&(_, n)| n);
            let prev = chars[j - 1].1;
            let joins = match ch {
                '-' | '‑' | '&' => next.is_some_and(char::is_alphanumeric),
                // A soft hyphen, where a page allows a line break: "Vladi\u{ad}mir".
                '\u{ad}' => prev.is_alphabetic() && next.is_some_and(char::is_alphabetic),
                c if is_apostrophe(c) => {
                    next.is_some_and(char::is_alphabetic) && prev.is_alphabetic()
                }
                '.' => {
                    // Initials ("U.S.") or a decimal point.
                    (prev.is_ascii_digit() && next.is_some_and(|n| n.is_ascii_digit()))
                        || (prev.is_uppercase()
                            && (j == i + 1 || chars[j - 2].1 == '.')
                            && next.is_some_and(char::is_uppercase))
                }
                ',' => {
                    prev.is_ascii_digit()
                        && (1..=3)
                            .all(|k| chars.get(j + k).is_some_and(|&(_, d)| d.is_ascii_digit()))
                        && !chars.get(j + 4).is_some_and(|&(_, d)| d.is_ascii_digit())
                }
                _ => false,
            };
            if !joins {
                break;
            }
            j += 1;
        }
        // A trailing period after dotted initials belongs to them ("U.S.").
        let mut end_index = j;
        if j < chars.len()
            && chars[j].1 == '.'
            && j >= 2
            && chars[j - 2].1 == '.'
            && chars[j - 1].1.is_uppercase()
        {
            end_index = j + 1;
        }
        let end = byte_at(end_index);
        let word = &text[start..end];
        let kind = if all_digits
            || (!has_letter && word.chars().next().is_some_and(|d| d.is_ascii_digit()))
        {
            TokenKind::Number
        } else {
            TokenKind::Word
        };
        // Split a possessive 's off the word; split "ZurcherNorth", a byline glued to the next
        // line ("North America correspondent") when a page's markup was dropped.
        let possessive = ["’s", "'s"]
            .iter()
            .find(|p| word.len() > p.len() + 1 && word.ends_with(*p));
        let split = match (possessive, kind) {
            (Some(p), TokenKind::Word) => Some((end - p.len(), TokenKind::Possessive, false)),
            (None, TokenKind::Word) => {
                glued_direction(word).map(|cut| (start + cut, TokenKind::Word, true))
            }
            _ => None,
        };
        match split {
            Some((cut, second_kind, second_capitalized)) => {
                tokens.push(Token {
                    start,
                    end: cut,
                    kind,
                    capitalized: c.is_uppercase(),
                });
                tokens.push(Token {
                    start: cut,
                    end,
                    kind: second_kind,
                    capitalized: second_capitalized,
                });
            }
            _ => tokens.push(Token {
                start,
                end,
                kind,
                // "I've", "I’m": the pronoun's capital says nothing about a name.
                capitalized: kind == TokenKind::Word
                    && c.is_uppercase()
                    && !(word.starts_with("I'") || word.starts_with("I’")),
            }),
        }
        i = end_index;
    }
    tokens
}
