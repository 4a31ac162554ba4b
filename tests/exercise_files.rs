//! Exercise and submission files: written and read back whole, checked against the key
//! (another exercise, another article, a changed file, a newer Glossa, a plain export from
//! before exercises), carried in a link, and made and scored on the command line.

use glossa::anchor::describe;
use glossa::exercise::class::check_submission;
use glossa::exercise::file::{
    claim_notes, from_link, read_exercise, read_submission, to_link, write_exercise,
    write_submission, Exercise, FeedbackTiming, FileError, MAX_LINK_CHARS,
};
use glossa::io::bundle::{Article, ArticleMeta};
use glossa::io::import::{read, ImportError, Parsed};
use glossa::model::{Note, NoteId, Timestamp};
use glossa::text::{ByteOffset, ByteSpan};
use serde_json::Value;

/// Accents, CJK, emoji and right-to-left text, so positions are tested in every unit.
const TEXT: &str = "Kim Jong Un’s armoured train has around 90 carriages, according to Yonhap.\n\n\
Émile said the trip to 北京 took 24 hours 🚂. قال المتحدث إن القطار وصل.\n\n\
It is the first time since 1959.";

fn now() -> Timestamp {
    Timestamp("2026-11-26T12:00:00Z".into())
}

fn note(id: &str, quote: &str, tag: &str, body: &str) -> Note {
    let start = TEXT.find(quote).unwrap();
    let target = describe(
        TEXT,
        ByteSpan::new(ByteOffset(start), ByteOffset(start + quote.len())),
    );
    let mut n = Note::new(NoteId(id.into()), target, body.into(), now());
    n.tags = vec![tag.to_string()];
    n
}

fn article(notes: Vec<Note>, text: &str) -> Article {
    let mut a = Article::new(
        ArticleMeta {
            title: "The train".into(),
            ..Default::default()
        },
        text,
    );
    a.annotations.notes = notes;
    a
}

fn exercise() -> Exercise {
    let key = vec![
        note(
            "k1",
            "around 90 carriages",
            "claim",
            "A number: check it against the source.",
        ),
        note("k2", "according to Yonhap", "source", ""),
        note("k3", "قال المتحدث", "source", "A spokesman, unnamed."),
    ];
    let mut e = Exercise::new(article(key, TEXT), "Spot the claims", now());
    e.instructions = "Mark every checkable claim and every named source.".into();
    e.tasks = vec![
        "Mark every checkable claim".into(),
        "Tag loaded words".into(),
    ];
    e.settings.show_highlights = false;
    e.settings.feedback = FeedbackTiming::Immediate;
    e
}

fn parse(file: &str) -> Value {
    serde_json::from_str(file).unwrap()
}

#[test]
fn an_exercise_file_reads_back_whole() {
    let e = exercise();
    let file = write_exercise(&e);
    let back = read_exercise(&parse(&file)).unwrap();
    assert_eq!(back, e);
    assert_eq!(back.key().len(), 3);
    assert_eq!(back.key()[0].body, "A number: check it against the source.");
    // The general reader recognises it too.
    let Ok(Parsed::Exercise(read_back)) = read("x.glossa.json", file.as_bytes(), &now()) else {
        panic!("not read as an exercise")
    };
    assert_eq!(*read_back, e);
    // The id is stable for the same article, title and time, and differs otherwise.
    assert_eq!(e.id.len(), 16);
    assert_eq!(
        Exercise::new(e.article.clone(), "Spot the claims", now()).id,
        e.id
    );
    assert_ne!(Exercise::new(e.article.clone(), "Other", now()).id, e.id);
}

#[test]
fn a_changed_exercise_or_submission_is_detected() {
    let e = exercise();
    let file = write_exercise(&e);
    // A student quietly deleting a key item.
    let tampered = file.replace("A spokesman, unnamed.", "Nothing to see.");
    assert_ne!(tampered, file);
    assert_eq!(read_exercise(&parse(&tampered)), Err(FileError::Tampered));
    // Reformatting (a pretty-printer, keys in another order) is not a change.
    let compact = serde_json::to_string(&parse(&file)).unwrap();
    assert_eq!(read_exercise(&parse(&compact)).unwrap(), e);

    let submission = write_submission(&e.info(), "The train", "Ana", e.key(), &now());
    let mut value = parse(&submission);
    value["student"] = "Ben".into();
    assert_eq!(read_submission(&value), Err(FileError::Tampered));
    let mut value = parse(&submission);
    value.as_object_mut().unwrap().remove("checksum");
    assert_eq!(read_submission(&value), Err(FileError::NoChecksum));
    // Through the general reader the reason reaches the user.
    let err = read("x.json", tampered.as_bytes(), &now()).unwrap_err();
    assert!(matches!(err, ImportError::Exercise(FileError::Tampered)));
    assert!(err.to_string().contains("checksum does not match"), "{err}");
}

#[test]
fn a_file_from_a_newer_glossa_is_explained() {
    let mut value = parse(&write_exercise(&exercise()));
    value["schema"] = 7.into();
    let err = read_exercise(&value).unwrap_err();
    assert_eq!(
        err,
        FileError::Newer {
            what: "exercise",
            found: 7
        }
    );
    assert!(err.to_string().contains("newer Glossa"), "{err}");
    let mut value = parse(&write_submission(
        &exercise().info(),
        "The train",
        "Ana",
        &[],
        &now(),
    ));
    value["schema"] = 2.into();
    assert!(matches!(
        read_submission(&value),
        Err(FileError::Newer { found: 2, .. })
    ));
}

#[test]
fn submissions_are_checked_against_the_exercise_and_its_article() {
    let e = exercise();
    let key = &e.article;
    let mut mine = note("a1", "around 90 carriages", "claim", "");
    mine.author = Some("someone else".into());
    let ana = write_submission(&e.info(), "The train", "Ana", &[mine], &now());
    let checked = check_submission("ana.json", ana.as_bytes(), key, Some(&e.id), &now()).unwrap();
    assert_eq!(checked.student, "Ana");
    assert_eq!(checked.notes.len(), 1);
    assert_eq!(checked.warning, None);

    // Another exercise on the same article.
    let other = Exercise::new(e.article.clone(), "Another exercise", now());
    let ben = write_submission(&other.info(), "The train", "Ben", &[], &now());
    let why = check_submission("ben.json", ben.as_bytes(), key, Some(&e.id), &now()).unwrap_err();
    assert!(why.contains("another exercise"), "{why}");
    // Without a known exercise (the key is a plain bundle), it is scored.
    assert!(check_submission("ben.json", ben.as_bytes(), key, None, &now()).is_ok());

    // Another article.
    let elsewhere = Exercise::new(
        article(vec![], "A different story.\n\nNothing here."),
        "Elsewhere",
        now(),
    );
    let cleo = write_submission(&elsewhere.info(), "Elsewhere", "Cleo", &[], &now());
    let why = check_submission("cleo.json", cleo.as_bytes(), key, None, &now()).unwrap_err();
    assert!(why.contains("another article"), "{why}");

    // The exercise file handed in by mistake.
    let why = check_submission(
        "ex.json",
        write_exercise(&e).as_bytes(),
        key,
        Some(&e.id),
        &now(),
    )
    .unwrap_err();
    assert!(why.contains("exercise file"), "{why}");

    // A plain export (what a Glossa from before exercises made): scored, with a reservation.
    let plain = glossa::io::export::export(
        glossa::io::export::Format::W3c,
        &[(
            &article(vec![note("d1", "according to Yonhap", "source", "")], TEXT),
            None,
        )],
        false,
        &now(),
    );
    let checked =
        check_submission("dan.jsonld", plain.as_bytes(), key, Some(&e.id), &now()).unwrap();
    assert_eq!(checked.notes.len(), 1);
    assert!(
        checked
            .warning
            .as_deref()
            .unwrap()
            .contains("not a submission file"),
        "{:?}",
        checked.warning
    );
}

#[test]
fn a_submission_keeps_every_note_and_reports_damaged_ones() {
    let e = exercise();
    let notes = vec![
        note("a1", "北京 took 24 hours 🚂", "claim", "emoji and CJK"),
        note("a2", "المتحدث", "source", ""),
    ];
    let file = write_submission(&e.info(), "The train", " Ana ", &notes, &now());
    let s = read_submission(&parse(&file)).unwrap();
    assert_eq!(s.notes, notes);
    assert_eq!(s.student, "Ana");
    assert_eq!(s.exercise_id, e.id);
    assert_eq!(s.article_sha256, e.article.content_hash());
    // A damaged note (with a fresh checksum, as if written so) is left out and listed.
    let mut value = parse(&file);
    value["notes"][1] = Value::String("not a note".into());
    value.as_object_mut().unwrap().remove("checksum");
    let resealed = {
        // Recompute the checksum the way Glossa does: keys sorted, compact.
        use sha2::Digest;
        let sorted: Value = serde_json::from_str(&serde_json::to_string(&value).unwrap()).unwrap();
        let sum = sha2::Sha256::digest(serde_json::to_string(&sorted).unwrap());
        let hex: String = sum.iter().map(|b| format!("{b:02x}")).collect();
        value["checksum"] = hex.into();
        value
    };
    let s = read_submission(&resealed).unwrap();
    assert_eq!(s.notes.len(), 1);
    assert_eq!(s.rejected.len(), 1);
}

#[test]
fn a_link_carries_the_exercise_and_a_damaged_link_is_refused() {
    let file = write_exercise(&exercise());
    let fragment = to_link(&file).unwrap();
    assert!(
        fragment.len() < file.len(),
        "{} vs {}",
        fragment.len(),
        file.len()
    );
    assert!(fragment
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || "-_=".contains(c)));
    assert_eq!(from_link(&format!("#{fragment}")).unwrap(), file);
    // Cut short when pasted.
    let cut = &fragment[..fragment.len() / 2];
    assert!(from_link(cut).unwrap_err().contains("damaged"));
    assert!(from_link("#library").is_err());
    // Too large for a link: random text does not pack.
    let mut big = String::new();
    let mut x: u64 = 1;
    while big.len() < 3 * MAX_LINK_CHARS {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        big.push(char::from(b'a' + (x >> 59) as u8 % 26));
    }
    assert_eq!(to_link(&big), None);
}

#[test]
fn detected_claims_join_the_key_once_and_never_from_page_chrome() {
    let text = "The train has around 90 carriages, according to Yonhap.\n\n\
It is the first time a North Korean leader has attended since 1959.\n\nVisited 1 times, 1 visit(s) today";
    let analysis = glossa::analysis::analyze(text);
    assert!(analysis.claims.len() >= 2, "{:?}", analysis.claims);
    let mut n = 0;
    let mut id = || {
        n += 1;
        NoteId(format!("c{n}"))
    };
    let all = claim_notes(text, &analysis, &[], &mut id, &now(), Some("Teacher"));
    assert!(!all.is_empty());
    for note in &all {
        assert_eq!(note.tags[0], "claim");
        assert_eq!(note.author.as_deref(), Some("Teacher"));
        assert!(!note.target.quote.exact.contains("Visited"));
    }
    // Claims a note already covers are not added again.
    let again = claim_notes(text, &analysis, &all, &mut id, &now(), None);
    assert!(again.is_empty(), "{again:?}");
}

#[test]
fn glossa_exercise_makes_a_file_that_glossa_score_checks_submissions_against() {
    let dir = std::env::temp_dir().join(format!("glossa-exercise-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = |name: &str| dir.join(name).to_string_lossy().into_owned();
    let e = exercise();
    std::fs::write(
        path("key.glossa.json"),
        glossa::io::bundle::write(std::slice::from_ref(&e.article), &now()),
    )
    .unwrap();
    let run = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_glossa"))
            .args(args)
            .env("GLOSSA_NOW", "2026-11-26T12:00:00Z")
            .output()
            .unwrap();
        (
            out.status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };
    let (code, _, err) = run(&[
        "exercise",
        "--title",
        "Spot the claims",
        "--task",
        "Mark every named source",
        "--immediate-feedback",
        "-o",
        &path("ex.json"),
        &path("key.glossa.json"),
    ]);
    assert_eq!(code, Some(0), "{err}");
    let made = read_exercise(&parse(&std::fs::read_to_string(path("ex.json")).unwrap())).unwrap();
    assert_eq!(made.title, "Spot the claims");
    assert_eq!(made.tasks, vec!["Mark every named source"]);
    assert_eq!(made.settings.feedback, FeedbackTiming::Immediate);
    assert_eq!(made.key().len(), 3);

    let ana = write_submission(
        &made.info(),
        "The train",
        "Ana",
        &[note("a1", "around 90 carriages", "claim", "")],
        &now(),
    );
    std::fs::write(path("ana.json"), &ana).unwrap();
    std::fs::write(path("ana-changed.json"), ana.replace("\"Ana\"", "\"Eve\"")).unwrap();
    let another = Exercise::new(made.article.clone(), "Another exercise", now());
    let other = write_submission(&another.info(), "The train", "Ben", &[], &now());
    std::fs::write(path("ben.json"), other).unwrap();

    let (code, out, err) = run(&[
        "score",
        &path("ex.json"),
        &path("ana.json"),
        &path("ana-changed.json"),
        &path("ben.json"),
    ]);
    assert_eq!(code, Some(0), "{err}");
    assert!(out.contains("3 key items, 1 students"), "{out}");
    assert!(out.lines().any(|l| l.starts_with("Ana ")), "{out}");
    assert!(
        err.contains("ana-changed.json: not scored: it was changed"),
        "{err}"
    );
    assert!(
        err.contains("ben.json: not scored: it answers another exercise"),
        "{err}"
    );
    // Importing an exercise or a submission as notes is refused with the reason.
    let (code, _, err) = run(&[
        "import",
        "--into",
        &path("key.glossa.json"),
        &path("ana.json"),
    ]);
    assert_eq!(code, Some(1));
    assert!(err.contains("student's submission"), "{err}");
    // Bad arguments are usage errors.
    assert_eq!(run(&["exercise", "--title"]).0, Some(2));
    assert_eq!(run(&["exercise"]).0, Some(2));
}
