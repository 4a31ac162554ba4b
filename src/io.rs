//! Reading and writing Glossa's data as text: the versioned storage schema, and the exchange
//! formats other tools read (W3C Web Annotation, schema.org ClaimReview, CSV, JSONL, reports)
//! with the Glossa bundle. Nothing here touches the browser; `web/` moves the strings.

pub mod bundle;
pub mod claimreview;
pub mod export;
pub mod import;
pub mod jsonl;
pub mod load;
pub mod report;
pub mod storage;
pub mod table;
pub mod validate;
pub mod w3c;
