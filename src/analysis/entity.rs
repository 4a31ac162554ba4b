//! Entity recognition by rules and lexicons.
//!
//! Two passes over each sentence: first numbers and time expressions (dates, durations,
//! quantities, ordinals), then runs of capitalised words, classified by the lexicons (places,
//! groups, given names, surnames, titles), by their last word ("… Agency", "… Day",
//! "… Square") and by the words around them ("… news agency"). A sentence's first word joins
//! an entity only when a lexicon knows it or the document shows it capitalised mid-sentence.
//! Last, single-word mentions are linked to the full name they stand for ("Putin" to
//! "Vladimir Putin").

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use super::lexicon::{lexicon, Lexicon, PlaceKind};
use super::token::{Token, TokenKind};
use super::{Entity, Label};
use crate::text::{ByteOffset, ByteSpan};

#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];
#[rustfmt::skip]
const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];
#[rustfmt::skip]
const DAY_PARTS: &[&str] = &[
    "morning", "afternoon", "evening", "night",
];
#[rustfmt::skip]
const RELATIVE_DAYS: &[&str] = &[
    "today", "yesterday", "tomorrow", "tonight",
];
#[rustfmt::skip]
const DATE_DETERMINERS: &[&str] = &[
    "this", "last", "next", "coming", "past", "previous", "earlier", "later", "each", "every",
    "following",
];
#[rustfmt::skip]
const DATE_UNITS: &[&str] = &[
    "day", "week", "month", "year", "decade", "century", "weekend", "summer", "winter", "spring",
    "autumn", "fall", "season",
];
#[rustfmt::skip]
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "century", "centuries",
];
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety", "hundred",
    "thousand", "million", "billion", "trillion", "dozen", "half",
];
#[rustfmt::skip]
const SCALE_PLURALS: &[&str] = &[
    "tens", "dozens", "hundreds", "thousands", "millions", "billions", "scores",
];
#[rustfmt::skip]
const ORDINALS: &[&str] = &[
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
    "eleventh", "twelfth", "twentieth", "hundredth", "thousandth",
];
#[rustfmt::skip]
const MULTIPLES: &[&str] = &[
    "once", "twice", "thrice",
];
#[rustfmt::skip]
const APPROX_ONE: &[&str] = &[
    "around", "about", "nearly", "almost", "roughly", "approximately", "some", "over", "under",
    "exactly", "precisely",
];
/// Words of country names that are written with "the" ("the United States").
const TAKES_THE: &[&str] = &[
    "United",
    "Republic",
    "Kingdom",
    "States",
    "Emirates",
    "Netherlands",
    "Philippines",
    "Bahamas",
    "Gambia",
    "Maldives",
    "Federation",
];

/// The first words of [`APPROX_TWO`], so most tokens are ruled out by one bit test.
const APPROX_HEADS: &[&str] = &[
    "as", "at", "close", "fewer", "less", "more", "up", "upwards",
];

/// Two- and three-word approximations, split into words.
const APPROX_TWO: &[&[&str]] = &[
    &["more", "than"],
    &["less", "than"],
    &["fewer", "than"],
    &["at", "least"],
    &["at", "most"],
    &["up", "to"],
    &["as", "many", "as"],
    &["as", "much", "as"],
    &["as", "few", "as"],
    &["close", "to"],
    &["upwards", "of"],
];
#[rustfmt::skip]
const MEASURES: &[&str] = &[
    "miles", "mile", "km", "kilometres", "kilometers", "kilometre", "kilometer", "metres",
    "meters", "metre", "meter", "feet", "foot", "inches", "kg", "kilograms", "tonnes", "tons",
    "tonne", "litres", "liters", "gallons", "barrels", "acres", "hectares", "degrees", "mph",
    "km/h", "grams", "gram", "milligrams", "ounces", "ounce", "yards", "yard", "centimetres",
    "centimeters", "millimetres", "millimeters", "cm", "mm", "knots", "watts", "kilowatts",
    "megawatts", "gigawatts", "calories", "bytes", "kilobytes", "megabytes", "gigabytes",
    "terabytes", "KB", "MB", "GB", "TB",
];
#[rustfmt::skip]
const CURRENCY_WORDS: &[&str] = &[
    "dollars", "euros", "pounds", "yuan", "yen", "rupees", "won", "roubles", "rubles", "francs",
    "cents", "pence", "pesos", "shekels", "lira", "naira", "riyals", "dirhams", "rand",
];
#[rustfmt::skip]
const CONNECTORS: &[&str] = &[
    "of", "de", "del", "da", "al", "bin", "van", "von", "der", "la", "le", "du", "dos", "y", "ten",
    "ter",
];
/// Lower-case words inside a person's name: "Bill de Blasio", "Ursula von der Leyen".
#[rustfmt::skip]
const NAME_PARTICLES: &[&str] = &[
    "de", "del", "della", "da", "di", "dos", "das", "du", "van", "von", "der", "den", "la", "le",
    "bin", "ibn", "ter", "ten",
];
#[rustfmt::skip]
const DIRECTIONS: &[&str] = &[
    "North", "South", "East", "West", "Eastern", "Western", "Northern", "Southern", "Central",
    "Upper", "Lower", "Greater", "Middle",
];
/// Words for a place, or for who runs or lives in one, before "of" and its name: "the city of
/// Kherson", "the mayor of Avdiivka", "residents of Sderot".
#[rustfmt::skip]
const PLACE_HEADS: &[&str] = &[
    "city", "town", "village", "port", "capital", "province", "region", "district",
    "municipality", "hamlet", "suburb", "suburbs", "outskirts", "island", "islands",
    "neighbourhood", "neighborhood", "mayor", "governor", "residents", "streets", "oblast",
];
/// Words before "in" and a place's name: "fighting in Bakhmut", "born in Raetihi".
#[rustfmt::skip]
const PLACED_IN: &[&str] = &[
    "born", "based", "killed", "died", "arrived", "held", "located", "headquartered", "live",
    "lives", "lived", "living", "stationed", "raised", "grew", "settled", "stayed", "landed",
    "fighting", "clashes", "shelling", "strike", "strikes", "attack", "attacks", "protests",
    "rally", "rallies", "flooding", "floods", "earthquake", "wildfire", "residents", "home",
    "homes", "land", "farm", "village", "town", "city", "hospital", "school", "camp", "arrested",
    "detained", "wounded", "injured", "buried", "elsewhere", "deployed", "troops", "forces",
    "offensive", "battle", "campaigns", "campaign", "victims", "raged", "erupted", "occurred",
    "happened", "place", "crashed", "exploded", "visit", "trip", "election", "elections",
];
/// Directions before "of" and a place's name: "north of Kupiansk".
#[rustfmt::skip]
const COMPASS_OF: &[&str] = &[
    "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest",
    "outskirts",
];
/// Family words a person's name follows: "his wife Grace".
#[rustfmt::skip]
const KINSHIP: &[&str] = &[
    "wife", "husband", "son", "daughter", "brother", "sister", "mother", "father", "widow",
    "widower", "grandson", "granddaughter", "nephew", "niece", "cousin", "partner", "fiancée",
    "fiancé", "fiance", "fiancee", "stepson", "stepdaughter",
];
/// Lower-case job words a person's full name follows: "Opposition leader Stefanos Kasselakis".
#[rustfmt::skip]
const ROLE_NOUNS: &[&str] = &[
    "leader", "minister", "president", "spokesman", "spokeswoman", "spokesperson", "chief",
    "director", "official", "analyst", "professor", "coach", "founder", "chairman", "chairwoman",
    "secretary", "senator", "governor", "mayor", "ambassador", "commander", "lawmaker",
    "economist", "scientist", "researcher", "author", "writer", "activist", "lawyer", "attorney",
    "judge", "prosecutor", "candidate", "colleague", "executive", "editor", "reporter",
    "correspondent", "photographer", "manager", "owner", "resident", "victim", "suspect",
    "commissioner", "member", "ranger", "officer", "inspector", "adviser", "advisor",
    "consultant", "partner", "engineer", "teacher", "student", "doctor", "historian", "curator",
    "councillor", "councilman", "councilwoman", "representative", "architect", "designer",
    "actor", "actress", "singer", "rapper", "musician", "filmmaker", "comedian", "presenter",
    "host", "star", "player", "striker", "midfielder", "defender", "goalkeeper", "quarterback",
    "pitcher", "champion", "boxer", "golfer", "novelist", "poet", "artist", "chef",
    "billionaire", "entrepreneur", "investor", "businessman", "businesswoman", "tycoon",
    "diplomat", "envoy", "aide", "surgeon", "physician", "nurse", "pastor", "priest", "cleric",
];
/// Time zones written after a clock time ("1:39 PM ET").
#[rustfmt::skip]
const TIME_ZONES: &[&str] = &[
    "ET", "EST", "EDT", "CT", "CST", "CDT", "MT", "MST", "MDT", "PT", "PST", "PDT", "GMT", "UTC",
    "BST", "CET", "CEST", "IST", "JST", "KST", "AEST", "AEDT",
];
/// Adjectives that begin many kinds of names, which the company list holds as words of
/// longer company names.
#[rustfmt::skip]
const GENERIC_NAME_WORDS: &[&str] = &[
    "New", "Old", "Big", "Little", "Great", "Black", "White", "Red", "Green", "Blue", "Gold",
    "Free", "First", "Last", "One", "Best", "Real", "Public", "Political", "Natural", "Normal",
    "Minor", "Half", "Live", "Extra", "Future", "Global", "Digital", "Royal", "Modern", "Pacific",
    "Northeast", "Northeastern", "Northwest", "Northwestern", "Southeast", "Southwest",
];
/// Capitalised words that never start a name on their own at a sentence start.
#[rustfmt::skip]
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "nor", "so", "yet", "for", "in", "on", "at", "to",
    "from", "with", "by", "of", "as", "after", "before", "during", "while", "when", "where",
    "what", "who", "why", "how", "if", "there", "here", "this", "that", "these", "those", "his",
    "her", "its", "their", "our", "my", "your", "he", "she", "it", "they", "we", "i", "you",
    "just", "also", "only", "even", "still", "then", "now", "according", "despite", "although",
    "though", "because", "since", "until", "under", "over", "about", "all", "both", "each",
    "every", "no", "not", "more", "most", "some", "many", "much", "few", "several", "other",
    "another", "such", "meanwhile", "however", "today", "yesterday", "instead", "among",
];
/// The combining forms of peoples' names: "Sino-Russian", "Franco-German", "Anglo-Saxon".
#[rustfmt::skip]
const COMBINING_FORMS: &[&str] = &[
    "Sino", "Franco", "Anglo", "Russo", "Indo", "Afro", "Euro", "Judeo", "Greco", "Austro",
    "Italo", "Hispano", "Luso", "Irano", "Turco", "Serbo", "Czecho", "Belgo", "Nippo", "Dano",
];
/// Market indexes named with a number: "S&P 500", "FTSE 100", "Nikkei 225".
const MARKET_INDEXES: &[&str] = &[
    "S&P", "FTSE", "Nikkei", "CAC", "Stoxx", "STOXX", "Russell", "DAX", "ASX",
];
/// Why a name no list has is a person: it speaks ("Lourimi said").
const SPEAKER: &str = "a name beside a verb of speech";
/// Plural nouns whose possessive is part of an institution's name: "the Murdoch Children’s
/// Research Institute", "the Women’s Institute".
const PLURAL_POSSESSORS: &[&str] = &["Children", "Women", "Men", "People", "Workers", "Veterans"];
/// Holders whose office names an organisation: "Sheriff’s Office", "Attorney’s Office".
#[rustfmt::skip]
const OFFICE_HOLDERS: &[&str] = &[
    "Sheriff", "Attorney", "Prosecutor", "Coroner", "Examiner", "Marshal", "Comptroller",
    "Controller", "Auditor", "Assessor", "Clerk", "Treasurer", "Governor", "Mayor",
];
/// Degrees and honours written after a person's name: "Katie Allen, MD, PhD".
#[rustfmt::skip]
const DEGREES: &[&str] = &[
    "MD", "PhD", "Ph.D", "MPH", "MBA", "RN", "DDS", "DVM", "DPhil", "JD", "MSc", "BSc", "FRCP",
    "OBE", "MBE", "CBE", "KBE", "QC", "KC", "Esq", "LCSW", "MS", "MA", "BA",
];
/// United States postal codes, places after a city: "New York City, NY".
#[rustfmt::skip]
const STATE_CODES: &[&str] = &[
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ",
    "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT",
    "VA", "WA", "WV", "WI", "WY", "DC",
];
/// Marks after which a capital may come from the grammar, as at a sentence start: a colon,
/// an opening quote or bracket, a dash, a reference mark's "]".
const OPENERS: &[&str] = &[":", "“", "\"", "‘", "(", "–", "—", "]"];
#[rustfmt::skip]
const ACRONYM_STOP: &[&str] = &[
    "AI", "TV", "CEO", "GDP", "IE", "OK", "PM", "AM", "ID", "PC", "VR", "DIY", "FAQ", "USB", "CV",
    "HQ", "PR", "VIP",
    // Technical terms and shouted heading words that name nothing (where spaCy agrees: it
    // tags "HTML" or "SQL" as organisations, and so does Glossa).
    "OS", "URL", "URLs", "HTTP", "GPS", "LED", "NEW", "LIVE", "WATCH", "NOTE", "UPDATE", "READ",
    "MORE", "BREAKING", "NEWS", "EXCLUSIVE", "VIDEO", "PHOTO", "PHOTOS", "TODO",
    // Plurals and a few hardware terms that spaCy does not tag either.
    "HDMI", "FPS", "TVs", "PCs",
];

/// The closed word lists of this module.
#[derive(Clone, Copy)]
enum List {
    Months,
    Weekdays,
    DayParts,
    RelativeDays,
    DateDeterminers,
    DateUnits,
    TimeUnits,
    NumberWords,
    ScalePlurals,
    Ordinals,
    Multiples,
    ApproxOne,
    Measures,
    CurrencyWords,
    ApproxHeads,
    /// "only", "just" before a figure.
    Limiters,
    Connectors,
    FunctionWords,
    /// Cities named by English words ("Mobile", "Reading"), from the place lexicon.
    CityWords,
}

const LISTS: &[(List, &[&str])] = &[
    (List::Months, MONTHS),
    (List::Weekdays, WEEKDAYS),
    (List::DayParts, DAY_PARTS),
    (List::RelativeDays, RELATIVE_DAYS),
    (List::DateDeterminers, DATE_DETERMINERS),
    (List::DateUnits, DATE_UNITS),
    (List::TimeUnits, TIME_UNITS),
    (List::NumberWords, NUMBER_WORDS),
    (List::ScalePlurals, SCALE_PLURALS),
    (List::Ordinals, ORDINALS),
    (List::Multiples, MULTIPLES),
    (List::ApproxOne, APPROX_ONE),
    (List::Measures, MEASURES),
    (List::CurrencyWords, CURRENCY_WORDS),
    (List::ApproxHeads, APPROX_HEADS),
    (List::Limiters, &["only", "just"]),
    (List::Connectors, CONNECTORS),
    (List::FunctionWords, FUNCTION_WORDS),
];

/// The list bits of every token, one hash lookup each.
fn classes(text: &str, toks: &[Token]) -> Vec<u32> {
    toks.iter().map(|t| class_bits(t.text(text))).collect()
}

/// True when token `k` is in `list`, by its precomputed bits.
fn is(cls: &[u32], k: usize, list: List) -> bool {
    cls.get(k)
        .is_some_and(|bits| bits & (1 << list as u32) != 0)
}

fn has(word: &str, list: List) -> bool {
    class_bits(word) & (1 << list as u32) != 0
}

/// The lists `word` (any case) is in, as bits: one hash lookup in an index of every list, built
/// once, instead of a scan.
fn class_bits(word: &str) -> u32 {
    static INDEX: OnceLock<HashMap<Vec<u8>, u32>> = OnceLock::new();
    let index = INDEX.get_or_init(|| {
        let mut index: HashMap<Vec<u8>, u32> = HashMap::default();
        for &(list, words) in LISTS {
            for w in words {
                *index.entry(w.to_lowercase().into_bytes()).or_default() |= 1 << list as u32;
            }
        }
        for (name, _) in lexicon()
            .places
            .iter()
            .filter(|(_, &k)| k == PlaceKind::CityWord)
        {
            *index.entry(name.to_lowercase().into_bytes()).or_default() |=
                1 << List::CityWords as u32;
        }
        index
    });
    let mut buf = [0u8; 24];
    let lower = if word.len() <= buf.len() && word.is_ascii() {
        buf[..word.len()].copy_from_slice(word.as_bytes());
        buf[..word.len()].make_ascii_lowercase();
        &buf[..word.len()]
    } else {
        return 0; // every listed word is short and ASCII
    };
    index.get(lower).copied().unwrap_or(0)
}

/// Recognises entities in `text`, sentence by sentence.
pub fn recognize(text: &str, tokens: &[Token], sentences: &[ByteSpan]) -> Vec<Entity> {
    let lex = lexicon();
    let mid_sentence_caps = capitalised_mid_sentence(text, tokens, sentences);
    let standalone = standalone_names(text, tokens, &mid_sentence_caps);
    let titles = titles_after_the(text, tokens, &mid_sentence_caps);
    let cls_all = classes(text, tokens);
    let lower_city_words = lower_city_words(text, tokens, &cls_all);
    let doc = DocEvidence {
        mid_caps: &mid_sentence_caps,
        standalone: &standalone,
        titles: &titles,
        lower_city_words: &lower_city_words,
    };
    let mut entities = Vec::new();
    let mut next = 0;
    for sentence in sentences {
        while next < tokens.len() && tokens[next].start < sentence.start.0 {
            next += 1;
        }
        let first = next;
        while next < tokens.len() && tokens[next].end <= sentence.end.0 {
            next += 1;
        }
        let toks = &tokens[first..next];
        let mut taken = vec![false; toks.len()];
        let cls = &cls_all[first..next];
        quoted_titles(text, toks, &mut taken, lex, &mut entities);
        numbers_and_times(text, toks, cls, &mut taken, lex, &mut entities);
        names(text, toks, &mut taken, lex, &doc, &mut entities);
    }
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    link_mentions(text, &mut entities, tokens, lex);
    entities
}

/// What the whole document says about its capitalised words.
struct DocEvidence<'a, 'b> {
    /// Capitalised somewhere other than a sentence start.
    mid_caps: &'b HashSet<&'a str>,
    /// Also used alone, between lower-case words ("… said Parata."): how news names a person
    /// or an organisation after the first mention.
    standalone: &'b HashSet<&'a str>,
    /// Capitalised runs written after a capital "The" inside a sentence ("Big Sick" from
    /// "… of The Big Sick"), so that the same title at a sentence start keeps its "The".
    titles: &'b HashSet<&'a str>,
    /// City names that are also words, where the text uses the word ("mobile phones").
    lower_city_words: &'b HashSet<&'a str>,
}

/// The runs of two or more capitalised words after a capital "The" that is not a sentence's
/// first word.
fn titles_after_the<'a>(
    text: &'a str,
    tokens: &[Token],
    mid_caps: &HashSet<&'a str>,
) -> HashSet<&'a str> {
    let mut out = HashSet::default();
    if !mid_caps.contains("The") {
        return out;
    }
    let starts_sentence = |i: usize| {
        i == 0
            || matches!(tokens[i - 1].text(text), "." | "!" | "?")
            || OPENERS.contains(&tokens[i - 1].text(text))
            || text[tokens[i - 1].end..tokens[i].start].contains('\n')
    };
    for (i, t) in tokens.iter().enumerate() {
        if t.text(text) != "The" || starts_sentence(i) {
            continue;
        }
        let end = tokens[i + 1..].iter().take_while(|n| n.capitalized).count();
        if end >= 2 {
            out.insert(&text[tokens[i + 1].start..tokens[i + end].end]);
        }
    }
    out
}

fn standalone_names<'a>(
    text: &'a str,
    tokens: &[Token],
    mid_caps: &HashSet<&'a str>,
) -> HashSet<&'a str> {
    let mut out = HashSet::default();
    for (i, t) in tokens.iter().enumerate() {
        let w = t.text(text);
        let alone = |k: Option<&Token>| !k.is_some_and(|n| n.capitalized);
        // "The Controller is only aware …": a thing, not a person or an organisation.
        let determiner = i > 0
            && matches!(
                tokens[i - 1].text(text),
                "the" | "The" | "a" | "A" | "an" | "An" | "this" | "This" | "its" | "our" | "their"
            );
        if t.capitalized
            && mid_caps.contains(w)
            && i > 0
            && !determiner
            && alone(tokens.get(i - 1))
            && alone(tokens.get(i + 1))
        {
            out.insert(w);
        }
    }
    out
}

/// The city names that are also words ("Mobile") which the text also writes in lower case
/// ("mobile phones"), found by the tokens' list bits.
fn lower_city_words<'a>(text: &'a str, tokens: &[Token], cls: &[u32]) -> HashSet<&'a str> {
    let mut named: Vec<String> = (0..tokens.len())
        .filter(|&i| tokens[i].capitalized && is(cls, i, List::CityWords))
        .map(|i| tokens[i].text(text).to_lowercase())
        .collect();
    named.sort_unstable();
    named.dedup();
    (0..tokens.len())
        .filter(|&i| !tokens[i].capitalized && is(cls, i, List::CityWords))
        .map(|i| tokens[i].text(text))
        .filter(|w| named.iter().any(|n| n == w))
        .collect()
}

/// Words the document capitalises somewhere other than a sentence start.
fn capitalised_mid_sentence<'a>(
    text: &'a str,
    tokens: &[Token],
    sentences: &[ByteSpan],
) -> HashSet<&'a str> {
    let starts: HashSet<usize> = sentences.iter().map(|s| s.start.0).collect();
    let mut out = HashSet::default();
    for (i, t) in tokens.iter().enumerate() {
        let after_colon = i > 0 && tokens[i - 1].text(text) == ":";
        if t.capitalized && !starts.contains(&t.start) && !after_colon {
            out.insert(t.text(text));
        }
    }
    out
}

/// Titles in quotation marks: "Super Mario Run", “The World of Tomorrow”. Every word of
/// the quoted words is capitalised but for short function words, the quote is not the whole
/// sentence, and the words are not a person's or a place's name.
fn quoted_titles(
    text: &str,
    toks: &[Token],
    taken: &mut [bool],
    lex: &Lexicon,
    entities: &mut Vec<Entity>,
) {
    const SMALL: &[&str] = &[
        "a", "an", "the", "of", "and", "or", "in", "on", "at", "to", "for", "by", "with", "from",
        "as", "vs", "but", "nor",
    ];
    let word = |k: usize| toks[k].text(text);
    let mut i = 0;
    while i < toks.len() {
        if !matches!(word(i), "“" | "\"") {
            i += 1;
            continue;
        }
        let Some(close) = (i + 1..toks.len().min(i + 12)).find(|&k| matches!(word(k), "”" | "\""))
        else {
            i += 1;
            continue;
        };
        let mut end = close;
        // Punctuation inside the quote ends the title: "Super Mario Run," she said.
        while end > i + 1 && matches!(word(end - 1), "," | "." | "!" | "?") {
            end -= 1;
        }
        let words = i + 1..end;
        let capitalised = words.clone().filter(|&k| toks[k].capitalized).count();
        let title_case = words.clone().all(|k| {
            toks[k].capitalized
                || SMALL.contains(&word(k))
                || matches!(word(k), "-" | "&" | ":" | "'" | "’")
                || toks[k].kind == TokenKind::Number
        });
        let whole = if end > i + 1 {
            &text[toks[i + 1].start..toks[end - 1].end]
        } else {
            ""
        };
        // “Victory Day” parade: an event's, a company's or a building's name keeps its label.
        let last = if end > i + 1 { word(end - 1) } else { "" };
        let a_name = lex.is_place(whole)
            || lex.is_group(whole)
            || lex.event_suffixes.contains(last)
            || lex.org_suffixes.contains(last)
            || lex.place_suffixes.contains(last)
            || (end - i - 1 == 2 && lex.given_names.contains(word(i + 1)));
        let shouted = whole.chars().all(|c| !c.is_lowercase());
        let alone = i == 0 && close + 1 >= toks.len();
        // Speech, not a title: “We Are Done,” she said. He shouted: “Get Out”.
        let after = toks.get(close + 1).map_or("", |t| t.text(text));
        let speech = matches!(
            after,
            "said"
                | "says"
                | "asked"
                | "asks"
                | "told"
                | "tells"
                | "he"
                | "she"
                | "they"
                | "I"
                | "we"
                | "wrote"
                | "writes"
                | "added"
                | "adds"
        ) || (i > 0 && matches!(word(i - 1), "," | ":"));
        if capitalised >= 2
            && toks[i + 1].capitalized
            && title_case
            && !a_name
            && !shouted
            && !alone
            && !speech
            && !taken[i..=close].iter().any(|t| *t)
        {
            push(entities, toks, i + 1, end, Label::Work, "title in quotes");
            taken[i..=close].iter_mut().for_each(|t| *t = true);
            i = close + 1;
        } else {
            i += 1;
        }
    }
}

fn push(
    entities: &mut Vec<Entity>,
    toks: &[Token],
    a: usize,
    b: usize,
    label: Label,
    why: &'static str,
) {
    entities.push(Entity {
        span: ByteSpan::new(ByteOffset(toks[a].start), ByteOffset(toks[b - 1].end)),
        label,
        canonical: None,
        why: Cow::Borrowed(why),
    });
}

fn is_number_token(cls: &[u32], toks: &[Token], k: usize) -> bool {
    toks.get(k).is_some_and(|t| t.kind == TokenKind::Number) || is(cls, k, List::NumberWords)
}

/// How many tokens from `i` make a number: digits or number words ("two hundred",
/// "Tens of thousands", "hundreds").
fn number_len(text: &str, toks: &[Token], cls: &[u32], i: usize) -> usize {
    let word = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    if is(cls, i, List::ScalePlurals) {
        if word(i + 1).eq_ignore_ascii_case("of") && is(cls, i + 2, List::ScalePlurals) {
            return 3;
        }
        return 1;
    }
    if !is_number_token(cls, toks, i) {
        return 0;
    }
    // Further number words, or a hyphen between two of them ("twenty-five").
    // Two figures side by side are two numbers ("Yuri Dario 7 1.8%", a table's columns),
    // unless the second groups thousands ("10 000").
    let digits = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Number);
    let thousands = |k: usize| {
        let (before, this) = (word(k - 1), word(k));
        (1..=3).contains(&before.len())
            && this.len() == 3
            && before
                .bytes()
                .chain(this.bytes())
                .all(|c| c.is_ascii_digit())
    };
    let continues = |k: usize| match toks.get(k) {
        Some(t) if t.text(text) == "-" => is_number_token(cls, toks, k + 1),
        Some(_) if digits(k) && digits(k - 1) => thousands(k),
        Some(_) => is_number_token(cls, toks, k),
        None => false,
    };
    let mut n = 1;
    while continues(i + n) {
        n += 1;
    }
    n
}

fn approx_len(text: &str, toks: &[Token], cls: &[u32], i: usize) -> usize {
    let word = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    // "only one", "only about 10 percent", "just 18 months": "only" stays with the figure,
    // "just" with a share or a period (spaCy writes "just one" without it).
    if is(cls, i, List::Limiters) {
        let core = approx_core_len(text, toks, cls, i + 1);
        let k = i + 1 + core;
        let n = number_len(text, toks, cls, k);
        let unit = word(k + n).to_lowercase();
        let share_or_period = word(k) == "half"
            || (matches!(word(k), "a" | "an") && is(cls, k + 1, List::TimeUnits))
            || (n > 0
                && (is(cls, k + n, List::TimeUnits)
                    || matches!(unit.as_str(), "%" | "percent" | "per")));
        if share_or_period || word(i).eq_ignore_ascii_case("only") {
            return 1 + core;
        }
    }
    approx_core_len(text, toks, cls, i)
}

#[inline(always)]
fn approx_core_len(text: &str, toks: &[Token], cls: &[u32], i: usize) -> usize {
    let word = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    if is(cls, i, List::ApproxHeads) {
        for parts in APPROX_TWO {
            if parts
                .iter()
                .enumerate()
                .all(|(k, p)| word(i + k).eq_ignore_ascii_case(p))
            {
                return parts.len();
            }
        }
    }
    usize::from(is(cls, i, List::ApproxOne))
}

/// Where a date or duration starting at token `i` really starts, with the words OntoNotes
/// keeps in it: "late January", "this past January", "the late 1800s", "the past five years".
fn date_modifiers(text: &str, toks: &[Token], i: usize) -> usize {
    let word = |k: usize| toks[k].text(text);
    let mut a = i;
    if a > 0
        && matches!(
            word(a - 1),
            "late" | "early" | "mid" | "past" | "next" | "last" | "this" | "coming" | "previous"
        )
    {
        a -= 1;
        if a > 0 && word(a - 1) == "this" && word(a) == "past" {
            a -= 1;
        }
    }
    // "the" comes with a modifier ("the past five years") or a decade ("the 1990s").
    if a > 0 && word(a - 1) == "the" && (a < i || word(i).ends_with('s')) {
        a -= 1;
    }
    // "the end of 2025", "the beginning of March".
    part_of_period_before(text, toks, a).unwrap_or(a)
}

/// A part of a period: "the end of 2025", "the start of the year".
const PART_OF_PERIOD: &[&str] = &["end", "beginning", "start", "middle", "turn"];

/// Where "the end of", "the start of" … begins, when it stands right before token `i`.
fn part_of_period_before(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let word = |k: usize| toks[k].text(text);
    (i >= 3 && word(i - 1) == "of" && PART_OF_PERIOD.contains(&word(i - 2)) && word(i - 3) == "the")
        .then(|| i - 3)
}

/// "2014-07-01": an ISO 8601 calendar date.
fn is_iso_date(w: &str) -> bool {
    let b = w.as_bytes();
    b.len() == 10
        && b[4] == b'-'
        && b[7] == b'-'
        && b.iter()
            .enumerate()
            .all(|(k, c)| k == 4 || k == 7 || c.is_ascii_digit())
}

/// "07/01/2014", "1/2/19": a numeric date written with slashes, its length in tokens.
fn slash_date_len(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let parts = toks.get(i..i + 5)?;
    let digits = |t: &Token, lens: &[usize]| {
        let w = t.text(text);
        lens.contains(&w.len()) && w.bytes().all(|c| c.is_ascii_digit())
    };
    let joined = parts.windows(2).all(|p| p[0].end == p[1].start);
    (joined
        && digits(&parts[0], &[1, 2])
        && parts[1].text(text) == "/"
        && digits(&parts[2], &[1, 2])
        && parts[3].text(text) == "/"
        && digits(&parts[4], &[2, 4]))
    .then_some(5)
}

/// "a few years", "several weeks", "many years later": a duration with no number, its
/// length in tokens.
fn vague_duration_len(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    // Asked of every token that reaches this rule: compare without allocating a lower-case copy.
    let w = word(i);
    let mut unit = if w.eq_ignore_ascii_case("a") && word(i + 1) == "few" {
        i + 2
    } else if ["few", "several", "many"]
        .iter()
        .any(|q| w.eq_ignore_ascii_case(q))
    {
        i + 1
    } else {
        return None;
    };
    // "a few more years".
    if word(unit) == "more" {
        unit += 1;
    }
    if !matches!(
        word(unit),
        "years" | "decades" | "months" | "weeks" | "days" | "hours" | "minutes" | "centuries"
    ) {
        return None;
    }
    let end = if matches!(word(unit + 1), "ago" | "later" | "earlier" | "old") {
        unit + 2
    } else {
        unit + 1
    };
    Some(end - i)
}

/// "between 400 and 600" from token `i`: one range, its length in tokens.
fn range_len(text: &str, toks: &[Token], cls: &[u32], i: usize) -> Option<usize> {
    let word = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    if !word(i).eq_ignore_ascii_case("between") {
        return None;
    }
    // "between $5 and $6": each figure may carry its currency.
    let money = |k: usize| usize::from(matches!(word(k), "$" | "£" | "€" | "¥"));
    let first = money(i + 1) + number_len(text, toks, cls, i + 1 + money(i + 1));
    if first == money(i + 1) || !word(i + 1 + first).eq_ignore_ascii_case("and") {
        return None;
    }
    let at = i + 2 + first;
    let second = money(at) + number_len(text, toks, cls, at + money(at));
    (second > money(at)).then_some(2 + first + second)
}

/// "more than $1 billion" from token `i`: money with its approximation, its length in tokens.
fn approximate_money_len(text: &str, toks: &[Token], cls: &[u32], i: usize) -> Option<usize> {
    let approx = approx_len(text, toks, cls, i);
    let symbol = toks.get(i + approx).map(|t| t.text(text));
    let digits = toks
        .get(i + approx + 1)
        .is_some_and(|t| t.kind == TokenKind::Number);
    if approx == 0 || !matches!(symbol, Some("$" | "£" | "€" | "¥")) || !digits {
        return None;
    }
    let n = number_len(text, toks, cls, i + approx + 1);
    (n > 0).then_some(approx + 1 + n)
}

fn is_year(text: &str, t: &Token) -> bool {
    t.kind == TokenKind::Number
        && t.text(text).len() == 4
        && t.text(text)
            .parse::<u32>()
            .is_ok_and(|y| (1000..=2100).contains(&y))
}

fn numbers_and_times(
    text: &str,
    toks: &[Token],
    cls: &[u32],
    taken: &mut [bool],
    lex: &Lexicon,
    entities: &mut Vec<Entity>,
) {
    let word = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    let mut i = 0;
    while i < toks.len() {
        let w = word(i);
        // Lower-cased only where a digit makes ordinals and measures possible ("5th", "70-minute").
        let lower = if w.bytes().any(|b| b.is_ascii_digit()) {
            w.to_ascii_lowercase()
        } else {
            String::new()
        };
        let mut hit: Option<(usize, usize, Label, &'static str)> = None;
        // "World War Two", "Apollo Eleven": a capitalised number word after a name is its part.
        // A weekday is never part of a name: "at The London Thursday morning".
        let in_name = toks[i].capitalized
            && i > 0
            && toks[i - 1].capitalized
            && !is(cls, i - 1, List::FunctionWords)
            && !is(cls, i, List::Weekdays)
            // "Thursday Dec. 1": a date after a weekday.
            && !is(cls, i - 1, List::Weekdays);
        // "[4]": a reference mark, not a count.
        let citation = toks[i].kind == TokenKind::Number
            && i > 0
            && word(i - 1) == "["
            && word(i + 1) == "]"
            && toks[i - 1].end == toks[i].start
            && toks[i].end == toks.get(i + 1).map_or(0, |t| t.start);
        // "Erik ten Hag": a Dutch name's "ten" between two capitalised words counts nothing.
        let name_particle = w == "ten"
            && i > 0
            && toks[i - 1].capitalized
            && toks.get(i + 1).is_some_and(|t| t.capitalized);
        if citation || name_particle || (in_name && toks[i].kind == TokenKind::Word) {
            i += 1;
            continue;
        }
        // "12 March": the day is taken with the month that follows.
        if toks[i].kind == TokenKind::Number
            && w.len() <= 2
            && is(cls, i + 1, List::Months)
            && toks.get(i + 1).is_some_and(|t| t.capitalized)
        {
            i += 1;
            continue;
        }
        // "the S&P 500", "Interstate 4", "SB 1047", "Boeing 737 Max 9": a number after a
        // capitalised word that is part of one name with it.
        if toks[i].kind == TokenKind::Number
            && i > 0
            && !taken[i - 1]
            && toks[i - 1].capitalized
            && toks[i - 1].end < toks[i].start
        {
            if let Some((b, label, why)) = named_with_a_number(text, toks, cls, i, lex) {
                push(entities, toks, i - 1, b, label, why);
                taken[i - 1..b].iter_mut().for_each(|t| *t = true);
                i = b;
                continue;
            }
        }
        // Clock times: "01:05", "9:30", "8:51 p.m.", "5 p.m.", "7 PM", "6pm", "1400 GMT".
        let starts_with_digit = w.as_bytes().first().is_some_and(u8::is_ascii_digit);
        if let Some(b) = starts_with_digit
            .then(|| clock_time_end(text, toks, i))
            .flatten()
        {
            if !taken[i..b].iter().any(|t| *t) {
                push(entities, toks, i, b, Label::Date, "clock time");
                taken[i..b].iter_mut().for_each(|t| *t = true);
            }
            i = b;
            continue;
        }
        // "at midnight", "by noon", "over the weekend": times and a period named by a word.
        let at = || {
            i > 0
                && [
                    "at", "by", "until", "till", "after", "before", "past", "around", "since",
                ]
                .iter()
                .any(|p| word(i - 1).eq_ignore_ascii_case(p))
        };
        let weekend = w == "the"
            && word(i + 1) == "weekend"
            && i > 0
            && matches!(
                word(i - 1),
                "over" | "during" | "on" | "at" | "for" | "until"
            );
        if (matches!(w, "midnight" | "noon" | "midday") && at()) || weekend {
            let b = i + 1 + usize::from(weekend);
            if !taken[i..b].iter().any(|t| *t) {
                push(entities, toks, i, b, Label::Date, "time of day");
                taken[i..b].iter_mut().for_each(|t| *t = true);
            }
            i = b;
            continue;
        }
        // Month dates: "March 5", "5 March 2024", "March 2024".
        // "May" is a month only before a day number.
        // An abbreviation ("Mar", "Jan") needs its period or a number beside it: not "Mar
        // Hicks", "Jan Smith".
        let number_at = |k: usize| toks.get(k).is_some_and(|t| t.kind == TokenKind::Number);
        let abbreviated = || !MONTHS[..12].iter().any(|m| w.eq_ignore_ascii_case(m));
        let month = is(cls, i, List::Months)
            && toks[i].capitalized
            && (w != "May" || number_at(i + 1))
            && (!abbreviated()
                || word(i + 1) == "."
                || number_at(i + 1)
                || (word(i + 1) == "," && number_at(i + 2))
                // "Jan/Feb" in a table's heading.
                || word(i + 1) == "/"
                || (i > 0 && word(i - 1) == "/")
                || (i > 0 && number_at(i - 1)));
        if month {
            let mut b = i + 1;
            // "Feb. 21, 2019": the abbreviation's dot, when a day or year follows.
            if word(b) == "."
                && w.len() <= 4
                && toks[b].start == toks[i].end
                && toks.get(b + 1).is_some_and(|t| t.kind == TokenKind::Number)
            {
                b += 1;
            } else if abbreviated()
                && word(b) == ","
                && toks
                    .get(b + 1)
                    .is_some_and(|t| t.kind == TokenKind::Number && t.text(text).len() <= 2)
            {
                // "Nov, 29, 2016": a comma for the period.
                b += 1;
            }
            if toks
                .get(b)
                .is_some_and(|t| t.kind == TokenKind::Number && t.text(text).len() <= 2)
            {
                b += 1;
            }
            if word(b) == "," && toks.get(b + 1).is_some_and(|t| is_year(text, t)) {
                b += 2;
            } else if toks.get(b).is_some_and(|t| is_year(text, t)) {
                b += 1;
            }
            let mut a = if i > 0 && toks[i - 1].kind == TokenKind::Number && word(i - 1).len() <= 2
            {
                i - 1
            } else {
                date_modifiers(text, toks, i)
            };
            // "Thursday Dec. 1, 2016", "Tuesday, March 5": the weekday is part of the date.
            if a == i && i >= 1 && is(cls, i - 1, List::Weekdays) && !taken[i - 1] {
                a = i - 1;
            } else if a == i
                && i >= 2
                && word(i - 1) == ","
                && is(cls, i - 2, List::Weekdays)
                && !taken[i - 2]
            {
                a = i - 2;
            }
            hit = Some((a, b, Label::Date, "date"));
        } else if is(cls, i, List::Weekdays) && month_date_follows(text, toks, cls, i) {
            // Left for the month that follows to take: "Thursday Dec. 1".
        } else if is(cls, i, List::Weekdays) {
            let b = if is(cls, i + 1, List::DayParts) {
                i + 2
            } else {
                i + 1
            };
            // "late Thursday", "last Friday".
            hit = Some((date_modifiers(text, toks, i), b, Label::Date, "day"));
        } else if is(cls, i, List::RelativeDays) {
            hit = Some((i, i + 1, Label::Date, "day"));
        } else if is(cls, i, List::DateDeterminers)
            && (is(cls, i + 1, List::DateUnits) || is(cls, i + 1, List::Weekdays))
        {
            // "late last year", "Earlier this year", "the past year".
            let before = if i > 0 {
                word(i - 1).to_lowercase()
            } else {
                String::new()
            };
            let modifier = matches!(
                before.as_str(),
                "late" | "early" | "mid" | "earlier" | "later"
            );
            let the = before == "the"
                && matches!(
                    w.to_lowercase().as_str(),
                    "last" | "past" | "next" | "coming" | "previous" | "following"
                );
            let a = if modifier || the { i - 1 } else { i };
            hit = Some((a, i + 2, Label::Date, "relative date"));
        } else if w.eq_ignore_ascii_case("half")
            && matches!(word(i + 1), "a" | "an")
            && matches!(
                word(i + 2),
                "hour" | "minute" | "day" | "week" | "month" | "year" | "decade" | "century"
            )
        {
            // "half an hour": a duration, not a fraction.
            hit = Some((i, i + 3, Label::Date, "duration"));
        } else if is_iso_date(w) {
            hit = Some((i, i + 1, Label::Date, "date"));
        } else if let Some(len) = slash_date_len(text, toks, i) {
            hit = Some((i, i + len, Label::Date, "date"));
        } else if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("an"))
            && matches!(
                word(i + 1),
                "year" | "decade" | "week" | "month" | "century" | "hour" | "minute"
            )
        {
            // "more than a century": the approximation belongs to it.
            let a = if i >= 2 && approx_len(text, toks, cls, i - 2) == 2 {
                i - 2
            } else if i >= 1 && approx_len(text, toks, cls, i - 1) == 1 {
                i - 1
            } else {
                i
            };
            // "a century ago", "a year later", "more than a century old".
            let b = if matches!(word(i + 2), "ago" | "later" | "earlier" | "old") {
                i + 3
            } else {
                i + 2
            };
            hit = Some((a, b, Label::Date, "relative date"));
        } else if let Some(len) = vague_duration_len(text, toks, i) {
            // "a few years", "several weeks", "Many years later", "the next few months".
            hit = Some((
                date_modifiers(text, toks, i),
                i + len,
                Label::Date,
                "duration",
            ));
        } else if matches!(
            w,
            "years" | "decades" | "months" | "weeks" | "days" | "hours"
        ) && i > 0
            && matches!(word(i - 1), "for" | "in" | "over" | "recent")
        {
            // "for years", "in decades": a duration with no number; "in recent months".
            let a = if word(i - 1) == "recent" { i - 1 } else { i };
            hit = Some((a, i + 1, Label::Date, "duration"));
        } else if matches!(w, "winter" | "summer" | "autumn") {
            let a = if i > 0 && word(i - 1) == "the" {
                i - 1
            } else {
                i
            };
            // "the summer of 1898".
            let b = if word(i + 1) == "of" && toks.get(i + 2).is_some_and(|t| is_year(text, t)) {
                i + 3
            } else {
                i + 1
            };
            hit = Some((a, b, Label::Date, "season"));
        } else if is_year(text, &toks[i]) {
            // "late 2011".
            let mut b = if word(i + 1) == "s" { i + 2 } else { i + 1 };
            let a = if i > 0 && matches!(word(i - 1), "late" | "early" | "mid") {
                i - 1
            } else {
                // "the end of 2025".
                part_of_period_before(text, toks, i).unwrap_or(i)
            };
            // "2011 to 2013", "2011–2013": one period.
            if b == i + 1
                && matches!(word(b), "to" | "–" | "-")
                && toks.get(b + 1).is_some_and(|t| is_year(text, t))
            {
                b += 2;
            }
            hit = Some((a, b, Label::Date, "year"));
        } else if let Some(rest) = w.strip_prefix("mid-").filter(|rest| {
            MONTHS[..12].iter().any(|m| rest.eq_ignore_ascii_case(m))
                || rest
                    .trim_end_matches('s')
                    .parse::<u32>()
                    .is_ok_and(|y| (1000..=2100).contains(&y))
        }) {
            // "mid-December", "the mid-1990s", "mid-2019".
            let a = if rest.ends_with('s') && i > 0 && word(i - 1).eq_ignore_ascii_case("the") {
                i - 1
            } else {
                i
            };
            hit = Some((a, i + 1, Label::Date, "date"));
        } else if w.len() == 3
            && w.ends_with("0s")
            && w.as_bytes()[0].is_ascii_digit()
            && i > 0
            && matches!(
                word(i - 1),
                "the" | "The" | "’" | "'" | "early" | "late" | "mid"
            )
        {
            // "the 80s", "the ’90s", "the early 70s".
            let mut a = i;
            if matches!(word(a - 1), "’" | "'") {
                a -= 1;
            }
            if a > 0 && matches!(word(a - 1), "early" | "late" | "mid") {
                a -= 1;
            }
            if a > 0 && word(a - 1).eq_ignore_ascii_case("the") {
                a -= 1;
            }
            hit = Some((a, i + 1, Label::Date, "decade"));
        } else if matches!(
            w,
            "daily" | "weekly" | "monthly" | "yearly" | "annually" | "quarterly" | "biweekly"
        ) {
            // How often: OntoNotes counts frequencies as dates.
            hit = Some((i, i + 1, Label::Date, "frequency"));
        } else if w.len() == 5
            && w.ends_with('s')
            && w.get(..4)
                .unwrap_or("")
                .parse::<u32>()
                .is_ok_and(|y| (1000..=2100).contains(&y))
        {
            hit = Some((date_modifiers(text, toks, i), i + 1, Label::Date, "decade"));
        } else if let Some((_, unit)) = hyphenated_measure(&lower, w) {
            let label = if TIME_UNITS.contains(&unit) || unit == "quarter" {
                Label::Date
            } else {
                Label::Quantity
            };
            hit = Some((i, i + 1, label, "measure"));
        } else if (is(cls, i, List::Ordinals) || (!lower.is_empty() && is_numeric_ordinal(&lower)))
            && word(i + 1).eq_ignore_ascii_case("anniversary")
        {
            let a = if i > 0 && word(i - 1).eq_ignore_ascii_case("the") {
                i - 1
            } else {
                i
            };
            hit = Some((a, i + 2, Label::Date, "anniversary"));
        } else if (is(cls, i, List::Ordinals) || (!lower.is_empty() && is_numeric_ordinal(&lower)))
            && word(i + 1).eq_ignore_ascii_case("century")
        {
            // "the 20th century", "the early 19th century".
            let mut a = i;
            if a > 0 && matches!(word(a - 1), "early" | "late" | "mid") {
                a -= 1;
            }
            if a > 0 && word(a - 1).eq_ignore_ascii_case("the") {
                a -= 1;
            }
            hit = Some((a, i + 2, Label::Date, "century"));
        } else if is(cls, i, List::Ordinals) && matches!(word(i + 1), "quarter" | "half") {
            // "the second quarter" of a year.
            let a = if i > 0 && word(i - 1) == "the" {
                i - 1
            } else {
                i
            };
            hit = Some((a, i + 2, Label::Date, "quarter"));
        } else if w == "the"
            && PART_OF_PERIOD.contains(&word(i + 1))
            && word(i + 2) == "of"
            && word(i + 3) == "the"
            && matches!(
                word(i + 4),
                "year" | "month" | "week" | "day" | "decade" | "century" | "season" | "quarter"
            )
        {
            // "the end of the year", "the beginning of the season".
            hit = Some((i, i + 5, Label::Date, "part of a period"));
        } else if w == "First" && word(i + 1) == "," {
            // "First, …" orders an argument; it counts nothing.
        } else if is(cls, i, List::Ordinals)
            && toks[i].capitalized
            && ordinal_heads_a_name(text, toks, i, lex)
        {
            // "the First Amendment", "the Second World War": a word of a name, left to names.
        } else if is(cls, i, List::Ordinals) || (!lower.is_empty() && is_numeric_ordinal(&lower)) {
            // "the first 100 days", "those first few hours": one period.
            let n = if matches!(word(i + 1), "few" | "several") {
                1
            } else {
                number_len(text, toks, cls, i + 1)
            };
            hit = if n > 0 && is(cls, i + 1 + n, List::TimeUnits) {
                let a = if i > 0 && word(i - 1) == "the" {
                    i - 1
                } else {
                    i
                };
                Some((a, i + 2 + n, Label::Date, "duration"))
            } else {
                Some((i, i + 1, Label::Quantity, "ordinal"))
            };
        } else if is_short_year_range(w) {
            // "2008-9", "the 2019-20 season".
            hit = Some((i, i + 1, Label::Date, "year"));
        } else if is(cls, i, List::Multiples)
            && (!w.eq_ignore_ascii_case("once")
                || matches!(word(i + 1), "a" | "per" | "every" | "or" | "more" | "again")
                || i > 0 && matches!(word(i - 1), "only" | "just" | "than" | "least"))
        {
            // "once" is a count in "once a year", not in "once the pipes are fixed".
            hit = Some((i, i + 1, Label::Quantity, "count"));
        } else if w.len() >= 12
            && w.ends_with("-century")
            && is_numeric_ordinal(
                w.trim_end_matches("-century")
                    .trim_start_matches("mid-")
                    .trim_start_matches("early-")
                    .trim_start_matches("late-"),
            )
        {
            // "a 19th-century ship", "a mid-20th-century house".
            hit = Some((i, i + 1, Label::Date, "century"));
        } else if is_one_word_amount(w)
            // Not a model's "5C", not "%252F" or "#00F" in an address or a colour.
            && !(i > 0 && toks[i - 1].capitalized && !is(cls, i - 1, List::FunctionWords))
            && text[..toks[i].start]
                .chars()
                .next_back()
                .is_none_or(|c| c.is_whitespace() || c == '(')
        {
            // "46.5C", "5km", "100mph": a measure written as one word.
            hit = Some((i, i + 1, Label::Quantity, "measure"));
        } else if matches!(w, "$" | "£" | "€" | "¥")
            && toks.get(i + 1).is_some_and(|t| {
                t.kind == TokenKind::Number
                    || t.start == toks[i].end && is_scaled_figure(t.text(text))
            })
        {
            // "£3.5bn" is one word.
            let n = if toks[i + 1].kind == TokenKind::Number {
                number_len(text, toks, cls, i + 1)
            } else {
                1
            };
            let mut b = i + 1 + n;
            // "$24 to $28": one range of money.
            if matches!(word(b), "to" | "–" | "-")
                && word(b + 1) == w
                && toks.get(b + 2).is_some_and(|t| t.kind == TokenKind::Number)
            {
                b += 2 + number_len(text, toks, cls, b + 2);
            }
            // "US$52.6 billion", "HK$3 million": the dollar's country is part of the money.
            let country = i > 0
                && toks[i - 1].end == toks[i].start
                && matches!(
                    word(i - 1),
                    "US" | "HK" | "A" | "AU" | "C" | "CA" | "NZ" | "S" | "NT" | "R" | "Mex"
                );
            hit = Some((i - usize::from(country), b, Label::Quantity, "money"));
        } else if matches!(w, "several" | "Several" | "many" | "Many")
            && matches!(word(i + 1), "hundred" | "thousand" | "million" | "billion")
        {
            // "several million".
            hit = Some((i, i + 2, Label::Quantity, "number"));
        } else if let Some(len) = range_len(text, toks, cls, i) {
            // "between 400 and 600": one range.
            hit = Some((i, i + len, Label::Quantity, "range"));
        } else if let Some(len) = approximate_money_len(text, toks, cls, i) {
            // "more than $1 billion".
            hit = Some((i, i + len, Label::Quantity, "money"));
        } else {
            let approx = approx_len(text, toks, cls, i);
            // "at about 10:30 p.m.": an approximate time.
            let time_end = (approx > 0)
                .then(|| clock_time_end(text, toks, i + approx))
                .flatten();
            let n = if time_end.is_some() {
                0
            } else {
                number_len(text, toks, cls, i + approx)
            };
            if let Some(end) = time_end {
                hit = Some((i, end, Label::Date, "clock time"));
            } else if approx > 0 && is_one_word_amount(word(i + approx)) {
                // "up to 46.5C", "about 5km", "roughly two-thirds".
                hit = Some((i, i + approx + 1, Label::Quantity, "measure"));
            }
            let pronoun_one = approx == 0 && n == 1 && is_pronoun_one(text, toks, i);
            if n > 0 && !pronoun_one {
                let mut b = i + approx + n;
                let mut start = i;
                // "10 to 13 days", "5 to 10 percent": a range of periods or shares is one.
                if word(b) == "to" {
                    let m = number_len(text, toks, cls, b + 1);
                    if m > 0
                        && (is(cls, b + 1 + m, List::TimeUnits)
                            || matches!(word(b + 1 + m), "%" | "percent"))
                    {
                        b += 1 + m;
                    }
                }
                let next = word(b).to_lowercase();
                let (label, why) =
                    if next == "%" || next == "percent" || (next == "per" && word(b + 1) == "cent")
                    {
                        b += if next == "per" { 2 } else { 1 };
                        (Label::Quantity, "percentage")
                    } else if is(cls, b, List::TimeUnits) {
                        b += 1;
                        // "two years ago", "seven decades later", "seven years old".
                        let age = matches!(word(b - 1), "years" | "months" | "weeks" | "days")
                            && word(b) == "old";
                        if age || matches!(word(b), "ago" | "later" | "earlier") {
                            b += 1;
                        }
                        if word(i).eq_ignore_ascii_case("over") && approx == 1 {
                            // "over ten years" is a period, not an approximation.
                            start = i + 1;
                        } else if approx == 0 {
                            // "the past five years", "the next two weeks".
                            start = date_modifiers(text, toks, i);
                        }
                        (Label::Date, "duration")
                    } else if (is(cls, b, List::Measures)
                        // "four cents", not the title "Two Cents".
                        || (is(cls, b, List::CurrencyWords) && !toks[b].capitalized))
                        // Not across a line break.
                        && !text[toks[b - 1].end..toks[b].start].contains('\n')
                    {
                        b += 1;
                        // "40 degrees Celsius".
                        if matches!(word(b), "Celsius" | "Fahrenheit" | "C" | "F")
                            && word(b - 1) == "degrees"
                        {
                            b += 1;
                        }
                        (Label::Quantity, "measure")
                    } else if (matches!(next.as_str(), "metric" | "square" | "cubic")
                        && is(cls, b + 1, List::Measures))
                        // "25 basis points", "3 percentage points".
                        || (matches!(next.as_str(), "basis" | "percentage")
                            && matches!(word(b + 1), "points" | "point"))
                    {
                        // "2.5 metric tons", "10 square miles".
                        b += 2;
                        (Label::Quantity, "measure")
                    } else if next == "of" && is(cls, b + 1, List::Measures) {
                        b += 2;
                        (Label::Quantity, "measure")
                    } else if next == "of" && is(cls, b + 1, List::CurrencyWords) {
                        // "hundreds of millions of dollars".
                        b += 2;
                        (Label::Quantity, "money")
                    } else if matches!(
                        next.as_str(),
                        "year-old" | "years-old" | "month-old" | "week-old" | "day-old"
                    ) {
                        // "the 93 year-old", written apart.
                        b += 1;
                        (Label::Date, "age")
                    } else if approx == 0
                        && n == 1
                        && b == i + 1
                        && i >= 2
                        && word(i - 1) == ","
                        && toks[i - 2].capitalized
                        && matches!(word(b), "," | ".")
                        && word(i).len() <= 3
                        && word(i).bytes().all(|c| c.is_ascii_digit())
                    {
                        // "Hori Parata, 75, watched": an age after a name.
                        (Label::Date, "age")
                    } else {
                        (Label::Quantity, "number")
                    };
                hit = Some((start, b, label, why));
            }
        }
        match hit {
            Some((a, b, label, why))
                if b > a && b <= toks.len() && !taken[a..b].iter().any(|t| *t) =>
            {
                push(entities, toks, a, b, label, why);
                taken[a..b].iter_mut().for_each(|t| *t = true);
                i = b;
            }
            _ => i += 1,
        }
    }
}

/// The name that the capitalised word before the number at `i` makes with it, as its end
/// (exclusive), label and reason: a market index ("S&P 500", "FTSE 100"), a road ("Interstate
/// 4", "Highway 101"), a bill ("SB 1047") or a company's product ("Boeing 737 Max 9",
/// "Microsoft 365"; not "Boeing 10 days ago" or "Tesla 5%").
fn named_with_a_number(
    text: &str,
    toks: &[Token],
    cls: &[u32],
    i: usize,
    lex: &Lexicon,
) -> Option<(usize, Label, &'static str)> {
    let word = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    let before = word(i - 1);
    if MARKET_INDEXES.contains(&before) {
        return Some((i + 1, Label::Org, "market index"));
    }
    if !word(i).bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    match before {
        "Interstate" | "Highway" | "Route" | "Freeway" | "Motorway" => {
            return Some((i + 1, Label::Place, "road"));
        }
        "SB" | "HB" | "AB" | "HR" => return Some((i + 1, Label::Work, "law or document")),
        _ => {}
    }
    let product = !is_year(text, &toks[i])
        && lex.organisations.get(before) == Some(&false)
        && (i < 2 || !matches!(word(i - 2), "$" | "£" | "€"))
        && !text[toks[i - 1].end..toks[i].start].contains('\n')
        && !is(cls, i + 1, List::TimeUnits)
        && !is(cls, i + 1, List::Measures)
        && !is(cls, i + 1, List::CurrencyWords)
        && !matches!(
            word(i + 1),
            "%" | "percent" | "per" | "times" | "of" | "to" | "and" | "or"
        );
    if !product {
        return None;
    }
    let mut b = i + 1;
    while b < toks.len()
        && b < i + 4
        && (matches!(word(b), "Max" | "MAX" | "Pro" | "Plus" | "Ultra" | "Mini")
            || (toks[b].kind == TokenKind::Number && word(b).len() <= 2))
        && toks[b].start > toks[b - 1].end
    {
        b += 1;
    }
    Some((b, Label::Work, "product or model name"))
}

/// The end of a clock time starting at token `i`: "01:05", "9:30", "8:51 p.m.", "5 p.m.",
/// "7 PM", "6pm", "1:39 PM ET", "1400 GMT" (a 24-hour time with its zone).
fn clock_time_end(text: &str, toks: &[Token], i: usize) -> Option<usize> {
    let word = |k: usize| toks.get(k).map(|t| t.text(text)).unwrap_or("");
    let w = word(i);
    if w.is_empty() || !w.as_bytes()[0].is_ascii_digit() {
        return None;
    }
    let colon_time = toks[i].kind == TokenKind::Number
        && word(i + 1) == ":"
        && toks
            .get(i + 2)
            .is_some_and(|t| t.kind == TokenKind::Number && t.text(text).len() == 2)
        && toks[i + 1].start == toks[i].end
        && toks[i + 2].start == toks[i + 1].end;
    let hour = toks[i].kind == TokenKind::Number
        && w.parse::<u8>().is_ok_and(|h| (1..=12).contains(&h))
        && meridiem_len(text, toks, i + 1) > 0;
    let glued = w.len() <= 4
        && matches!(
            w.trim_start_matches(|c: char| c.is_ascii_digit()),
            "am" | "pm" | "AM" | "PM"
        );
    let military = toks[i].kind == TokenKind::Number
        && w.len() == 4
        && TIME_ZONES.contains(&word(i + 1))
        && w.parse::<u16>().is_ok_and(|t| t < 2400 && t % 100 < 60);
    if !(colon_time || hour || glued || military) {
        return None;
    }
    let digits_end = if colon_time {
        i + 3
    } else if hour || military {
        i + 1
    } else {
        i
    };
    let mut b = if glued {
        i + 1
    } else {
        digits_end + meridiem_len(text, toks, digits_end)
    };
    // "1:39 PM ET": the time zone belongs to the time.
    if TIME_ZONES.contains(&word(b)) {
        b += 1;
    }
    Some(b)
}

/// A year and the next one written short: "2008-9", "2019-20".
fn is_short_year_range(w: &str) -> bool {
    (6..=7).contains(&w.len())
        && w.as_bytes()[4] == b'-'
        && w.split_once('-').is_some_and(|(year, next)| {
            year.len() == 4
                && year
                    .parse::<u32>()
                    .is_ok_and(|y| (1000..=2100).contains(&y))
                && (1..=2).contains(&next.len())
                && next.bytes().all(|b| b.is_ascii_digit())
        })
}

/// A capitalised ordinal that begins an event's, a law's or a title's name: "Second Boer War",
/// "First Amendment", "First Lady" (not "First Trailer" or "the First Labour Government").
fn ordinal_heads_a_name(text: &str, toks: &[Token], i: usize, lex: &Lexicon) -> bool {
    let mut end = i + 1;
    while end < toks.len()
        && end < i + 4
        && toks[end].capitalized
        && toks[end].start == toks[end - 1].end + 1
    {
        end += 1;
    }
    let last = toks[end - 1].text(text);
    end > i + 1
        && (lex.event_suffixes.contains(last)
            || lex.work_suffixes.contains(last)
            // "the Ninth Circuit Court of Appeals", "First National Bank".
            || lex.org_suffixes.contains(last)
            || last == "Wars"
            || lex.titles.contains(&text[toks[i].start..toks[i + 1].end]))
}

/// "22-year-old", "Two-year-old", "70-minute", "10-mile", "second-quarter": a number and a
/// unit in one word, as (number, unit). `lower` is the word in lower case when it has a digit,
/// else empty.
fn hyphenated_measure<'w>(lower: &'w str, w: &'w str) -> Option<(&'w str, &'w str)> {
    let (n, u) = if lower.is_empty() {
        w.split_once('-')?
    } else {
        lower.split_once('-')?
    };
    // An age is a date, as a duration is.
    let u = u.strip_suffix("-old").unwrap_or(u);
    // "second-quarter": a quarter of a year, by its ordinal.
    if u == "quarter" && ORDINALS.iter().any(|x| x.eq_ignore_ascii_case(n)) {
        return Some((n, u));
    }
    let number = n.parse::<u32>().is_ok()
        || (n.len() <= 8 && NUMBER_WORDS.iter().any(|x| x.eq_ignore_ascii_case(n)));
    (number && (TIME_UNITS.contains(&u) || MEASURES.contains(&u))).then_some((n, u))
}

/// Whether the weekday at `i` is followed, after an optional comma, by a month with a day
/// ("Thursday Dec. 1", "Tuesday, March 5"), which takes the weekday into its date.
fn month_date_follows(text: &str, toks: &[Token], cls: &[u32], i: usize) -> bool {
    let m = if toks.get(i + 1).is_some_and(|t| t.text(text) == ",") {
        i + 2
    } else {
        i + 1
    };
    let day = |k: usize| {
        toks.get(k)
            .is_some_and(|t| t.kind == TokenKind::Number && t.text(text).len() <= 2)
    };
    is(cls, m, List::Months)
        && toks[m].capitalized
        && (day(m + 1) || (toks.get(m + 1).is_some_and(|t| t.text(text) == ".") && day(m + 2)))
}

/// The tokens of "am", "PM", "a.m." or "p.m." at `k` (the tokenizer splits "p.m." in four),
/// or 0.
fn meridiem_len(text: &str, toks: &[Token], k: usize) -> usize {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let joined = |a: usize, b: usize| toks[a].end == toks[b].start;
    if matches!(word(k), "am" | "pm" | "AM" | "PM" | "a.m." | "p.m.") {
        1
    } else if matches!(word(k), "a" | "p" | "A" | "P")
        && word(k + 1) == "."
        && matches!(word(k + 2), "m" | "M")
        && joined(k, k + 1)
        && joined(k + 1, k + 2)
    {
        if word(k + 3) == "." && joined(k + 2, k + 3) {
            4
        } else {
            3
        }
    } else {
        0
    }
}

/// "one" standing for a noun, which counts nothing: "no one", "the one", "a finite one",
/// "found one that fits", "one could argue", "one another". A count stays a count: "one of the
/// biggest", "at least one release", "only one person", "chapter one".
fn is_pronoun_one(text: &str, toks: &[Token], i: usize) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    if word(i) != "one" {
        return false;
    }
    let before = if i > 0 { word(i - 1) } else { "" };
    let after = word(i + 1);
    let determiner = |w: &str| {
        matches!(
            w.to_lowercase().as_str(),
            "no" | "the" | "this" | "that" | "every" | "any" | "each" | "a" | "an" | "which"
        )
    };
    let counted = before.starts_with(char::is_uppercase)
        || before.starts_with(|c: char| c.is_ascii_digit())
        || matches!(
            before,
            "to" | "than" | "of" | "and" | "or" | "from" | "by" | "number"
        );
    determiner(before)
        // "a finite one", "an odd one", "the right one".
        || (i > 1 && determiner(word(i - 2)) && before.chars().all(char::is_lowercase))
        || matches!(after, "another" | "could" | "would" | "should" | "can" | "cannot" | "must"
            | "might" | "may" | "needs" | "ought")
        || (!counted
            && matches!(after, "" | "." | "," | ";" | ":" | "?" | "!" | "that" | "who" | "which" | "whose"))
}

/// A single capital letter after a capitalised word ("Andrew B"), the start of a middle
/// initial.
fn is_initial(text: &str, toks: &[Token], k: usize) -> bool {
    let w = toks[k].text(text);
    w.len() == 1
        && w.bytes().all(|c| c.is_ascii_uppercase())
        && k > 0
        && toks[k - 1].capitalized
        && toks[k - 1].text(text).len() > 1
}

fn is_numeric_ordinal(lower: &str) -> bool {
    let digits = lower.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &lower[digits.len()..];
    !digits.is_empty()
        && digits.chars().all(|c| c.is_ascii_digit())
        && matches!(suffix, "st" | "nd" | "rd" | "th")
}

fn names(
    text: &str,
    toks: &[Token],
    taken: &mut [bool],
    lex: &Lexicon,
    doc: &DocEvidence,
    entities: &mut Vec<Entity>,
) {
    let mut i = 0;
    while i < toks.len() {
        // "al-Qaeda" heads a name though it starts in lower case.
        let particle_name = || {
            is_name_particle(toks[i].text(text)) && lex.institutions.contains(toks[i].text(text))
        };
        if taken[i] || !(toks[i].capitalized || particle_name()) {
            i += 1;
            continue;
        }
        // A run of capitalised words, possibly joined by "of", "de", "bin" ….
        let mut b = i + 1;
        loop {
            // Not across a glue of two words ("ZurcherNorth"): scraped text lost the break.
            if b < toks.len()
                && !taken[b]
                && toks[b].capitalized
                && !glued_credit(text, &toks[b])
                && toks[b].start > toks[b - 1].end
            {
                b += 1;
            } else if b + 2 < toks.len()
                && NAME_PARTICLES.contains(&toks[b].text(text))
                && NAME_PARTICLES.contains(&toks[b + 1].text(text))
                && !taken[b + 2]
                && toks[b + 2].capitalized
            {
                // Two particles: "Ursula von der Leyen", "Oscar de la Hoya".
                b += 3;
            } else if b + 2 < toks.len()
                && matches!(toks[b].text(text), "for" | "on")
                && matches!(toks[b + 1].text(text), "a" | "the")
                && !taken[b + 2]
                && toks[b + 2].capitalized
                && lex.org_suffixes.contains(toks[b - 1].text(text))
            {
                // "the Committee for a Responsible Federal Budget".
                b += 3;
            } else if b + 1 < toks.len()
                && toks[b].text(text) == "and"
                && !taken[b + 1]
                && toks[b + 1].capitalized
                && (i..b).any(|s| lex.is_place(&text[toks[s].start..toks[b + 1].end]))
            {
                // One place named with "and": "Bosnia and Herzegovina", "Jammu and Kashmir".
                b += 2;
            } else if b < toks.len() && !taken[b] && is_name_particle(toks[b].text(text)) {
                // "Omar Hassan al-Bashir", "Abdel Fattah el-Sisi".
                b += 1;
            } else if b + 1 < toks.len()
                && b == i + 1
                && toks[i].text(text).len() == 1
                && toks[i].text(text).bytes().all(|c| c.is_ascii_uppercase())
                && toks[b].text(text) == "."
                && toks[b].start == toks[i].end
                && !taken[b + 1]
                && (lex.given_names.contains(toks[b + 1].text(text))
                    || lex.surnames.contains(toks[b + 1].text(text)))
            {
                // A leading initial: "C. Eugene Steuerle".
                b += 2;
            } else if b + 1 < toks.len()
                && toks[b].text(text) == ","
                && !taken[b + 1]
                && ministry_list(text, toks, i, b, lex)
            {
                // "the Ministry of Trade, Industry and Energy": one ministry of several things.
                b += 2;
            } else if b + 1 < toks.len()
                && b > i
                && is_initial(text, toks, b - 1)
                && toks[b].text(text) == "."
                && toks[b].start == toks[b - 1].end
                && !taken[b + 1]
                && toks[b + 1].capitalized
                && !has(toks[b + 1].text(text), List::FunctionWords)
            {
                // A middle initial: "Andrew B. Myers", "Fred R. Conrad".
                b += 2;
            } else if b + 1 < toks.len()
                && toks[b].text(text) == "."
                && toks[b].start == toks[b - 1].end
                && !taken[b + 1]
                && toks[b + 1].capitalized
                && lex.titles.contains(&text[toks[b - 1].start..toks[b].end])
            {
                // An abbreviated title with its period: "Mr. McHugh", "Sen. Warren".
                b += 2;
            } else if b + 1 < toks.len()
                && toks[b - 1].text(text) == "St"
                && toks[b].text(text) == "."
                && toks[b].start == toks[b - 1].end
                && !taken[b + 1]
                && toks[b + 1].capitalized
            {
                // "St. Louis", "St. Patrick's Day": "Saint" shortened heads the name.
                b += 2;
            } else if b + 1 < toks.len()
                && toks[b].kind == TokenKind::Possessive
                && !taken[b + 1]
                && ((PLURAL_POSSESSORS.contains(&toks[b - 1].text(text))
                    && toks[b + 1].capitalized)
                    // "Mother’s Day", "New Year’s Eve".
                    || matches!(toks[b + 1].text(text), "Day" | "Eve")
                    // "the Los Angeles County Sheriff’s Department", "the U.S. Attorney’s
                    // Office": an office named by its holder.
                    || (OFFICE_HOLDERS.contains(&toks[b - 1].text(text))
                        && matches!(toks[b + 1].text(text), "Office" | "Department"))
                    || (b == i + 1
                        && lex.org_suffixes.contains(toks[b + 1].text(text))
                        && !is_acronym(toks[i].text(text))
                        && !lex.is_place(toks[i].text(text))
                        && !lex.organisations.contains_key(toks[i].text(text))
                        && !lex.institutions.contains(toks[i].text(text))))
            {
                // "Sam’s Club", "the People’s Party": a possessive inside a name, not an
                // organisation's or a place's own ("FSF’s Board", "Oxford’s University").
                b += 2;
            } else if b + 1 < toks.len()
                && !taken[b + 1]
                && toks[b + 1].capitalized
                && ((has(toks[b].text(text), List::Connectors)
                    && toks[b]
                        .text(text)
                        .chars()
                        .next()
                        .is_some_and(char::is_lowercase))
                    // "Council on Foreign Relations", "Travel & Tourism".
                    || (!has(toks[b + 1].text(text), List::FunctionWords)
                        && joins_organisation_name(text, toks, i, b, lex)))
            {
                b += 2;
            } else {
                break;
            }
        }
        // "CreditChang W. Lee": a photo credit glued to the photographer's name by scraping.
        if glued_credit(text, &toks[i]) {
            let mut rest = toks[i].text(text);
            while let Some(r) = rest.strip_prefix("Credit") {
                rest = r;
            }
            // A person's name, not "CreditPhoto Illustration".
            let given = lex.given_names.contains(rest) || lex.given_name_words.contains(rest);
            if b - i >= 2 && given {
                let start = toks[i].end - rest.len();
                entities.push(Entity {
                    span: ByteSpan::new(ByteOffset(start), ByteOffset(toks[b - 1].end)),
                    label: Label::Person,
                    canonical: None,
                    why: Cow::Borrowed("photo credit"),
                });
            }
            i = b;
            continue;
        }
        // A handle or a hashtag ("@LucasNolan", "#deleteFacebook") is not a name in prose.
        if i > 0 && matches!(toks[i - 1].text(text), "@" | "#") && toks[i - 1].end == toks[i].start
        {
            i = b;
            continue;
        }
        // After a citation mark too: "…exceptions.[1] The community …".
        let sentence_start = i == 0 || OPENERS.contains(&toks[i - 1].text(text));
        // "the West", "the Middle East" as regions.
        if b == i + 1
            && matches!(toks[i].text(text), "West" | "East")
            && i > 0
            && toks[i - 1].text(text) == "the"
            && !taken[i - 1]
        {
            push(entities, toks, i - 1, b, Label::Place, "region");
            i = b;
            continue;
        }
        // "Christmas", "Yom Kippur", "New Year’s Eve": OntoNotes dates ("Labor Day" is an event).
        // A sentence's capitalised first word is not part of it ("On Christmas Eve").
        let h = if b - i >= 2 && has(toks[i].text(text), List::FunctionWords) {
            i + 1
        } else {
            i
        };
        let holiday = |k: usize| lex.holidays.contains(&text[toks[h].start..toks[k].end]);
        if holiday(b - 1)
            || (b - h >= 2
                && toks[b - 1].text(text) == "Eve"
                && (holiday(b - 2) || toks[b - 2].kind == TokenKind::Possessive))
        {
            push(entities, toks, h, b, Label::Date, "holiday");
            i = b;
            continue;
        }
        classify_run(text, toks, i, b, sentence_start, lex, doc, entities);
        i = b;
    }
}

#[allow(clippy::too_many_arguments)]
fn classify_run(
    text: &str,
    toks: &[Token],
    mut a: usize,
    b: usize,
    sentence_start: bool,
    lex: &Lexicon,
    doc: &DocEvidence,
    entities: &mut Vec<Entity>,
) {
    let word = |k: usize| toks[k].text(text);
    let first = a;
    let slice = |x: usize, y: usize| &text[toks[x].start..toks[y - 1].end];
    if dateline_place(text, toks, a, b, lex) {
        push(entities, toks, a, b, Label::Place, "dateline");
        return;
    }
    if b == a + 1 && spells_the_name_before(text, toks, a) {
        push(
            entities,
            toks,
            a,
            b,
            Label::Org,
            "initials of the name before it",
        );
        return;
    }
    if wire_agency(text, toks, a, b, lex) {
        push(
            entities,
            toks,
            a,
            b,
            Label::Org,
            "news agency in a dateline",
        );
        return;
    }
    // "the Amazon rainforest", "the Mekong delta": a name before a word for land or water is
    // that place's, even a company's.
    let name = if word(a) == "The" { a + 1 } else { a };
    let before_land = b == name + 1
        && toks.get(b).is_some_and(|t| {
            matches!(
                t.text(text),
                "rainforest" | "basin" | "jungle" | "river" | "delta" | "valley" | "estuary"
            )
        })
        && !lex.given_names.contains(word(name))
        && !lex.surnames.contains(word(name))
        && !has(word(name), List::FunctionWords);
    if before_land {
        push(
            entities,
            toks,
            name,
            b,
            Label::Place,
            "before a word for land or water",
        );
        return;
    }
    // "Apple said on Tuesday …": a company whose name is also a word, speaking.
    let company_speaks = b == a + 1
        && lex.organisations.get(word(a)) == Some(&true)
        && toks.get(b).is_some_and(|t| {
            matches!(
                t.text(text),
                "said" | "says" | "announced" | "reported" | "confirmed" | "told"
            )
        });
    // "Novo Nordisk shares fell": a name no list has before the word for its shares; one word
    // only within a sentence ("Global shares fell", "Bank shares" open sentences).
    let before_shares = b - a <= 3
        && (b - a >= 2 || !sentence_start)
        && toks
            .get(b)
            .is_some_and(|t| matches!(t.text(text), "shares" | "stock"))
        && (a..b).all(|k| {
            let w = word(k);
            w.split('-').all(lower_after_first)
                && !has(w, List::FunctionWords)
                && !lex.is_place(w)
                && !lex.is_group(w)
                && !lex.given_names.contains(w)
        });
    // Drop a sentence-initial word that nothing vouches for ("But", "Most", "Isolated").
    if sentence_start && a < b && !company_speaks && !before_shares {
        let w = word(a);
        let known = lex.is_place(w)
            || lex.is_group(w)
            || lex.given_names.contains(w)
            || lex.surnames.contains(w)
            || lex.titles.contains(w)
            || (b - a >= 2 && names_a_storm(w, word(a + 1)))
            // "Gov. Gavin Newsom signed …": an abbreviated title with its period.
            || (b - a > 2 && word(a + 1) == "." && lex.titles.contains(slice(a, a + 2)))
            || lex.organisations.get(w) == Some(&false)
            || lex.institutions.contains(w)
            || lex.is_place(slice(a, b))
            || lex.is_group(slice(a, b))
            // "Real Madrid beat …", "Air India said …".
            || (b - a >= 2
                && club_or_airline(lex, w, slice(a + 1, b), slice(a, b - 1), word(b - 1)))
            // "Amnesty International accused …", "Maricopa County officials said …": a name
            // that ends in a kind of organisation or of place.
            || (b - a >= 2
                && (lex.org_suffixes.contains(word(b - 1))
                    || lex.place_suffixes.contains(word(b - 1)))
                && !has(w, List::FunctionWords)
                && !matches!(w, "Former" | "Acting" | "Interim" | "Then" | "Late" | "Local")
                // "Miami-Dade County" too.
                && w.split('-').all(lower_after_first)
                // Not "Shares of General Electric".
                && !(a + 1..b).any(|k| word(k) == "of"))
            // "South African President …", "New York Mayor …": a place or a group opens it.
            || (a + 2..=b.min(a + 3))
                .any(|k| lex.is_place(slice(a, k)) || lex.is_group(slice(a, k)))
            || people_of_a_place(lex, slice(a, b))
            || lex.institutions.contains(slice(a, b))
            // "House Republicans", "Senate Democrats": a chamber and a party.
            || chamber_and_party(lex, w, word(b - 1), b - a)
            // "Ajmi Lourimi, a member of …": a name with its role in apposition.
            || (b - a == 2
                && lower_after_first(w)
                && lower_after_first(word(a + 1))
                && !has(w, List::FunctionWords)
                && role_in_apposition(text, toks, b))
            // "John Smith said" where the text also writes "Smith" alone; "Martin Luther King".
            || (b - a >= 2
                && lex.given_name_words.contains(w)
                && !GENERIC_NAME_WORDS.contains(&w)
                && (doc.standalone.contains(word(a + 1))
                    || lex.surnames.contains(word(a + 1))
                    || (b - a >= 3 && lex.given_names.contains(word(a + 1)))));
        // "The Big Sick" keeps its "The" when the document writes it mid-sentence too.
        let known_title = w == "The" && b - a >= 3 && doc.titles.contains(slice(a + 1, b));
        let unvouched =
            has(w, List::FunctionWords) || (!known && !doc.mid_caps.contains(w) && !is_acronym(w));
        if unvouched && !known_title {
            a += 1;
            while a < b
                && (has(word(a), List::Connectors)
                    || toks[a].kind == TokenKind::Possessive
                    || matches!(word(a), "and" | "&"))
            {
                a += 1;
            }
        }
    }
    if a >= b {
        return;
    }
    // Strip a trailing connector.
    let mut b = b;
    while b > a && has(word(b - 1), List::Connectors) {
        b -= 1;
    }
    if a >= b {
        return;
    }
    // After a comma, a state's postal code follows a city ("New York City, NY") and degrees
    // follow a name ("Katie Allen, MD, PhD"), which name nothing.
    if b == a + 1 && a >= 2 && word(a - 1) == "," {
        let before = toks[a - 2].end;
        let ends_before = |label: Label| {
            entities
                .iter()
                .rev()
                .take(8)
                .any(|e| e.label == label && e.span.end.0 == before)
        };
        if STATE_CODES.contains(&word(a)) && ends_before(Label::Place) {
            push(entities, toks, a, b, Label::Place, "state");
            return;
        }
        if DEGREES.contains(&word(a)) && toks[a - 2].capitalized {
            return;
        }
    }
    // "(Senator) Mitch McConnell of Kentucky": a person, then where they are from.
    if let Some(k) = (a + 2..b.saturating_sub(1)).find(|&k| word(k) == "of") {
        let person =
            (a..k).any(|j| lex.given_names.contains(word(j)) || lex.titles.contains(word(j)));
        if person && lex.is_place(slice(k + 1, b)) {
            classify_run(text, toks, a, k, false, lex, doc, entities);
            push(entities, toks, k + 1, b, Label::Place, "place name");
            return;
        }
        // "Jamie Werner of Microsoft": a full name, then where the person works.
        let full_name = k >= a + 2
            && (lex.given_names.contains(word(a))
                || (lex.given_name_words.contains(word(a)) && lex.surnames.contains(word(k - 1))))
            && !lex.org_suffixes.contains(word(k - 1))
            && !lex.titles.contains(word(k - 1));
        if full_name {
            classify_run(text, toks, a, k, false, lex, doc, entities);
            classify_run(text, toks, k + 1, b, false, lex, doc, entities);
            return;
        }
    }
    // A title splits the run: what precedes it is classified alone, what follows is a person.
    // Not a company named with a title's word: "General Electric", "General Dynamics".
    let company_with_title_word = b - a >= 2
        && lex.org_suffixes.contains(word(b - 1))
        && !(a..b).any(|k| lex.given_names.contains(word(k)));
    for k in (a..b).filter(|_| !company_with_title_word) {
        for len in (1..=3).rev() {
            // "Department of Justice": the end of an institution's name, not a title.
            let names_institution =
                k >= a + 2 && word(k - 1) == "of" && lex.org_suffixes.contains(word(k - 2));
            // "Martin Luther King", "Larry King": after a name, the title word is a surname.
            let after_name = len == 1
                && k > a
                && (lex.given_names.contains(word(k - 1)) || lex.surnames.contains(word(k - 1)))
                // Not "Tory MP David Davis", "New York Mayor Eric Adams": a group's or a
                // place's name ending in a given name or a surname.
                && !(a..k).any(|j| lex.is_group(slice(j, k)) || lex.is_place(slice(j, k)));
            // "Sheriff’s Department": the title's holder names an office.
            let names_office = k + len < b && toks[k + len].kind == TokenKind::Possessive;
            // "MP SP" in a table of abbreviations: a title's word before an acronym.
            let before_acronym = k + len < b && is_acronym(word(k + len));
            // "Justices Elena Kagan and …", "Senators Ted Cruz and …": a plural title before
            // the first of the names.
            let plural_title = len == 1
                && k + 1 < b
                && word(k)
                    .strip_suffix('s')
                    .is_some_and(|t| lex.titles.contains(t))
                && lex.given_names.contains(word(k + 1));
            if k + len <= b
                && (lex.titles.contains(slice(k, k + len)) || plural_title)
                && !before_acronym
                && !names_institution
                && !after_name
                && !names_office
            {
                if k > a {
                    classify_run(text, toks, a, k, false, lex, doc, entities);
                }
                if k + len + 1 < b && word(k + len) == "of" {
                    // "Secretary of State Mike Pompeo": the title goes on to a person.
                    if let Some(g) = (k + len + 2..b).find(|&g| lex.given_names.contains(word(g))) {
                        push(entities, toks, g, b, Label::Person, "name after a title");
                        return;
                    }
                    // "CEO of Vidyard", "Governor of Texas": where the title holder works.
                    let label = if lex.is_place(slice(k + len + 1, b)) {
                        Label::Place
                    } else {
                        Label::Org
                    };
                    let why = if label == Label::Place {
                        "place name"
                    } else {
                        "employer after a title"
                    };
                    push(entities, toks, k + len + 1, b, label, why);
                    return;
                }
                // "Supreme Leader Ayatollah Ali Khamenei": titles one after another.
                let mut start = k + len;
                while start + 1 < b && lex.titles.contains(word(start)) {
                    start += 1;
                    // "President Dr. Smith": an abbreviated title's period.
                    if start + 1 < b && word(start) == "." {
                        start += 1;
                    }
                }
                if start < b {
                    push(
                        entities,
                        toks,
                        start,
                        b,
                        Label::Person,
                        "name after a title",
                    );
                }
                return;
            }
        }
    }
    let whole = slice(a, b);
    let last = word(b - 1);
    let n = b - a;
    if chamber_and_party(lex, word(a), last, n) {
        push(entities, toks, a, a + 1, Label::Org, "institution");
        push(
            entities,
            toks,
            a + 1,
            b,
            Label::Group,
            "nationality or group",
        );
        return;
    }
    // The first name after a leading initial ("C. Eugene Steuerle").
    let head = if n > 2 && word(a).len() == 1 && word(a + 1) == "." {
        a + 2
    } else {
        a
    };
    // Shouted headings ("SIGN UP FOR OUR NEWSLETTER") are not names.
    if n >= 3 && (a..b).all(|k| word(k).chars().all(|c| !c.is_lowercase())) {
        return;
    }
    // "President-elect Trump", "ex-President Obama": a hyphenated title.
    if n >= 2 {
        let head = word(a).rsplit_once('-').map_or(word(a), |(h, t)| {
            if t.starts_with(char::is_uppercase) {
                t
            } else {
                h
            }
        });
        // Not "the Inspector-General of Intelligence": a title of an office, not a person's.
        if head != word(a) && lex.titles.contains(head) && toks[a + 1].capitalized {
            push(
                entities,
                toks,
                a + 1,
                b,
                Label::Person,
                "name after a title",
            );
            return;
        }
    }
    // "Shenzhen-based", "Amazon-owned Whole Foods", "Mercer Island-based Dana F. Besecker
    // Company": the name before the hyphen is one entity, the name after it another.
    if let Some(k) = (a..b).find(|&k| {
        word(k)
            .rsplit_once('-')
            .is_some_and(|(_, tail)| tail.starts_with(char::is_lowercase))
    }) {
        let (head_word, _) = word(k).rsplit_once('-').unwrap_or_default();
        let start = toks[a].start;
        let head_end = toks[k].start + head_word.len();
        let head = &text[start..head_end];
        let last_head_word = head.rsplit(' ').next().unwrap_or(head);
        let label = if lex.is_place(head) || (k > a && lex.place_suffixes.contains(last_head_word))
        {
            Some((Label::Place, "place name"))
        } else if lex.organisations.contains_key(head)
            || lex.institutions.contains(head)
            || is_acronym(head)
        {
            Some((Label::Org, "organisation name"))
        } else {
            None
        };
        if let Some((label, why)) = label {
            entities.push(Entity {
                span: ByteSpan::new(ByteOffset(start), ByteOffset(head_end)),
                label,
                canonical: None,
                why: Cow::Borrowed(why),
            });
        }
        if label.is_some() || k + 1 < b {
            if k + 1 < b {
                classify_run(text, toks, k + 1, b, false, lex, doc, entities);
            }
            return;
        }
    }
    // "Martin Luther King": a given name that is also a word ("martin") before a known name.
    let person_like = (2..=4).contains(&n)
        && (lex.given_names.contains(word(head)) || lex.given_name_words.contains(word(head)))
        && (head + 1..b)
            .any(|k| lex.given_names.contains(word(k)) || lex.surnames.contains(word(k)));
    // "Martin Indyk": a given name before a word no list knows is a person, not the company
    // "Martin" (but "Ford Motor", "Apple Music" stay companies).
    // Asked only where a company would be named, not for every run.
    let given_name_before_unknown = || {
        n == 2
            && (lex.given_names.contains(word(a)) || lex.given_name_words.contains(word(a)))
            && !lex.org_suffixes.contains(last)
            && !lex.organisations.contains_key(last)
            && !lex.is_place(last)
            && lower_after_first(last)
    };
    // "Split won" where the text also says "the split": the word, not the city.
    let place_here = lex.is_place(whole) && (n > 1 || city_word_is_place(text, toks, a, lex, doc));
    let label_why: Option<(Label, &'static str)> = if place_here {
        Some((Label::Place, "place name"))
    } else if n >= 2 && club_or_airline(lex, word(a), slice(a + 1, b), slice(a, b - 1), last) {
        Some((Label::Org, "club or airline of a place"))
    } else if n >= 3 && water_of(word(a), word(a + 1)) {
        // "the Sea of Japan", "the Strait of Hormuz", "the Bay of Bengal".
        Some((Label::Place, "landmark"))
    } else if people_of_a_place(lex, whole) {
        // "New Yorkers", "Londoners", "Californians", "Bostonians".
        Some((Label::Group, "people of a place"))
    } else if n >= 3
        && (lex.given_names.contains(word(a)) || lex.given_name_words.contains(word(a)))
        && (a + 1..b - 1).all(|k| {
            NAME_PARTICLES
                .iter()
                .any(|p| p.eq_ignore_ascii_case(word(k)))
        })
        && lower_after_first(last)
    {
        // "Bill de Blasio", "Ursula von der Leyen", "Marine Le Pen", "Robert De Niro": a
        // given name, particles, a surname.
        Some((Label::Person, "name with a particle"))
    } else if n >= 2 && lex.institutions.contains(whole) {
        // "Islamic State", "Muslim Brotherhood".
        Some((Label::Org, "institution"))
    } else if lex.is_group(whole) {
        Some((Label::Group, "nationality or group"))
    } else if n == 2 && DIRECTIONS.contains(&word(a)) && lex.is_group(last) {
        // "the North African nation", "West African states".
        Some((Label::Group, "nationality or group"))
    } else if n == 2 && last == "State" && lex.is_place(word(a)) {
        // "Florida State", "Ohio State": a university.
        Some((Label::Org, "organisation name"))
    } else if n >= 2 && last == "Games" && !sports_games(lex, (a..b - 1).map(word)) {
        // "Rocksteady Games", "Epic Games": a studio, not the Olympic Games.
        Some((Label::Org, "organisation name"))
    } else if n == 2 + usize::from(word(a) == "Tropical")
        && names_a_storm(word(a), word(a + 1))
        && !lex.org_suffixes.contains(last)
        && lower_after_first(last)
    {
        // "Hurricane Sandy", "Tropical Storm Irene": a storm's name is an event's.
        Some((Label::Event, "storm name"))
    } else if n >= 2
        && (lex.event_suffixes.contains(last)
            || (word(a) == "World" && n >= 3 && word(a + 1) == "War"))
    {
        Some((Label::Event, "event name"))
    } else if n >= 2 && lex.work_suffixes.contains(last) {
        Some((Label::Work, "law or document"))
    } else if n >= 2
        && last == "Open"
        && (lex.is_place(slice(a, b - 1)) || lex.is_group(slice(a, b - 1)))
    {
        // "the US Open", "the Australian Open": a tournament named after its country.
        Some((Label::Event, "event name"))
    } else if n >= 2
        && matches!(last, "Prize" | "Prizes" | "Award" | "Awards")
        // Not the end of "Player of the Year Award".
        && !(a >= 2 && word(a - 1) == "the" && word(a - 2) == "of")
    {
        // "the Nobel Peace Prize", "an Academy Award": prizes are titles in OntoNotes.
        Some((Label::Work, "prize"))
    } else if n >= 2
        && matches!(last, "Pro" | "Max" | "Plus" | "Ultra" | "Mini")
        && !lex.given_names.contains(word(a))
        && !lex.is_place(word(a))
    {
        // "Vision Pro", "iPhone 15 Pro Max", "Galaxy S23 Ultra": a product's model name.
        Some((Label::Work, "product or model name"))
    } else if n >= 2 && lex.org_suffixes.contains(last) {
        Some((Label::Org, "organisation name"))
    } else if n >= 3 && word(a) == "House" && word(a + 1) == "of" {
        // "House of Representatives", "House of Commons", "House of Lords".
        Some((Label::Org, "organisation name"))
    } else if n >= 3
        && (a..b - 2).any(|k| {
            lex.org_suffixes.contains(word(k)) && matches!(word(k + 1), "of" | "on" | "for")
        })
    {
        // "Department of Environmental Protection", "Ministry of Defence", "the New Zealand
        // Department of Conservation", "Council on Foreign Relations".
        Some((Label::Org, "organisation name"))
    } else if n >= 2
        && lex.place_suffixes.contains(last)
        // Not "Fans of Miami Beach" at a sentence's start.
        && !(a + 1..b).any(|k| word(k) == "of")
    {
        Some((Label::Place, "landmark"))
    } else if n >= 2 && matches!(word(a), "Cape" | "Mount" | "Mt" | "Lake" | "Isle" | "Gulf") {
        // "Cape Canaveral", "Mount Everest", "Lake Tahoe".
        Some((Label::Place, "landmark"))
    } else if n >= 2
        && is_directional_place(lex, &(a..b).map(word).collect::<Vec<_>>(), slice(a + 1, b))
    {
        Some((Label::Place, "region"))
    } else if n >= 3
        && word(a) == "The"
        && !lex.organisations.contains_key(slice(a + 1, b))
        && !lex.organisations.contains_key(whole)
        && (a + 1..b).all(|k| !lex.is_place(word(k)) && !lex.is_group(word(k)))
    {
        // "of The Big Sick", "The Great Big Lie": a capital "The" inside a sentence opens a
        // title. With a place in it, it is more often a building or a team ("The London
        // West Hollywood"), so the place is marked instead.
        Some((Label::Work, "title"))
    } else if n == 2
        && last
            .strip_prefix("Mc")
            .is_some_and(|rest| rest.starts_with(char::is_uppercase) && lower_after_first(rest))
        && lower_after_first(word(a))
        && !lex.is_place(word(a))
        && !lex.organisations.contains_key(word(a))
    {
        // "Rolfe McCartney": a "Mc" surname after a first name no list has.
        Some((Label::Person, "person's name"))
    } else if city_club(text, toks, a, b, lex) {
        // "the Boston Celtics", "Chicago Bears quarterback", "the Miami Heat": a team or a
        // paper named after its city.
        Some((Label::Org, "team or paper of a city"))
    } else if n <= 3
        && !person_like
        && !given_name_before_unknown()
        && is_organisation(
            lex,
            word(a),
            n,
            sentence_start && a == first && !company_speaks,
        )
    {
        Some((Label::Org, "organisation name"))
    } else if n >= 2 && lex.is_group(slice(a, b - 1)) && lex.is_place(last) {
        None
    } else if n == 2
        && matches!(word(a), "North" | "South" | "East" | "West")
        && !lex.given_names.contains(last)
        && !lex.is_group(last)
        && !lex.organisations.contains_key(last)
        && !has(last, List::FunctionWords)
    {
        // "West Mercia", "South Taranaki": a compass point before a name is a region.
        Some((Label::Place, "region"))
    } else if (2..=4).contains(&n)
        && (lex.given_names.contains(word(head)) || lex.surnames.contains(last) || person_like)
        // "Royal Shrewsbury", "New Zealanders": not a person's first word.
        && (lex.given_names.contains(word(head))
            || !is_generic_head(word(head)))
        && (a..b).all(|k| {
            let w = word(k);
            let name = lex.given_names.contains(w) || lex.surnames.contains(w);
            // "Jonathan Moyo", "Zoe Kazan": after a given name, a region's or a city's name is
            // a surname.
            let surname_after_given = k == b - 1
                && k > head
                && lex.given_names.contains(word(head))
                && matches!(lex.places.get(w), Some(PlaceKind::Region | PlaceKind::City));
            // "Page A22": names have no digits.
            !has(w, List::FunctionWords)
                && !w.contains(|c: char| c.is_ascii_digit())
                && !lex.is_group(w)
                && (name || surname_after_given || !lex.is_place(w))
        })
    {
        Some((Label::Person, "person's name"))
    } else if n == 2
        && (!sentence_start || doc.standalone.contains(last))
        && lex.given_name_words.contains(word(a))
        && !is_generic_head(word(a))
        && !lex.is_place(word(a))
        && doc.mid_caps.contains(last)
        // "Star Wars": a plural is not a surname unless it is a known one ("Mark Williams").
        && (!last.ends_with('s') || lex.surnames.contains(last))
        && !last.contains(|c: char| c.is_ascii_digit())
        && !lex.is_place(last)
        && !lex.is_group(last)
        && !has(last, List::FunctionWords)
        && lex.organisations.get(last) != Some(&false)
    {
        // "Mark Zuckerberg": a given name that is also a word, before a name.
        Some((Label::Person, "person's name"))
    } else if n == 2 && matches!(word(a), "Bin" | "Ibn") && lower_after_first(last) {
        // "Bin Laden", "Ibn Saud": "son of" heads an Arabic name.
        Some((Label::Person, "name with a particle"))
    } else if n == 1 {
        single_word(text, toks, a, lex).filter(|&(label, _)| {
            label != Label::Place || city_word_is_place(text, toks, a, lex, doc)
        })
    } else if word(a).chars().skip(1).any(char::is_uppercase) || is_acronym(word(a)) {
        Some((Label::Org, "organisation name"))
    } else if n <= 3
        && (a..b).all(|k| {
            let w = word(k);
            !has(w, List::Connectors)
                && !has(w, List::FunctionWords)
                && !lex.is_place(w)
                && !lex.is_group(w)
                && !is_acronym(w)
                // "Firefox OS": a name's parts are not in capitals.
                && w.chars().any(char::is_lowercase)
        })
        && !last.ends_with('s')
        && doc.standalone.contains(last)
    {
        Some((Label::Person, "name used alone elsewhere"))
    } else {
        None
    };
    // Context names a person where no list does: "his wife Grace", "Jonathan Moyo and Saviour
    // Kasukuwere".
    let label_why = label_why.or_else(|| {
        let plain = (a..b).all(|k| {
            let w = word(k);
            !lex.is_place(w) && !lex.is_group(w) && !is_acronym(w) && !has(w, List::FunctionWords)
        }) && n <= 3;
        // "his wife Grace", "his first wife, Sally,".
        let kin = (a > 0 && KINSHIP.contains(&word(a - 1)))
            || (a > 1 && word(a - 1) == "," && KINSHIP.contains(&word(a - 2)));
        // "Reviewed by Devindra Hardawar": a byline's unknown name, not a company's.
        let byline = n >= 2
            && a > 0
            && matches!(word(a - 1), "by" | "By")
            && (a..b).all(|k| {
                !lex.org_suffixes.contains(word(k))
                    && !lex.organisations.contains_key(word(k))
                    && word(k).chars().skip(1).any(char::is_lowercase)
            });
        // "Opposition leader Stefanos Kasselakis", "spokeswoman Maria Zakharova".
        let role = n >= 2 && a > 0 && ROLE_NOUNS.contains(&word(a - 1));
        // "Tasos Georgelis, deputy commissioner for …", "Ajmi Lourimi, a member of …": a role
        // in apposition, within four lower-case words after the comma.
        let appositive = n >= 2
            && (a..b).all(|k| {
                lower_after_first(word(k))
                    && !lex.org_suffixes.contains(word(k))
                    && !lex.organisations.contains_key(word(k))
            })
            && role_in_apposition(text, toks, b);
        let beside_person = n >= 2
            && a >= 2
            && matches!(word(a - 1), "and" | ",")
            && entities
                .last()
                .is_some_and(|e| e.label == Label::Person && e.span.end.0 == toks[a - 2].end);
        // "“We will win,” Lourimi said", "said Azzouz": a name no list has beside a verb of
        // speech (a company that speaks is usually in the company list, found before).
        let speaker = || {
            let speech = |w: &str| matches!(w, "said" | "says" | "told" | "added" | "wrote");
            let after = toks.get(b).map_or("", |t| t.text(text));
            // Not "the Ministry said", "Officials said", "Police told".
            let determiner = || {
                a > 0
                    && [
                        "the", "a", "an", "this", "that", "its", "his", "her", "their", "our",
                    ]
                    .iter()
                    .any(|d| word(a - 1).eq_ignore_ascii_case(d))
            };
            (speech(after) || (a > 0 && speech(word(a - 1))))
                && !determiner()
                && !last.ends_with('s')
                && (a..b).all(|k| {
                    let w = word(k);
                    lower_after_first(w)
                        && !lex.org_suffixes.contains(w)
                        && !lex.org_nouns.contains(w)
                        && !lex.institutions.contains(w)
                })
        };
        // "Pfizer and Moderna said": a name no list has, speaking with a known company.
        let beside_company = || {
            b == a + 1
                && a >= 2
                && word(a - 1) == "and"
                && entities.last().is_some_and(|e| {
                    e.label == Label::Org
                        && e.span.end.0 == toks[a - 2].end
                        && lex
                            .organisations
                            .contains_key(&text[e.span.start.0..e.span.end.0])
                })
        };
        // "fighting in Bakhmut", "a hill near Raetihi", "north of Kupiansk": one name no list
        // has where something is or happens. Not "in Firefox 39", "in Bob's repository".
        let placed = || {
            let after = toks.get(b).map_or("", |t| t.text(text));
            let attached = toks.get(b).is_some_and(|t| t.start == toks[b - 1].end);
            let before = if a >= 2 { word(a - 2) } else { "" };
            n == 1
                && a >= 2
                && lower_after_first(word(a))
                && !lex.given_names.contains(word(a))
                && !lex.surnames.contains(word(a))
                && (!attached || matches!(after, "," | ";" | ":" | "."))
                && !after.starts_with(|c: char| c.is_ascii_digit())
                && toks
                    .get(b + 1)
                    .is_none_or(|t| !(after == "." && t.text(text) == "js"))
                && match word(a - 1) {
                    "in" => PLACED_IN.contains(&before),
                    "near" | "outside" => before.starts_with(char::is_lowercase),
                    "of" => COMPASS_OF.contains(&before),
                    _ => false,
                }
        };
        if !plain {
            None
        } else if before_shares {
            Some((Label::Org, "company before its shares"))
        } else if placed() {
            Some((Label::Place, "where something is"))
        } else if kin || role || appositive || beside_person || byline {
            Some((Label::Person, "person's name"))
        } else if speaker() {
            if beside_company() {
                Some((Label::Org, "speaking with a company"))
            } else {
                Some((Label::Person, SPEAKER))
            }
        } else {
            None
        }
    });
    // "Cupertino, California", "Kodiak, Alaska": a name no list has before a state or a
    // country is a place ("Jackson, Mississippi" too, though "Jackson" is a surname).
    // A region that is also a given name ("Hoffman, Jordan" in a list of sources) only after
    // a word that places something ("in Amman, Jordan").
    let locative = a > 0 && matches!(word(a - 1), "in" | "from" | "at" | "near" | "to" | "of");
    let before_region = b + 1 < toks.len()
        && word(b) == ","
        && (1..=3).any(|len| {
            b + 1 + len <= toks.len()
                && matches!(
                    lex.places.get(slice(b + 1, b + 1 + len)),
                    Some(PlaceKind::Region | PlaceKind::Country)
                )
                && (locative || !lex.given_names.contains(slice(b + 1, b + 1 + len)))
        })
        && n <= 3
        && (a..b).all(|k| !has(word(k), List::FunctionWords) && !is_acronym(word(k)));
    // "the city of Kherson", "the mayor of Avdiivka said": a name no list has after a word for
    // a place or for who runs or lives in one.
    let of_a_place = a >= 2
        && word(a - 1) == "of"
        && PLACE_HEADS.contains(&word(a - 2))
        && n <= 3
        && (a..b).all(|k| !has(word(k), List::FunctionWords) && !is_acronym(word(k)))
        // Not "the mayor of London Sadiq Khan": a known place and a name after it.
        && !(n >= 2 && lex.is_place(word(a)) && lex.given_names.contains(word(a + 1)));
    let label_why = match label_why {
        None | Some((Label::Person, _)) if before_region && (label_why.is_none() || n == 1) => {
            Some((Label::Place, "place before its state or country"))
        }
        None | Some((Label::Person, _)) if of_a_place => {
            Some((Label::Place, "after a word for a place"))
        }
        other => other,
    };
    // "Aerospace Writer Marcia Dunn": a capitalised job word before a given name is no part
    // of the name (a given name that is also a word stays: "Martin Luther King").
    if matches!(label_why, Some((Label::Person, _)))
        && n >= 3
        && !lex.given_names.contains(word(a))
        && !lex.given_name_words.contains(word(a))
        && !lex.surnames.contains(word(a))
        && lex.given_names.contains(word(a + 1))
        && is_job_word(word(a))
    {
        a += 1;
    }
    // A name keeps the "the" before it as OntoNotes writes it: "the United States", "the
    // Netherlands"; institutions ("the Urban Institute", "The Palestinian Authority", "the House
    // of Representatives"); laws ("the Affordable Care Act"); landmarks, seas and multi-word
    // regions ("the White House", "the Gaza Strip", "the West Bank"; not "the Main Street").
    let after_the = a > 0 && word(a - 1).eq_ignore_ascii_case("the");
    let keeps_the = after_the
        && match label_why {
            Some((Label::Place, _)) => {
                (a..b).any(|k| TAKES_THE.contains(&word(k)))
                    || (n >= 3 && water_of(word(a), word(a + 1)))
                    || (n >= 2
                        && ((lex.place_suffixes.contains(last)
                            && !matches!(last, "Street" | "Avenue" | "Road"))
                            // Not a region's name before a noun, whose "the" it is: "the
                            // New York edition", "the North Carolina coast".
                            || (lex.is_region(whole)
                                && !toks
                                    .get(b)
                                    .is_some_and(|t| t.text(text).starts_with(char::is_lowercase)))))
            }
            Some((Label::Org, _)) => {
                n >= 2 && ((a..b).any(|k| lex.org_suffixes.contains(word(k))) || word(a) == "House")
            }
            Some((Label::Work, why)) => why == "law or document",
            _ => false,
        };
    match label_why {
        Some((label, why)) if keeps_the => push(entities, toks, a - 1, b, label, why),
        Some((label, why)) => push(entities, toks, a, b, label, why),
        None if n >= 2 => {
            // Not known as a whole: classify the longest known pieces.
            let mut k = a;
            while k < b {
                let mut matched = 0;
                for len in (1..=(b - k).min(4)).rev() {
                    let piece = slice(k, k + len);
                    // "Firefox Mobile" where the text also says "mobile": not the city.
                    let institution = len > 1 && lex.institutions.contains(piece);
                    if (lex.is_place(piece) || lex.is_group(piece) || institution)
                        && (len > 1 || city_word_is_place(text, toks, k, lex, doc))
                    {
                        let label = if institution {
                            Label::Org
                        } else if lex.is_place(piece) {
                            Label::Place
                        } else {
                            Label::Group
                        };
                        push(entities, toks, k, k + len, label, "known name");
                        matched = len;
                        break;
                    }
                }
                k += matched.max(1);
            }
        }
        None => {}
    }
    // "McDonald’s", "Macy’s": a company whose name ends in a possessive keeps it.
    if b < toks.len()
        && toks[b].kind == TokenKind::Possessive
        && toks[b].start == toks[b - 1].end
        && !toks.get(b + 1).is_some_and(|t| t.capitalized)
    {
        let name = format!("{}'s", &text[toks[a].start..toks[b - 1].end]);
        if lex.organisations.contains_key(name.as_str()) {
            let span = ByteSpan::new(ByteOffset(toks[a].start), ByteOffset(toks[b].end));
            // What this run pushed is last: take it back.
            while entities
                .last()
                .is_some_and(|e| e.span.start.0 >= toks[a].start)
            {
                entities.pop();
            }
            entities.push(Entity {
                span,
                label: Label::Org,
                canonical: None,
                why: Cow::Borrowed("organisation name"),
            });
        }
    }
    // "Remain Co.", "Martin Luther King Jr.": the abbreviation keeps its period.
    if let Some(e) = entities.last_mut() {
        if matches!(e.label, Label::Org | Label::Person)
            && e.span.end.0 == toks[b - 1].end
            && matches!(
                word(b - 1),
                "Co" | "Corp" | "Inc" | "Ltd" | "Bros" | "Jr" | "Sr"
            )
            && b < toks.len()
            && word(b) == "."
            && toks[b].start == toks[b - 1].end
        {
            e.span = ByteSpan::new(e.span.start, ByteOffset(toks[b].end));
        }
    }
}

/// Whether the word at `b` joins the capitalised run `a..b` to the capitalised word after it
/// as one organisation's name: "on" or "for" after an organisation word ("Council on Foreign
/// Relations", "Center for American Progress"), then "and" inside such a name ("Committee on
/// Intelligence and Security"), and "&" between capitalised words ("Travel & Tourism").
/// Whether the comma at `b` goes on with the list of what an office is "of": "the Ministry of
/// Trade, Industry and Energy", "the Department of Agriculture, Food and the Marine". One or
/// two capitalised words between commas, up to an "and" and a last capitalised word.
fn ministry_list(text: &str, toks: &[Token], a: usize, b: usize, lex: &Lexicon) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    // Of things, not of a place: not "the Bank of England, Barclays and HSBC".
    let of_an_office = (a + 1..b).any(|k| {
        word(k) == "of"
            && lex.org_suffixes.contains(word(k - 1))
            && (k + 1..b).all(|j| !lex.is_place(word(j)))
    });
    // A company's name, but not a word that is also one ("Energy").
    let plain =
        |w: &str| !lex.is_place(w) && lex.organisations.get(w) != Some(&false) && !is_acronym(w);
    if !of_an_office {
        return false;
    }
    let mut k = b;
    let mut words = 0;
    while k < toks.len().min(b + 12) {
        let w = word(k);
        if w == "and" {
            return words > 0
                && toks
                    .get(k + 1)
                    .is_some_and(|t| t.capitalized && plain(word(k + 1)));
        }
        if w == "," {
            words = 0;
        } else if toks[k].capitalized && plain(w) && words < 2 {
            words += 1;
        } else {
            return false;
        }
        k += 1;
    }
    false
}

fn joins_organisation_name(text: &str, toks: &[Token], a: usize, b: usize, lex: &Lexicon) -> bool {
    let word = |k: usize| toks[k].text(text);
    match word(b) {
        "&" => true,
        "on" | "for" => lex.org_suffixes.contains(word(b - 1)),
        // "Department of Health and Human Services", not "Bank of America and Wells Fargo".
        "and" => {
            (a + 1..b).any(|k| {
                lex.org_suffixes.contains(word(k - 1))
                    && (matches!(word(k), "on" | "for")
                        || (word(k) == "of"
                            && (k + 1..b).all(|j| !lex.is_place(word(j)))
                            && lex.organisations.get(word(b + 1)) != Some(&false)
                            && !lex.is_place(word(b + 1))
                            && !lex.given_names.contains(word(b + 1))
                            && !is_acronym(word(b + 1))))
            }) || shares_an_organisation_word(text, toks, a, b, lex)
        }
        _ => false,
    }
}

/// "Food and Drug Administration", "Alcohol and Tobacco Tax Bureau": one or two plain words,
/// "and", then words that end in an organisation's kind. Not two names side by side ("Apple
/// and Google Ventures"): the words before "and" name nothing known.
fn shares_an_organisation_word(
    text: &str,
    toks: &[Token],
    a: usize,
    b: usize,
    lex: &Lexicon,
) -> bool {
    let word = |k: usize| toks[k].text(text);
    let plain = |w: &str| {
        !lex.organisations.contains_key(w)
            && !lex.institutions.contains(w)
            && !lex.is_place(w)
            && !lex.is_group(w)
            && !lex.given_names.contains(w)
            && !lex.surnames.contains(w)
            && !lex.org_suffixes.contains(w)
            && !is_acronym(w)
    };
    let after = (b + 1..toks.len().min(b + 4))
        .take_while(|&k| toks[k].capitalized)
        .last();
    // "Korea Disease Control and Prevention Agency": a country may head the name.
    let head = a + usize::from(b - a >= 2 && lex.is_place(word(a)));
    b - head <= 2
        && b > head
        && (head..b).all(|k| plain(word(k)))
        && after.is_some_and(|k| k > b + 1 && lex.org_suffixes.contains(word(k)))
}

/// Whether the word at `a`, when it is a city named by an English word ("Mobile", "Reading"),
/// is the city here: yes unless the text also uses the word ("mobile phones"), and even then
/// where something is placed there ("in Reading", "Mobile, Alabama"). Other words: yes.
fn city_word_is_place(
    text: &str,
    toks: &[Token],
    a: usize,
    lex: &Lexicon,
    doc: &DocEvidence,
) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    let w = word(a);
    if !lex.is_city_word(w) || !doc.lower_city_words.contains(w.to_lowercase().as_str()) {
        return true;
    }
    let before = if a > 0 { word(a - 1) } else { "" };
    let locative = matches!(
        before,
        "in" | "at"
            | "from"
            | "to"
            | "near"
            | "outside"
            | "of"
            | "into"
            | "around"
            | "across"
            | "toward"
            | "towards"
    );
    locative || (word(a + 1) == "," && lex.is_place(word(a + 2)))
}

/// "Eastern Europe", "South East Asia": direction words before a known place.
fn is_directional_place(lex: &Lexicon, words: &[&str], after_first: &str) -> bool {
    let Some((last, before)) = words.split_last() else {
        return false;
    };
    (DIRECTIONS.contains(&words[0]) && lex.is_place(after_first))
        || (before.iter().all(|w| DIRECTIONS.contains(w)) && lex.is_place(last))
}

/// A football club or an airline named after its place: "Real Madrid", "Inter Milan",
/// "Manchester United", "Bristol Rovers", "Air India", "Air New Zealand". (Not "<place> City":
/// "Manchester City" is a club but "Gaza City" a city.)
fn club_or_airline(
    lex: &Lexicon,
    first: &str,
    after_first: &str,
    before_last: &str,
    last: &str,
) -> bool {
    let prefix = matches!(
        first,
        "Real" | "Atletico" | "Atlético" | "Sporting" | "Inter" | "Borussia" | "Olympique" | "Air"
    );
    let suffix = matches!(
        last,
        "United" | "FC" | "Rovers" | "Wanderers" | "Albion" | "Hotspur"
    );
    (prefix && lex.is_place(after_first)) || (suffix && lex.is_place(before_last))
}

/// Whether the run `a..b` is a city's or a state's name and then one or two words no list
/// knows, as teams and papers are named: "the Boston Celtics", "the Miami Heat", "Chicago
/// Bears quarterback", "the Toronto Maple Leafs". Without a "the" before it, only a plural
/// after a place that is no given name ("Dallas Cowboys" could be a person, as "Tyler Hicks"
/// is), before a plain word.
fn city_club(text: &str, toks: &[Token], a: usize, b: usize, lex: &Lexicon) -> bool {
    let word = |k: usize| toks[k].text(text);
    let n = b - a;
    if !(2..=4).contains(&n) {
        return false;
    }
    let Some(k) = (a + 1..b).rev().find(|&k| {
        matches!(
            lex.places.get(&text[toks[a].start..toks[k - 1].end]),
            Some(PlaceKind::City | PlaceKind::Region)
        )
    }) else {
        return false;
    };
    let unknown = |w: &str| {
        lower_after_first(w)
            && w.chars().all(char::is_alphabetic)
            && !has(w, List::FunctionWords)
            && !lex.given_names.contains(w)
            && !lex.surnames.contains(w)
            && !lex.is_place(w)
            && !lex.is_group(w)
            && !lex.titles.contains(w)
            && !lex.place_suffixes.contains(w)
            && !lex.event_suffixes.contains(w)
            && !lex.work_suffixes.contains(w)
            && !DIRECTIONS.contains(&w)
            && !is_job_word(w)
            // "the Mexico City Policy": a plan named after a city, not a club.
            && !matches!(w, "Policy" | "Plan" | "Model" | "Style" | "Process" | "Rules")
    };
    if b - k > 2 || !(k..b).all(|j| unknown(word(j))) {
        return false;
    }
    let after_the = a > 0 && word(a - 1).eq_ignore_ascii_case("the");
    let last = word(b - 1);
    // Without "the", a plain word must follow: "Chicago Bears quarterback", not the headline
    // "Darfur Withers as Sudan Sells Food".
    let plain_word_after = toks.get(b).is_some_and(|t| {
        t.text(text).starts_with(char::is_lowercase) && !has(t.text(text), List::FunctionWords)
    });
    after_the
        || (plain_word_after
            && last.ends_with('s')
            && !last.ends_with("ss")
            // "Pacific Islanders": people of a place.
            && !last.ends_with("landers")
            && !(a..k).any(|j| {
                lex.given_names.contains(word(j)) || lex.given_name_words.contains(word(j))
            }))
}

/// A company name heading a run of `n` words. One that is also an English word ("Apple",
/// "Google") counts only away from a sentence start, alone or before one more name ("Google
/// Play", "Amazon Prime").
fn is_organisation(lex: &Lexicon, w: &str, n: usize, at_sentence_start: bool) -> bool {
    // The company list holds words of longer names ("New", "North", "Big"): before another
    // capitalised word they start many names that are not companies ("New Zealanders",
    // "South Taranaki").
    if n > 1 && is_generic_head(w) {
        return false;
    }
    match lex.organisations.get(w) {
        Some(&also_a_word) => !(also_a_word && (at_sentence_start || n > 2)),
        None => false,
    }
}

/// A compass word or a common adjective that begins many kinds of names ("North", "New",
/// "Royal"): not by itself the start of a company's or a person's name.
fn is_generic_head(w: &str) -> bool {
    DIRECTIONS.contains(&w) || GENERIC_NAME_WORDS.contains(&w)
}

/// A word written like a plain name ("Indyk"): nothing after its first letter is a capital
/// ("McHugh", "NASA" and "al-Qaeda" are other kinds of word).
fn lower_after_first(w: &str) -> bool {
    w.chars().skip(1).all(char::is_lowercase)
}

/// A capitalised word that names a job or a role ("Writer", "Feminist", "Miss"), not an
/// unknown first name ("Lijo").
fn is_job_word(w: &str) -> bool {
    let lower = w.to_lowercase();
    w == "Miss"
        || ROLE_NOUNS.contains(&lower.as_str())
        || ["er", "or", "ist", "ian", "ant", "ent"]
            .iter()
            .any(|s| lower.len() > s.len() + 2 && lower.ends_with(s))
}

/// Where a mention of a surname starts once the particles its full name puts before it are
/// included: "de Blasio" (byte offset of "de") for "Blasio" at `start` in "Bill de Blasio".
fn with_particles(text: &str, start: usize, full_name: &str, surname: &str) -> usize {
    let Some(head) = full_name.strip_suffix(surname) else {
        return start;
    };
    let mut start = start;
    for particle in head.split(' ').rev().skip(1) {
        let before = text[..start].strip_suffix(' ').unwrap_or("");
        let at = before.len().saturating_sub(particle.len());
        if !NAME_PARTICLES.contains(&particle)
            || !before.is_char_boundary(at)
            || !before[at..].eq_ignore_ascii_case(particle)
            || before[..at].ends_with(char::is_alphanumeric)
        {
            break;
        }
        start = at;
    }
    start
}

/// "…, deputy commissioner for …", "…, a member of …" after a name at `comma`: a role within
/// four lower-case words after the comma.
fn role_in_apposition(text: &str, toks: &[Token], comma: usize) -> bool {
    toks.get(comma).is_some_and(|t| t.text(text) == ",")
        && toks
            .iter()
            .skip(comma + 1)
            .take(4)
            .take_while(|t| {
                t.kind == TokenKind::Possessive || t.text(text).starts_with(char::is_lowercase)
            })
            .any(|t| ROLE_NOUNS.contains(&t.text(text)))
}

/// The people of a city or a state, named from it: "New Yorkers", "Londoners" (place + "ers"),
/// "Californians" (a place in "a" + "ns"), "Bostonians" (place + "ians").
fn people_of_a_place(lex: &Lexicon, name: &str) -> bool {
    let place = |p: Option<&str>| p.is_some_and(|p| p.len() > 2 && lex.is_place(p));
    place(name.strip_suffix("ers"))
        || place(name.strip_suffix("ns").filter(|p| p.ends_with('a')))
        || place(name.strip_suffix("ians"))
}

/// "House Republicans", "Senate Democrats", "Bundestag Greens": a legislature or another
/// institution, then a party's members, as two names (`n` words, `first` to `last`).
fn chamber_and_party(lex: &Lexicon, first: &str, last: &str, n: usize) -> bool {
    n == 2 && lex.is_group(last) && (first == "House" || lex.institutions.contains(first))
}

/// The words before "Games" name a sporting event: "Olympic", "Commonwealth", "Asian", a place.
fn sports_games<'a>(lex: &Lexicon, mut words: impl Iterator<Item = &'a str>) -> bool {
    words.any(|w| {
        lex.is_place(w)
            || lex.is_group(w)
            || matches!(
                w,
                "Olympic"
                    | "Paralympic"
                    | "Commonwealth"
                    | "Youth"
                    | "Winter"
                    | "Summer"
                    | "Highland"
                    | "Invictus"
                    | "Special"
                    | "World"
                    | "Island"
                    | "Pan"
                    | "X"
            )
    })
}

/// The title-case form of a word or name in capitals: "NEW YORK" gives "New York",
/// "WINSTON-SALEM" "Winston-Salem".
fn title_case(shouted: &str) -> String {
    let mut title = String::with_capacity(shouted.len());
    let mut up = true;
    for c in shouted.chars() {
        if up {
            title.push(c);
        } else {
            title.extend(c.to_lowercase());
        }
        up = matches!(c, '-' | ' ');
    }
    title
}

/// True when the byte offset `at` starts its line (only spaces or tabs before it).
fn starts_line(text: &str, at: usize) -> bool {
    at == 0 || text[..at].trim_end_matches([' ', '\t']).ends_with('\n')
}

/// A known place written in capitals: "WASHINGTON", "NEW YORK", "WINSTON-SALEM".
fn is_shouted_place(name: &str, lex: &Lexicon) -> bool {
    name.len() >= 4
        && name
            .chars()
            .all(|c| c.is_uppercase() || matches!(c, '-' | ' ' | '.'))
        && lex.is_place(&title_case(name))
}

/// A wire dateline's place in capitals at the start of a line, before a comma, a dash or the
/// agency's bracket: "WASHINGTON (AP) —", "NEW YORK —", "SEOUL, Nov. 26 (Yonhap) --".
fn dateline_place(text: &str, toks: &[Token], a: usize, b: usize, lex: &Lexicon) -> bool {
    matches!(
        toks.get(b).map(|t| t.text(text)),
        Some("," | "—" | "–" | "(" | "-")
    ) && starts_line(text, toks[a].start)
        && is_shouted_place(&text[toks[a].start..toks[b - 1].end], lex)
}

/// A news agency in brackets after a dateline, before its dash: "(Yonhap) --", "(CNN) —".
fn wire_agency(text: &str, toks: &[Token], a: usize, b: usize, lex: &Lexicon) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| t.text(text));
    if a == 0 || word(a - 1) != "(" || word(b) != ")" || !matches!(word(b + 1), "—" | "–" | "-")
    {
        return false;
    }
    // The line so far opens with the dateline's place in capitals.
    let line = text[..toks[a - 1].start]
        .rsplit('\n')
        .next()
        .unwrap_or_default();
    is_shouted_place(
        line.split([',', '(']).next().unwrap_or_default().trim(),
        lex,
    )
}

/// An acronym in brackets that spells the capitalised words before it: "the World Health
/// Organization (WHO)", "the Patent and Trademark Office (USPTO)". Even a word like "WHO"
/// is a name there.
fn spells_the_name_before(text: &str, toks: &[Token], a: usize) -> bool {
    let w = toks[a].text(text);
    let letters = w.len();
    if a < 2
        || toks[a - 1].text(text) != "("
        || toks.get(a + 1).is_none_or(|t| t.text(text) != ")")
        || !(2..=8).contains(&letters)
        || !w.bytes().all(|c| c.is_ascii_uppercase())
    {
        return false;
    }
    // The initials of the words before the bracket, last first, skipping linking words.
    let mut initials = Vec::with_capacity(letters);
    for t in toks[..a - 1].iter().rev() {
        let word = t.text(text);
        if matches!(word, "of" | "and" | "for" | "the" | "on" | "&") {
            continue;
        }
        if !t.capitalized || initials.len() == letters {
            break;
        }
        initials.push(word.as_bytes()[0]);
    }
    initials.len() == letters && initials.iter().rev().eq(w.as_bytes())
}

/// A sea, a strait or a bay named "of" a place: "Sea of Japan", "Strait of Hormuz", "Bay of
/// Bengal" (the `first` and `second` words of a name of three words or more).
fn water_of(first: &str, second: &str) -> bool {
    second == "of"
        && matches!(
            first,
            "Sea" | "Strait" | "Straits" | "Bay" | "Gulf" | "Isle" | "Lake" | "Cape"
        )
}

/// The first words of a storm's name: "Hurricane Sandy", "Typhoon Haiyan", "Tropical Storm
/// Irene" (`first` and the word after it).
fn names_a_storm(first: &str, second: &str) -> bool {
    matches!(
        first,
        "Hurricane" | "Typhoon" | "Cyclone" | "Superstorm" | "Storm"
    ) || (first == "Tropical" && matches!(second, "Storm" | "Depression" | "Cyclone"))
}

/// A figure written with its scale, as British and business news write money: "3.5bn",
/// "10m", "250k", "1.2tn" (after a currency sign).
fn is_scaled_figure(w: &str) -> bool {
    let figure = ["bn", "mn", "tn", "trn", "m", "k", "b"]
        .iter()
        .find_map(|scale| w.strip_suffix(scale));
    figure.is_some_and(|f| {
        f.starts_with(|c: char| c.is_ascii_digit())
            && f.ends_with(|c: char| c.is_ascii_digit())
            && f.chars()
                .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    })
}

/// An amount written as one word: a measure ("46.5C", "5km") or a fraction ("two-thirds").
/// Most words are ruled out by their first letter or their length before either is asked.
#[inline(always)]
fn is_one_word_amount(w: &str) -> bool {
    let starts_with_digit = w.as_bytes().first().is_some_and(u8::is_ascii_digit);
    (starts_with_digit && is_glued_measure(w)) || (w.len() >= 8 && is_fraction_word(w))
}

/// A figure with its unit in one word: "46.5C", "104F", "5km", "100mph", "10kg", "2GW".
/// A one-digit figure before "C" or "F" is more often a grade or a model ("5C").
#[inline]
fn is_glued_measure(w: &str) -> bool {
    if !w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        return false;
    }
    let Some(unit_at) = w.find(|c: char| !(c.is_ascii_digit() || c == '.' || c == ',')) else {
        return false;
    };
    let (figure, unit) = w.split_at(unit_at);
    let figure_ok = figure.starts_with(|c: char| c.is_ascii_digit())
        && figure.ends_with(|c: char| c.is_ascii_digit());
    // "46.5C", "104F": not "00F", "14222F" or a drawing's "3.738C".
    let degrees = matches!(unit, "C" | "F" | "°C" | "°F")
        && figure.len() >= 2
        && !figure.starts_with('0')
        && figure
            .split_once('.')
            .is_none_or(|(_, tenths)| tenths.len() == 1)
        && figure.parse::<f32>().is_ok_and(|t| t <= 600.0);
    figure_ok
        && figure != "0"
        && (degrees
            || matches!(
                unit,
                "km" | "kg"
                    | "mm"
                    | "cm"
                    | "mph"
                    | "kph"
                    | "km/h"
                    | "mg"
                    | "ml"
                    | "lb"
                    | "lbs"
                    | "ft"
                    | "kW"
                    | "MW"
                    | "GW"
                    | "kWh"
                    | "MWh"
                    | "GWh"
                    | "GB"
                    | "TB"
                    | "MB"
            ))
}

/// A fraction written in words: "two-thirds", "three-quarters", "one-fifth".
#[inline]
fn is_fraction_word(w: &str) -> bool {
    // The shortest is "one-half"; every count word begins with one of these letters.
    if w.len() < 8 || !matches!(w.as_bytes()[0] | 0x20, b'o' | b't' | b'f' | b's' | b'n') {
        return false;
    }
    w.split_once('-').is_some_and(|(count, part)| {
        matches!(
            count.to_ascii_lowercase().as_str(),
            "one" | "two" | "three" | "four" | "five" | "seven" | "nine"
        ) && matches!(
            part,
            "half"
                | "third"
                | "thirds"
                | "quarter"
                | "quarters"
                | "fifth"
                | "fifths"
                | "tenth"
                | "tenths"
        )
    })
}

/// "CreditChang": a photo credit glued to a name ("Credit" and a capital).
fn glued_credit(text: &str, t: &Token) -> bool {
    t.text(text)
        .strip_prefix("Credit")
        .is_some_and(|rest| rest.starts_with(char::is_uppercase))
}

/// An Arabic name's article joined to the name: "al-Bashir", "el-Sisi".
fn is_name_particle(w: &str) -> bool {
    // Most words are ruled out by their first letter and length.
    if w.len() < 4 || !matches!(w.as_bytes()[0], b'a' | b'e') {
        return false;
    }
    ["al-", "el-", "ad-", "ash-", "as-", "at-", "az-"]
        .iter()
        .any(|p| {
            w.strip_prefix(p)
                .is_some_and(|rest| rest.starts_with(char::is_uppercase))
        })
}

fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters)
        && w.chars()
            .all(|c| c.is_uppercase() || c == '.' || c == '&' || c.is_ascii_digit())
        && !ACRONYM_STOP.contains(&w)
}

fn single_word(
    text: &str,
    toks: &[Token],
    a: usize,
    lex: &Lexicon,
) -> Option<(Label, &'static str)> {
    let w = toks[a].text(text);
    if has(w, List::FunctionWords) {
        return None;
    }
    let next = toks.get(a + 1).map(|t| t.text(text)).unwrap_or("");
    let next_lower_noun = lex.org_nouns.contains(next);
    if lex.is_place(w) {
        return Some((Label::Place, "place name"));
    }
    if lex.is_group(w) {
        return Some((Label::Group, "nationality or group"));
    }
    if next_lower_noun {
        return Some((Label::Org, "named before an organisation word"));
    }
    if lex.institutions.contains(w) {
        return Some((Label::Org, "institution"));
    }
    if is_acronym(w) {
        return Some((Label::Org, "acronym"));
    }
    let has_digit = w.chars().any(|c| c.is_ascii_digit());
    let inner_caps = w.chars().skip(1).filter(|c| c.is_uppercase()).count();
    // "African-American", "Israeli-Palestinian", "Sino-Russian": peoples, not a product.
    let mut parts = w.split('-');
    let first = parts.next().unwrap_or_default();
    if w.contains('-')
        && (lex.is_group(first) || COMBINING_FORMS.contains(&first))
        && parts.all(|p| lex.is_group(p))
    {
        return Some((Label::Group, "nationality or group"));
    }
    // "Sen. Ted Cruz, R-Texas,", "(D-N.Y.)": a lawmaker's party and state, no product.
    let party_and_state =
        matches!(first, "D" | "R" | "I") && a > 0 && matches!(toks[a - 1].text(text), "," | "(");
    if party_and_state {
        return None;
    }
    if w.contains('-') && (has_digit || w.split('-').all(|p| p.starts_with(char::is_uppercase))) {
        return Some((Label::Work, "product or model name"));
    }
    // "HIGH-powered": a shouted first word, not "YouTube" or "iPhone".
    let shouted = w.split_once('-').is_some_and(|(h, t)| {
        h.chars().all(|c| !c.is_lowercase()) && t.starts_with(char::is_lowercase)
    });
    if inner_caps >= 1 && w.chars().any(char::is_lowercase) && !shouted {
        return Some((Label::Org, "brand-like name"));
    }
    if lex.surnames.contains(w) || lex.given_names.contains(w) {
        return Some((Label::Person, "person's name"));
    }
    None
}

/// Links single-word mentions to the full names they stand for, and marks capitalised
/// words that match a known person's first or last name as that person.
fn link_mentions(text: &str, entities: &mut Vec<Entity>, tokens: &[Token], lex: &Lexicon) {
    let mut full: HashMap<String, (String, Label)> = HashMap::default();
    for e in entities
        .iter()
        .filter(|e| matches!(e.label, Label::Person | Label::Org))
    {
        let name = &text[e.span.start.0..e.span.end.0];
        let parts: Vec<&str> = name.split_whitespace().collect();
        let keys: &[&str] = match (e.label, parts.len()) {
            // "CEO of Vidyard" names a company the text may name again alone.
            (Label::Org, 1) if e.why == "employer after a title" => &parts[..1],
            (_, 0 | 1) => &[],
            (Label::Person, n) => &[parts[0], parts[n - 1]],
            _ => &parts[..1],
        };
        for part in keys {
            // A surname that is also a city ("Margaret Hamilton") still names the person.
            let surname_city = e.label == Label::Person
                && Some(part) == parts.last()
                && matches!(
                    lex.places.get(part),
                    Some(PlaceKind::City | PlaceKind::CityWord | PlaceKind::Region)
                );
            // Not "OS" from "OS X": capitals that name nothing alone.
            // "New" from "New York University" does not name it in "New pipes will …".
            let generic_org_word = e.label == Label::Org && is_generic_head(part);
            let name_like = part.chars().count() > 1
                && !has(part, List::FunctionWords)
                && !generic_org_word
                && !ACRONYM_STOP.contains(part)
                && (!lex.is_place(part) || surname_city)
                && !lex.is_group(part)
                && !lex.titles.contains(part);
            if name_like {
                full.entry(part.to_string())
                    .or_insert_with(|| (name.to_string(), e.label));
            }
        }
    }
    // One sweep over tokens and entities, both in text order.
    let mut added = Vec::new();
    let mut e = 0;
    let covered_from = |e: usize, t: &Token| {
        entities[e..]
            .iter()
            .take_while(|x| x.span.start.0 <= t.start)
            .any(|x| t.end <= x.span.end.0)
    };
    // The end of a full name just added: its own words are not mentions again.
    let mut added_until = 0;
    for (i, t) in tokens.iter().enumerate().filter(|(_, t)| t.capitalized) {
        if t.start < added_until {
            continue;
        }
        while e < entities.len() && entities[e].span.end.0 <= t.start {
            e += 1;
        }
        let covered = covered_from(e, t);
        // "Raspberry Pi", "Trump Tower": the name heads a longer name, which is something else,
        // unless that longer name is the full name itself ("Xi Jinping" missed at a line start).
        let heads_a_name = tokens
            .get(i + 1)
            .is_some_and(|n| n.capitalized && &text[t.end..n.start] == " " && !covered_from(e, n));
        if heads_a_name && !covered {
            if let Some((full_name, label)) = full.get(t.text(text)) {
                if text[t.start..].starts_with(full_name.as_str())
                    && !text[t.start + full_name.len()..].starts_with(char::is_alphanumeric)
                {
                    added_until = t.start + full_name.len();
                    added.push(Entity {
                        span: ByteSpan::new(ByteOffset(t.start), ByteOffset(added_until)),
                        label: *label,
                        canonical: None,
                        why: Cow::Borrowed("another mention of a name"),
                    });
                }
            }
            continue;
        }
        // "Arduino-compatible": the name heads a compound word.
        let w = t.text(text);
        let w = match w.split_once('-') {
            Some((head, tail)) if tail.starts_with(char::is_lowercase) => head,
            _ => w,
        };
        if let Some((full_name, label)) = full.get(w).filter(|_| !covered) {
            added.push(Entity {
                span: ByteSpan::new(
                    ByteOffset(with_particles(text, t.start, full_name, w)),
                    ByteOffset(t.start + w.len()),
                ),
                label: *label,
                canonical: None,
                why: Cow::Borrowed(if *label == Label::Person {
                    "another mention of a person"
                } else {
                    "another mention of an organisation"
                }),
            });
        }
    }
    entities.extend(added);
    // "Later, von der Leyen said": a surname found alone keeps the particles of its full name.
    for e in entities
        .iter_mut()
        .filter(|e| e.label == Label::Person && e.span.start.0 > 0)
    {
        let name = &text[e.span.start.0..e.span.end.0];
        if let Some((full_name, _)) = full.get(name) {
            e.span.start = ByteOffset(with_particles(text, e.span.start.0, full_name, name));
        }
    }
    entities.sort_by_key(|e| (e.span.start, e.span.end));
    // "Alibaba said": a speaker the text names as an organisation elsewhere ("Alibaba Group").
    for e in entities.iter_mut().filter(|e| e.why == SPEAKER) {
        let name = &text[e.span.start.0..e.span.end.0];
        if full.get(name).is_some_and(|(_, l)| *l == Label::Org) {
            e.label = Label::Org;
            e.why = Cow::Borrowed("another mention of an organisation");
        }
    }
    // "Hamilton" taken for the city where the text names Margaret Hamilton: the person; and
    // "Smith", a word in company names, where the text names John Smith.
    for e in entities
        .iter_mut()
        .filter(|e| matches!(e.label, Label::Place | Label::Org))
    {
        let name = &text[e.span.start.0..e.span.end.0];
        let company =
            lex.organisations.get(name) == Some(&false) || lex.institutions.contains(name);
        if name.contains(' ') || is_acronym(name) || (e.label == Label::Org && company) {
            continue;
        }
        // Only a surname after a given name: not "Pacific" from a "… Pacific" run.
        let surname_of = |f: &str| {
            f.strip_suffix(name).is_some_and(|head| {
                head.ends_with(' ')
                    && head.split(' ').next().is_some_and(|g| {
                        lex.given_names.contains(g) || lex.given_name_words.contains(g)
                    })
            })
        };
        if full
            .get(name)
            .is_some_and(|(f, l)| *l == Label::Person && f.as_str() != name && surname_of(f))
        {
            e.label = Label::Person;
            e.why = Cow::Borrowed("another mention of a person");
        }
    }
    for e in entities
        .iter_mut()
        .filter(|e| matches!(e.label, Label::Person | Label::Org))
    {
        let name = &text[e.span.start.0..e.span.end.0];
        // "de Blasio", "Bin Laden": a surname with its particles is looked up by the surname.
        let key = match name.rsplit_once(' ') {
            Some((head, last))
                if head
                    .split(' ')
                    .all(|p| NAME_PARTICLES.iter().any(|q| q.eq_ignore_ascii_case(p))) =>
            {
                last
            }
            _ => name,
        };
        if let Some((full_name, _)) = full
            .get(key)
            .filter(|(f, l)| f.as_str() != name && *l == e.label)
        {
            e.canonical = Some(full_name.clone());
        }
    }
}
