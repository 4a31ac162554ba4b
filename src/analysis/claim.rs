//! Checkable claims: sentences that assert something a fact-checker could verify.
//!
//! A sentence is a claim when it has a finite verb (or, headline-style, a date and a name) and
//! is not a question, a picture caption without a fact in it, a fragment, an evaluation, or a
//! bare description ("The sky is blue.": only "is" or "has", and nothing named, dated or counted).
//! Its kind comes from the strongest cue (attribution, superlative or first, statistic,
//! comparison, causal, date, else event); the cue span shows the words that make it
//! checkable; hedges ("reportedly", "expected to") are flagged; the score ranks claims by how
//! much there is to check.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

use super::token::{Token, TokenKind};
use super::{Claim, ClaimKind, Entity, Label};
use crate::text::{ByteOffset, ByteSpan};

#[rustfmt::skip]
const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "am", "has", "have", "had", "will", "would", "can",
    "could", "may", "might", "shall", "should", "must", "does", "do", "did", "won’t", "can’t",
    "isn’t", "wasn’t", "aren’t", "weren’t", "hasn’t", "haven’t", "didn’t", "doesn’t",
];
/// Base forms of common verbs; their -s, -es, -ed, -d and -ies/-ied forms count too.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "accept", "accuse", "acquire", "acquit", "add", "admit", "advance", "agree", "aim", "allow",
    "announce", "apologise", "apologize", "appear", "apply", "appoint", "approve", "argue",
    "arrest", "arrive", "ask", "attack", "attempt", "attend", "back", "ban", "beat", "become",
    "begin", "believe", "blast", "block", "bomb", "boost", "borrow", "build", "burn", "bury",
    "buy", "call", "cancel", "cap", "capsize", "capture", "carry", "cause", "celebrate", "change",
    "charge", "claim", "clash", "climb", "close", "collapse", "collide", "come", "commemorate",
    "compare", "complete", "condemn", "confirm", "consider", "continue", "contract", "convict",
    "cost", "crash", "create", "criticise", "criticize", "cross", "cure", "cut", "damage", "deal",
    "decide", "decline", "default", "defeat", "defend", "deliver", "demand", "deny", "depart",
    "deploy", "derail", "describe", "design", "destroy", "detain", "develop", "diagnose", "die",
    "disclose", "discover", "display", "double", "draw", "drop", "earn", "ease", "elect",
    "eliminate", "end", "enter", "erupt", "escape", "estimate", "evacuate", "expand", "expect",
    "explode", "export", "face", "fail", "fall", "fear", "feature", "file", "find", "fine", "fire",
    "flee", "flood", "follow", "force", "form", "found", "free", "freeze", "fund", "gain",
    "gather", "get", "give", "go", "grow", "hail", "halt", "halve", "happen", "head", "hear",
    "help", "hike", "hire", "hit", "hold", "honor", "honour", "hope", "host", "hurt", "ignite",
    "impeach", "import", "include", "increase", "indict", "infect", "injure", "intend",
    "introduce", "invade", "invest", "issue", "jail", "join", "jump", "kidnap", "kill", "land",
    "launch", "lead", "leave", "lend", "lift", "limit", "list", "live", "look", "loot", "lose",
    "make", "manufacture", "march", "mark", "meet", "merge", "migrate", "miss", "mourn", "move",
    "name", "need", "nominate", "note", "observe", "offer", "open", "order", "owe", "own", "pass",
    "pay", "plan", "pledge", "plunge", "pose", "post", "praise", "predict", "prepare", "present",
    "produce", "promise", "propose", "protest", "prove", "provide", "publish", "pull", "push",
    "qualify", "quit", "raise", "rally", "ratify", "reach", "receive", "record", "reduce",
    "refuse", "reject", "release", "remain", "remove", "reopen", "replace", "report", "represent",
    "require", "rescue", "resign", "respond", "rest", "retire", "return", "reveal", "rise", "risk",
    "rob", "rule", "run", "sack", "save", "say", "score", "see", "seek", "seem", "seize", "sell",
    "send", "sentence", "serve", "set", "share", "shell", "ship", "shoot", "show", "shrink",
    "shut", "sign", "sink", "slam", "slash", "slump", "soar", "spark", "spend", "spread", "stab",
    "start", "state", "stay", "step", "stop", "storm", "strike", "sue", "suffer", "suggest",
    "support", "surge", "survive", "suspend", "sweep", "take", "talk", "target", "tell", "test",
    "thaw", "threaten", "tighten", "top", "total", "tour", "trail", "travel", "treat", "triple",
    "try", "turn", "unveil", "urge", "use", "vaccinate", "veto", "visit", "vote", "vow", "want",
    "warn", "watch", "welcome", "win", "withdraw", "work", "worry", "wound", "write",
];
#[rustfmt::skip]
const IRREGULAR: &[&str] = &[
    "said", "says", "told", "left", "met", "sent", "saw", "seen", "took", "taken", "made", "went",
    "gone", "came", "began", "begun", "became", "brought", "built", "held", "kept", "led", "ran",
    "sat", "stood", "won", "fell", "fallen", "gave", "given", "got", "grew", "grown", "knew",
    "known", "paid", "put", "rose", "risen", "shot", "spent", "spoke", "spoken", "struck",
    "thought", "wrote", "written", "found", "flew", "flown", "drove", "fought", "lost", "hit",
    "cut", "let", "beat", "sold", "bought", "caught", "sought", "taught", "won", "wore", "broke",
    "broken", "chose", "chosen", "drew", "drawn", "ate", "forgot", "hid", "lay", "laid", "meant",
    "means", "sank", "sunk", "slept", "stole", "swore", "threw", "thrown", "woke", "fled", "dealt",
    "felt",
];
#[rustfmt::skip]
const ATTRIBUTION: &[&str] = &[
    "according to", "said", "says", "told", "reported", "reports say", "media reports",
    "announced", "claimed", "claims", "stated", "confirmed", "is said to", "are said to",
    "sources say", "officials say", "quoted", "cited", "citing",
];
#[rustfmt::skip]
const SUPERLATIVE: &[&str] = &[
    "first", "the first time", "for the first time", "record", "ever", "never before",
    "unprecedented", "largest", "biggest", "highest", "lowest", "longest", "most", "latest",
    "greatest", "fastest", "oldest", "youngest", "deadliest", "worst", "best", "only",
];
#[rustfmt::skip]
const COMPARISON: &[&str] = &[
    "than", "compared", "compares", "upgrade", "downgrade", "increase", "increased", "decrease",
    "decreased", "doubled", "tripled", "halved", "higher", "lower", "more", "fewer", "less",
    "rise", "rose", "fell", "up from", "down from",
];
#[rustfmt::skip]
const CAUSAL: &[&str] = &[
    "because", "due to", "caused", "causes", "means", "led to", "leads to", "result of",
    "as a result", "driven", "therefore", "thanks to", "blamed", "owing to", "so that",
];
#[rustfmt::skip]
const HEDGES: &[&str] = &[
    "reportedly", "is said to", "are said to", "allegedly", "expected to", "likely", "may",
    "might", "could", "possibly", "perhaps", "apparently", "believed to", "thought to",
    "appears to", "seems", "rumoured", "rumored", "unconfirmed", "suggests", "would",
    "probably",
];
/// Inside a quotation, the words of a view, an intention or a forecast.
#[rustfmt::skip]
const MODALS: &[&str] = &["must", "should", "could", "might", "would", "will", "won’t", "won't"];
#[rustfmt::skip]
const FIRST_PERSON: &[&str] = &["i", "i’m", "i'm", "we", "we’re", "we're", "our", "us", "my", "me"];
#[rustfmt::skip]
const VIEW_WORDS: &[&str] = &[
    "want", "need", "hope", "believe", "think", "fear", "feel", "worry", "guarantee", "consider",
];
#[rustfmt::skip]
const OPINION: &[&str] = &[
    "i think", "i believe", "we believe", "in my view", "in our view", "should", "ought to",
    "dangers", "shameful", "disgraceful", "wonderful", "terrible", "beautiful", "brilliant",
    "awful", "ridiculous", "outrageous", "must-see", "opinion",
    // Not knowing is nothing to check: "It remains unclear whether …".
    "unclear whether", "unclear if", "remains to be seen", "anyone ’s guess", "anyone 's guess",
    "fear the worst", "expect the worst", "hope for the best",
];
/// Words after an amount that are not what it counts ("26 other", "one of").
#[rustfmt::skip]
const NOT_COUNTED: &[&str] = &[
    "of", "since", "other", "others", "in", "on", "at", "to", "for", "from", "by", "with", "and",
    "or", "the", "a", "an", "than", "more", "times", "per", "as", "who", "which", "that",
    "off", "away", "apart", "ahead", "behind",
];
/// Words before "record" that make it a noun ("a record", "the all-time record").
#[rustfmt::skip]
const RECORD_BEFORE: &[&str] = &[
    "a", "the", "new", "all-time", "world", "another", "its", "their", "his", "her", "set",
    "broke", "break", "breaks", "beat", "equalled", "equaled", "track", "criminal",
];
/// Words after "record" that make it an adjective ("record highs", "a record number").
#[rustfmt::skip]
const RECORD_AFTER: &[&str] = &[
    "high", "highs", "low", "lows", "number", "numbers", "level", "levels", "amount", "year",
    "time", "sales", "profit", "profits", "temperatures", "heat", "turnout", "pace", "speed",
    "breaking", "-breaking", "crowd", "crowds",
];
/// First words of a sentence that tell the reader to do something: "Sign up for …",
/// "Keep your team informed …". An instruction asserts nothing to check.
#[rustfmt::skip]
const IMPERATIVE_STARTS: &[&str] = &[
    "sign", "subscribe", "click", "follow", "read", "watch", "join", "keep", "get", "try",
    "download", "share", "learn", "see", "find", "check", "listen", "register", "log", "tap",
    "visit", "contact", "call", "email", "send", "please", "enjoy", "discover", "explore", "shop",
    "buy", "order", "book", "don’t", "don't", "let’s", "let's",
];
#[rustfmt::skip]
const CAPTION: &[&str] = &[
    "pictured", "in the background", "in the foreground", "(left)", "(right)", "seen here",
    "file photo",
];

/// The cue lists, each found by one scan of a sentence.
#[derive(Clone, Copy)]
enum Cue {
    Caption,
    Opinion,
    Attribution,
    Superlative,
    Comparison,
    Causal,
    Hedge,
}

const CUES: [(Cue, &[&str]); 7] = [
    (Cue::Caption, CAPTION),
    (Cue::Opinion, OPINION),
    (Cue::Attribution, ATTRIBUTION),
    (Cue::Superlative, SUPERLATIVE),
    (Cue::Comparison, COMPARISON),
    (Cue::Causal, CAUSAL),
    (Cue::Hedge, HEDGES),
];

/// Cue phrases by first word: (which list, the phrase's words), longest first.
type CueIndex = HashMap<&'static str, Vec<(Cue, Vec<&'static str>)>>;

/// Every cue phrase, indexed once.
fn cue_index() -> &'static CueIndex {
    static INDEX: OnceLock<CueIndex> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = CueIndex::default();
        for (cue, list) in CUES {
            for phrase in list {
                let parts: Vec<&'static str> = phrase.split(' ').collect();
                index.entry(parts[0]).or_default().push((cue, parts));
            }
        }
        for phrases in index.values_mut() {
            phrases.sort_by_key(|(_, p)| std::cmp::Reverse(p.len()));
        }
        index
    })
}

/// The first occurrence of each cue list in a sentence, as token ranges.
struct Found([Option<(usize, usize)>; 7]);

impl Found {
    fn get(&self, cue: Cue) -> Option<(usize, usize)> {
        self.0[cue as usize]
    }
}

/// Words of a sentence, lower-cased, with the token each came from.
struct Words<'a> {
    lower: Vec<Cow<'a, str>>,
    tokens: Vec<&'a Token>,
}

impl Words<'_> {
    /// One scan for every cue list: the first (and there longest) occurrence of each.
    fn scan(&self) -> Found {
        let index = cue_index();
        let mut found = [None; 7];
        for (i, w) in self.lower.iter().enumerate() {
            let Some(phrases) = index.get(w.as_ref()) else {
                continue;
            };
            for (cue, parts) in phrases {
                let slot = &mut found[*cue as usize];
                if slot.is_some() || !self.superlative_fits(*cue, i) {
                    continue;
                }
                let hit = parts[1..]
                    .iter()
                    .enumerate()
                    .all(|(k, p)| self.lower.get(i + 1 + k).is_some_and(|w| w == p));
                if hit {
                    *slot = Some((i, i + parts.len()));
                }
            }
        }
        Found(found)
    }

    /// "record" and "only" mark a superlative as a noun's words ("a record high", "the only
    /// country"), not as a verb or an adverb ("allowed to record", "not only thinner"); "best"
    /// and "ever" rank something, not in set phrases ("the best interest of", "if it ever").
    fn superlative_fits(&self, cue: Cue, i: usize) -> bool {
        if !matches!(cue, Cue::Superlative) {
            return true;
        }
        let before = if i > 0 {
            self.lower[i - 1].as_ref()
        } else {
            ""
        };
        let after = self.lower.get(i + 1).map_or("", |w| w.as_ref());
        match self.lower[i].as_ref() {
            "record" => RECORD_BEFORE.contains(&before) || RECORD_AFTER.contains(&after),
            "only" => matches!(before, "the" | "its" | "their" | "his" | "her" | "our"),
            // "in the best interest of", "best practice": set phrases, not a ranking.
            "best" => !matches!(
                after,
                "interest"
                    | "interests"
                    | "outcome"
                    | "practice"
                    | "practices"
                    | "wishes"
                    | "friend"
                    | "friends"
                    | "way"
                    | "bet"
                    | "regards"
                    | "option"
                    | "efforts"
            ),
            // "the biggest ever", "the first ever", "than ever"; not "if it ever came up".
            "ever" => {
                before.ends_with("est")
                    || matches!(
                        before,
                        "first" | "than" | "only" | "most" | "best" | "worst"
                    )
            }
            _ => true,
        }
    }

    fn span(&self, (a, b): (usize, usize)) -> ByteSpan {
        ByteSpan::new(
            ByteOffset(self.tokens[a].start),
            ByteOffset(self.tokens[b - 1].end),
        )
    }
}

/// Every form of the known verbs, indexed once: base, -s, -es, -ed, -d, -ies, -ied, doubled
/// consonant + -ed, irregular forms and auxiliaries.
fn verb_forms() -> &'static HashSet<String> {
    static FORMS: OnceLock<HashSet<String>> = OnceLock::new();
    FORMS.get_or_init(|| {
        let mut forms: HashSet<String> = AUXILIARIES
            .iter()
            .chain(IRREGULAR)
            .map(|w| w.to_string())
            .collect();
        for base in VERBS {
            forms.insert(base.to_string());
            for suffix in ["s", "es", "ed", "d"] {
                forms.insert(format!("{base}{suffix}"));
            }
            if let Some(stem) = base.strip_suffix('y') {
                forms.insert(format!("{stem}ies"));
                forms.insert(format!("{stem}ied"));
            }
            if let Some(last) = base.chars().last().filter(|c| !"aeiouwxy".contains(*c)) {
                forms.insert(format!("{base}{last}ed"));
            }
        }
        forms
    })
}

fn is_verb(word: &str) -> bool {
    verb_forms().contains(word)
        || (word.len() > 5 && word.ends_with("ed") && !word.ends_with("eed"))
}

/// A verb that tells of something done or happening, not "is", "has" or "can".
fn is_action_verb(word: &str) -> bool {
    is_verb(word) && !AUXILIARIES.contains(&word)
}

/// Finds the claims among `sentences`.
pub fn detect(
    text: &str,
    tokens: &[Token],
    sentences: &[ByteSpan],
    entities: &[Entity],
    boilerplate: &[ByteSpan],
) -> Vec<Claim> {
    let mut claims = Vec::new();
    let mut next = 0;
    let mut next_entity = 0;
    for &sentence in sentences {
        while next < tokens.len() && tokens[next].start < sentence.start.0 {
            next += 1;
        }
        let first = next;
        while next < tokens.len() && tokens[next].end <= sentence.end.0 {
            next += 1;
        }
        while next_entity < entities.len() && entities[next_entity].span.start < sentence.start {
            next_entity += 1;
        }
        let ents: Vec<&Entity> = entities[next_entity..]
            .iter()
            .take_while(|e| e.span.start < sentence.end)
            .filter(|e| e.span.end <= sentence.end)
            .collect();
        if boilerplate.iter().any(|b| b.contains(sentence)) {
            continue;
        }
        let words: Vec<&Token> = tokens[first..next]
            .iter()
            .filter(|t| t.kind != TokenKind::Punct || t.text(text) == "%")
            .collect();
        let words = Words {
            lower: words.iter().map(|t| lower_case(t.text(text))).collect(),
            tokens: words,
        };
        if let Some(claim) = judge(text, sentence, &words, &ents) {
            claims.push(claim);
        }
    }
    claims
}

/// Where a sentence quotes a speaker: from its opening quote mark to the closing one, or from
/// its start to a closing mark it did not open (the quote began in the sentence before).
fn quoted_part(s: &str) -> Option<(usize, usize)> {
    let t = s.trim_start();
    if let Some(rest) = t.strip_prefix(['“', '"']) {
        let open = s.len() - rest.len();
        let close = rest.find(['”', '"']).map_or(s.len(), |c| open + c);
        return Some((open, close));
    }
    let close = s.find('”')?;
    (!s[..close].contains('“')).then_some((0, close))
}

/// A quotation that gives the speaker's view, intention or forecast: a modal ("must",
/// "could", "will") inside the quote marks, or the speaker's "I" or "we" with a word of
/// wanting or believing ("We want to unify", "We have nothing to fear"). What the speaker
/// did ("I placed it in Paris") is still a claim.
fn quotes_a_view(text: &str, sentence: ByteSpan, words: &Words) -> bool {
    let s = &text[sentence.start.0..sentence.end.0];
    let Some((open, close)) = quoted_part(s) else {
        return false;
    };
    let (open, close) = (sentence.start.0 + open, sentence.start.0 + close);
    let quoted: Vec<&str> = words
        .tokens
        .iter()
        .zip(&words.lower)
        .filter(|(t, _)| open <= t.start && t.end <= close)
        .map(|(_, w)| w.as_ref())
        .collect();
    let any = |list: &[&str]| quoted.iter().any(|w| list.contains(w));
    // "We are not going to back down": an intention in the speaker's words.
    let going_to = || quoted.windows(2).any(|p| p == ["going", "to"]);
    any(MODALS) || (any(FIRST_PERSON) && (any(VIEW_WORDS) || going_to()))
}

/// Subjects whose "would" or confidence a reporter passes on: "He would speak bluntly",
/// "The president said he would continue", "He is confident the deal will pass".
const SPEAKERS: &[&str] = &["he", "she", "they", "i", "we"];
/// What a speaker is, about what they expect: "is confident", "were hopeful".
#[rustfmt::skip]
const EXPECTING: &[&str] = &[
    "confident", "hopeful", "optimistic", "determined", "adamant", "convinced",
];

/// A reported intention or expectation, not a report of what happened: a speaker's "would"
/// ("He would defend his advocacy …", "said she would not fall silent") or their confidence
/// ("He is confident the deal will be passed").
fn reports_an_intention(words: &Words) -> bool {
    let w = |i: usize| words.lower.get(i).map_or("", |w| w.as_ref());
    (0..words.lower.len()).any(|i| {
        SPEAKERS.contains(&w(i))
            && (w(i + 1) == "would"
                || (matches!(w(i + 1), "is" | "was" | "are" | "were")
                    && EXPECTING.contains(&w(i + 2))))
    })
}

/// "In an interview, President Obama also said:": a line that only introduces what follows,
/// with no verb but the one of saying.
fn introduces_what_follows(text: &str, sentence: ByteSpan, words: &Words) -> bool {
    let Some((last, before)) = words.lower.split_last() else {
        return false;
    };
    text[sentence.start.0..sentence.end.0]
        .trim_end()
        .ends_with(':')
        && matches!(
            last.as_ref(),
            "said" | "says" | "added" | "adds" | "wrote" | "writes"
        )
        && !before.iter().any(|w| is_verb(w))
}

/// "What to expect this weekend", "Storm notes: how to stay safe": a headline that offers
/// advice, with nothing to check, whatever its verbs.
fn service_headline(text: &str, words: &Words) -> bool {
    words.lower.windows(2).enumerate().any(|(i, pair)| {
        let opens = i == 0 || text[words.tokens[i - 1].end..words.tokens[i].start].contains(':');
        opens
            && matches!(
                pair[0].as_ref(),
                "what" | "how" | "where" | "when" | "why" | "who"
            )
            && pair[1] == "to"
    })
}

/// A prediction ("will grow next year", "is going to rise", "is forecast to fall", "is set
/// to"): still a claim, ranked lower. "Will" with a capital is a name ("actor Will Smith"),
/// and "the will of" a noun.
fn predicts(text: &str, words: &Words) -> bool {
    (1..words.tokens.len()).any(|i| {
        let (a, b) = (words.lower[i - 1].as_ref(), words.tokens[i].text(text));
        (matches!(b, "will" | "’ll" | "'ll")
            && !matches!(
                a,
                "the" | "a" | "his" | "her" | "their" | "free" | "good" | "political"
            ))
            || (b == "to"
                && matches!(
                    a,
                    "going" | "expected" | "forecast" | "projected" | "poised" | "predicted"
                ))
            || (a == "next" && matches!(b, "year" | "month" | "week" | "decade"))
    })
}

/// Words between a verb and the amount it states ("boils at 100 degrees").
const BEFORE_AMOUNT: &[&str] = &[
    "at", "to", "by", "about", "around", "nearly", "almost", "over", "under", "up", "roughly",
    "some", "just", "more", "less", "than",
];

/// Common English words that other languages written in Latin letters rarely use.
#[rustfmt::skip]
const ENGLISH_MARKERS: &[&str] = &[
    "the", "of", "to", "at", "and", "is", "it", "by", "for", "than", "about", "with", "was",
];

/// Words after which an -s or -ed word is a noun or an adjective, not a verb.
#[rustfmt::skip]
const NOT_BEFORE_VERB: &[&str] = &[
    "the", "a", "an", "of", "in", "on", "for", "with", "his", "her", "its", "their", "our",
    "your", "my", "and", "or", "these", "those", "all",
];

/// A verb not on the list, known by its form and the amount right after it: "Water boils at
/// 100 degrees", "The bridge spans 2 km", "It weighed about 3 tonnes". The word is in lower
/// case, ends in -s or -ed (not -ss, -us, -is: "glass", "bus", "this"), has a word before it
/// that is not an article or a preposition ("the prices at 100" is a noun), and only words
/// and spaces lie between it and the amount.
fn verb_before_amount(text: &str, words: &Words, amount: ByteSpan) -> bool {
    let Some(k) = words.tokens.iter().position(|t| t.start == amount.start.0) else {
        return false;
    };
    let mut at = k;
    while at > 0 && BEFORE_AMOUNT.contains(&words.lower[at - 1].as_ref()) && k - at < 2 {
        at -= 1;
    }
    let Some(v) = at.checked_sub(1).filter(|&v| v > 0) else {
        return false;
    };
    let word = words.tokens[v].text(text);
    let form = (word.len() >= 4
        && word.ends_with('s')
        && !["ss", "us", "is"].iter().any(|end| word.ends_with(end)))
        || (word.len() >= 5 && word.ends_with("ed"));
    // Not "screenshots | 9" or "headers....8".
    let between = &text[words.tokens[v].end..amount.start.0];
    // The -s and -ed forms are English ones: not "unas 2300 reservas" in a Spanish sentence.
    let english = words
        .lower
        .iter()
        .any(|w| ENGLISH_MARKERS.contains(&w.as_ref()));
    form && word.chars().all(|c| c.is_ascii_lowercase())
        && between.chars().all(|c| c.is_alphabetic() || c == ' ')
        && !NOT_BEFORE_VERB.contains(&words.lower[v - 1].as_ref())
        && english
}

/// `word` in lower case, copied only when it has a letter to change (most words have none).
fn lower_case(word: &str) -> Cow<'_, str> {
    if word
        .bytes()
        .all(|b| b.is_ascii() && !b.is_ascii_uppercase())
    {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

fn judge(text: &str, sentence: ByteSpan, words: &Words, ents: &[&Entity]) -> Option<Claim> {
    let s = &text[sentence.start.0..sentence.end.0];
    if words.lower.len() < 4 || s.trim_end().ends_with('?') {
        return None;
    }
    let has_verb = words.lower.iter().enumerate().any(|(i, w)| {
        let previous = if i > 0 {
            words.lower[i - 1].as_ref()
        } else {
            ""
        };
        // "’s" is a verb after a pronoun ("he’s met"), a possessive after a noun.
        let contraction = matches!(w.as_ref(), "’s" | "'s")
            && matches!(
                previous,
                "he" | "she" | "it" | "that" | "there" | "what" | "who" | "here"
            );
        contraction
            || (is_verb(w)
                && !matches!(
                    previous,
                    "the" | "a" | "an" | "his" | "her" | "its" | "their"
                ))
    });
    let dates: Vec<&&Entity> = ents.iter().filter(|e| e.label == Label::Date).collect();
    let stats: Vec<&&Entity> = ents
        .iter()
        .filter(|e| e.label == Label::Quantity && e.why != "ordinal")
        .collect();
    let has_verb = has_verb
        || stats
            .iter()
            .any(|q| verb_before_amount(text, words, q.span));
    let named = ents
        .iter()
        .filter(|e| {
            matches!(
                e.label,
                Label::Person
                    | Label::Org
                    | Label::Place
                    | Label::Group
                    | Label::Event
                    | Label::Work
            )
        })
        .count();
    // Without a verb, only a headline with a date and a name ("Kickoff: the season … this week in X").
    if !has_verb && (dates.is_empty() || named == 0) {
        return None;
    }
    if service_headline(text, words) {
        return None;
    }
    // "Let’s be clear …" is written as "Let" and "’s".
    let lets = words.lower.first().is_some_and(|w| w == "let")
        && words
            .lower
            .get(1)
            .is_some_and(|w| matches!(w.as_ref(), "’s" | "'s" | "us"));
    if (lets
        || words
            .lower
            .first()
            .is_some_and(|w| IMPERATIVE_STARTS.contains(&w.as_ref())))
        && words.tokens[0].text(text).starts_with(char::is_uppercase)
    {
        return None;
    }
    let found = words.scan();
    let caption = found.get(Cue::Caption).is_some();
    if caption && dates.is_empty() && stats.is_empty() {
        return None;
    }
    if found.get(Cue::Opinion).is_some() && stats.is_empty() && dates.is_empty() {
        return None;
    }
    // "“We must pay attention to it,” Azzouz said.": a speaker's view, intention or forecast
    // in their own words, with no amount or date to check.
    if stats.is_empty()
        && dates.is_empty()
        && (quotes_a_view(text, sentence, words)
            || reports_an_intention(words)
            || introduces_what_follows(text, sentence, words))
    {
        return None;
    }
    let attribution = found.get(Cue::Attribution);
    let superlative = found.get(Cue::Superlative);
    let comparison = found.get(Cue::Comparison);
    let causal = found.get(Cue::Causal);
    let hedged = found.get(Cue::Hedge).is_some();
    // The most informative amount: digits before number words ("around 90" before "one"),
    // money, shares and large scales before plain counts ("£3.5bn" before "15 cents").
    let best_stat = stats.iter().max_by_key(|e| {
        let t = &text[e.span.start.0..e.span.end.0];
        (
            t.bytes().any(|b| b.is_ascii_digit()),
            weighs_much(t),
            e.span.len(),
        )
    });
    // A bare "one" or "twice" is a weak statistic: other cues go first.
    let weak = |e: &&&Entity| {
        let t = text[e.span.start.0..e.span.end.0].to_lowercase();
        matches!(t.as_str(), "one" | "once" | "twice" | "thrice")
    };
    let stat_cue = best_stat.map(|e| {
        // Take the counted noun along: "around 90" + "carriages", not "26" + "other".
        let end = words
            .tokens
            .iter()
            .find(|t| t.start >= e.span.end.0)
            .filter(|t| {
                let w = t.text(text);
                t.kind == TokenKind::Word
                    && w.starts_with(char::is_lowercase)
                    && !NOT_COUNTED.contains(&w)
                    && text[e.span.end.0..t.start].trim().is_empty()
                    // "2% last year": "last" opens a date, it is not what is counted.
                    && !ents.iter().any(|d| d.span.start.0 == t.start)
            })
            .map_or(e.span.end, |t| ByteOffset(t.end));
        (
            ByteSpan::new(e.span.start, end),
            best_stat.is_some_and(weak),
        )
    });
    let (kind, cue) = if let Some((cue, false)) = stat_cue {
        (ClaimKind::Statistic, cue)
    } else if let Some(found) = superlative {
        (ClaimKind::Superlative, words.span(found))
    } else if let Some(found) = attribution {
        (ClaimKind::Attribution, words.span(found))
    } else if let Some(found) = comparison {
        (ClaimKind::Comparison, words.span(found))
    } else if let Some(found) = causal {
        (ClaimKind::Causal, words.span(found))
    } else if let Some(date) = dates.first() {
        (ClaimKind::DateTime, date.span)
    } else if let Some((cue, true)) = stat_cue {
        (ClaimKind::Statistic, cue)
    } else if let Some(first) = ents.first() {
        (ClaimKind::Event, first.span)
    } else if words.lower.iter().any(|w| is_action_verb(w)) {
        (ClaimKind::Event, sentence)
    } else {
        // Only "is" or "has" and no name, date, amount or cue: a description, nothing to
        // check ("Time is a finite one.", "The sky is blue.").
        return None;
    };
    let mut score = 0.2;
    score += if stats.is_empty() { 0.0 } else { 0.25 };
    score += if dates.is_empty() { 0.0 } else { 0.15 };
    score += if superlative.is_some() { 0.15 } else { 0.0 };
    score += if attribution.is_some() { 0.1 } else { 0.0 };
    score += if comparison.is_some() || causal.is_some() {
        0.1
    } else {
        0.0
    };
    score += 0.05 * named.min(3) as f32;
    score -= if hedged { 0.1 } else { 0.0 };
    score -= if predicts(text, words) { 0.1 } else { 0.0 };
    // The writer's own experience ("I placed Messages to my right") is seldom checkable; a
    // quoted speaker's "I" is theirs, and stays.
    let first_person = attribution.is_none()
        && words.lower.iter().any(|w| {
            matches!(
                w.as_ref(),
                "i" | "me" | "my" | "i’m" | "i'm" | "i’d" | "i'd" | "i've" | "i’ve"
            )
        })
        && !s.contains('"')
        && !s.contains('“')
        && !s.contains('”');
    score -= if first_person { 0.1 } else { 0.0 };
    score -= if has_verb { 0.0 } else { 0.15 };
    score -= if caption { 0.1 } else { 0.0 };
    Some(Claim {
        span: sentence,
        kind,
        cue,
        hedged,
        score: (score.clamp(0.0, 1.0) * 100.0).round() / 100.0,
    })
}

/// Whether an amount is money, a share or a large scale: "£3.5bn", "$124m", "4.3 percent",
/// "700 million". Such an amount says more than a plain count or small change ("15 cents").
fn weighs_much(amount: &str) -> bool {
    let lower = amount.to_lowercase();
    amount.contains(['$', '£', '€', '¥', '%'])
        || ["percent", "per cent", "million", "billion", "trillion"]
            .iter()
            .any(|w| lower.contains(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_copies_only_words_with_a_letter_to_change() {
        for (word, lower, copied) in [
            ("carriages", "carriages", false),
            ("90", "90", false),
            ("’s", "’s", true),
            ("Yonhap", "yonhap", true),
            ("ÉTÉ", "été", true),
            ("Ǆemal", "ǆemal", true),
            ("Москва", "москва", true),
        ] {
            let got = lower_case(word);
            assert_eq!(got, lower, "{word}");
            assert_eq!(matches!(got, Cow::Owned(_)), copied, "{word}");
        }
    }
}
