//! Titles: cut the site name off `<title>` and choose between the
//! declared titles and the page's `<h1>`.

/// Separators that never occur inside a headline: what stands beyond
/// them is the site name or a section. A bare `|` counts too.
const STRONG: &[&str] = &["|", " :: ", " » ", " // ", " · ", " › "];

/// Dashes separate a site name too, but also occur inside headlines; a
/// part beyond one is cut only when it looks like the site's name.
const WEAK: &[&str] = &[" - ", " – ", " — ", ": "];

fn split_by<'a>(title: &'a str, seps: &[&str]) -> Vec<&'a str> {
    let mut parts = vec![title];
    for sep in seps {
        parts = parts
            .into_iter()
            .flat_map(|p| p.split(sep))
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .collect();
    }
    parts
}

/// The parts of a title split at every site-name separator.
pub fn split(title: &str) -> Vec<&str> {
    let strong = split_by(title, STRONG);
    strong.into_iter().flat_map(|p| split_by(p, WEAK)).collect()
}

/// Lower-case, alphanumerics only: for comparing titles.
pub fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// True when a title part names the site: it equals one of the (normalised)
/// site-name hints, or contains one and is not much longer, or is a bare
/// domain name ("Example.com").
pub fn is_site(part: &str, hints: &[String]) -> bool {
    let p = norm(part);
    if p.is_empty() {
        return false;
    }
    let domain_like = !part.contains(' ') && part.contains('.') && !part.ends_with('.');
    domain_like
        || hints.iter().any(|h| {
            !h.is_empty()
                && (*h == p || (h.len() >= 4 && p.contains(h.as_str()) && p.len() <= h.len() + 12))
        })
}

/// Remove the part naming the site, if the title has one.
pub fn strip_site(title: &str, hints: &[String]) -> String {
    clean_title_with(title, hints, false).0
}

/// A `<title>` cut into headline and site name, given normalised site-name
/// hints (declared site names, the domain's main label).
///
/// A part at either end that [`is_site`] is cut. Otherwise, beyond a
/// strong separator the last part is taken as the site name (the first one
/// when a short name leads a long headline); a dash alone cuts nothing.
pub fn clean_title(title: &str, hints: &[String]) -> (String, Option<String>) {
    clean_title_with(title, hints, true)
}

fn clean_title_with(title: &str, hints: &[String], guess: bool) -> (String, Option<String>) {
    let title = crate::util::spaces::clean(title).unwrap_or_default();
    let strong = split_by(&title, STRONG);
    let parts = if strong.len() >= 2 {
        strong.clone()
    } else {
        split_by(&title, WEAK)
    };
    if parts.len() < 2 {
        return (
            strong.first().map_or(title.clone(), |s| s.to_string()),
            None,
        );
    }
    let (first, last) = (parts[0], parts[parts.len() - 1]);
    if is_site(first, hints) && !is_site(last, hints) {
        // "Site » Section » Headline": the headline is the last part.
        let head = if strong.len() >= 3 {
            last.to_string()
        } else {
            rejoin(&title, &parts[1..])
        };
        return (head, Some(first.to_string()));
    }
    if is_site(last, hints) {
        return (
            rejoin(&title, &parts[..parts.len() - 1]),
            Some(last.to_string()),
        );
    }
    if strong.len() < 2 || !guess {
        return (title, None);
    }
    let words = |s: &str| s.split_whitespace().count();
    if words(first) <= 3 && words(last) > words(first) + 2 && parts.len() == 2 {
        // "Site | A long headline about things"
        return (last.to_string(), Some(first.to_string()));
    }
    (
        rejoin(&title, &parts[..parts.len() - 1]),
        Some(last.to_string()),
    )
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
    if t.len() <= 2 * h.len() && (t.starts_with(&h) || t.ends_with(&h)) {
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
        let none: &[String] = &[];
        let ex = &["example".to_string()];
        assert_eq!(
            clean_title("Big news | Example", none),
            ("Big news".into(), Some("Example".into()))
        );
        assert_eq!(clean_title("Big news – Example", ex).0, "Big news");
        assert_eq!(clean_title("Big news – Example.com", none).0, "Big news");
        assert_eq!(
            clean_title("Big news – more news", none).0,
            "Big news – more news"
        );
        assert_eq!(clean_title("Big news :: Example", none).0, "Big news");
        assert_eq!(clean_title("Big news » Example", none).0, "Big news");
        assert_eq!(
            clean_title(
                "Example | Council approves the budget after long debate",
                none
            )
            .0,
            "Council approves the budget after long debate"
        );
        assert_eq!(clean_title("Example - Big - news", ex).0, "Big - news");
        assert_eq!(
            clean_title("Example » Archive » Big news", ex).0,
            "Big news"
        );
        assert_eq!(clean_title("Well-known title", none).0, "Well-known title");
    }

    #[test]
    fn h1_matching() {
        assert!(matches("Big news", "Big news | Example"));
        assert!(matches("Big news: more", "Big news: more - Part - Example"));
        assert!(!matches("Other", "Big news | Example"));
    }
}
