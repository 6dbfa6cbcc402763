//! The code a person shows at the door: the server's QR modules drawn as
//! one SVG path (no QR library in the bundle), with a quiet zone and a
//! name for screen readers.

use plugin_host::contract::vacaturecafe::DoorCode;
use yew::prelude::*;

use super::texts::texts;
use crate::ui::use_ui;

/// Props of [`DoorCodeView`].
#[derive(Properties, PartialEq)]
pub struct DoorCodeViewProps {
    /// The code from the server's answer.
    pub code: DoorCode,
}

/// Light modules around the code, as scanners need.
const QUIET: u32 = 4;

/// The door code with what it is for.
#[component]
pub fn DoorCodeView(props: &DoorCodeViewProps) -> Html {
    let ui = use_ui();
    let t = texts(ui.lang);
    let path: String = props
        .code
        .dark()
        .map(|(x, y)| format!("M{} {}h1v1h-1z", x + QUIET, y + QUIET))
        .collect();
    let side = props.code.size + 2 * QUIET;
    html! {
        <div class="bg-door-code">
            <h4>{ t.door_code }</h4>
            <p>{ t.door_code_help }</p>
            <svg xmlns="http://www.w3.org/2000/svg" viewBox={format!("0 0 {side} {side}")}
                role="img" aria-label={t.door_code} shape-rendering="crispEdges">
                <rect width={side.to_string()} height={side.to_string()} fill="#fff" />
                <path d={path} fill="#000" />
            </svg>
        </div>
    }
}
