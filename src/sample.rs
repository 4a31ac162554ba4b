//! The built-in sample article shown on first start.

/// The text of the sample article (a scraped news page, boilerplate and all).
pub const SAMPLE_ARTICLE: &str = include_str!("../assets/sample-article.txt");
