//! One café's facts: what, when, where, who, which languages, places left.

use plugin_host::contract::vacaturecafe::CafeListing;
use yew::prelude::*;

use super::texts::texts;
use crate::i18n::local_date;
use crate::ui::use_ui;

/// "dinsdag 1 december": a café is this year or next, its weekday matters.
const CAFE_DAY: &[(&str, &str)] = &[("weekday", "long"), ("day", "numeric"), ("month", "long")];

/// Props of [`CafeCard`].
#[derive(Properties, PartialEq)]
pub struct CafeCardProps {
    /// The café.
    pub cafe: CafeListing,
    /// The heading level's tag, e.g. `h3`.
    #[prop_or("h3".into())]
    pub heading: AttrValue,
    /// Buttons or links under the facts.
    #[prop_or_default]
    pub children: Html,
}

/// A café's facts.
#[component]
pub fn CafeCard(props: &CafeCardProps) -> Html {
    let ui = use_ui();
    let t = texts(ui.lang);
    let c = &props.cafe.cafe.details;
    let left = props.cafe.counts.places_left;
    let places = match left {
        0 => t.full.to_owned(),
        n => t.places_left.of(ui.lang, n),
    };
    let list = |label: &'static str, items: Vec<String>| {
        (!items.is_empty()).then(|| html! { <><dt>{ label }</dt><dd>{ items.join(", ") }</dd></> })
    };
    let languages = c
        .languages
        .iter()
        .map(|l| t.lang_name(l).to_owned())
        .collect();
    html! {
        <article class="bg-cafe" aria-labelledby={format!("bg-cafe-{}", props.cafe.cafe.id)}>
            <@{props.heading.to_string()} id={format!("bg-cafe-{}", props.cafe.cafe.id)} class="bg-cafe-title">{ &c.title }</@>
            if !c.description.is_empty() { <p>{ &c.description }</p> }
            <dl class="bg-facts">
                <dt>{ t.when }</dt>
                <dd>{ format!("{}, {}–{}", local_date(&c.date, ui.lang, CAFE_DAY), c.start, c.end) }</dd>
                <dt>{ t.place }</dt>
                <dd>{ format!("{}, {}", c.place, c.address) }</dd>
                { for list(t.sectors, c.sectors.clone()) }
                { for list(t.employers, c.employers.clone()) }
                { for list(t.languages, languages) }
            </dl>
            <p class={classes!("bg-places", (left == 0).then_some("bg-places-full"))}>{ places }</p>
            { props.children.clone() }
        </article>
    }
}
