//! Which units of a dump are the article: jusText-style classes per unit,
//! smoothed over the sequence, then cut at the end-of-article zone.
//!
//! 1. Each unit gets a context-free class from its length, function-word
//!    density, sentence punctuation, bullets, separators and the shared
//!    boilerplate vocabulary: *good* (prose), *near-good*, *short* or *bad*.
//! 2. Short units and near-good ones take the class of their context (the
//!    jusText rules: a short unit between good ones is good, a near-good one
//!    is bad only between bad ones; a short heading-like line before good
//!    text is promoted).
//! 3. Once enough article text has been kept, a line such as "Related Posts",
//!    "Leave a Reply" or a copyright notice ends the article.

mod authors;
mod captions;
pub mod class;
mod ends;
pub mod features;
mod furniture;
mod lead;
mod passes;
mod smoothing;
mod structured;
mod teasers;

use super::lines::Unit;
use crate::model::block::{BlockTag, Kind};
use crate::text::template::Template;
use authors::{header_authors, names_author};
use ends::{ends_article, in_share_bar, inline_link};
#[cfg(any(test, feature = "internals"))]
pub use features::features;
use class::*;
use features::features_with;
use furniture::{mark_template, neutralise_furniture};
use lead::{keep_crumb_headline_lead, keep_lead};
use passes::{
    cut_teaser_list, drop_repeats, fill_article_zone, inline_box_end,
    keep_article_lists, keep_closing_sentences, keep_main_clusters, keep_recipe_lists,
    keep_structured_near,
};
pub use smoothing::smooth;
use teasers::related_lists;

/// The decision for one unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Decision {
    /// Part of the article.
    pub keep: bool,
    /// Rendered as a subheading.
    pub heading: bool,
    /// Why it was dropped, when it was.
    pub kind: Option<Kind>,
}

/// Decide every unit: smoothing, then the end-of-article cut.
#[cfg(any(test, feature = "internals"))]
pub fn decide(units: &[Unit]) -> Vec<Decision> {
    decide_with(units, &Template::default())
}

/// As [`decide`], with the batch's template lines (see [`crate::text::template`])
/// counted as boilerplate.
pub fn decide_with(units: &[Unit], template: &Template) -> Vec<Decision> {
    let lowers = Lowers::new(units);
    let mut feats = features_with(units, &lowers);
    let mut templated = mark_template(units, &mut feats, template);
    neutralise_furniture(units, &lowers, &mut feats, &mut templated);
    let classes = smooth(&feats);
    let total: usize = (0..units.len())
        .filter(|&i| classes[i] == Class::Good)
        .map(|i| feats[i].len)
        .sum();
    let mut keep = vec![false; units.len()];
    let mut end_kind = vec![None; units.len()];
    let mut kept = 0usize;
    let mut ended: Option<Kind> = None;
    // End of an inline "Related" box: units before it are dropped.
    let mut boxed_until = 0;
    let (authors, named_at) = header_authors(units, &feats);
    for (i, (u, f)) in units.iter().zip(&feats).enumerate() {
        if ended.is_none()
            && i >= boxed_until
            && kept >= MIN_ARTICLE_BEFORE_END
            && let Some(k) = ends_article(u, &lowers, i, f).or_else(|| {
                (i > named_at && names_author(&u.text, &authors)).then_some(Kind::Footer)
            })
            && !in_share_bar(i, units, &feats)
        {
            if k == Kind::Related && inline_link(&u.text) {
                boxed_until = i + 1;
            } else if k == Kind::Related
                && let Some(end) = inline_box_end(i, units, &lowers, &feats, &classes)
            {
                boxed_until = end;
            } else if k == Kind::Comments
                || kept * 4 >= total
                || (k == Kind::Related && kept >= RELATED_ARTICLE_BEFORE_END)
            {
                // A comment thread can dwarf a short article; a "Most
                // Popular" box or a photo credit can sit above the article's
                // first paragraph, so those need a fair share of the text
                // before them.
                ended = Some(k);
            }
        }
        let boxed = i < boxed_until;
        end_kind[i] = if boxed { Some(Kind::Related) } else { ended };
        // The paragraph that resumes the article after an inline box is
        // prose, whatever its neighbours made of it.
        let resumes = boxed_until > 0 && i == boxed_until && feats[i].class != Class::Bad;
        keep[i] = end_kind[i].is_none() && (classes[i] == Class::Good || resumes);
        if keep[i] {
            kept += f.len;
        }
    }
    cut_teaser_list(units, &lowers, &feats, &mut keep, &mut end_kind);
    keep_main_clusters(&mut keep, &feats);
    fill_article_zone(units, &mut keep, &feats);
    let closing = keep_closing_sentences(units, &mut keep, &feats, &end_kind);
    keep_lead(units, &mut keep, &feats);
    keep_crumb_headline_lead(units, &mut keep, &feats, &end_kind);
    keep_article_lists(units, &mut keep, &feats, &end_kind);
    keep_recipe_lists(units, &lowers, &mut keep, &feats, &end_kind);
    keep_structured_near(&mut keep, &feats, &end_kind);
    drop_repeats(units, &mut keep);
    for (k, t) in keep.iter_mut().zip(&templated) {
        *k &= !t;
    }
    for (i, related) in related_lists(units, &lowers, &feats)
        .into_iter()
        .enumerate()
    {
        if related && keep[i] {
            keep[i] = false;
            end_kind[i] = Some(Kind::Related);
        }
    }
    units
        .iter()
        .zip(&feats)
        .enumerate()
        .map(|(i, (u, f))| Decision {
            keep: keep[i],
            heading: keep[i]
                && f.heading_like
                && u.tag == BlockTag::Paragraph
                && !closing.contains(&i),
            kind: (!keep[i]).then(|| {
                f.kind
                    .or(end_kind[i])
                    .unwrap_or(if u.tag == BlockTag::ListItem {
                        Kind::Navigation
                    } else {
                        Kind::Other
                    })
            }),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::{
        authors::*, captions::*, ends::*, features::*, furniture::*, lead::*, structured::*,
        teasers::*,
    };
    use crate::lexicon::credits::CREDIT_WORDS;
    use crate::lexicon::{closings, social};
    use crate::metadata;
    use crate::util::sentence::ends_sentence;
    use crate::util::words::word_count;
    use crate::text::lines;

    fn kept(text: &str) -> Vec<String> {
        let units = lines::split(text);
        decide(&units)
            .iter()
            .zip(&units)
            .filter(|(d, _)| d.keep)
            .map(|(d, u)| format!("{}{}", if d.heading { "## " } else { "" }, u.text))
            .collect()
    }

    const P1: &str = "The council met on Monday to discuss the new plan for the city centre, \
                      and after a long debate it decided that the work would start in the spring.";
    const P2: &str = "Residents who spoke at the meeting said that they were worried about the \
                      noise, but most of them agreed that the new square would be good for trade.";

    #[test]
    fn sentences_and_dates() {
        assert!(ends_sentence("It works."));
        assert!(ends_sentence("“Is it?”"));
        assert!(!ends_sentence("Read the rest..."));
        assert!(!ends_sentence("Home"));
        // Invisible characters an editor left behind change nothing.
        assert!(ends_sentence("Serve it hot.\u{2063}"));
        assert!(ends_sentence("Fertig ist der Kuchen!\u{200B} "));
        assert!(!ends_sentence("Zutaten\u{2063}"));
        assert!(is_date_or_number("January 15, 2026"));
        assert!(is_date_or_number("12.03.2024 | 14:05 Uhr"));
        assert!(!is_date_or_number("15 ways to cook"));
    }

    #[test]
    fn menus_dropped_subheading_kept() {
        let dump = format!(
            "  • Home\n  • News\n  • Sport\n\nHome | About | Contact\n\n{P1}\n\nWhat happens next\n\n{P2}\n\nRelated Posts\n\n{P2} Again.\n"
        );
        assert_eq!(
            kept(&dump),
            [P1.to_string(), "## What happens next".into(), P2.into()]
        );
    }

    #[test]
    fn kinds_of_dropped_lines() {
        let dump = format!(
            "  • Home\n  • News\n\nShare on Facebook\n\n{P1}\n\n{P2}\n\nLeave a Reply\n\nNice post.\n"
        );
        let units = lines::split(&dump);
        let d = decide(&units);
        assert_eq!(d[0].kind, Some(Kind::Navigation));
        assert_eq!(d[2].kind, Some(Kind::Share));
        assert!(d[3].keep && d[4].keep);
        assert_eq!(d[5].kind, Some(Kind::Comments));
        assert_eq!(d[6].kind, Some(Kind::Comments));
    }

    #[test]
    fn cjk_paragraph_kept() {
        let zh = "北京市政府周一宣布，将在未来三年内投资建设新的城市公园和公共交通设施，以改善居民的生活质量。\
                  专家表示，这一计划将有助于缓解交通拥堵，并为市民提供更多的休闲空间。";
        let dump = format!("  • 首页\n  • 新闻\n\n{zh}\n");
        assert_eq!(kept(&dump), [zh.to_string()]);
    }

    #[test]
    fn german_fragment() {
        let dump = "  * Startseite\n  * Politik\n\n\
            Die Stadt hat am Montag beschlossen, dass die Bauarbeiten für den neuen Platz im Frühjahr beginnen sollen, wie der Bürgermeister mitteilte.\n\n\
            Wie geht es weiter\n\n\
            Die Anwohner äußerten sich in der Sitzung besorgt über den Lärm, aber die meisten von ihnen sind der Meinung, dass der Platz dem Handel nützt.\n\n\
            Das könnte Sie auch interessieren\n\n\
            Ein anderer Artikel über die Stadt und ihre Pläne für den Sommer, den man auch lesen kann.\n\n\
            © 2024 Stadtanzeiger\n";
        let k = kept(dump);
        assert_eq!(k.len(), 3, "{k:?}");
        assert_eq!(k[1], "## Wie geht es weiter");
    }

    #[test]
    fn french_fragment() {
        let dump = "  * Accueil\n  * Actualités\n\nPartager sur Facebook\n\n\
            Le conseil municipal a adopté lundi soir le projet de rénovation du centre-ville, qui devrait commencer au printemps prochain selon le maire.\n\n\
            Les habitants présents à la réunion se sont dits inquiets du bruit, mais la plupart estiment que la nouvelle place sera bonne pour le commerce.\n\n\
            Laisser un commentaire\n\n\
            Votre adresse e-mail ne sera pas publiée et les champs obligatoires sont indiqués avec une étoile.\n";
        let k = kept(dump);
        assert_eq!(k.len(), 2, "{k:?}");
        assert!(k[0].starts_with("Le conseil"));
    }

    #[test]
    fn number_lead_rules_out_no_quantity_line() {
        let lines = [
            "",
            "125 g Mehl",
            "½ cup sugar",
            "June 9 -- Arena, Tampa",
            "9. Juni – Berlin",
            "9 juin : Paris",
            "Juni 9. in Berlin",
            "3 Kevin Harvick 5033 4",
            "1a etapa: 10 de março",
            "Mehl 125 g",
            "The 12 best things",
            "Mai\u{a0}9 Berlin",
            "Mai\t9 Berlin",
            " 9 Juni Berlin",
            "Öl 2 EL",
            "2 EL Öl",
            "plain words only",
            "one",
        ];
        for l in lines {
            if !may_lead_with_a_number(l) {
                assert!(!leads_with_quantity(l), "{l:?}");
            }
        }
        assert!(!may_lead_with_a_number("plain words only"));
        assert!(!may_lead_with_a_number("The best 12 things"));
        assert!(may_lead_with_a_number("June 9 -- Arena"));
    }

    #[test]
    fn inner_datelines_found_as_word_by_word() {
        for l in [
            "Local baker wins prize BERLIN: A local baker",
            "Local baker wins prize NEW YORK: A local baker",
            "One two three FRANKFURT-MAIN: text",
            "One two three ÜLZEN: text",
            "One two three A:: text",
            "Foto: dpa",
            "One two three Berlin: no",
            "One two three X: single",
            "One two three 12:30 Uhr",
            ":",
            "",
        ] {
            assert_eq!(inner_dateline(l), inner_dateline_words(l), "{l:?}");
        }
    }

    #[test]
    fn quantity_lines() {
        assert!(is_quantity_line("125 g Mehl"));
        assert!(is_quantity_line("1a etapa: 10 de março – Interlagos"));
        assert!(is_quantity_line("3 Anna Novak 4120 5 7 12 30"));
        assert!(is_quantity_line("½ cup sugar"));
        assert!(!is_quantity_line("1. Most read story of the day"));
        assert!(is_quantity_line(
            "July 14 -- Riverside Arena, Springfield, OR"
        ));
        assert!(is_quantity_line("9. Juni – Stadthalle, Berlin"));
        assert!(!is_quantity_line("June 9"));
        assert!(!is_quantity_line("May the best team win the cup"));
        assert!(!is_quantity_line("2019"));
        assert!(!is_quantity_line("Home"));
    }

    #[test]
    fn ingredient_list_before_method_kept() {
        let dump = format!(
            "  • Home\n  • Rezepte\n\nZutaten\nFür den Teig:\n125 g Mehl\n65 g Zucker\n1 Ei\n\
             Für die Füllung:\n500 ml Milch\n200 g Zucker\n\n{P1}\n\n{P2}\n"
        );
        let k = kept(&dump);
        assert!(k.contains(&"125 g Mehl".to_string()), "{k:?}");
        assert!(k.contains(&"Für die Füllung:".to_string()), "{k:?}");
        assert!(k.contains(&"Für den Teig:".to_string()), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("Rezepte")), "{k:?}");
    }

    #[test]
    fn schedule_lines_are_not_datelines() {
        let rows: Vec<String> = (1..=8)
            .map(|n| format!("{n}a etapa: {n} de março – Interlagos"))
            .collect();
        let dump = format!(
            "  • Home\n  • News\n\nCalendário 2018\n\n{}\n",
            rows.join("\n")
        );
        let k = kept(&dump);
        assert_eq!(k.len(), 9, "{k:?}");
        assert_eq!(k[1], "1a etapa: 1 de março – Interlagos");
    }

    #[test]
    fn lead_between_headline_and_caption_kept() {
        let lead = "Die Stadt will den Platz vor dem Rathaus im Frühjahr für zwei Millionen Euro umbauen lassen.";
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n  • News\n\nNeuer Platz für die Innenstadt\n\nVon Anna Schmidt | 12.03.2024\n\n{lead}\n\n\
             Der neue Platz am Abend, kurz nach der Eröffnung durch den Bürgermeister der Stadt. (Foto: dpa)\n\n{body}\n\n{body} Again.\n"
        );
        let text = crate::text::extract(&dump).text();
        assert!(text.starts_with(&format!("{lead}\n\n{P1}")), "{text}");
        // Without a headline above it, a lone sentence there is a caption.
        let dump = format!(
            "  • Home\n  • News\n\n  • Teilen\n\n{lead}\n\n  • Teilen\n\n{body}\n\n{body} Again.\n"
        );
        assert!(crate::text::extract(&dump).text().starts_with(P1));
        // A long share bar (a dozen buttons) between the lead and the body.
        let bar = [
            "Facebook",
            "Twitter",
            "WhatsApp",
            "Pinterest",
            "LinkedIn",
            "Reddit",
            "Xing",
        ]
        .iter()
        .map(|b| format!("{b}\n\n"))
        .collect::<String>();
        let dump = format!(
            "  • Home\n  • News\n\nNeuer Platz für die Innenstadt\n\n{lead}\n\nVon Anna Schmidt\n\n\
             12.03.2024\n\n{bar}{bar}{body}\n\n{body} Again.\n"
        );
        let text = crate::text::extract(&dump).text();
        assert!(text.starts_with(&format!("{lead}\n\n{P1}")), "{text}");
    }

    #[test]
    fn list_inside_article_kept_menu_dropped() {
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n  • News\n  • Sport\n\n{body}\n\n\
             The plan has three steps:\n\n  • the old car park is closed in March\n  • \
             the trees are planted along the new square\n  • the fountain opens in June\n\n\
             Share on Facebook\n\n{body} Again.\n\n  • Impressum\n  • Kontakt\n"
        );
        let k = kept(&dump);
        assert!(
            k.contains(&"the fountain opens in June".to_string()),
            "{k:?}"
        );
        assert!(!k.iter().any(|t| t == "Home" || t == "Kontakt"), "{k:?}");
    }

    #[test]
    fn only_the_line_right_above_text_is_its_heading() {
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n  • News\n\n{body}\n\nShare on Facebook\n\nGarden Hotels\n\nCity Tours\n\n\
             Senior Discounts\n\nWhat happens next\n\n{body} Again.\n"
        );
        let k = kept(&dump);
        assert!(k.contains(&"## What happens next".to_string()), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("Garden Hotels")), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("City Tours")), "{k:?}");
    }

    #[test]
    fn doubled_caption_dropped_with_its_copy() {
        let body = format!("{P1} {P2}");
        let cap =
            "The mayor speaks to residents on the new square during the opening on Monday evening.";
        let dump = format!("  • Home\n\n{cap}\n\n{cap}\n\n{body}\n\n{P2} {P1}\n");
        let k = kept(&dump);
        assert!(!k.iter().any(|t| t == cap), "{k:?}");
        assert_eq!(k.len(), 2, "{k:?}");
        // The second copy after a zoom button's label.
        let dump = format!("{body}\n\n{cap}\n\nBild vergrößern {cap}\n\n{P2} {P1}\n");
        let k = kept(&dump);
        assert!(!k.iter().any(|t| t.contains(cap)), "{k:?}");
        assert!(repeats_caption(cap, &format!("Enlarge {cap}")));
        // Alt text and caption run onto one line.
        assert!(doubled_line(&format!("{cap} {cap}")));
        assert!(!doubled_line(cap));
        assert!(!doubled_line("Ja ja ja ja"));
        assert!(!doubled_line(&[cap; 4].join(" ")));
        let dump = format!("{body}\n\n{cap} {cap}\n\n{P2} {P1}\n");
        assert_eq!(kept(&dump).len(), 2);
        // A sentence that ends with another's words is no copy of it.
        assert!(!repeats_caption(
            "the square was opened.",
            "On Monday the square was opened."
        ));
    }

    #[test]
    fn label_above_kept_text_kept() {
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n\n{body}\n\nShare on Facebook\n\nDas Beste kommt jetzt:\n\n{P2} {P1}\n\n{body} Again.\n"
        );
        let k = kept(&dump);
        assert!(k.contains(&"Das Beste kommt jetzt:".to_string()), "{k:?}");
    }

    #[test]
    fn list_under_related_heading_above_article_dropped() {
        let body = format!("{P1} {P2}");
        let dump = format!(
            "  • Home\n\nMost Popular\n\n  1. The council said that it would build a new square in the centre by the spring.\n  \
             2. The residents said that they were worried about all of the noise from the work.\n\n{body}\n\n{P2} {P1}\n"
        );
        let k = kept(&dump);
        assert_eq!(k.len(), 2, "{k:?}");
    }

    #[test]
    fn legal_notice_and_share_bar_comments() {
        assert!(is_legal_notice(
            "this material may not be published. ©2019 fox news network, llc. all rights reserved."
        ));
        assert!(!is_legal_notice("the © sign is old"));
        let dump = format!(
            "  • Facebook\n  • Twitter\n  • Comments\n  • Print\n\n{P1}\n\n  • Facebook\n  • Comments\n  • Email\n\n{P2}\n\n\
             This material may not be published, broadcast, rewritten, or redistributed. ©2019 Example Network, LLC. All rights reserved.\n"
        );
        let k = kept(&dump);
        assert_eq!(k, [P1, P2]);
    }

    #[test]
    fn page_counts_count_as_str_matches_does() {
        let units = lines::split("ababab PlanMayor\n\naaaa ab\n\nPlanMayors\n");
        let words = ["abab", "aa", "ab", "PlanMayor", "Nowhere", "ab"];
        let counts = page_counts(&units, words.iter().copied());
        for w in words {
            let naive: usize = units.iter().map(|u| u.text.matches(w).count()).sum();
            assert_eq!(counts[w], naive, "{w}");
        }
        assert_eq!(counts["abab"], 1);
        assert_eq!(counts["aa"], 2);
        assert_eq!(counts["PlanMayor"], 2);
    }

    #[test]
    fn glued_teasers() {
        assert_eq!(
            glued_teaser("Library Opens Late For Young Best-SellerA 19-year-old writer was"),
            Some("Best-SellerA")
        );
        assert_eq!(
            glued_teaser("City To Send Parking Permits To 40,000The city will send"),
            Some("40,000The")
        );
        assert_eq!(
            glued_teaser(
                "Council Backs New Bridge PlanMayor Jana Berg's bridge plan was approved."
            ),
            Some("PlanMayor")
        );
        assert_eq!(
            glued_teaser(
                "Is Violence In Sports On The Rise?Violence is part of the game in many sports."
            ),
            Some("Rise?Violence")
        );
        assert_eq!(
            glued_teaser(
                "The new iPhone and the MacBook were shown by McDonald at the event on Monday."
            ),
            None
        );
        assert_eq!(
            glued_teaser("Die BürgerInnen der Stadt haben am Montag abgestimmt."),
            None
        );
        // In a list they are related links; a brand repeated on the page is not.
        let dump = format!(
            "{P1}\n\nCouncil Backs New Bridge PlanMayor Jana Berg's bridge plan was approved by the council.\n\n\
             Is Violence In Sports On The Rise?Violence is part of the game in many sports these days.\n\n\
             The New MacBook Pro Arrives with a larger screen, and the MacBook keyboard is new again.\n\n{P2}\n"
        );
        let units = lines::split(&dump);
        let f = features(&units);
        assert_eq!(f[1].kind, Some(Kind::Related));
        assert_eq!(f[2].kind, Some(Kind::Related));
        assert_eq!(f[3].kind, None);
    }

    #[test]
    fn inline_related_box_skipped() {
        let p3 = "Achieving such a massive increase in data density was only possible through \
                  the creation of a new type of platter, which the company says it will ship next year \
                  to the makers of hard drives in Japan and in the rest of the world.";
        let dump = format!(
            "{P1}\n\n{P2}\n\nRelated\n\n  • Other story one\n  • Other story two\n\n{p3}\n\n\
             Related Posts\n\n  • Another story\n\n{P1} Again and again.\n"
        );
        let k = kept(&dump);
        assert_eq!(k, [P1, P2, p3]);
    }

    #[test]
    fn short_sentences_make_a_prose_run() {
        let dump = "  • Home\n  • Deals\n\n\
            Im Aktionszeitraum gleichzeitig zwei Gläser Kaffee bei dem Markt kaufen.\n\
            Bei Einsendung des Kassenbons und der ausgefüllten Karte gibt es dann einen Gutschein.\n\
            So kommt je Glas Kaffee ein Preis von 2,40 Euro zustande, wie man sieht.\n\
            So geht’s:\n\
            1. Zwei Gläser Kaffee im Markt kaufen.\n\
            2. Die Teilnehmerkarte ausfüllen und absenden.\n\
            3. Den Gutschein für den Einkauf erhalten.\n\n\
            Jetzt anmelden\n";
        let k = kept(dump);
        assert!(
            k.iter().any(|t| t.starts_with("Im Aktionszeitraum")),
            "{k:?}"
        );
    }

    #[test]
    fn template_lines_dropped_but_neutral_between_paragraphs() {
        let page = |story: &str| {
            format!(
                "Trending Now\n\n{P1} {story}\n\nEditors' Picks\n\n{P2} {story}\n\nWhat's Hot\n"
            )
        };
        let pages: Vec<String> = ["One.", "Two.", "Three."].iter().map(|s| page(s)).collect();
        let template = Template::from_texts(pages.iter().map(String::as_str));
        let units = lines::split(&pages[0]);
        let d = decide_with(&units, &template);
        let kept: Vec<&str> = units
            .iter()
            .zip(&d)
            .filter(|(_, d)| d.keep)
            .map(|(u, _)| &*u.text)
            .collect();
        assert_eq!(kept.len(), 2, "{kept:?}");
        assert!(kept[0].starts_with("The council") && kept[1].starts_with("Residents"));
        assert_eq!(d[2].kind, Some(Kind::Navigation));
    }

    #[test]
    fn inline_links_and_teaser_boxes_end_nothing() {
        assert!(inline_link(
            "Related: 7 Strange Signs You're Having an Allergic Reaction"
        ));
        assert!(!inline_link("Related Posts"));
        let p3 = "Dressed in black, the singer joined the band on stage for the last song of \
                  the night, and the crowd sang along to every word of it until the lights went \
                  down and the band left the stage for the very last time this year.";
        let p4 = "Tickets for the tour go on sale to the general public starting Friday, the \
                  band said in a statement.";
        let p5 = "The band's current tour goes on next week in the south, where it will play \
                  four more shows.";
        let dump = format!(
            "{P1}\n\n{p4}\n\nRelated: Seven Strange Signs of an Allergy\n\n{P2}\n\nRelated\n\n\
             Another Story Title\n\nA Third Story Title\n\n{p3}\n\n{p5}\n\n\
             Related Posts\n\nSome Teaser Title\n\n{P1} Teaser.\n"
        );
        let k = kept(&dump);
        assert_eq!(k, [P1, p4, P2, p3, p5]);
    }

    #[test]
    fn reading_time_line_dropped() {
        let dump = format!("Temps de lecture : 3 min\n\n{P1}\n\n{P2}\n");
        assert_eq!(kept(&dump), [P1, P2]);
    }

    #[test]
    fn share_prompts_dropped() {
        let dump =
            format!("Print this article\n\n{P1}\n\n{P2}\n\nShare your thoughts with friends.\n");
        assert_eq!(kept(&dump), [P1, P2]);
        assert!(social::is_share_prompt("diesen artikel teilen"));
    }

    #[test]
    fn inner_datelines() {
        assert_eq!(
            inner_dateline("Local baker wins national prize BERLIN: A local baker has"),
            Some("BERLIN:")
        );
        assert_eq!(
            inner_dateline("NEW DELHI: Their American dream shattered"),
            None
        );
        assert_eq!(
            inner_dateline("The plan has three parts: a new square"),
            None
        );
    }

    #[test]
    fn paywall_notice_ends_the_article() {
        let dump = format!(
            "{P1}\n\n{P2}\n\nTo view the full story, please subscribe to The Daily Example. \
             You can choose a plan that suits you.\n\n{P1} More.\n"
        );
        assert_eq!(kept(&dump), [P1, P2]);
    }

    #[test]
    fn glued_tag_lists() {
        assert!(glued_list(
            "Augmented RealityKundenserviceRemote SupportSmart Glasses"
        ));
        assert!(!glued_list("Die neue PowerPoint-Version für das iPhone"));
    }

    #[test]
    fn longer_inline_list_then_prose_resumes() {
        let long = "Mourinho, who also managed Porto, Real Madrid and Inter Milan, has won \
                    the league title in four different countries, and he said on Wednesday \
                    that he was looking forward to working with the players of the club.";
        let items: String = (1..=6)
            .map(|n| format!("  • Another headline number {n} about something else\n"))
            .collect();
        let dump = format!(
            "{P1}\n\n{P2}\n\nMore from UK\n\n{items}\n\
             \"He is renowned for his tactical prowess,\" the club said in its statement.\n\n{long}\n"
        );
        let k = kept(&dump);
        assert!(k.iter().any(|t| t.starts_with("Mourinho")), "{k:?}");
        assert!(!k.iter().any(|t| t.contains("Another headline")), "{k:?}");
    }

    #[test]
    fn shopping_list_with_links_is_one_run() {
        let rows: String = (1..=6)
            .map(|n| format!("{n}) Modellino numero {n} della macchina\nhttp://amzn.to/x{n}\n"))
            .collect();
        let units = lines::split(&rows);
        let f = features(&units);
        assert!(f.iter().step_by(2).all(|f| f.structured), "{f:?}");
    }

    #[test]
    fn ad_labels_and_read_also_boxes_inside_a_german_article() {
        let dump = "  * Startseite\n  * Politik\n\
            Regierung einigt sich auf Haushalt für das kommende Jahr\n\
            Nach wochenlangem Streit hat sich die Bundesregierung auf den Haushalt für das kommende Jahr geeinigt. Die Ausgaben sollen um zwei Prozent steigen, wie der Minister mitteilte.\n\
            Foto: dpa\n\
            Anzeige\n\
            Die Opposition sprach von einem Haushalt der verpassten Chancen, sagte die Fraktionsvorsitzende am Abend.\n\
            Mehr zum Thema\n\
              * Streit um die Schuldenbremse geht weiter\n\
              * Länder fordern mehr Geld vom Bund\n\
            Der Bundestag soll den Haushalt im Dezember beschließen, große Änderungen gelten als unwahrscheinlich.\n\
            Quelle: dpa\n\
            Artikel teilen\n";
        let k = kept(dump);
        assert_eq!(k.len(), 4, "{k:?}");
        assert!(k[2].starts_with("Die Opposition"), "{k:?}");
        assert!(k[3].starts_with("Der Bundestag"), "{k:?}");
    }

    #[test]
    fn more_stories_heading_and_author_box_end_the_article() {
        assert!(more_from_name("More Washington Examiner"));
        assert!(!more_from_name("More Weather"));
        assert!(!more_from_name("More than half of them left."));
        let dump = format!(
            "{P1}\n\n{P2}\n\nMore Great WIRED Stories\n\n  • One teaser title here\n  • Another teaser title\n\n\
             Will Knight is a senior writer for WIRED, covering artificial intelligence. He was previously \
             a senior editor at MIT Technology Review, where he wrote about fundamental advances in AI.\n"
        );
        assert_eq!(kept(&dump), [P1, P2]);
    }

    #[test]
    fn kicker_and_title_box_inside_a_news_article() {
        let s1 = "Authorities in the west of the country instituted a quarantine to stop the disease from spreading.";
        let s2 =
            "Tourists from several countries were stranded in the town for days as a result of it.";
        let mut dump = format!("{P1}\n\n{P2}\n\nMost read in world news\n\n");
        for k in 0..6 {
            dump.push_str(&format!(
                "KICKER {k}\n\nTeaser headline number {k} about something else\n\n"
            ));
        }
        dump.push_str(&format!("{s1}\n\n{s2}\n"));
        let k = kept(&dump);
        assert!(
            k.contains(&s1.to_string()) && k.contains(&s2.to_string()),
            "{k:?}"
        );
        assert!(!k.iter().any(|t| t.contains("Teaser headline")), "{k:?}");
    }

    #[test]
    fn teaser_list_with_read_more_links_ends_the_article() {
        let t1 = "Der Verband begrüßt das neue Projekt der Staatsregierung im Moor, kritisiert aber die \
                  geplanten Solarparks, die dort gebaut werden sollen, und fordert einen Stopp der Pläne.";
        let t2 = "Nun hat sich in der Stadt die sechste Hochschulgruppe des Verbands gegründet und erweitert \
                  damit das wachsende Netzwerk von engagierten Studierenden im ganzen Freistaat Bayern.";
        let p3 = "Die Arbeiten sollen im Frühjahr beginnen und bis zum Ende des kommenden Jahres dauern, \
                  teilte die Stadt mit, die mit Kosten von rund zwölf Millionen Euro für den Umbau rechnet.";
        let dump = format!(
            "{P1}\n\n{P2}\n\n{p3}\n\nJahrhundertchance im Moor nutzen\n\n{t1}\n\n\
             Weiterlesen … Jahrhundertchance im Moor nutzen\n\nHochschulgruppen gegründet\n\n{t2}\n\n\
             Weiterlesen … Hochschulgruppen gegründet\n"
        );
        assert_eq!(kept(&dump), [P1, P2, p3]);
    }

    #[test]
    fn captions_ending_with_their_credit() {
        assert!(ends_with_credit(
            "Maxi Taucher ist in der Weltspitze der Junioren angekommen. (Foto: Privat)"
        ));
        assert!(ends_with_credit(
            "Eine kleine runde Aussparung für die Kamera im Display. © Jon Prosser"
        ));
        assert!(ends_with_credit(
            "Beijing Chaoyang Hospital in BeijingCredit: EPA"
        ));
        assert!(!ends_with_credit(
            "Die Ermittlungen zum Fall gehen weiter, wie der Sender berichtete. (Quelle: SWR)"
        ));
        assert!(ends_with_credit(
            "Der Fuchs schläft im Winter gern in der Sonne. (Max Beispiel / iStock.com)"
        ));
        assert!(ends_with_credit(
            "Fans wave flags before the final in the old stadium. (AP Photo/Jane Roe)"
        ));
        // An agency named in prose is no credit.
        assert!(!ends_with_credit(
            "It was just a cheap photo frame from the market."
        ));
        assert!(!ends_with_credit(
            "Der Markt für Bildrechte wird heute von Getty Images und Shutterstock beherrscht."
        ));
        // An agency tag that signs a news paragraph is no picture credit.
        assert!(!ends_with_credit(
            "Die Polizei sucht weiter nach Zeugen des Unfalls. (dpa/lno)"
        ));
        let caption = "Der neue Platz am Abend nach der Eröffnung. Foto: Stadt";
        let dump = format!("{P1}\n\n{caption}\n\n{P2}\n");
        assert_eq!(kept(&dump), [P1, P2]);
    }

    /// The ASCII credit words hold a colon or a full stop (the quick test
    /// of `ends_with_credit` relies on it).
    #[test]
    fn ascii_credit_words_hold_a_colon_or_a_stop() {
        for w in CREDIT_WORDS.iter().filter(|w| w.is_ascii()) {
            assert!(w.contains([':', '.']), "{w}");
        }
    }

    /// Features taken from a line's first copy are those the line would
    /// get on its own.
    #[test]
    fn repeated_lines_share_the_features_of_their_first_copy() {
        // Menus printed twice, a label as a paragraph and as a list item,
        // a short line repeated (which makes it navigation), a long one.
        let long = "Der Bundestag hat am Donnerstag ein neues Gesetz beschlossen, \
            das die Emissionen bis 2030 deutlich senken soll, wie die Regierung \
            am Abend mitteilte.";
        let dump = format!(
            "  • Home\n  • News\n  • Sport\n\nTeilen\n\n{long}\n\n  • Teilen\n\n\
             Foto: dpa\n\n{long}\n\n  • Home\n  • News\n  • Sport\n\nTeilen\n\n\
             © 2024 Verlag GmbH\n\n© 2024 Verlag GmbH\n| a | b | c |\n| a | b | c |\n\
             Sonnige Tage am See\n│ Sonnige Tage am See │\n│ Sonnige Tage am See │\nSonnige Tage am See\n\n\
             200 g Mehl\n100 g Zucker\n3 Eier\n\n200 g Mehl\n100 g Zucker\n3 Eier\n\n\
             Council Backs New Bridge PlanMayor Jana Berg said\n\n\
             Council Backs New Bridge PlanMayor Jana Berg said\n\n\
             Новости и комментарии дня со всего мира\n\nНовости и комментарии дня со всего мира\n"
        );
        let units = lines::split(&dump);
        let lowers = Lowers::new(&units);
        let seen = short_texts(&units);
        let mut plain: Vec<Features> = (0..units.len())
            .map(|i| unit_features(&units[i], &lowers, i, &seen))
            .collect();
        mark_neighbours(&units, &lowers, &mut plain);
        assert_eq!(features(&units), plain);
        // The copies are there, under one tag and under two.
        let count = |t: &str| units.iter().filter(|u| u.text == t).count();
        assert_eq!(count("Home"), 2);
        assert_eq!(count("Teilen"), 3);
        // Short in characters, not in bytes.
        assert_eq!(count("Новости и комментарии дня со всего мира"), 2);
        let tags = |t: &str| {
            let mut v: Vec<BlockTag> = units
                .iter()
                .filter(|u| u.text == t)
                .map(|u| u.tag)
                .collect();
            v.dedup();
            v
        };
        assert_eq!(
            tags("Sonnige Tage am See"),
            [BlockTag::Paragraph, BlockTag::TableRow, BlockTag::Paragraph]
        );
    }

    /// `lower_case` agrees with `str::to_lowercase`: every character
    /// `lower_common` knows maps as the tables map it, and mixed lines come
    /// out the same.
    #[test]
    fn lower_case_agrees_with_the_unicode_tables() {
        for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
            if let Some(l) = lower_common(c) {
                assert_eq!(c.to_lowercase().collect::<String>(), l.to_string(), "{c:?}");
            }
        }
        for t in [
            "",
            "ÄÖÜ Straße GROẞ — „Zitat“ – ’s",
            "ΣΑΣ ΟΔΟΣ σας",
            "ΑΘΗΝΑ ΚΑΙ ΠΕΙΡΑΙΑ",
            "İstanbul KELVIN \u{212a} Å Ǆ ǅ",
            "Привет МИР ЁЖ Їжак",
            "Mixed ASCII and ÜMLAUTS at the END ÿ",
            "中文 内容 ١٢٣ ٤ \u{a0}THE\u{3000}END",
        ] {
            assert_eq!(lower_case(t), t.to_lowercase(), "{t:?}");
        }
    }

    /// `ascii_capitals` finds the capitals a byte-by-byte loop finds, at
    /// every cut (so the word-wide reads end on every position).
    #[test]
    fn ascii_capitals_found_as_a_byte_loop_finds_them() {
        let all: Vec<u8> = (0..128).collect();
        let texts = [
            &all[..],
            b"",
            b"A",
            b"Council Backs New Bridge PlanMayor Jana",
            b"@[`{AZaz09 ZZZZZZZZZ",
        ];
        for t in texts {
            for cut in 0..=t.len() {
                let t = &t[..cut];
                let want: Vec<usize> = (0..t.len())
                    .filter(|&i| t[i].is_ascii_uppercase())
                    .collect();
                assert_eq!(ascii_capitals(t).collect::<Vec<_>>(), want, "{t:?}");
            }
        }
    }

    /// A space of several bytes (narrow no-break, ideographic) before the
    /// glued word: the word starts after the whole space.
    #[test]
    fn glued_teaser_after_a_wide_space() {
        for space in ['\u{202f}', '\u{3000}', '\u{a0}', ' '] {
            let line = format!("Council Backs New{space}PlanMayor Jana Berg said");
            assert_eq!(glued_teaser(&line), Some("PlanMayor"), "{line:?}");
        }
    }

    /// The ASCII fast paths of `ends_with_credit` and `glued_teaser` agree
    /// with the character-by-character ones, at every cut of sample lines
    /// (so the tail and the headline window fall on every position).
    #[test]
    fn ascii_fast_paths_agree_with_the_char_paths() {
        let lines = [
            "Fans wave flags before the final in the old stadium. (AP Photo/Jane Roe)",
            "Der Fuchs schläft im Winter gern in der Sonne. (Max Beispiel / iStock.com)",
            "Beijing Chaoyang Hospital in BeijingCredit: EPA and more words after it",
            "A photo FOTO: x BILD: y | Getty Images (Shutterstock) / UNSPLASH; imago",
            "Crédit photo : Jean Dupont, Image © 2020 ISTOCK getty images",
            "Council Backs New Bridge PlanMayor Jana Berg's bridge plan was approved today",
            "Best-SellerA 19-year-old wins 40,000The prize (Live Video)Some more Text Here",
            "Über Den Neuen PlatzDer Bürgermeister sagte am Abend, dass alles gut wird",
            "The iPhone And MacBook Are HereApple said on Monday that its new devices",
            "Short OneTwo",
            "Augmented RealityKundenservice Remote SupportSmart GlassesMore TagsHere",
            "ÄrzteHausÜbersicht überAll RealityKunden",
        ];
        for line in lines {
            let line = line.repeat(3);
            for (cut, _) in line.char_indices() {
                let t = &line[cut..];
                assert_eq!(ends_with_credit(t), ends_with_credit_lowered(t), "{t:?}");
                assert_eq!(glued_teaser(t), glued_teaser_chars(t), "{t:?}");
                assert_eq!(glued_list(t), glued_list_chars(t), "{t:?}");
                let t = &line[..cut];
                assert_eq!(glued_list(t), glued_list_chars(t), "{t:?}");
                assert_eq!(ends_with_credit(t), ends_with_credit_lowered(t), "{t:?}");
                assert_eq!(glued_teaser(t), glued_teaser_chars(t), "{t:?}");
            }
        }
    }

    #[test]
    fn long_teasers_after_a_related_heading_do_not_outweigh_the_article() {
        let p3 = "Works on the square will start in March and should be finished by the end of next \
                  year, the city said, which expects the renovation to cost about twelve million euros.";
        let teaser = "Another long teaser summary about a completely different topic follows here, and \
                      it goes on and on with full sentences so that it looks like prose of its own.";
        let p4 = "Shop owners on the square hope that the new benches and trees will bring more people \
                  into the centre, while some residents fear that the evenings there will get louder.";
        let mut dump = format!("{P1}\n\n{P2}\n\n{p3}\n\n{p4}\n\nYou may also like\n\n");
        for k in 0..12 {
            dump.push_str(&format!("Teaser {k}: {teaser}\n\n"));
        }
        assert_eq!(kept(&dump), [P1, P2, p3, p4]);
    }

    #[test]
    fn promotion_box_with_a_button_line_dropped() {
        let blurb = "In unserem Seminar erarbeiten Sie anhand verschiedener Übungen eigene \
                     Einsatzszenarien für die Anwendung der Technik in Ihrem Unternehmen.";
        let dump = format!("{P1}\n\nUnser Seminar\n\n{blurb}\n\nmehr erfahren\n\n{P2}\n");
        assert_eq!(kept(&dump), [P1, P2]);
        assert!(closings::is_call_to_action("jetzt herunterladen!"));
        assert!(!closings::is_call_to_action(
            "mehr erfahren sie in unserem ratgeber"
        ));
    }

    #[test]
    fn author_named_again_after_the_article_opens_its_box() {
        assert_eq!(
            dateline_name("4. März 2025 Greta Lindqvist 12"),
            Some("Greta Lindqvist".to_string())
        );
        assert_eq!(dateline_name("4. März 2025"), None);
        // A headline or a teaser that holds a date names no author.
        assert_eq!(
            dateline_name("Jonas Berg in Lyon: Besuch am 12. März 2024"),
            None
        );
        assert_eq!(
            dateline_name("March 3, 2024 Jonas Berg signs the bridge bill"),
            None
        );
        let authors = ["greta lindqvist".to_string()];
        assert!(names_author("Über Greta Lindqvist 88 Artikel", &authors));
        assert!(names_author("About Greta Lindqvist", &authors));
        assert!(names_author(
            "GRETA LINDQVIST is a reporter who has covered the city hall for twelve years.",
            &authors
        ));
        // The article speaking of its author, and a subheading quoting her,
        // are no box.
        assert!(!names_author(
            "Greta Lindqvist hat die Sitzung für unsere Zeitung verfolgt und mitgeschrieben.",
            &authors
        ));
        assert!(!names_author("Das sagt Greta Lindqvist", &authors));
        // A speaker in an interview, and prose that names her, are no box.
        assert!(!names_author(
            "Greta Lindqvist: Why did you stay?",
            &authors
        ));
        assert!(!names_author(
            "Then Greta Lindqvist asked the mayor about it.",
            &authors
        ));
        let bio = "Seit vielen Jahren schreibt sie über Verkehr und Stadtplanung, am liebsten \
                   mit dem Fahrrad unterwegs und stets auf der Suche nach guten Geschichten.";
        let dump = format!(
            "  • Start\n  • Stadt\n\nNeue Brücke über den Fluss\n\n4. März 2025 Greta Lindqvist 12\n\n\
             {P1}\n\n{P2}\n\nÜber Greta Lindqvist 88 Artikel\n\n{bio}\n"
        );
        assert_eq!(kept(&dump)[1..], [P1, P2]);
        // Without the dateline, the bio is not known for one.
        let dump = format!("Neue Brücke über den Fluss\n\n{P1}\n\n{P2}\n\n{bio}\n");
        assert!(kept(&dump).contains(&bio.to_string()));
    }

    #[test]
    fn lead_under_the_headline_that_ends_the_breadcrumb_trail() {
        let lead = "Die Stadt hat am Montag den Bau einer neuen Brücke beschlossen, die ab dem \
                    Frühjahr die beiden Ufer verbinden soll.";
        let paywall = "  • Jetzt abonnieren\n  • Alle Artikel lesen\n\nAbo ab 9,99 EUR\n\n\
                       Jetzt testen\n\nMonatsabo\n\nJahresabo\n\nSchon Abonnent?\n\n";
        let (b1, b2) = (format!("{P1} {P2}"), format!("{P2} {P1}"));
        for crumb in [
            " 1. Start\n 2. Stadt\n 3. Neue Brücke für die Altstadt\n\n",
            "Start » Stadt » Neue Brücke für die Altstadt\n\n",
        ] {
            let dump = format!(
                "{crumb}Neue Brücke für die Altstadt\n\nvon Greta Lindqvist\n\n{lead}\n\n\
                 {paywall}{b1}\n\n{b2}\n"
            );
            let got = kept(&dump);
            assert!(got.contains(&lead.to_string()), "{got:?}");
            assert!(got.ends_with(&[b1.clone(), b2.clone()]));
        }
        // A teaser's title that is in no trail: its summary stays out.
        let dump = format!(
            " 1. Start\n 2. Stadt\n\nNeue Brücke für die Altstadt\n\n{lead}\n\n{paywall}{b1}\n\n{b2}\n"
        );
        let got = kept(&dump);
        assert!(!got.contains(&lead.to_string()), "{got:?}");
        // A section title that repeats a menu item is no headline.
        let dump = format!("  • Politik\n  • Stadt\n\nStadt\n\n{lead}\n\n{paywall}{b1}\n\n{b2}\n");
        let got = kept(&dump);
        assert!(!got.contains(&lead.to_string()), "{got:?}");
    }

    #[test]
    fn a_sentence_with_von_or_by_is_no_byline() {
        assert!(is_date_or_byline("Von Greta Lindqvist", 3));
        assert!(is_date_or_byline("Text by Jane Roe | Photos", 6));
        for sentence in [
            "Die Klage von Anna Berg, die am Fluss wohnt, wurde abgewiesen.",
            "The plan was approved by City Council, and work starts soon.",
        ] {
            // The byline reader alone takes a name from them.
            assert!(metadata::text::byline_author(sentence).is_some());
            assert!(!is_date_or_byline(sentence, word_count(sentence)));
        }
    }

    #[test]
    fn closing_sentences_below_the_last_paragraph_kept() {
        let (b1, b2) = (format!("{P1} {P2}"), format!("{P2} {P1}"));
        let dump = format!(
            "{b1}\n\n{b2}\n\nIch hoffe, euch gefällt der neue Platz.\n\nWas meint ihr dazu?\n\n\
             Tags: Stadt, Platz\n\nEin kurzer Satz ganz unten.\n"
        );
        assert_eq!(
            kept(&dump),
            [
                b1.as_str(),
                b2.as_str(),
                "Ich hoffe, euch gefällt der neue Platz.",
                "Was meint ihr dazu?"
            ]
        );
        // Boilerplate wording stops them.
        let dump =
            format!("{b1}\n\n{b2}\n\nShare this article on Facebook.\n\nWas meint ihr dazu?\n");
        assert_eq!(kept(&dump), [b1, b2]);
    }

    #[test]
    fn step_numbers_do_not_split_the_instructions() {
        assert!(is_step_number("3"));
        assert!(is_step_number("12."));
        assert!(!is_step_number("2024"));
        assert!(!is_step_number("3 Eier"));
        let s1 = "Den Ofen vorheizen und die Form gut einfetten, dann das Mehl mit der Butter, \
                  dem Zucker und einer Prise Salz in einer großen Schüssel zu einem glatten Teig \
                  verkneten und ihn eine halbe Stunde an einem kühlen Ort ruhen lassen.";
        let s2 = "Den Teig dünn ausrollen, in die Form legen und mehrmals mit einer Gabel \
                  einstechen. Die Äpfel schälen, in feine Scheiben schneiden und gleichmäßig \
                  darauf verteilen, bevor alles in den Ofen kommt und goldbraun gebacken wird.";
        let dump =
            format!("1\n\n{s1}\n\nUmluft etwa 180 °C\n\n2\n\nBelag\n\n{s2}\n\n3\n\n{P1} {P2}\n");
        let got = kept(&dump);
        assert!(
            got.contains(&"## Umluft etwa 180 °C".to_string()),
            "{got:?}"
        );
        assert!(!got.iter().any(|t| t == "2" || t == "3"));
    }

    #[test]
    fn recipe_card_lists_below_the_article_kept() {
        let (b1, b2) = (format!("{P1} {P2}"), format!("{P2} {P1}"));
        let card = "Apfelkuchen vom Blech\n\nDrucken\n\nPortionen\n\n12\n\nZeit\n\n45\n\nMinuten\n\n\
                    Zutaten\n\n  • 3 Äpfel\n  • Eine Prise Salz\n  • Für den Guss:\n  • 2 EL Zucker\n\n\
                    Zubereitung\n\n  • Die Äpfel schälen und in Spalten schneiden.\n\n\u{2063}\n\n\
                    \x20 • Den Teig damit belegen und backen.\n\n";
        let dump =
            format!("  • Start\n  • Rezepte\n\n{b1}\n\n{b2}\n\n{card}Kommentare\n\n  • Teilen\n");
        let got = kept(&dump);
        for item in [
            "3 Äpfel",
            "Eine Prise Salz",
            "2 EL Zucker",
            "Den Teig damit belegen und backen.",
        ] {
            assert!(got.contains(&item.to_string()), "{item}: {got:?}");
        }
        assert!(
            !got.iter()
                .any(|t| t.contains("Teilen") || t.contains("Start"))
        );
        // A menu headed like a recipe section, above the article, is a menu.
        let dump = format!(
            "Zutaten

  • Fleisch
  • Gemüse
  • Obst
  • Nudeln und Reis

{b1}

{b2}
"
        );
        let got = kept(&dump);
        assert!(!got.iter().any(|t| t == "Gemüse"), "{got:?}");
    }

    #[test]
    fn long_read_also_line_inside_the_article_dropped_alone() {
        let (b1, b2) = (format!("{P1} {P2}"), format!("{P2} {P1}"));
        let link = "Lesen Sie hier: Stadtrat streitet seit Wochen über die Zukunft des alten \
                    Bahnhofs und die Pläne für ein neues Viertel";
        assert!(word_count(link) > 14);
        let dump = format!("{b1}\n\n{link}\n\n{b2}\n");
        assert_eq!(kept(&dump), [b1, b2]);
    }
}
