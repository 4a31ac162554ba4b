//! Analysis, natively: entity and claim rules on general news sentences (not the sample's),
//! properties over arbitrary text, and the command line.
#![cfg(not(target_arch = "wasm32"))]

use glossa::analysis::{analyze, ClaimKind, Label};
use glossa::text::ByteSpan;
use proptest::prelude::*;

fn entities(text: &str) -> Vec<(String, Label)> {
    analyze(text)
        .entities
        .iter()
        .map(|e| (text[e.span.start.0..e.span.end.0].to_string(), e.label))
        .collect()
}

/// The text of each span.
fn slices(text: &str, spans: impl IntoIterator<Item = ByteSpan>) -> Vec<&str> {
    spans
        .into_iter()
        .map(|s| &text[s.start.0..s.end.0])
        .collect()
}

/// (sentence, expected entity, its label): each must be found exactly.
const FOUND: &[(&str, &str, Label)] = &[
    (
        "The minister flew to Nairobi on Friday.",
        "Nairobi",
        Label::Place,
    ),
    (
        "The minister flew to Nairobi on Friday.",
        "Friday",
        Label::Date,
    ),
    (
        "Prime Minister Giorgia Meloni met the press.",
        "Giorgia Meloni",
        Label::Person,
    ),
    ("Officials in Brazil said so.", "Brazil", Label::Place),
    (
        "Relations with the United Kingdom improved.",
        "the United Kingdom",
        Label::Place,
    ),
    ("Trade with the U.S. fell sharply.", "U.S.", Label::Place),
    (
        "Thousands of Tunisians voted on Sunday.",
        "Tunisians",
        Label::Group,
    ),
    (
        "The bill passed in Congress last night.",
        "Congress",
        Label::Org,
    ),
    (
        "Mexican farmers protested in the capital.",
        "Mexican",
        Label::Group,
    ),
    (
        "The Reserve Bank raised rates by 0.25 percent.",
        "0.25 percent",
        Label::Quantity,
    ),
    (
        // OntoNotes keeps an institution's "the", as spaCy writes it.
        "The Reserve Bank raised rates by 0.25 percent.",
        "The Reserve Bank",
        Label::Org,
    ),
    (
        "He spoke at the Brookings Institution on Monday.",
        "the Brookings Institution",
        Label::Org,
    ),
    (
        "A report by the Council on Foreign Relations said so.",
        "the Council on Foreign Relations",
        Label::Org,
    ),
    (
        "She joined the New Zealand Department of Conservation.",
        "the New Zealand Department of Conservation",
        Label::Org,
    ),
    (
        "He sued the Department of Justice in May.",
        "the Department of Justice",
        Label::Org,
    ),
    (
        "The World Travel & Tourism Council met.",
        "The World Travel & Tourism Council",
        Label::Org,
    ),
    (
        "It went before the Joint Committee on Intelligence and Security.",
        "the Joint Committee on Intelligence and Security",
        Label::Org,
    ),
    (
        "Reporters waited at the White House.",
        "the White House",
        Label::Place,
    ),
    (
        "Ships crossed the Bering Sea.",
        "the Bering Sea",
        Label::Place,
    ),
    ("He lived on Main Street.", "Main Street", Label::Place),
    (
        "Police in West Mercia said so.",
        "West Mercia",
        Label::Place,
    ),
    (
        "Some New Zealanders stayed home.",
        "New Zealanders",
        Label::Group,
    ),
    (
        "North Koreans voted on Sunday.",
        "North Koreans",
        Label::Group,
    ),
    // Regions of every country (ISO 3166-2 and country-region-data), and names without marks.
    ("He flew from Scotland to Wales.", "Scotland", Label::Place),
    ("He flew from Scotland to Wales.", "Wales", Label::Place),
    ("Floods hit Sindh and Punjab.", "Sindh", Label::Place),
    ("Fighting spread in Kandahar.", "Kandahar", Label::Place),
    (
        "Storms reached Queensland overnight.",
        "Queensland",
        Label::Place,
    ),
    // A region's name after a given name is a surname ("Moyo" is a district of Uganda).
    (
        "The minister Jonathan Moyo left.",
        "Jonathan Moyo",
        Label::Person,
    ),
    (
        "He was just seven years old.",
        "just seven years old",
        Label::Date,
    ),
    ("It happened two weeks ago.", "two weeks ago", Label::Date),
    ("Posted at 1:39 PM ET.", "1:39 PM ET", Label::Date),
    (
        "It lifted off at 8:51 p.m. local time.",
        "8:51 p.m.",
        Label::Date,
    ),
    ("He left at 5 p.m. on Monday.", "5 p.m.", Label::Date),
    ("Doors open at 6pm sharp.", "6pm", Label::Date),
    (
        "It burned up on Thursday Dec. 1, 2016, minutes later.",
        "Thursday Dec. 1, 2016",
        Label::Date,
    ),
    (
        "They met on Tuesday, March 5 in Oslo.",
        "Tuesday, March 5",
        Label::Date,
    ),
    ("A Two-year-old bug was fixed.", "Two-year-old", Label::Date),
    (
        "It carried 2.5 metric tons of cargo.",
        "2.5 metric tons",
        Label::Quantity,
    ),
    (
        "The file is 26.6 megabytes long.",
        "26.6 megabytes",
        Label::Quantity,
    ),
    (
        "It serves several million users.",
        "several million",
        Label::Quantity,
    ),
    ("They ruled from 2011 to 2013.", "2011 to 2013", Label::Date),
    ("Last fall, prices rose.", "Last fall", Label::Date),
    ("Shares of Remain Co. fell.", "Remain Co.", Label::Org),
    (
        "It falls under the Investment Company Act of 1940.",
        "the Investment Company Act",
        Label::Work,
    ),
    (
        "Yesterday Martin Luther King Jr. spoke.",
        "Martin Luther King Jr.",
        Label::Person,
    ),
    ("Larry King interviewed her.", "Larry King", Label::Person),
    (
        "Troops moved into the West Bank.",
        "the West Bank",
        Label::Place,
    ),
    // A hyphenated compound: the name before the hyphen, and the name after the word.
    (
        "Prices at Amazon-owned Whole Foods fell.",
        "Amazon",
        Label::Org,
    ),
    (
        "Prices at Amazon-owned Whole Foods fell.",
        "Whole Foods",
        Label::Org,
    ),
    (
        "He runs the Mercer Island-based Dana F. Besecker Company.",
        "Dana F. Besecker Company",
        Label::Org,
    ),
    (
        "Fillets sell for $24 to $28 a pound.",
        "$24 to $28",
        Label::Quantity,
    ),
    (
        "Plans change in the next few months.",
        "the next few months",
        Label::Date,
    ),
    (
        "In a few more years it ends.",
        "a few more years",
        Label::Date,
    ),
    // A possessive inside a company's name, or ending it.
    ("Members shop at Sam’s Club.", "Sam’s Club", Label::Org),
    ("He ate at McDonald’s yesterday.", "McDonald’s", Label::Org),
    // A dateline's city in capitals; a person after a job word; degrees with their scale.
    (
        "ATHENS, Greece (AP) — Fires spread.",
        "ATHENS",
        Label::Place,
    ),
    (
        "The Islamic Revolutionary Guard Corps fired missiles.",
        "The Islamic Revolutionary Guard Corps",
        Label::Org,
    ),
    // Seas, straits and bays named "of" a place keep their "the".
    (
        "The missile fell into the Sea of Japan.",
        "the Sea of Japan",
        Label::Place,
    ),
    (
        "Tankers crossed the Strait of Hormuz.",
        "the Strait of Hormuz",
        Label::Place,
    ),
    // "Saint" shortened heads a place's name.
    ("He moved to St. Louis in 2010.", "St. Louis", Label::Place),
    (
        "She flew to St. Petersburg on Monday.",
        "St. Petersburg",
        Label::Place,
    ),
    // Offices named by their holder; a word shared across "and"; points of a rate.
    (
        "The suspect was charged, the Los Angeles County Sheriff's Department said.",
        "the Los Angeles County Sheriff's Department",
        Label::Org,
    ),
    (
        "The Food and Drug Administration approved the drug.",
        "The Food and Drug Administration",
        Label::Org,
    ),
    (
        "The bank raised the rate by 25 basis points.",
        "25 basis points",
        Label::Quantity,
    ),
    // A 24-hour time with its zone; times and a period named by a word.
    (
        "The rocket lifted off at 1451 GMT.",
        "1451 GMT",
        Label::Date,
    ),
    ("The curfew starts at midnight.", "midnight", Label::Date),
    ("They met over the weekend.", "the weekend", Label::Date),
    // Named slumps and championships are events; libraries are organisations.
    (
        "It was the worst slump since the Great Depression.",
        "Great Depression",
        Label::Event,
    ),
    (
        "They watched the Super Bowl on Sunday.",
        "Super Bowl",
        Label::Event,
    ),
    (
        "He visited the Library of Congress last week.",
        "the Library of Congress",
        Label::Org,
    ),
    // Initials in brackets name the organisation before them, even a word like "WHO".
    (
        "The World Health Organization (WHO) said so.",
        "WHO",
        Label::Org,
    ),
    // An abbreviated title opens a sentence; money written with its scale; storms.
    (
        "Gov. Gavin Newsom signed the bill on Monday.",
        "Gavin Newsom",
        Label::Person,
    ),
    (
        "The sale raised £3.5bn last year.",
        "£3.5bn",
        Label::Quantity,
    ),
    ("Revenue was $124m, or $4k a head.", "$4k", Label::Quantity),
    (
        "The damage from Hurricane Sandy was severe.",
        "Hurricane Sandy",
        Label::Event,
    ),
    (
        "Tropical Storm Irene weakened on Sunday.",
        "Tropical Storm Irene",
        Label::Event,
    ),
    ("He works at Storm Ventures.", "Storm Ventures", Label::Org),
    // Names spelt from Cyrillic (Ukrainian and Russian schemes) and romanized Japanese names.
    (
        "He met Volodymyr Zelensky and Mykhailo Podolyak in Kyiv.",
        "Volodymyr Zelensky",
        Label::Person,
    ),
    (
        "He met Volodymyr Zelensky and Mykhailo Podolyak in Kyiv.",
        "Mykhailo Podolyak",
        Label::Person,
    ),
    (
        "Yevgeny Prigozhin died in a crash.",
        "Yevgeny Prigozhin",
        Label::Person,
    ),
    (
        "He met Atsushi Nakamura on Monday.",
        "Atsushi Nakamura",
        Label::Person,
    ),
    // English names of foreign cities that GeoNames writes the local way.
    (
        "Protests spread to Cologne and Seville on Friday.",
        "Cologne",
        Label::Place,
    ),
    (
        "Protests spread to Cologne and Seville on Friday.",
        "Seville",
        Label::Place,
    ),
    ("He flew from Frankfurt to Kiev.", "Kiev", Label::Place),
    ("He flew from Frankfurt to Kiev.", "Frankfurt", Label::Place),
    (
        "Pilgrims arrived in Mecca on Sunday.",
        "Mecca",
        Label::Place,
    ),
    // A name before a word for land or water is that place's, even a company's; a place
    // whose first word is hyphenated opens a sentence.
    (
        "The Amazon rainforest lost 11,000 square kilometres.",
        "Amazon",
        Label::Place,
    ),
    (
        "Miami-Dade County officials said the surge reached six feet.",
        "Miami-Dade County",
        Label::Place,
    ),
    // A name no list has, after a word for a place or where something happens.
    (
        "Shelling hit the city of Kherson on Monday.",
        "Kherson",
        Label::Place,
    ),
    (
        "The mayor of Avdiivka said the town was surrounded.",
        "Avdiivka",
        Label::Place,
    ),
    (
        "Fighting raged in Bakhmut and near Kupiansk on Monday.",
        "Bakhmut",
        Label::Place,
    ),
    (
        "Fighting raged in Bakhmut and near Kupiansk on Monday.",
        "Kupiansk",
        Label::Place,
    ),
    (
        "Russian forces advanced north of Vuhledar, officials said.",
        "Vuhledar",
        Label::Place,
    ),
    // A dollar's country is part of the money; a country may head a name joined by "and".
    (
        "Exports reached US$52.6 billion in February.",
        "US$52.6 billion",
        Label::Quantity,
    ),
    ("The fare is HK$3 million.", "HK$3 million", Label::Quantity),
    (
        "He wrote to the US Patent and Trademark Office.",
        "the US Patent and Trademark Office",
        Label::Org,
    ),
    (
        "He met the Joint Chiefs of Staff on Monday.",
        "Joint Chiefs of Staff",
        Label::Org,
    ),
    // An office of several things, listed with commas.
    (
        "The Ministry of Trade, Industry and Energy said exports rose.",
        "The Ministry of Trade, Industry and Energy",
        Label::Org,
    ),
    (
        "The Bank of England, Barclays and HSBC said so.",
        "The Bank of England",
        Label::Org,
    ),
    (
        "The Bank of England, Barclays and HSBC said so.",
        "Barclays",
        Label::Org,
    ),
    // A name no list has before the word for its shares.
    (
        "Novo Nordisk shares fell 20% on Monday.",
        "Novo Nordisk",
        Label::Org,
    ),
    ("Traders said Zentrix stock jumped.", "Zentrix", Label::Org),
    // Clubs and airlines named after their place; a plural title before several names.
    (
        "Manchester United beat Real Madrid on Tuesday.",
        "Manchester United",
        Label::Org,
    ),
    (
        "Manchester United beat Real Madrid on Tuesday.",
        "Real Madrid",
        Label::Org,
    ),
    (
        "She flew Air New Zealand to Sydney.",
        "Air New Zealand",
        Label::Org,
    ),
    (
        "Real Madrid beat Chelsea on Tuesday.",
        "Real Madrid",
        Label::Org,
    ),
    (
        "The dissent was joined by Justices Elena Kagan and Sonia Sotomayor.",
        "Elena Kagan",
        Label::Person,
    ),
    // A team or a paper named after its city or state.
    (
        "The Boston Celtics beat the Miami Heat on Sunday.",
        "Boston Celtics",
        Label::Org,
    ),
    (
        "The Boston Celtics beat the Miami Heat on Sunday.",
        "Miami Heat",
        Label::Org,
    ),
    (
        "Chicago Bears quarterback Caleb Williams threw twice.",
        "Chicago Bears",
        Label::Org,
    ),
    (
        "Fans of the Dallas Cowboys cheered.",
        "Dallas Cowboys",
        Label::Org,
    ),
    (
        "She joined the Toronto Maple Leafs in 2019.",
        "Toronto Maple Leafs",
        Label::Org,
    ),
    (
        "It was first reported by the Boston Globe.",
        "Boston Globe",
        Label::Org,
    ),
    // Plural organisation words, before "for" and "of".
    (
        "The Centers for Disease Control and Prevention reported 1,200 cases.",
        "The Centers for Disease Control and Prevention",
        Label::Org,
    ),
    (
        "It was funded by the National Institutes of Health.",
        "the National Institutes of Health",
        Label::Org,
    ),
    // A company whose name is also a word, speaking at a sentence's start.
    (
        "Apple said on Tuesday it would invest more.",
        "Apple",
        Label::Org,
    ),
    // A name no list has, speaking with a known company, is a company.
    (
        "Pfizer and Moderna said their vaccines would be ready.",
        "Moderna",
        Label::Org,
    ),
    // Capitalised particles inside a name.
    (
        "In France, Marine Le Pen's party came third.",
        "Marine Le Pen",
        Label::Person,
    ),
    (
        "The book is by Bruce Van Horn.",
        "Bruce Van Horn",
        Label::Person,
    ),
    // Prizes are titles; tours and national opens are events.
    (
        "He won the Nobel Peace Prize in 2009.",
        "Nobel Peace Prize",
        Label::Work,
    ),
    ("She won an Academy Award.", "Academy Award", Label::Work),
    (
        "Her Eras Tour grossed more than $1 billion.",
        "Eras Tour",
        Label::Event,
    ),
    ("Novak Djokovic won the US Open.", "US Open", Label::Event),
    // Market indexes, with the number in their name.
    ("The S&P 500 slipped 0.8 percent.", "S&P 500", Label::Org),
    (
        "In 2020, Russell 2000 stocks rose.",
        "Russell 2000",
        Label::Org,
    ),
    (
        "The Dow Jones Industrial Average fell 1.2 percent.",
        "Dow Jones Industrial Average",
        Label::Org,
    ),
    ("The Dow fell 300 points.", "Dow", Label::Org),
    (
        "Dow Chemical said it would cut jobs.",
        "Dow Chemical",
        Label::Org,
    ),
    // A group or a place opening a sentence, before a title and a name.
    (
        "South African President Cyril Ramaphosa attended.",
        "South African",
        Label::Group,
    ),
    (
        "Saudi Crown Prince Mohammed bin Salman hosted him.",
        "Saudi",
        Label::Group,
    ),
    (
        "Chinese Premier Li Qiang told the forum.",
        "Li Qiang",
        Label::Person,
    ),
    (
        "New York Mayor Eric Adams said so.",
        "Eric Adams",
        Label::Person,
    ),
    (
        "Martin Luther King Jr. spoke.",
        "Martin Luther King Jr.",
        Label::Person,
    ),
    // Measures written as one word, and fractions in words.
    (
        "Temperatures reached 46.5C in Seville.",
        "46.5C",
        Label::Quantity,
    ),
    (
        "Winds of up to 100mph hit the coast.",
        "up to 100mph",
        Label::Quantity,
    ),
    ("She ran 5km in 20 minutes.", "5km", Label::Quantity),
    (
        "Roughly two-thirds of Americans support it.",
        "Roughly two-thirds",
        Label::Quantity,
    ),
    // A company's name and a model number name a product.
    (
        "The FAA grounded 171 Boeing 737 Max 9 jets.",
        "Boeing 737 Max 9",
        Label::Work,
    ),
    ("He still plays his Xbox 360.", "Xbox 360", Label::Work),
    (
        "Shares of Boeing 10 days ago fell.",
        "10 days ago",
        Label::Date,
    ),
    // Aid groups, "Secretary-General", airlines, and a name ending in a kind of organisation
    // at a sentence's start.
    (
        "Amnesty International accused the army.",
        "Amnesty International",
        Label::Org,
    ),
    (
        "The Red Cross said aid trucks were stuck.",
        "Red Cross",
        Label::Org,
    ),
    (
        "NATO Secretary-General Mark Rutte spoke.",
        "Mark Rutte",
        Label::Person,
    ),
    (
        "A Delta Air Lines flight landed.",
        "Delta Air Lines",
        Label::Org,
    ),
    // A name after a role noun: actors, players, champions.
    (
        "Hollywood actor Tom Hanks will star in the film.",
        "Tom Hanks",
        Label::Person,
    ),
    (
        "It arrived aboard a 19th-century ship.",
        "19th-century",
        Label::Date,
    ),
    // Roads and bills named with a number; an ordinal heading an organisation's name.
    (
        "The crash happened on Interstate 4 near Tampa.",
        "Interstate 4",
        Label::Place,
    ),
    (
        "Governor Gavin Newsom signed SB 1047 into law.",
        "SB 1047",
        Label::Work,
    ),
    (
        "He said the Ninth Circuit Court of Appeals upheld the ruling.",
        "the Ninth Circuit Court of Appeals",
        Label::Org,
    ),
    (
        "Maricopa County officials said the count would take 10 to 13 days.",
        "Maricopa County",
        Label::Place,
    ),
    (
        "Maricopa County officials said the count would take 10 to 13 days.",
        "10 to 13 days",
        Label::Date,
    ),
    // Titles one after another, none of them part of the name.
    (
        "Iran's Supreme Leader Ayatollah Ali Khamenei warned of a response.",
        "Ali Khamenei",
        Label::Person,
    ),
    (
        "He met President Dr. Jane Smith.",
        "Jane Smith",
        Label::Person,
    ),
    (
        "The Houthis claimed responsibility.",
        "Houthis",
        Label::Group,
    ),
    // An approximate clock time is one time.
    (
        "It struck at about 10:30 p.m. on Friday.",
        "about 10:30 p.m.",
        Label::Date,
    ),
    // Parties and agencies named by one word; "MP" is a title.
    ("Labour won 412 seats.", "Labour", Label::Org),
    (
        "Inflation fell to 2.4%, according to Eurostat.",
        "Eurostat",
        Label::Org,
    ),
    (
        "Labour MP Jess Phillips spoke.",
        "Jess Phillips",
        Label::Person,
    ),
    // A party's word that is also a given name ("Tory") is no first name before a title.
    (
        "He said Tory MP David Davis was right.",
        "David Davis",
        Label::Person,
    ),
    // Harbours, beaches, falls and other landmarks.
    (
        "The ship sank in Boston Harbor yesterday.",
        "Boston Harbor",
        Label::Place,
    ),
    (
        "Tourists crowd Niagara Falls.",
        "Niagara Falls",
        Label::Place,
    ),
    // Small coins and other currencies are money too.
    ("A gallon costs 15 cents more.", "15 cents", Label::Quantity),
    ("The fare rose by 20 pence.", "20 pence", Label::Quantity),
    // Any length and more than one word, and the agency in its brackets, known or not.
    (
        "WASHINGTON (AP) — The Senate voted.",
        "WASHINGTON",
        Label::Place,
    ),
    ("NEW YORK — Rents rose.", "NEW YORK", Label::Place),
    (
        "SAN FRANCISCO (Reuters) - Shares fell.",
        "SAN FRANCISCO",
        Label::Place,
    ),
    (
        "SEOUL, Nov. 26 (Yonhap) -- Talks resumed.",
        "Yonhap",
        Label::Org,
    ),
    (
        "Opposition leader Stefanos Kasselakis spoke.",
        "Stefanos Kasselakis",
        Label::Person,
    ),
    (
        "It reached 40 degrees Celsius.",
        "40 degrees Celsius",
        Label::Quantity,
    ),
    (
        "It reported second-quarter sales.",
        "second-quarter",
        Label::Date,
    ),
    ("Coach Erik ten Hag said so.", "Erik ten Hag", Label::Person),
    (
        "An analyst at Wedbush Securities agreed.",
        "Wedbush Securities",
        Label::Org,
    ),
    (
        "It is easy to judge the Vision Pro now.",
        "Vision Pro",
        Label::Work,
    ),
    // Capitals that spell a city are a dateline only at a line's start.
    ("Guidance from the NICE, a UK body.", "NICE", Label::Org),
    (
        "Robots from Boston Dynamics walked.",
        "Boston Dynamics",
        Label::Org,
    ),
    (
        "Shares of General Electric fell.",
        "General Electric",
        Label::Org,
    ),
    (
        "Later General John Smith spoke.",
        "John Smith",
        Label::Person,
    ),
    (
        "In the summer of 1898, it glowed.",
        "the summer of 1898",
        Label::Date,
    ),
    ("It was built a century ago.", "a century ago", Label::Date),
    (
        "Cities grew in the 20th century.",
        "the 20th century",
        Label::Date,
    ),
    ("It was translated into English.", "English", Label::Group),
    // Titles in quotation marks; a quoted event keeps its label.
    (
        "Nintendo said \"Super Mario Run\" will launch soon.",
        "Super Mario Run",
        Label::Work,
    ),
    (
        "She read “The World of Tomorrow,” a novel.",
        "The World of Tomorrow",
        Label::Work,
    ),
    (
        "The “Victory Day” parade began.",
        "Victory Day",
        Label::Event,
    ),
    ("A source told Reuters on Monday.", "Reuters", Label::Org),
    // A person by context: after a family word, or beside a person in a list.
    ("Mugabe and his wife Grace left.", "Grace", Label::Person),
    (
        "The ministers Jonathan Moyo and Saviour Kasukuwere fled.",
        "Saviour Kasukuwere",
        Label::Person,
    ),
    (
        "Seven decades later, he returned.",
        "Seven decades later",
        Label::Date,
    ),
    ("A 22-year-old man was hurt.", "22-year-old", Label::Date),
    (
        "Shares in Microsoft fell after the report.",
        "Microsoft",
        Label::Org,
    ),
    (
        "About 3,000 people marched on 12 March 2024.",
        "About 3,000",
        Label::Quantity,
    ),
    (
        "About 3,000 people marched on 12 March 2024.",
        "12 March 2024",
        Label::Date,
    ),
    (
        "The talks lasted more than six hours.",
        "more than six hours",
        Label::Date,
    ),
    ("She finished third in the race.", "third", Label::Quantity),
    (
        "It cost $4.5 million to build.",
        "$4.5 million",
        Label::Quantity,
    ),
    (
        "He served in World War Two as a medic.",
        "World War Two",
        Label::Event,
    ),
    (
        "Crowds gathered in Trafalgar Square on Sunday.",
        "Trafalgar Square",
        Label::Place,
    ),
    (
        "The vote is due next week, officials said.",
        "next week",
        Label::Date,
    ),
    (
        "Growth slowed in Southern Europe this year.",
        "Southern Europe",
        Label::Place,
    ),
    (
        "The 90-minute film opened in Paris.",
        "90-minute",
        Label::Date,
    ),
    // Middle initials stay in the name.
    (
        "The report was written by Andrew B. Myers and colleagues.",
        "Andrew B. Myers",
        Label::Person,
    ),
    // An abbreviated month with its dot, after a capitalised word.
    (
        "On Feb. 21, 2019, the court ruled.",
        "Feb. 21, 2019",
        Label::Date,
    ),
    // The words OntoNotes keeps in a date or duration.
    ("Prices rose in late January.", "late January", Label::Date),
    (
        "Sales fell this past January.",
        "this past January",
        Label::Date,
    ),
    (
        "Costs doubled over the past five years.",
        "the past five years",
        Label::Date,
    ),
    (
        "Mills closed in the late 1800s.",
        "the late 1800s",
        Label::Date,
    ),
    ("Each year, the river floods.", "Each year", Label::Date),
    ("Pipes break in the winter.", "the winter", Label::Date),
    // An age keeps its "old", as "seven years old" does (spaCy: "more than a century old").
    (
        "The bridge is more than a century old.",
        "more than a century old",
        Label::Date,
    ),
    ("The plant has stood idle for years.", "years", Label::Date),
    (
        "Output grew in the second quarter.",
        "the second quarter",
        Label::Date,
    ),
    (
        "The merger closed late last year.",
        "late last year",
        Label::Date,
    ),
    // Ranges and approximate money are one quantity.
    (
        "Between 400 and 600 mains break every year.",
        "Between 400 and 600",
        Label::Quantity,
    ),
    (
        "The work will cost more than $1 billion.",
        "more than $1 billion",
        Label::Quantity,
    ),
    // Organisations named by their kind, with "the".
    (
        "Officials at the Department of Environmental Protection agreed.",
        "the Department of Environmental Protection",
        Label::Org,
    ),
    ("Markets watched the Fed closely.", "Fed", Label::Org),
    // A job title between a company and a person splits them.
    (
        "The deal was announced by Facebook CEO Mark Zuckerberg on Monday.",
        "Mark Zuckerberg",
        Label::Person,
    ),
    (
        "“Video matters,” says Michael Litt, co-founder and CEO of Vidyard.",
        "Vidyard",
        Label::Org,
    ),
    (
        "The dispute is between Arduino LLC and Smart Projects SRL.",
        "Smart Projects SRL",
        Label::Org,
    ),
    // Decades, frequencies and modifiers OntoNotes keeps in a date.
    ("The band peaked in the ’90s.", "the ’90s", Label::Date),
    ("Synth-pop ruled the 80s.", "the 80s", Label::Date),
    ("The board meets monthly.", "monthly", Label::Date),
    (
        "Posted on 2014-07-01 by the editor.",
        "2014-07-01",
        Label::Date,
    ),
    (
        "Posted on 07/01/2014 by the editor.",
        "07/01/2014",
        Label::Date,
    ),
    ("It took a few years to finish.", "a few years", Label::Date),
    (
        "Many years later it ended.",
        "Many years later",
        Label::Date,
    ),
    ("We talked for half an hour.", "half an hour", Label::Date),
    ("The next day was calm.", "The next day", Label::Date),
    ("They met every day.", "every day", Label::Date),
    (
        "Earlier this year the plant closed.",
        "Earlier this year",
        Label::Date,
    ),
    (
        "Over the last year, sales rose.",
        "the last year",
        Label::Date,
    ),
    (
        "The service launched in late 2011.",
        "late 2011",
        Label::Date,
    ),
    (
        "It is available to rent on Google Play and YouTube.",
        "Google Play",
        Label::Org,
    ),
    (
        "The Governor of Texas signed the bill.",
        "Texas",
        Label::Place,
    ),
    (
        "Secretary of State Mike Pompeo arrived on Monday.",
        "Mike Pompeo",
        Label::Person,
    ),
    // A given name that is also a word ("Mark", "Will") before a capitalised name.
    (
        "The fund hired Will Okonkwo-Bassey last year, and Okonkwo-Bassey stayed.",
        "Will Okonkwo-Bassey",
        Label::Person,
    ),
    // A person "of" a place is two entities.
    (
        "Senator Mitch McConnell of Kentucky objected.",
        "Mitch McConnell",
        Label::Person,
    ),
    (
        "Senator Mitch McConnell of Kentucky objected.",
        "Kentucky",
        Label::Place,
    ),
    // A leading initial stays in the name (and "Eugene" is not the city here).
    (
        "“It matters,” said C. Eugene Steuerle, a fellow at the Urban Institute.",
        "C. Eugene Steuerle",
        Label::Person,
    ),
    (
        "“It matters,” said C. Eugene Steuerle, a fellow at the Urban Institute.",
        "the Urban Institute",
        Label::Org,
    ),
    // "over ten years" is a period.
    ("Prices rose over 10 years.", "10 years", Label::Date),
    // An abbreviated title with its period heads a person's name.
    (
        "“It is a combustible amount,” Mr. McHugh said.",
        "McHugh",
        Label::Person,
    ),
    ("Then Mr. Zorblat agreed.", "Zorblat", Label::Person),
    ("Sen. Warren objected.", "Warren", Label::Person),
    // "and" inside an office's name after "of".
    (
        "A spokesman for the city’s Department of Design and Construction said so.",
        "Department of Design and Construction",
        Label::Org,
    ),
    (
        "The Department of Health and Human Services spoke.",
        "The Department of Health and Human Services",
        Label::Org,
    ),
    // Not two companies in a list.
    (
        "Shares of the Bank of America and Wells Fargo fell.",
        "Wells Fargo",
        Label::Org,
    ),
    // A plural possessive inside an institution's name.
    (
        "She works at the Murdoch Children’s Research Institute.",
        "the Murdoch Children’s Research Institute",
        Label::Org,
    ),
    // A state's postal code after a city.
    (
        "He studied in New York City, NY, for a year.",
        "NY",
        Label::Place,
    ),
    // A state's name before "State" is a university.
    (
        "She continued to program at Florida State after leaving.",
        "Florida State",
        Label::Org,
    ),
    // A month's abbreviation with its period, a day after it, or a table's "Jan/Feb".
    ("It opened on Mar. 3.", "Mar. 3", Label::Date),
    (
        "In this photo dated Tuesday, Nov, 29, 2016, a rocket rose.",
        "Nov, 29, 2016",
        Label::Date,
    ),
    // A name no list has, before its state or country, is a place.
    (
        "It was shown at the company’s headquarters in Cupertino, California.",
        "Cupertino",
        Label::Place,
    ),
    (
        "From a base in Kodiak, Alaska, they sailed.",
        "Kodiak",
        Label::Place,
    ),
    (
        "He grew up in Jackson, Mississippi.",
        "Jackson",
        Label::Place,
    ),
    // Landmarks named by their first word, states of the last century.
    (
        "It launched from Cape Canaveral today.",
        "Cape Canaveral",
        Label::Place,
    ),
    (
        "Its highest peak is Mount Ruapehu.",
        "Mount Ruapehu",
        Label::Place,
    ),
    (
        "Migrants from the former Soviet Union came.",
        "Soviet Union",
        Label::Place,
    ),
    ("He flew to L.A. on Monday.", "L.A.", Label::Place),
    // Movements named as organisations, one starting in lower case.
    (
        "They fought the Islamic State and al-Qaeda in 2002.",
        "Islamic State",
        Label::Org,
    ),
    (
        "They fought the Islamic State and al-Qaeda in 2002.",
        "al-Qaeda",
        Label::Org,
    ),
    ("A year later, prices fell.", "A year later", Label::Date),
    (
        "The trees are several decades old.",
        "several decades old",
        Label::Date,
    ),
    // A compass word before a nationality: one group.
    (
        "It was the deadliest attack in the North African nation.",
        "North African",
        Label::Group,
    ),
    // Hyphenated peoples are a group, not a product's model name.
    (
        "Nine African-American men were freed.",
        "African-American",
        Label::Group,
    ),
    ("The Sino-Russian pact held.", "Sino-Russian", Label::Group),
    // An age in commas after a name is a date, as OntoNotes writes it.
    (
        "Eloise Parry, 21, was taken to hospital.",
        "21",
        Label::Date,
    ),
    // Dates with the words OntoNotes keeps in them.
    ("In the mid-1990s it grew.", "the mid-1990s", Label::Date),
    ("By mid-December it fell.", "mid-December", Label::Date),
    (
        "Officials said late Thursday it was over.",
        "late Thursday",
        Label::Date,
    ),
    (
        "In recent months prices rose.",
        "recent months",
        Label::Date,
    ),
    (
        "The plan took just 18 months.",
        "just 18 months",
        Label::Date,
    ),
    // A limiter and a range of money.
    (
        "Fishermen are paid between $5 and $6 a pound.",
        "between $5 and $6",
        Label::Quantity,
    ),
    (
        "Only about 10 percent of the assets are sold.",
        "Only about 10 percent",
        Label::Quantity,
    ),
    (
        "It provides only half of the money.",
        "only half",
        Label::Quantity,
    ),
    // People whose names no list has, by what is around them.
    (
        "“It is bad,” said Martin Indyk, a former ambassador.",
        "Martin Indyk",
        Label::Person,
    ),
    (
        "He briefed President George H.W. Bush on it.",
        "George H.W. Bush",
        Label::Person,
    ),
    (
        "Sudan’s president, Omar Hassan al-Bashir, left.",
        "Omar Hassan al-Bashir",
        Label::Person,
    ),
    (
        "Aerospace Writer Marcia Dunn reported.",
        "Marcia Dunn",
        Label::Person,
    ),
    (
        "The film, directed by Lijo Jose Pellissery, won.",
        "Lijo Jose Pellissery",
        Label::Person,
    ),
    (
        "The console was reviewed by Devindra Hardawar today.",
        "Devindra Hardawar",
        Label::Person,
    ),
    ("His first wife, Sally, died.", "Sally", Label::Person),
    // A name no list has beside a verb of speech.
    (
        "“We want to unify against this danger,” Lourimi said.",
        "Lourimi",
        Label::Person,
    ),
    // ... unless the text names it as an organisation elsewhere.
    (
        "Shares of Alibaba Group rose. In a statement, Alibaba said it would sell.",
        "Alibaba",
        Label::Org,
    ),
    // A city's name after a given name is a surname.
    (
        "He starred alongside Zoe Kazan in it.",
        "Zoe Kazan",
        Label::Person,
    ),
    // A byline glued to the next line by scraping: two names, not one.
    (
        "By Anthony ZurcherNorth America correspondent",
        "Anthony Zurcher",
        Label::Person,
    ),
    (
        "By Anthony ZurcherNorth America correspondent",
        "North America",
        Label::Place,
    ),
    // A picture agency, also where its credit stands alone.
    ("Photo: Getty Images", "Getty Images", Label::Org),
    // A scraped photo credit glued to the photographer's name.
    (
        "Crews cleared the ice.CreditKirsten Luce for The New York Times",
        "Kirsten Luce",
        Label::Person,
    ),
    // A soft hyphen, where the page allows a line break, is inside the word.
    (
        "Russian President Vladi\u{ad}mir Putin spoke.",
        "Vladi\u{ad}mir Putin",
        Label::Person,
    ),
    // Holidays are dates in OntoNotes; "… Day" names are events, possessive ones too.
    (
        "Buyers seek fresh fish for Easter and Mother’s Day.",
        "Easter",
        Label::Date,
    ),
    (
        "Buyers seek fresh fish for Easter and Mother’s Day.",
        "Mother’s Day",
        Label::Event,
    ),
    (
        "On Christmas Eve, most stores close early.",
        "Christmas Eve",
        Label::Date,
    ),
    (
        "Fireworks are banned on New Year's Eve.",
        "New Year's Eve",
        Label::Date,
    ),
    ("They fast during Ramadan.", "Ramadan", Label::Date),
    (
        "The office closes for Yom Kippur.",
        "Yom Kippur",
        Label::Date,
    ),
    // A part of a period is one date.
    (
        "Some of the cuts expire at the end of 2025.",
        "the end of 2025",
        Label::Date,
    ),
    (
        "Since the beginning of the year, prices rose.",
        "the beginning of the year",
        Label::Date,
    ),
    (
        "It happened in the first 100 days of his term.",
        "the first 100 days",
        Label::Date,
    ),
    (
        "A downturn like the one in 2008-9 would hurt.",
        "2008-9",
        Label::Date,
    ),
    // A region's name before a noun leaves its "the" to the noun.
    ("It ran in the New York edition.", "New York", Label::Place),
    (
        "Settlers moved into the West Bank.",
        "the West Bank",
        Label::Place,
    ),
    // A capitalised ordinal inside a name is part of it, not a number.
    (
        "Speech is protected under the First Amendment.",
        "the First Amendment",
        Label::Work,
    ),
    (
        "Migration grew after the Second World War ended.",
        "Second World War",
        Label::Event,
    ),
    // Amounts named with their currency, and ages written apart.
    (
        "The deal saved customers hundreds of millions of dollars.",
        "hundreds of millions of dollars",
        Label::Quantity,
    ),
    (
        "Supporters of the 93 year-old leader gathered.",
        "93 year-old",
        Label::Date,
    ),
    // Unknown names by their role in apposition, and a full name before an employer.
    (
        "The thaw worried Tasos Georgelis, deputy commissioner for water.",
        "Tasos Georgelis",
        Label::Person,
    ),
    (
        "Ajmi Lourimi, a member of the secretariat, said so.",
        "Ajmi Lourimi",
        Label::Person,
    ),
    (
        "Analyst Jamie Werner of Goldman Sachs said so.",
        "Jamie Werner",
        Label::Person,
    ),
    (
        "Analyst Jamie Werner of Goldman Sachs said so.",
        "Goldman Sachs",
        Label::Org,
    ),
    (
        "Matt Cruz snowboarded through Manhattan.",
        "Matt Cruz",
        Label::Person,
    ),
    (
        "He owns the boat with Rolfe McCartney.",
        "Rolfe McCartney",
        Label::Person,
    ),
    // Organisations: "for a" inside a name; a studio's "Games".
    (
        "The Committee for a Responsible Federal Budget warned.",
        "The Committee for a Responsible Federal Budget",
        Label::Org,
    ),
    (
        "Staff at Rocksteady Games cheered.",
        "Rocksteady Games",
        Label::Org,
    ),
    (
        "Athletes arrived for the Commonwealth Games.",
        "Commonwealth Games",
        Label::Event,
    ),
    // A chamber and a party are two names.
    (
        "House Republicans introduced legislation this month.",
        "House",
        Label::Org,
    ),
    (
        "House Republicans introduced legislation this month.",
        "Republicans",
        Label::Group,
    ),
    (
        "The bill was blocked by Senate Democrats.",
        "Senate",
        Label::Org,
    ),
    // The people of a city or a state; oceans.
    (
        "The thaw was welcomed by many New Yorkers.",
        "New Yorkers",
        Label::Group,
    ),
    (
        "Californians voted on Tuesday.",
        "Californians",
        Label::Group,
    ),
    (
        "The halibut fishery in the Northern Pacific closed.",
        "Northern Pacific",
        Label::Place,
    ),
    // Particles inside a person's name.
    (
        "The mayor, Bill de Blasio, said so.",
        "Bill de Blasio",
        Label::Person,
    ),
    (
        "A letter from Ursula von der Leyen arrived.",
        "Ursula von der Leyen",
        Label::Person,
    ),
    (
        "In 1998, Bin Laden's agents struck.",
        "Bin Laden",
        Label::Person,
    ),
    // Places named with lower-case words.
    (
        "The team flew to Rio de Janeiro.",
        "Rio de Janeiro",
        Label::Place,
    ),
    (
        "Voters in Bosnia and Herzegovina went to the polls.",
        "Bosnia and Herzegovina",
        Label::Place,
    ),
    (
        "The ferry leaves for the Isle of Wight.",
        "the Isle of Wight",
        Label::Place,
    ),
    (
        "Talks in Jammu and Kashmir resumed.",
        "Jammu and Kashmir",
        Label::Place,
    ),
    (
        "It is a parade of the People’s Republic of China.",
        "the People’s Republic of China",
        Label::Place,
    ),
    // A given name that is also a word ("John"), at a sentence start, before a surname the
    // text uses alone.
    (
        "John Smith came to town. On Monday, Smith left.",
        "John Smith",
        Label::Person,
    ),
];

/// "and" joins an organisation's words only when the words before it name nothing known.
#[test]
fn and_joins_an_organisation_name_only_after_plain_words() {
    let found = entities("Investors included Apple and Google Ventures.");
    assert!(
        !found.iter().any(|(t, _)| t.contains("Apple and")),
        "{found:?}"
    );
    assert!(
        entities("He works for the Department of Health and Human Services.").contains(&(
            "the Department of Health and Human Services".into(),
            Label::Org
        ))
    );
}

/// Words that look like numbers or dates but count nothing here.
#[test]
fn discourse_words_are_not_quantities() {
    for (sentence, word) in [
        ("First, the council must vote.", "First"),
        ("Once the pipes are replaced, service resumes.", "Once"),
        ("The road will reopen once the work is done.", "once"),
        ("Time is a finite one, and it runs out.", "one"),
        (
            "Keep experimenting until you have found one that fits.",
            "one",
        ),
        ("Technically, one could simply extract the results.", "one"),
        ("It may seem like an odd one, but it is consistent.", "one"),
        ("Now is the perfect time to make one.", "one"),
        ("No one answered the door.", "one"),
        // A title, and a figure whose line ends before the coin's name.
        ("She writes the Two Cents column.", "Two Cents"),
        ("It came fourth, at four\ncents below par.", "four\ncents"),
    ] {
        let found = entities(sentence);
        assert!(
            !found.iter().any(|(t, _)| t == word),
            "{sentence:?} gave {found:?}"
        );
    }
    // A real count stays.
    assert!(entities("The board meets once a year.").contains(&("once".into(), Label::Quantity)));
    for (sentence, count) in [
        (
            "The Arduino has been one of the biggest success stories.",
            "one",
        ),
        (
            "The project puts out at least one release per month.",
            "at least one",
        ),
        // "only" stays with its figure, as spaCy writes it.
        ("Only one person voted against it.", "Only one"),
        ("The score was two to one.", "one"),
    ] {
        assert!(
            entities(sentence).contains(&(count.into(), Label::Quantity)),
            "{sentence:?} gave {:?}",
            entities(sentence)
        );
    }
}

#[test]
fn entities_are_found_with_their_labels() {
    let mut missing = Vec::new();
    for &(sentence, expected, label) in FOUND {
        let found = entities(sentence);
        if !found.contains(&(expected.to_string(), label)) {
            missing.push(format!(
                "{sentence:?}: wanted {expected:?} {label:?}, got {found:?}"
            ));
        }
    }
    assert!(missing.is_empty(), "{}", missing.join("\n"));
}

/// Sentence-initial capitals and common words are not names.
#[test]
fn sentence_starts_and_function_words_are_not_entities() {
    for sentence in [
        "Grant applications closed early.",
        "Said Trump: no.",
        "But the plan failed.",
        "Most voters stayed home.",
        "Isolated villages were cut off.",
        "SIGN UP FOR OUR NEWSLETTER TODAY",
        // A component preceded by "the" elsewhere is a thing, not a person.
        "Tasks go to the Status Controller. The Controller is only aware of its queue.",
        "It is free software with minor exceptions.[1] The community supports it.",
        "Paste the URL into the viewer of your OS.",
        "UPDATE: the fix is ready.",
        // Capitals and brackets that are no dateline.
        "BREAKING NEWS — Markets fell.",
        "UPDATE (Later) — the fix is ready.",
        // Quoted speech in capitals is not a title.
        "“We Are Done,” she said.",
        "Thanks to everyone at Silego I've worked with. I've been busy since.",
        // The end of "Player of the Year Award" is no prize's name.
        "He was named Player of the Year Award winner.",
        // A model's letter, a colour and an escaped address are no measures.
        "The iPhone 5C sold well.",
        "See https://example.com/a%252Fb and #00F here.",
        // A lawmaker's party and state are no product's name.
        "Meanwhile, D-N.Y., voted against.",
    ] {
        let found: Vec<_> = entities(sentence)
            .into_iter()
            .filter(|(_, l)| *l != Label::Date)
            .collect();
        assert!(found.is_empty(), "{sentence:?} gave {found:?}");
    }
}

/// The company list holds words of longer company names ("Royal", "New", "Big"): before an
/// unknown capitalised word they make neither a company nor a person.
#[test]
fn words_of_company_names_do_not_make_companies_or_people() {
    for sentence in [
        "She was taken to Royal Shrewsbury hospital.",
        "Crowds gathered in Big Sandwell yesterday.",
    ] {
        let found = entities(sentence);
        assert!(
            found
                .iter()
                .all(|(_, l)| *l != Label::Person && *l != Label::Org),
            "{sentence:?} gave {found:?}"
        );
    }
}

/// A city that is also a given name, before a plural no list knows, is a person's name
/// unless "the" shows a team; a policy named after a city is no team; a headline's verb is no
/// team's name.
#[test]
fn a_city_and_a_plural_make_a_team_only_where_the_context_says_so() {
    for (sentence, name, label) in [
        (
            "George Brandis said it was over.",
            "George Brandis",
            Label::Person,
        ),
        (
            "Tyler Hicks took the photographs.",
            "Tyler Hicks",
            Label::Person,
        ),
        ("Paris Hilton arrived late.", "Paris Hilton", Label::Person),
        ("Larry King spoke.", "Larry King", Label::Person),
        (
            "Trump reinstated the Mexico City Policy on Monday.",
            "Mexico City",
            Label::Place,
        ),
        ("Darfur Withers as Sudan Sells Food", "Darfur", Label::Place),
        (
            "Up to 750 other Pacific Islanders respectively may apply.",
            "Pacific",
            Label::Place,
        ),
    ] {
        let found = entities(sentence);
        assert!(
            found.contains(&(name.to_string(), label)),
            "{sentence:?} gave {found:?}"
        );
    }
}

/// A common word opening a sentence before "shares" is no company's name.
#[test]
fn a_word_opening_a_sentence_before_shares_is_no_company() {
    for text in [
        "Global shares fell on Monday.",
        "Bank shares fell after the report.",
    ] {
        let found = entities(text);
        assert!(
            found.iter().all(|(_, l)| *l != Label::Org),
            "{text}: {found:?}"
        );
    }
}

/// An unknown name after "in" is a place only after a word of place or happening; not a
/// program, a person's possession or a product with its version.
#[test]
fn only_a_place_word_before_in_makes_an_unknown_name_a_place() {
    for (text, name) in [
        ("The fix is available in Firefox 39 now.", "Firefox"),
        ("The change is in Bob's repository.", "Bob"),
        ("You can run it in Node.js today.", "Node"),
        ("There were problems in Bigtable last year.", "Bigtable"),
        ("He has a stake in Acme, the firm said.", "Acme"),
        ("The mayor of London Sadiq Khan spoke.", "Sadiq Khan"),
    ] {
        let found = entities(text);
        assert!(
            !found
                .iter()
                .any(|(t, l)| t.contains(name) && *l == Label::Place),
            "{text}: {found:?}"
        );
    }
}

/// A title with "of" that ends in a landmark's word is not that landmark.
#[test]
fn a_title_ending_in_a_landmark_word_is_no_place() {
    let found = entities("They sang Get Out of My House loudly.");
    assert!(
        found.iter().all(|(_, l)| *l != Label::Place),
        "gave {found:?}"
    );
}

/// Degrees after a name, and a month's abbreviation before a name, are not entities; a word
/// that is only part of a company's name is the person's surname the text named in full.
#[test]
fn degrees_and_name_like_abbreviations_are_not_entities() {
    let found = entities("“It works,” says Katie Allen, MD, PhD, a professor.");
    assert_eq!(found, [("Katie Allen".to_string(), Label::Person)]);
    let found = entities("“It was seen as rote,” said Mar Hicks, a historian.");
    assert!(found.iter().all(|(_, l)| *l != Label::Date), "{found:?}");
    let found = entities("Matt Smith joined. Later Mr. Smith left.");
    assert!(
        found.contains(&("Smith".to_string(), Label::Person)),
        "{found:?}"
    );
    // Nouns that speak are not people: "the Ministry said", "Officials said".
    for sentence in [
        "Later, the Ministry said no.",
        "On Monday, the Police said it was calm.",
        "In the end, Officials said so.",
    ] {
        let found = entities(sentence);
        assert!(
            found.iter().all(|(_, l)| *l != Label::Person),
            "{sentence:?} gave {found:?}"
        );
    }
    // A page number is no person, though "Page" is a given name.
    let found = entities("It appears in print on Page A22 of the New York edition.");
    assert!(found.iter().all(|(_, l)| *l != Label::Person), "{found:?}");
    // A handle or a hashtag names nothing in the prose.
    let found = entities("Follow him on Twitter @LucasNolan and #deleteFacebook now.");
    assert_eq!(found, [("Twitter".to_string(), Label::Org)]);
    // In a list of sources, "Surname, Given" is no place, though "Jordan" is a country.
    let found = entities("Hoffman, Jordan (2021). The Film. Retrieved 2021.");
    assert!(
        !found.contains(&("Hoffman".to_string(), Label::Place)),
        "{found:?}"
    );
    // The compass word is not a given name: "the West Side" is no person.
    let found = entities("Workers dug on the West Side of town.");
    assert!(found.iter().all(|(_, l)| *l != Label::Person), "{found:?}");
}

/// A surname that is also a city names the person once the text has named them in full.
#[test]
fn a_surname_that_is_a_city_follows_the_person() {
    let text = "The coder was Margaret Hamilton.\n\nLater, Hamilton said it worked.";
    let found = entities(text);
    assert!(
        found.contains(&("Hamilton".into(), Label::Person)),
        "{found:?}"
    );
    // Without the full name, the city stays a city.
    let found = entities("Flights from Hamilton resumed on Monday.");
    assert!(
        found.contains(&("Hamilton".into(), Label::Place)),
        "{found:?}"
    );
}

#[test]
fn a_surname_that_is_a_region_follows_the_person() {
    let text = "The minister Jonathan Moyo left. Later, Moyo spoke.";
    let a = analyze(text);
    let later = a
        .entities
        .iter()
        .rfind(|e| &text[e.span.start.0..e.span.end.0] == "Moyo")
        .expect("Moyo");
    assert_eq!(later.label, Label::Person);
    assert_eq!(later.canonical.as_deref(), Some("Jonathan Moyo"));
}

#[test]
fn later_mentions_link_to_the_full_name() {
    let text = "Angela Merkel arrived in Rome. Later, Merkel spoke to reporters.";
    let a = analyze(text);
    let later = a
        .entities
        .iter()
        .find(|e| &text[e.span.start.0..e.span.end.0] == "Merkel")
        .expect("Merkel");
    assert_eq!(later.label, Label::Person);
    assert_eq!(later.canonical.as_deref(), Some("Angela Merkel"));
}

/// A surname written with its particles ("de Blasio") is the person, linked to the full name.
#[test]
fn a_surname_keeps_its_particles_and_links_to_the_full_name() {
    for (text, mention, full) in [
        (
            "Mayor Bill de Blasio spoke. Since de Blasio took office, taxes rose.",
            "de Blasio",
            "Bill de Blasio",
        ),
        (
            "Ursula von der Leyen spoke. Later, von der Leyen said no.",
            "von der Leyen",
            "Ursula von der Leyen",
        ),
        (
            "Osama bin Laden hid for years. Bin Laden was found in 2011.",
            "Bin Laden",
            "Osama bin Laden",
        ),
    ] {
        let a = analyze(text);
        let found: Vec<_> = a
            .entities
            .iter()
            .map(|e| {
                (
                    &text[e.span.start.0..e.span.end.0],
                    e.label,
                    e.canonical.as_deref(),
                )
            })
            .collect();
        assert!(
            found.contains(&(mention, Label::Person, Some(full))),
            "{text:?} gave {found:?}"
        );
    }
    // An organisation in apposition is not a person.
    assert_eq!(
        entities("Acme Widgets, the largest employer in town, closed."),
        []
    );
    // "First Lady" is a title, not a count or a company.
    assert_eq!(entities("The First Lady spoke to reporters."), []);
    assert_eq!(
        entities("He won the race. First Lady Jill Biden spoke."),
        [("Jill Biden".to_string(), Label::Person)]
    );
    // Two places side by side stay two names.
    assert_eq!(
        entities("Laws in England and Wales differ."),
        [
            ("England".to_string(), Label::Place),
            ("Wales".to_string(), Label::Place)
        ]
    );
}

/// (sentence, expected kind or None when it is not a claim, hedged).
const CLAIMS: &[(&str, Option<ClaimKind>, bool)] = &[
    (
        "The bridge carries about 40,000 vehicles a day.",
        Some(ClaimKind::Statistic),
        false,
    ),
    (
        "It is the first time a Chilean president has visited Cuba since 1990.",
        Some(ClaimKind::Superlative),
        false,
    ),
    (
        "The company was founded in Oslo in 1998.",
        Some(ClaimKind::DateTime),
        false,
    ),
    (
        "The minister resigned, according to state media.",
        Some(ClaimKind::Attribution),
        false,
    ),
    (
        "The strike is expected to last several days, unions said.",
        Some(ClaimKind::Attribution),
        true,
    ),
    (
        "The ferry reportedly sank near the coast.",
        Some(ClaimKind::Event),
        true,
    ),
    ("Is this the end of the road?", None, false),
    // Not knowing, an invitation and a fear are nothing to check.
    (
        "It remains unclear whether the talks will resume.",
        None,
        false,
    ),
    ("What happens next is anyone's guess.", None, false),
    ("Let’s be clear about what this means.", None, false),
    ("Many residents fear the worst.", None, false),
    (
        "“We are not going to back down,” the mayor told reporters.",
        None,
        false,
    ),
    ("Headquarters of the agency in Geneva.", None, false),
    ("A man walks past in the background.", None, false),
    // A description with nothing to check is not a claim; an action with no name still is.
    ("Time is a finite one.", None, false),
    ("The sky is blue.", None, false),
    ("It was a long and difficult journey.", None, false),
    (
        "That trip also saw him travel by train.",
        Some(ClaimKind::Event),
        false,
    ),
    (
        "The old bridge collapsed overnight.",
        Some(ClaimKind::Event),
        false,
    ),
    // A verb that is not on the list, known by the amount it states.
    (
        "Water boils at 100 degrees.",
        Some(ClaimKind::Statistic),
        false,
    ),
    (
        "The new model weighs two pounds less.",
        Some(ClaimKind::Statistic),
        false,
    ),
    // A headline that offers advice has nothing to check, whatever its verbs.
    ("Storm notes: what to expect this weekend", None, false),
    ("How to watch the eclipse on Monday", None, false),
    // A plural noun before an amount is not a verb.
    ("Prices at 100 dollars and more.", None, false),
    ("Screenshots | 9 photos", None, false),
    // Instructions assert nothing.
    ("Sign up for our weekly newsletter on Monday.", None, false),
    (
        "Keep your team informed on the inside conversation.",
        None,
        false,
    ),
    // "record" and "only" as a superlative's words, not as a verb or "not only".
    (
        "Exports hit a record high in March.",
        Some(ClaimKind::Superlative),
        false,
    ),
    (
        "Norway is the only country to ban it.",
        Some(ClaimKind::Superlative),
        false,
    ),
    (
        "It was the biggest crowd ever seen in Oslo.",
        Some(ClaimKind::Superlative),
        false,
    ),
    // The -s form is English: a Spanish sentence is not read by it.
    (
        "En Canadá, unas 2300 reservas ocupan 28.000 kilómetros cuadrados.",
        None,
        false,
    ),
];

#[test]
fn record_as_a_verb_and_not_only_are_not_superlatives() {
    for sentence in [
        "Reporters were not allowed to record the Apple demo.",
        "The Apple headset is not only thinner but lighter.",
        "She acted in the best interest of Google for years.",
        "Google wrote rules in case a crisis ever came up.",
    ] {
        let kinds: Vec<_> = analyze(sentence).claims.iter().map(|c| c.kind).collect();
        assert!(
            !kinds.contains(&ClaimKind::Superlative),
            "{sentence:?}: {kinds:?}"
        );
    }
}

#[test]
fn the_writers_own_experience_ranks_below_the_same_fact() {
    let score = |s: &str| analyze(s).claims.first().map(|c| c.score);
    let mine = score("I placed the Apple headset on the table in Paris.").expect("a claim");
    let theirs = score("She placed the Apple headset on the table in Paris.").expect("a claim");
    assert!(mine < theirs, "{mine} against {theirs}");
    // A quoted speaker's "I" is theirs.
    assert_eq!(
        score("“I placed it in Paris,” the Apple engineer said."),
        score("“She placed it in Paris,” the Apple engineer said.")
    );
}

#[test]
fn predictions_rank_below_what_happened() {
    let score = |s: &str| analyze(s).claims.first().map(|c| c.score);
    let done = score("The economy grew 2% last year.").expect("a claim");
    for prediction in [
        "The economy will grow 2% next year.",
        "The economy is going to grow 2% next year.",
        "The economy will probably grow 2% next year.",
        "The economy is forecast to grow 2% this year.",
        "The economy is projected to grow 2% in 2030.",
        "The economy grows 2% next year.",
    ] {
        let predicted = score(prediction).expect("still a claim");
        assert!(predicted < done, "{prediction}: {predicted} against {done}");
    }
    // "The will of" is a noun, not a prediction.
    assert_eq!(
        score("The will of the voters was clear in the 2020 vote."),
        score("The mood of the voters was clear in the 2020 vote.")
    );
}

#[test]
fn claims_are_found_and_classified() {
    for &(sentence, kind, hedged) in CLAIMS {
        let a = analyze(sentence);
        match (kind, a.claims.first()) {
            (None, None) => {}
            (Some(k), Some(c)) => {
                assert_eq!(c.kind, k, "{sentence:?}");
                assert_eq!(c.hedged, hedged, "{sentence:?} hedged");
                assert!((0.0..=1.0).contains(&c.score));
                assert!(c.span.contains(c.cue), "{sentence:?}: cue inside the claim");
            }
            (want, got) => panic!("{sentence:?}: wanted {want:?}, got {got:?}"),
        }
    }
}

#[test]
fn page_chrome_is_found_and_never_a_claim() {
    let text = "The mayor resigned on Monday, officials said.\n\nSource link\n\nVisited 3 times, 1 visit(s) today\n\nRelated Article\n\nFlooding hits the coast 02:41";
    let a = analyze(text);
    let chrome = slices(text, a.boilerplate.iter().copied());
    assert_eq!(
        chrome,
        [
            "Source link",
            "Visited 3 times, 1 visit(s) today",
            "Related Article",
            "02:41"
        ]
    );
    for claim in &a.claims {
        assert!(!a.boilerplate.iter().any(|b| b.contains(claim.span)));
    }
    assert_eq!(a.claims.len(), 2);
}

/// "Sign up for our …", "Click here to …": the whole sentence is chrome, and no claim.
#[test]
fn a_call_to_the_reader_is_chrome_to_the_end_of_its_sentence() {
    let text = "The mayor resigned on Monday. Sign up for our newsletter to get the latest news. Click here to read the 10 best stories.";
    let a = analyze(text);
    assert_eq!(
        slices(text, a.boilerplate.iter().copied()),
        [
            "Sign up for our newsletter to get the latest news.",
            "Click here to read the 10 best stories."
        ]
    );
    assert_eq!(
        slices(text, a.claims.iter().map(|c| c.span)),
        ["The mayor resigned on Monday."]
    );
}

/// Credits, menus, bracketed promotions and print notes are chrome, and never claims.
#[test]
fn credits_menus_and_asides_are_chrome() {
    let text = "Workers repaired the main in 2014.\n\nImage\n\nLee/The New York Times\n\n[Read: Why Tunisia suffers from violence]\n\nA version of this article appears in print on Page A22 of the New York edition with the headline: Under the Streets.\n\nOrder Reprints | Today’s Paper | Subscribe\n\nThe Jan/Feb issue sold out in 2019.";
    let a = analyze(text);
    let chrome = slices(text, a.boilerplate.iter().copied());
    assert_eq!(
        chrome,
        [
            "Image",
            "Lee/The New York Times",
            "[Read: Why Tunisia suffers from violence]",
            "A version of this article appears in print on Page A22 of the New York edition with the headline: Under the Streets.",
            "Order Reprints | Today’s Paper | Subscribe",
        ]
    );
    let claims = slices(text, a.claims.iter().map(|c| c.span));
    assert_eq!(
        claims,
        [
            "Workers repaired the main in 2014.",
            "The Jan/Feb issue sold out in 2019."
        ]
    );
}

/// A speaker's view, intention or forecast in their own words is not a claim; what they
/// report is.
#[test]
fn quoted_views_are_not_claims() {
    for sentence in [
        "“We must pay attention to what is written in that law,” Azzouz said.",
        "“And it could have political repercussions, like less transparency.”",
        "“We want to unify against this danger,” the party leader said.",
        "“There is worry the government will use the attack to justify draconian measures.”",
    ] {
        assert!(
            analyze(sentence).claims.is_empty(),
            "{sentence:?} is a claim"
        );
    }
    for sentence in [
        "“Police arrested two men near the museum,” the minister said.",
        "“We will open 40 stores in 2025,” the chief executive said.",
    ] {
        assert_eq!(
            analyze(sentence).claims.len(),
            1,
            "{sentence:?} is not a claim"
        );
    }
}

/// What a speaker intends or expects, as the reporter tells it, and a line that only
/// introduces the speaker's words, are not claims; what the speaker said happened is.
#[test]
fn reported_intentions_are_not_claims() {
    for sentence in [
        "He would defend his advocacy of gay rights following protests in Kenya.",
        "The president said he would continue fighting for greater gun control laws.",
        "She is confident the nuclear deal will be passed by Congress.",
        "In a wide-ranging interview, President Obama also said:",
    ] {
        assert!(
            analyze(sentence).claims.is_empty(),
            "{sentence:?} is a claim"
        );
    }
    for sentence in [
        "The president said he would raise taxes by 5% in 2026.",
        "He said the police arrested two men near the museum.",
        "Kim is expected to attend the parade in Beijing, officials said:",
    ] {
        assert_eq!(
            analyze(sentence).claims.len(),
            1,
            "{sentence:?} is not a claim"
        );
    }
}

#[test]
fn byline_notes_are_chrome_and_not_claims() {
    let text = "The mayor resigned on Monday, officials said.\n\nHeba Habib contributed to this report.\n\nReporting by Jane Doe in Cairo; editing by John Roe";
    let a = analyze(text);
    let chrome = slices(text, a.boilerplate.iter().copied());
    assert_eq!(
        chrome,
        [
            "Heba Habib contributed to this report.",
            "Reporting by Jane Doe in Cairo; editing by John Roe"
        ]
    );
    assert_eq!(a.claims.len(), 1, "{:?}", a.claims);
}

#[test]
fn video_durations_split_a_playlist_but_times_of_day_stay() {
    let text = "Storm floods the coast 01:05 Mayor resigns after vote 00:49\n\nThe meeting starts at 10:45 today.";
    let a = analyze(text);
    let chrome = slices(text, a.boilerplate.iter().copied());
    assert_eq!(chrome, ["01:05", "00:49"]);
    let claims = slices(text, a.claims.iter().map(|c| c.span));
    assert_eq!(
        claims,
        [
            "Storm floods the coast",
            "Mayor resigns after vote",
            "The meeting starts at 10:45 today."
        ]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// Arbitrary text (emoji, accents, CJK, right-to-left, stray punctuation) never panics,
    /// and every span lies on character boundaries, in order, inside the text.
    #[test]
    fn analysis_never_panics_and_spans_are_valid(
        text in "(\\PC|[ \\n.,;:!?’'\"“”()0-9A-Z]|Kim|Jong|Un|🚂|北京|שלום| 01:05|Getty Images|Photo: AFP|\\n\\n){0,80}"
    ) {
        let a = analyze(&text);
        let valid = |s: glossa::text::ByteSpan| {
            s.start <= s.end && s.end.0 <= text.len()
                && text.is_char_boundary(s.start.0) && text.is_char_boundary(s.end.0)
        };
        for s in a.sentences.iter().chain(&a.boilerplate) {
            prop_assert!(valid(*s));
        }
        for e in &a.entities {
            prop_assert!(valid(e.span) && !e.span.is_empty());
        }
        for c in &a.claims {
            prop_assert!(valid(c.span) && valid(c.cue));
        }
        prop_assert!(a.entities.windows(2).all(|w| w[0].span.start <= w[1].span.start));
    }
}

fn glossa(args: &[&str], stdin: &[u8]) -> std::process::Output {
    use std::io::Write;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("glossa runs");
    child
        .stdin
        .take()
        .expect("stdin")
        .write_all(stdin)
        .expect("write");
    child.wait_with_output().expect("output")
}

/// A reader that stops early (`glossa analyze … | head`) ends the run quietly, not in a panic.
#[test]
fn cli_output_to_a_closed_pipe_is_not_a_panic() {
    use std::io::Write;
    let article = std::fs::read_to_string("assets/sample-article.txt").expect("sample");
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_glossa"))
        .args(["analyze", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("glossa runs");
    // Close the reading end before any output: the output (far over a pipe's buffer) cannot
    // be written.
    drop(child.stdout.take());
    let mut stdin = child.stdin.take().expect("stdin");
    stdin
        .write_all(article.repeat(40).as_bytes())
        .expect("write");
    drop(stdin);
    let out = child.wait_with_output().expect("output");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert!(out.status.success(), "{:?}: {stderr}", out.status);
}

#[test]
fn cli_prints_code_point_offsets() {
    let text = "🚂🚂 Kim Jong Un left Pyongyang on Monday.";
    let out = glossa(&["analyze", "-"], text.as_bytes());
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["unit"], "codepoint");
    let chars: Vec<char> = text.chars().collect();
    let entities = json["entities"].as_array().expect("entities");
    assert!(!entities.is_empty());
    for e in entities {
        let (start, end) = (
            e["start"].as_u64().unwrap() as usize,
            e["end"].as_u64().unwrap() as usize,
        );
        let slice: String = chars[start..end].iter().collect();
        assert_eq!(slice, e["text"].as_str().unwrap());
    }
    let pyongyang = entities
        .iter()
        .find(|e| e["text"] == "Pyongyang")
        .expect("Pyongyang");
    assert_eq!(pyongyang["start"], 20); // 2 emoji + " Kim Jong Un left "
    assert_eq!(pyongyang["label"], "PLACE");
}

#[test]
fn cli_rejects_bad_input_with_a_message_not_a_panic() {
    let cases: &[(&[&str], &[u8], &str)] = &[
        (&["analyze", "-"], b"\xe9t\xe9 not utf-8", "not UTF-8"),
        (&["analyze", "-"], b"text\0with a NUL", "binary"),
        (&["analyze", "/no/such/file.txt"], b"", "cannot read"),
        (&["frobnicate"], b"", "usage"),
        (&[], b"", "usage"),
    ];
    for (args, stdin, message) in cases {
        let out = glossa(args, stdin);
        assert!(!out.status.success(), "{args:?} should fail");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{args:?}: {stderr}");
        assert!(!stderr.contains("panicked"), "{args:?} panicked: {stderr}");
    }
    let empty = glossa(&["analyze", "-"], b"");
    assert!(empty.status.success());
}

#[test]
fn a_company_named_after_a_title_is_the_same_company_elsewhere() {
    let found = entities(
        "Vidyard announced new tools. “Video matters,” says Michael Litt, CEO of Vidyard.",
    );
    let orgs = found
        .iter()
        .filter(|e| **e == ("Vidyard".to_string(), Label::Org))
        .count();
    assert_eq!(orgs, 2, "{found:?}");
    assert!(
        found.contains(&("Michael Litt".into(), Label::Person)),
        "{found:?}"
    );
    assert!(
        !found.iter().any(|(t, _)| t.starts_with("of ")),
        "{found:?}"
    );
}

/// ISO country codes are places only where prose uses them so ("US", "UK", "UAE").
#[test]
fn country_codes_that_are_acronyms_are_not_places() {
    let found = entities("The ATF system runs tasks. AND gates and CAN buses are hardware.");
    assert!(!found.iter().any(|(_, l)| *l == Label::Place), "{found:?}");
    let found = entities("Trade between the US and the UAE grew.");
    assert!(found.contains(&("US".into(), Label::Place)), "{found:?}");
    assert!(found.contains(&("UAE".into(), Label::Place)), "{found:?}");
}

/// Figures side by side in a table are separate numbers; grouped thousands are one.
#[test]
fn adjacent_figures_are_separate_numbers() {
    let found = entities("Yuri Dario 7 1.8%\n\nRegina Henschel 6 1.6%");
    assert!(
        found.contains(&("1.8%".into(), Label::Quantity)),
        "{found:?}"
    );
    assert!(found.contains(&("7".into(), Label::Quantity)), "{found:?}");
    let found = entities("The crowd was 10 000 strong.");
    assert!(
        found.contains(&("10 000".into(), Label::Quantity)),
        "{found:?}"
    );
}

/// A name that heads a compound ("Arduino-compatible") is still that name.
#[test]
fn a_name_heading_a_compound_word_is_linked() {
    let found = entities(
        "The fight is between Arduino LLC and a rival. Others made Arduino-compatible boards.",
    );
    let arduino = found
        .iter()
        .filter(|e| **e == ("Arduino".to_string(), Label::Org))
        .count();
    assert_eq!(arduino, 1, "{found:?}");
}

/// A capitalised word before an acronym the text uses alone names a system, not a person.
#[test]
fn a_name_ending_in_an_acronym_is_not_a_person() {
    let found = entities("We documented Dropbox ATF thoroughly. Tasks reach ATF quickly.");
    assert!(!found.iter().any(|(_, l)| *l == Label::Person), "{found:?}");
    assert!(found.contains(&("ATF".into(), Label::Org)), "{found:?}");
    // Also with capitals that name nothing alone ("OS").
    let found = entities(
        "The maker released OS X in 2001. They built a mobile OS called Firefox OS for phones.",
    );
    assert!(!found.iter().any(|(_, l)| *l == Label::Person), "{found:?}");
    assert!(!found.contains(&("OS".into(), Label::Org)), "{found:?}");
}

/// A capital "The" inside a sentence opens a title; the same title at a sentence start keeps
/// its "The" when the document writes it mid-sentence too.
#[test]
fn a_capital_the_inside_a_sentence_opens_a_title() {
    let found = entities(
        "Few films could top the charm of The Big Sick this year. The Big Sick is written by a \
         married couple.",
    );
    let titles = found
        .iter()
        .filter(|e| **e == ("The Big Sick".to_string(), Label::Work))
        .count();
    assert_eq!(titles, 2, "{found:?}");
    assert!(!found.iter().any(|(_, l)| *l == Label::Org), "{found:?}");
    // With a place in it, the place is marked, not a title; a company name is still a company.
    let found = entities("She stayed at The London West Hollywood last week.");
    assert!(
        found.contains(&("London".into(), Label::Place)),
        "{found:?}"
    );
    assert!(!found.iter().any(|(_, l)| *l == Label::Work), "{found:?}");
    let found = entities("She wrote for The New York Times in Paris.");
    assert!(
        found.contains(&("The New York Times".into(), Label::Org)),
        "{found:?}"
    );
}

/// A later mention that heads a longer name is not the earlier name ("Raspberry Pi" is not
/// the Raspberry Pi Foundation), unless the longer name is the full name itself.
#[test]
fn a_mention_heading_a_longer_name_is_not_linked() {
    let found = entities(
        "The Raspberry Pi Foundation started in 2012. It released the original Raspberry Pi \
         that year.",
    );
    assert!(
        !found.contains(&("Raspberry".into(), Label::Org)),
        "{found:?}"
    );
    let found = entities(
        "President Xi Jinping spoke on Tuesday. The parade was long.\n\nXi Jinping showed \
         off a laser weapon. Later, Xi left.",
    );
    let full = found
        .iter()
        .filter(|e| **e == ("Xi Jinping".to_string(), Label::Person))
        .count();
    assert_eq!(full, 2, "{found:?}");
    assert!(found.contains(&("Xi".into(), Label::Person)), "{found:?}");
    // The full name's own words are not mentions again.
    assert!(
        !found.contains(&("Jinping".into(), Label::Person)),
        "{found:?}"
    );
}

/// A weekday after a name is a date, not part of the name; "The" is not a company.
#[test]
fn a_weekday_after_a_name_is_a_date() {
    let found = entities("Deputies were at The London Thursday morning.");
    assert!(
        found.contains(&("Thursday morning".into(), Label::Date)),
        "{found:?}"
    );
    assert!(!found.iter().any(|(_, l)| *l == Label::Org), "{found:?}");
}

#[test]
fn a_given_name_word_before_a_plural_is_not_a_person() {
    let found =
        entities("Fans of Star Wars queued all night, and the new Star Wars film sold out.");
    assert!(
        !found
            .iter()
            .any(|(t, l)| t.contains("Wars") && *l == Label::Person),
        "{found:?}"
    );
    // A known surname ending in "s" still makes a person.
    let found = entities("The coach said Mark Williams was fit. Williams trained on Monday.");
    assert!(
        found.contains(&("Mark Williams".into(), Label::Person)),
        "{found:?}"
    );
}

#[test]
fn a_city_named_by_a_word_is_a_place_only_where_the_word_is_not_used() {
    let places = |text: &str| -> Vec<String> {
        entities(text)
            .into_iter()
            .filter(|(_, l)| *l == Label::Place)
            .map(|(t, _)| t)
            .collect()
    };
    // The text uses the word: the capitalised one is a name's part or the word itself.
    assert!(
        !places("The new Firefox Mobile is available for mobile phones.")
            .contains(&"Mobile".to_string())
    );
    assert!(
        !places("Fans cheered as Split won. The split was clear.").contains(&"Split".to_string())
    );
    // Unless something is placed there.
    assert!(places("She grew up in Reading and loves reading.").contains(&"Reading".to_string()));
    assert!(
        places("Mobile, Alabama got rain, and mobile networks failed.")
            .contains(&"Mobile".to_string())
    );
    // A text that never uses the word names the city.
    assert!(places("Mobile police said the storm had passed.").contains(&"Mobile".to_string()));
    // Cities that are not words are untouched.
    assert!(places("Paris voted, and the vote was close.").contains(&"Paris".to_string()));
}

/// The whole output on the sample article, against `tests/golden/sample-analysis.json`: any
/// change to what is found (spans, labels, full names, claim kinds, cues, scores, page chrome)
/// shows here. After a deliberate change, rewrite it with
/// `GLOSSA_BLESS=1 cargo test --test analysis golden` and read the diff.
#[test]
fn golden_output_on_the_sample_article() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let out = glossa(
        &[
            "analyze",
            root.join("assets/sample-article.txt").to_str().unwrap(),
        ],
        b"",
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let actual: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let pretty = serde_json::to_string_pretty(&actual).unwrap() + "\n";
    let path = root.join("tests/golden/sample-analysis.json");
    if std::env::var_os("GLOSSA_BLESS").is_some() {
        std::fs::write(&path, &pretty).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|_| panic!("missing golden file {}", path.display()));
    assert!(
        expected == pretty,
        "the sample's analysis differs from {}; if the change is meant, bless it (see this test's doc)",
        path.display()
    );
}

#[test]
fn a_statistic_cue_takes_the_counted_noun_but_not_a_date() {
    let cue = |s: &str| {
        let c = analyze(s).claims.into_iter().next().expect("a claim");
        s[c.cue.start.0..c.cue.end.0].to_string()
    };
    assert_eq!(
        cue("The armoured train has around 90 carriages."),
        "around 90 carriages"
    );
    assert_eq!(
        cue("The economy grew 2% last year, the ministry said."),
        "2%"
    );
    assert_eq!(cue("Prices rose 3% last month."), "3%");
    // A position after a measure is not what it counts.
    assert_eq!(
        cue("The ship sank about 20 miles off the coast of Oregon."),
        "about 20 miles"
    );
    // Money, shares and large scales before small change and plain counts.
    assert_eq!(
        cue("A gallon costs 15 cents more after the sale raised £3.5bn."),
        "£3.5bn"
    );
    assert_eq!(
        cue("About 1,200 workers at 14 plants lost 4.5 percent of their pay."),
        "4.5 percent"
    );
}

/// Initials after a name do not end a sentence; an acronym's period after a lower-case word
/// can.
#[test]
fn initials_after_a_name_do_not_end_the_sentence() {
    use glossa::analysis::segment::sentences;
    let split = |text: &str| -> Vec<String> {
        sentences(text, &[])
            .iter()
            .map(|s| text[s.start.0..s.end.0].to_string())
            .collect()
    };
    assert_eq!(
        split("He met George H.W. Bush in Madrid."),
        ["He met George H.W. Bush in Madrid."]
    );
    assert_eq!(
        split("The vote went to the U.N. The result came later."),
        ["The vote went to the U.N.", "The result came later."]
    );
}

/// "p.m." ends a sentence before a new one, not before a weekday, a month or a time zone.
#[test]
fn a_clock_time_can_end_a_sentence() {
    use glossa::analysis::segment::sentences;
    let split = |text: &str| -> Vec<String> {
        sentences(text, &[])
            .iter()
            .map(|s| text[s.start.0..s.end.0].to_string())
            .collect()
    };
    assert_eq!(
        split("The hearing ended just before 6:30 p.m. The board did not decide."),
        [
            "The hearing ended just before 6:30 p.m.",
            "The board did not decide."
        ]
    );
    for one in [
        "They met at 5 p.m. Monday in Paris.",
        "The show starts at 8 p.m. ET on Friday.",
        "It opens at 9 a.m. Jan. 3 in Rome.",
    ] {
        assert_eq!(split(one), [one]);
    }
}
