//! Titles: cut the site name off `<title>` and choose between the
//! declared titles and the page's `<h1>`.

/// Separators between a headline and the site name, as written in
/// `<title>` (always with spaces around them, so hyphenated words stay).
/// A bare `|` counts too: headlines do not use it.
const SEPARATORS: &[&str] = &["|", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

/// The parts of a title split at its site-name separators.
pub fn split(title: &str) -> Vec<&str> {
    let mut parts = vec![title];
    for sep in SEPARATORS {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts
}

/// Lower-case, alphanumerics only: for comparing titles.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Remove the part equal to the site name, if the title has one.
pub fn strip_site(title: &str, site_name: &str) -> String {
    let site = norm(site_name);
    let parts = split(title);
    if site.is_empty() || parts.len() < 2 {
        return title.to_string();
    }
    let rest: Vec<&str> = parts.iter().copied().filter(|p| norm(p) != site).collect();
    if rest.is_empty() || rest.len() == parts.len() {
        return title.to_string();
    }
    rejoin(title, &rest)
}

/// A `<title>` cut into headline and site name.
///
/// The site name is the part equal to `site_name` when given; otherwise the
/// last part, or the first one when the title leads with a short name and
/// the rest is longer.
pub fn clean_title(title: &str, site_name: Option<&str>) -> (String, Option<String>) {
    let title = super::clean(title).unwrap_or_default();
    let parts = split(&title);
    if parts.len() < 2 {
        return (title, None);
    }
    if let Some(site) = site_name.map(norm).filter(|s| !s.is_empty()) {
        let rest: Vec<&str> = parts
            .iter()
            .copied()
            .filter(|p| norm(p) != site)
            .collect();
        if rest.len() < parts.len() && !rest.is_empty() {
            let cut = parts.iter().find(|p| norm(p) == site).map(|s| s.to_string());
            return (rejoin(&title, &rest), cut);
        }
    }
    let first = parts[0];
    let last = parts[parts.len() - 1];
    let words = |s: &str| s.split_whitespace().count();
    if words(first) <= 3 && words(last) > words(first) + 2 && parts.len() == 2 {
        // "Site | A long headline about things"
        return (last.to_string(), Some(first.to_string()));
    }
    let head = rejoin(&title, &parts[..parts.len() - 1]);
    (head, Some(last.to_string()))
}

/// The span of `title` from the first to the last of `parts` (they are
/// slices of it, in order), so inner separators survive.
fn rejoin(title: &str, parts: &[&str]) -> String {
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else {
        return String::new();
    };
    let start = first.as_ptr() as usize - title.as_ptr() as usize;
    let end = last.as_ptr() as usize - title.as_ptr() as usize + last.len();
    if start <= end && end <= title.len() {
        title[start..end].to_string()
    } else {
        first.to_string()
    }
}

/// True when `h1` names the same thing as `title` or one of its parts.
pub fn matches(h1: &str, title: &str) -> bool {
    let h = norm(h1);
    if h.is_empty() {
        return false;
    }
    let t = norm(title);
    if h == t {
        return true;
    }
    let parts = split(title);
    if parts.iter().any(|p| norm(p) == h) {
        return true;
    }
    // A prefix of the title up to some separator.
    (1..parts.len()).any(|k| norm(&rejoin(title, &parts[..k])) == h)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_site_names() {
        assert_eq!(
            clean_title("Big news | Example", None),
            ("Big news".into(), Some("Example".into()))
        );
        assert_eq!(clean_title("Big news – Example", None).0, "Big news");
        assert_eq!(clean_title("Big news :: Example", None).0, "Big news");
        assert_eq!(clean_title("Big news » Example", None).0, "Big news");
        assert_eq!(
            clean_title("Example | Council approves the budget after long debate", None).0,
            "Council approves the budget after long debate"
        );
        assert_eq!(
            clean_title("Example - Big - news", Some("Example")).0,
            "Big - news"
        );
        assert_eq!(clean_title("Well-known title", None).0, "Well-known title");
    }

    #[test]
    fn h1_matching() {
        assert!(matches("Big news", "Big news | Example"));
        assert!(matches("Big news: more", "Big news: more - Part - Example"));
        assert!(!matches("Other", "Big news | Example"));
    }
}
