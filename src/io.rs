//! Reading and writing Glossa's data as text: the versioned storage schema (and, later, the
//! exchange formats). Nothing here touches the browser; `web/` moves the strings.

pub mod load;
pub mod storage;
