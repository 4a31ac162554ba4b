//! Bringing articles in: every kind of input gets an article or a clear reason, and the library
//! index keeps what was loaded.

use glossa::io::load::{
    decode, load_bytes, load_text, Format, LoadError, Source, MAX_INPUT_BYTES, MAX_TEXT_BYTES,
};
use glossa::library::{self, Added, ArticleEntry, Library, LibraryProblem};
use glossa::model::Timestamp;

fn entry(text: &str) -> ArticleEntry {
    let article = load_text(text, Format::Text, Some("a.txt")).unwrap();
    ArticleEntry::new(
        &article,
        Source::File("a.txt".into()),
        Timestamp("2026-11-26T08:00:00Z".into()),
    )
}

#[test]
fn empty_and_whitespace_inputs_are_empty() {
    assert_eq!(load_bytes("a.txt", b""), Err(LoadError::Empty));
    assert_eq!(load_bytes("a.txt", b" \n\t\r\n"), Err(LoadError::Empty));
    assert_eq!(
        load_bytes("a.html", b"<html><body></body></html>"),
        Err(LoadError::NoText)
    );
}

#[test]
fn binary_files_are_refused_as_binary() {
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10\0\0\0\x10\x08\x06\0\0\0\x1f\xf3\xffa";
    assert_eq!(load_bytes("photo.txt", png), Err(LoadError::Binary));
    assert_eq!(
        load_bytes("report.pdf", b"%PDF-1.7\n\xe2\xe3\xcf\xd3\n1 0 obj\0"),
        Err(LoadError::UnsupportedType(".pdf".into()))
    );
}

#[test]
fn latin1_text_is_named_not_utf8_with_the_position() {
    let latin1 = b"Caf\xe9 au lait";
    let error = load_bytes("menu.txt", latin1).unwrap_err();
    assert_eq!(error, LoadError::NotUtf8 { position: 3 });
    assert!(error.to_string().contains("save it as UTF-8"));
}

#[test]
fn byte_order_marks_are_honoured() {
    assert_eq!(decode(b"\xef\xbb\xbfHello").unwrap(), "Hello");
    let utf16le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain("Grüße 🚂".encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    assert_eq!(decode(&utf16le).unwrap(), "Grüße 🚂");
    let utf16be: Vec<u8> = [0xFE, 0xFF]
        .into_iter()
        .chain("שלום".encode_utf16().flat_map(u16::to_be_bytes))
        .collect();
    assert_eq!(decode(&utf16be).unwrap(), "שלום");
}

#[test]
fn twenty_megabytes_of_text_is_too_long_with_sizes_in_the_message() {
    let line = "The armoured train has around 90 carriages, according to Yonhap.\n";
    let big = line.repeat(20 * 1024 * 1024 / line.len());
    let error = load_bytes("big.txt", big.as_bytes()).unwrap_err();
    assert!(matches!(error, LoadError::TooLong { .. }), "{error:?}");
    assert!(error.to_string().contains("20.0 MB"), "{error}");
    assert!(error
        .to_string()
        .contains(&format!("up to {}.0 MB", MAX_TEXT_BYTES / 1024 / 1024)));
}

#[test]
fn a_twenty_megabyte_page_with_an_inline_image_opens_its_article() {
    let image = "A".repeat(20 * 1024 * 1024);
    let page = format!(
        "<html><head><title>Train</title></head><body><article><h1>Train</h1>\
         <p>The armoured train has around 90 carriages, according to Yonhap, \
         and it travelled for up to 24 hours through the region.</p>\
         <img src=\"data:image/png;base64,{image}\"></article></body></html>"
    );
    let article = load_bytes("train.html", page.as_bytes()).unwrap();
    assert_eq!(article.title, "Train");
    assert!(article.text.contains("around 90 carriages"));
    assert!(article.text.len() < 1000);
}

#[test]
fn inputs_larger_than_the_limit_are_refused_before_reading() {
    let huge = vec![b'a'; MAX_INPUT_BYTES + 1];
    assert!(matches!(
        load_bytes("huge.txt", &huge),
        Err(LoadError::TooLarge { .. })
    ));
}

#[test]
fn right_to_left_text_and_pages_are_marked_rtl() {
    let hebrew = load_bytes("news.txt", "חדשות\n\nהרכבת הגיעה לתחנה.".as_bytes()).unwrap();
    assert_eq!(hebrew.title, "חדשות");
    assert_eq!(hebrew.dir.as_deref(), Some("rtl"));
    let arabic_page = "<html lang=\"ar\"><head><title>أخبار</title></head><body><article>\
        <p>وصل القطار المدرع إلى المحطة بعد رحلة طويلة استمرت أربعا وعشرين ساعة عبر البلاد.</p>\
        </article></body></html>";
    let page = load_bytes("akhbar.html", arabic_page.as_bytes()).unwrap();
    assert_eq!(page.dir.as_deref(), Some("rtl"));
    assert_eq!(page.lang.as_deref(), Some("ar"));
    assert!(page.text.contains("القطار"));
    let english = load_bytes("a.txt", b"Title\n\nPlain English.").unwrap();
    assert_eq!(english.dir, None);
}

#[test]
fn non_english_text_keeps_every_character() {
    let text = "東京の会議\n\n首相は火曜日に90人の代表と会談した。Ελλάδα. Ça va? 🚂";
    let article = load_bytes("tokyo.txt", text.as_bytes()).unwrap();
    assert_eq!(article.title, "東京の会議");
    assert_eq!(article.text, text);
}

#[test]
fn markdown_headings_give_the_title_and_html_is_sniffed_without_an_extension() {
    let md = load_bytes("story.md", b"# The train\n\nIt has 90 carriages.").unwrap();
    assert_eq!(md.title, "The train");
    let page = load_bytes(
        "clipboard",
        b"<!doctype html><title>Sniffed</title><p>Body text of the page.</p>",
    )
    .unwrap();
    assert_eq!(page.title, "Sniffed");
    assert!(page.text.contains("Body text of the page."));
}

#[test]
fn pasted_html_never_keeps_script_or_handlers() {
    let page = "<html><body><article><p onclick=\"steal()\">Readable text about trains \
        and carriages that is long enough.</p><script>steal()</script>\
        <img src=\"https://tracker.example/x.png\" onerror=\"steal()\"></article></body></html>";
    let article = load_text(page, Format::Html, None).unwrap();
    assert!(!article.text.contains("steal"));
    assert!(!article.text.contains("tracker"));
    assert!(article.text.contains("Readable text about trains"));
}

#[test]
fn the_same_text_loaded_twice_is_one_entry() {
    let mut library = Library::default();
    assert_eq!(library.add(entry("One\n\nText.")), Added::New);
    assert_eq!(library.add(entry("One\n\nText.")), Added::Existing);
    // Windows line endings canonicalise to the same text.
    assert_eq!(library.add(entry("One\r\n\r\nText.")), Added::Existing);
    assert_eq!(library.add(entry("Two\n\nText.")), Added::New);
    assert_eq!(library.entries.len(), 2);
    assert_eq!(library.entries[0].id.len(), 64);
}

#[test]
fn rename_delete_and_undo() {
    let mut library = Library::default();
    let one = entry("One\n\nText.");
    let id = one.id.clone();
    library.add(one);
    assert!(library.rename(&id, "  Better   title "));
    assert_eq!(library.get(&id).unwrap().title, "Better title");
    assert!(!library.rename(&id, "   "));
    assert!(library.delete(&id));
    assert!(library.get(&id).is_none());
    assert!(library.undelete(&id));
    assert_eq!(library.get(&id).unwrap().title, "Better title");
    assert!(library.delete(&id));
    let purged = library.empty_trash();
    assert_eq!(purged.len(), 1);
    assert!(!library.undelete(&id));
}

#[test]
fn index_round_trips_and_refuses_newer_or_broken_data() {
    let mut library = Library::default();
    library.add(entry("One\n\nالعربية 🚂"));
    library.set_claims(&library.entries[0].id.clone(), 3);
    let raw = library::encode(&library);
    assert_eq!(library::decode(&raw).unwrap(), library);
    let newer = raw.replace("\"schema\":1", "\"schema\":7");
    assert_eq!(library::decode(&newer), Err(LibraryProblem::Newer(7)));
    assert!(matches!(
        library::decode("{\"entries\":"),
        Err(LibraryProblem::Unreadable(_))
    ));
    assert!(matches!(
        library::decode("{\"entries\":[]}"),
        Err(LibraryProblem::Unreadable(_))
    ));
}

#[test]
fn source_line_joins_what_is_known_without_repeats() {
    let mut entry = entry("One\n\nText.");
    assert_eq!(entry.source_line(), None);
    entry.site_name = Some("BBC News".into());
    entry.byline = Some("BBC News".into());
    entry.published = Some("2015-07-24T04:55:00+01:00".into());
    assert_eq!(
        entry.source_line().as_deref(),
        Some("BBC News · 2015-07-24")
    );
    entry.byline = Some("Jon Sopel".into());
    assert_eq!(
        entry.source_line().as_deref(),
        Some("BBC News · Jon Sopel · 2015-07-24")
    );
}

#[test]
fn sizes_read_as_a_person_would() {
    assert_eq!(library::human_size(1536.0), "2 KB");
    assert_eq!(library::human_size(5.0 * 1024.0 * 1024.0), "5.0 MB");
    assert_eq!(
        library::human_size(10.0 * 1024.0 * 1024.0 * 1024.0),
        "10.0 GB"
    );
}

mod status {
    use glossa::state::status::{Status, StatusAction, MAX_MESSAGES};

    fn say(text: &str, undo: Option<&str>) -> StatusAction {
        StatusAction::Say {
            text: text.into(),
            error: false,
            undo: undo.map(str::to_string),
        }
    }

    #[test]
    fn busy_names_come_and_go_one_at_a_time() {
        let status = Status::default()
            .apply(StatusAction::Busy(vec!["a.html".into(), "a.html".into()]))
            .apply(StatusAction::Done("a.html".into()));
        assert_eq!(status.busy, ["a.html"]);
        let status = status.apply(StatusAction::Done("other".into()));
        assert_eq!(status.busy, ["a.html"]);
        assert!(status
            .apply(StatusAction::Done("a.html".into()))
            .busy
            .is_empty());
    }

    #[test]
    fn messages_are_capped_and_only_the_newest_undo_is_offered() {
        let mut status = Status::default().apply(say("Deleted one", Some("1")));
        status = status.apply(say("Deleted two", Some("2")));
        let undos: Vec<_> = status
            .messages
            .iter()
            .filter_map(|m| m.undo.as_deref())
            .collect();
        assert_eq!(undos, ["2"]);
        for i in 0..10 {
            status = status.apply(say(&format!("note {i}"), None));
        }
        assert_eq!(status.messages.len(), MAX_MESSAGES);
        assert_eq!(status.messages.last().unwrap().text, "note 9");
        let first = status.messages[0].id;
        let status = status.apply(StatusAction::Dismiss(first));
        assert_eq!(status.messages.len(), MAX_MESSAGES - 1);
        assert!(status.messages.iter().all(|m| m.id != first));
    }
}

#[test]
fn text_with_an_unknown_extension_opens_even_when_4_kb_cuts_a_character() {
    // "é" is two bytes; placed so that byte 4096 falls between them.
    let text = format!("Log\n\n{}é and more text.", "a".repeat(4095 - 5));
    assert_eq!(text.as_bytes()[4095], 0xC3);
    let article = load_bytes("server.log", text.as_bytes()).unwrap();
    assert_eq!(article.text, text);
}

/// The loading worker hashes the article (the library's id) so the page does not; the id is
/// the one the page would compute, for text, a saved page and a file's bytes.
#[test]
fn the_worker_hashes_what_the_page_would() {
    use glossa::io::load::{run_request, LoadRequest};
    let text = "\u{feff}Zoë’s report\r\n\r\n北京 🚂 The train left on Monday.  \r\n";
    let page = "<html><head><title>Train</title></head><body><article><h1>Train</h1>\
        <p>The armoured train left Pyongyang on Monday evening, Yonhap said.</p></article></body></html>";
    /// The format of decoded text, a file's bytes, or the text.
    type Input<'a> = (Option<Format>, Option<&'a [u8]>, Option<&'a str>);
    let cases: [Input; 3] = [
        (Some(Format::Text), None, Some(text)),
        (Some(Format::Html), None, Some(page)),
        (None, Some(text.as_bytes()), None),
    ];
    for (format, bytes, given) in cases {
        let request = LoadRequest {
            id: 7,
            name: "a.txt".into(),
            format,
        };
        let reply = run_request(&request, bytes, given);
        assert_eq!(reply.id, 7);
        let article = reply.result.expect("loaded");
        let hashed = article.content_hash.clone().expect("hashed in the worker");
        let unhashed = glossa::io::load::LoadedArticle {
            content_hash: None,
            ..article.clone()
        };
        let at = Timestamp("2026-11-27T08:00:00Z".into());
        let page_id = ArticleEntry::new(&unhashed, Source::Paste, at.clone()).id;
        assert_eq!(hashed, page_id);
        assert_eq!(ArticleEntry::new(&article, Source::Paste, at).id, page_id);
    }
}
