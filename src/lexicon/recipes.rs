//! The headings of a recipe's or a how-to's lists.

/// Headings of the two lists of a recipe or a how-to: what it takes and
/// what to do.
const RECIPE_SECTIONS: &[&str] = &[
    "ingredients",
    "directions",
    "instructions",
    "method",
    "preparation",
    "zutaten",
    "zubereitung",
    "anleitung",
    "ingrédients",
    "préparation",
    "składniki",
    "przygotowanie",
    "sposób przygotowania",
    "ingredientes",
    "preparación",
    "modo de preparo",
    "ingredienti",
    "preparazione",
    "材料",
    "配料",
    "做法",
];

/// Words at most after a section heading that counts servings ("für 4
/// Personen", "for 2 servings").
const RECIPE_SERVINGS_WORDS: usize = 4;

/// Whether a line (lower-case) heads a recipe's list of ingredients or of
/// steps: "Zutaten", "Ingredients:", "Zubereitung", "Zutaten für 4
/// Personen".
pub fn is_recipe_section(lower: &str) -> bool {
    let t = lower
        .trim()
        .trim_end_matches(|c: char| c == ':' || c == '：' || c.is_whitespace());
    RECIPE_SECTIONS.iter().any(|&w| {
        t == w
            || t.strip_prefix(w)
                .and_then(|rest| rest.strip_prefix(' '))
                .is_some_and(|rest| {
                    rest.chars().any(|c| c.is_ascii_digit())
                        && rest.split_whitespace().count() <= RECIPE_SERVINGS_WORDS
                })
    })
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recipe_sections() {
        assert!(is_recipe_section("zutaten"));
        assert!(is_recipe_section("ingredients:"));
        assert!(is_recipe_section(" składniki : "));
        assert!(is_recipe_section("zutaten für 4 personen"));
        assert!(!is_recipe_section("zutaten für vier personen kaufen"));
        assert!(!is_recipe_section("methods of payment"));
    }
}
