//! Classroom exercises: scoring students' annotations against a teacher's key.
//!
//! * [`score`]: one student's marks against the key (found, partly found, duplicate, extra,
//!   missed; labels and verdicts compared apart; the score formula), and agreement measures
//!   (span F1 between two students, Cohen's and Fleiss' kappa);
//! * [`class`]: a class's notes placed in the key's text and scored together, with the
//!   per-item counts and the agreement between students, as text or CSV
//!   (`glossa score` on the command line);
//! * [`file`]: the exercise a teacher hands out (instructions, tasks, settings, the article
//!   and its key) and the submission a student hands back, each checked by a checksum.

pub mod class;
pub mod file;
pub mod score;
