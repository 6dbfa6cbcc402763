//! The picture of the network: "you" in the centre, close people on the inner
//! ring, others on the outer ring. Kind of relation is the node's shape and
//! "knows you are looking" is filled versus open and dashed, so it reads in
//! black and white. A table below says the same in words, for screen readers
//! and for the printout.

use plugin_host::contract::netwerkscan::{Person, Questionnaire};
use plugin_host::contract::{Choice, Lang};
use yew::prelude::*;

use super::texts::texts;
use crate::i18n::fill;
use crate::ui::use_ui;

// The picture is 400 × 410 units (the bottom label needs the 10): you in
// the centre, the close people on the inner ring, the others on the outer
// one (radii as in the SVG below).
const CENTRE: f64 = 200.0;
const CENTRE_TEXT: &str = "200";
const INNER: f64 = 95.0;
const OUTER: f64 = 165.0;
/// Longest label drawn in the picture (at a phone's text size, 11 fit
/// between two neighbours on the outer ring); the whole name is the node's
/// title and in the table.
const LABEL_CHARS: usize = 11;
/// Nodes this far left or right of the centre have their label run inwards,
/// so it is not cut off at the picture's edge.
const LABEL_SIDE: i32 = 120;

/// The shape that stands for a kind of relation.
#[derive(Clone, Copy, PartialEq)]
enum Shape {
    /// Family, friends, and relations the default script does not know.
    Circle,
    /// Neighbourhood, club, school, volunteering.
    Square,
    /// Work and professional help.
    Diamond,
}

fn shape(relation: &str) -> Shape {
    match relation {
        "neighbourhood" | "club" | "school" | "volunteering" => Shape::Square,
        "work" | "professional" => Shape::Diamond,
        _ => Shape::Circle,
    }
}

/// Props of [`NetworkMap`].
#[derive(Properties, PartialEq)]
pub struct NetworkMapProps {
    /// The people to draw.
    pub people: Vec<Person>,
    /// For the labels of relations and kinds of help.
    pub questionnaire: Questionnaire,
}

// Coordinates are whole numbers: a pixel is fine enough in a 400-unit
// picture, and formatting floats would add their code to the bundle.
fn node(shape: Shape, x: i32, y: i32, class: &'static str) -> Html {
    match shape {
        Shape::Circle => html! { <circle {class} cx={x.to_string()} cy={y.to_string()} r="15" /> },
        Shape::Square => html! {
            <rect {class} x={(x - 13).to_string()} y={(y - 13).to_string()} width="26" height="26" />
        },
        Shape::Diamond => html! {
            <polygon {class} points={format!("{x},{} {},{y} {x},{} {},{y}", y - 17, x + 17, y + 17, x - 17)} />
        },
    }
}

fn legend_icon(shape: Shape, class: &'static str) -> Html {
    html! {
        <svg class="bg-legend-icon" viewBox="0 0 40 40" aria-hidden="true" focusable="false">
            { node(shape, 20, 20, class) }
        </svg>
    }
}

/// The picture alone, labelled with what it shows: with its legend and table
/// in [`NetworkMap`], and small beside another in "then and now".
pub fn picture(people: &[Person], lang: Lang) -> Html {
    let t = texts(lang);
    let close: Vec<&Person> = people.iter().filter(|p| p.close).collect();
    let others: Vec<&Person> = people.iter().filter(|p| !p.close).collect();
    let knows = people.iter().filter(|p| p.knows_looking).count();
    let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
    let summary = fill(
        t.picture_label,
        &[
            ("close", &t.picture_close.of(lang, count(close.len()))),
            ("others", &t.picture_others.of(lang, count(others.len()))),
            ("knows", &t.picture_knows.of(lang, count(knows))),
        ],
    );
    let ring = |people: &[&Person], radius: f64| -> Html {
        let n = people.len().max(1) as f64;
        people
            .iter()
            .enumerate()
            .map(|(i, p)| {
                // Start at the top and go round; the same in both text directions.
                // The browser's Math.cos and Math.sin, not Rust's: these two
                // calls brought 7.5 KB of libm into the UI module.
                let angle = -std::f64::consts::FRAC_PI_2 + std::f64::consts::TAU * i as f64 / n;
                let (x, y) = (
                    (CENTRE + radius * js_sys::Math::cos(angle)).round() as i32,
                    (CENTRE + radius * js_sys::Math::sin(angle)).round() as i32,
                );
                let class = if p.knows_looking { "bg-node bg-node-knows" } else { "bg-node bg-node-unknown" };
                let label: String = if p.name.chars().count() > LABEL_CHARS {
                    p.name.chars().take(LABEL_CHARS - 1).chain(std::iter::once('…')).collect()
                } else {
                    p.name.clone()
                };
                // "start" and "end" follow the text direction: in Arabic a
                // label that starts runs leftwards, so pick by direction.
                let (left, right) = if lang.is_rtl() { ("end", "start") } else { ("start", "end") };
                let (anchor, label_x) = match x - CENTRE as i32 {
                    dx if dx < -LABEL_SIDE => (left, x - 18),
                    dx if dx > LABEL_SIDE => (right, x + 18),
                    _ => ("middle", x),
                };
                html! {
                    <g class="bg-person-node" data-close={p.close.to_string()} data-knows={p.knows_looking.to_string()}>
                        <title>{ &p.name }</title>
                        <line class="bg-tie" x1={CENTRE_TEXT} y1={CENTRE_TEXT} x2={x.to_string()} y2={y.to_string()} />
                        { node(shape(&p.relation), x, y, class) }
                        <text class="bg-node-label" x={label_x.to_string()} y={(y + 36).to_string()} text-anchor={anchor}>{ label }</text>
                    </g>
                }
            })
            .collect()
    };
    html! {
        <svg class="bg-map-picture" viewBox="0 0 400 410" role="img" aria-label={summary}>
            <circle class="bg-ring" cx={CENTRE_TEXT} cy={CENTRE_TEXT} r="95" />
            <circle class="bg-ring" cx={CENTRE_TEXT} cy={CENTRE_TEXT} r="165" />
            { ring(&others, OUTER) }
            { ring(&close, INNER) }
            <circle class="bg-you" cx={CENTRE_TEXT} cy={CENTRE_TEXT} r="30" />
            <text class="bg-you-label" x={CENTRE_TEXT} y="205" text-anchor="middle">{ t.you }</text>
        </svg>
    }
}

/// The network picture, its legend and its table.
#[component]
pub fn NetworkMap(props: &NetworkMapProps) -> Html {
    let lang = use_ui().lang;
    let t = texts(lang);
    let label_of = |choices: &[Choice], id: &str| {
        choices
            .iter()
            .find(|c| c.id == id)
            .map(|c| c.label.clone())
            .unwrap_or_default()
    };
    let yes_no = |b: bool| if b { t.yes } else { t.no };

    html! {
        <div class="bg-map">
            <h4 id="bg-map-title">{ t.picture_heading }</h4>
            { picture(&props.people, lang) }
            <ul class="bg-legend">
                <li>{ legend_icon(Shape::Circle, "bg-node bg-node-knows") }{ t.legend_knows }</li>
                <li>{ legend_icon(Shape::Circle, "bg-node bg-node-unknown") }{ t.legend_not_knows }</li>
                <li>{ legend_icon(Shape::Circle, "bg-node bg-node-plain") }{ t.legend_personal }</li>
                <li>{ legend_icon(Shape::Square, "bg-node bg-node-plain") }{ t.legend_community }</li>
                <li>{ legend_icon(Shape::Diamond, "bg-node bg-node-plain") }{ t.legend_work }</li>
            </ul>
            if !props.people.is_empty() {
                <div class="bg-table-wrap" tabindex="0" role="region" aria-labelledby="bg-people-caption">
                    <table class="bg-people-table">
                        // The summary is the picture's label: said once.
                        <caption id="bg-people-caption">{ t.table_caption }</caption>
                        <thead><tr>
                            <th scope="col">{ t.col_name }</th>
                            <th scope="col">{ t.col_relation }</th>
                            <th scope="col">{ t.col_close }</th>
                            <th scope="col">{ t.col_knows }</th>
                            <th scope="col">{ t.col_gives }</th>
                        </tr></thead>
                        <tbody>
                            { for props.people.iter().map(|p| html! {
                                <tr>
                                    <th scope="row">{ &p.name }</th>
                                    <td>{ label_of(&props.questionnaire.relations, &p.relation) }</td>
                                    <td>{ yes_no(p.close) }</td>
                                    <td>{ yes_no(p.knows_looking) }</td>
                                    <td>{ p.gives.iter().map(|g| label_of(&props.questionnaire.supports, g)).collect::<Vec<_>>().join(", ") }</td>
                                </tr>
                            }) }
                        </tbody>
                    </table>
                </div>
            }
        </div>
    }
}
