//! What a person can do with their answers: print the result for a job coach,
//! download the answers as a file, load such a file back, and remove them.
//! Nothing here uses the network.

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::{JsFuture, spawn_local};
use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::state::{FileRefusal, Loading, Saved};
use super::texts::texts;
use crate::components::remove_data::RemoveData;
use crate::i18n::fill;
use crate::ui::use_ui;

/// Props of [`SaveLoad`].
#[derive(Properties, PartialEq)]
pub struct SaveLoadProps {
    /// The answers to download.
    pub saved: Saved,
    /// Whether to offer printing and downloading (on the result).
    #[prop_or_default]
    pub printable: bool,
    /// Whether there is anything to remove.
    #[prop_or_default]
    pub has_answers: bool,

    /// Called with answers loaded from a file.
    pub onload: Callback<Saved>,
    /// Called when the person removes their answers.
    pub onremove: Callback<()>,
}

#[derive(Clone, PartialEq)]
enum Notice {
    None,
    Loaded,
    /// Kept beside the answers here: the loaded scan's day.
    KeptBeside(String),
    /// The very same scan is here already: its day.
    AlreadyHere(String),
    LoadFailed,
}

/// Print, download, load and remove.
#[component]
pub fn SaveLoad(props: &SaveLoadProps) -> Html {
    let notice = use_state(|| Notice::None);
    let ui = use_ui();
    let t = texts(ui.lang);

    let onprint = {
        let ui = ui.clone();
        Callback::from(move |_| ui.print_alone())
    };
    let ondownload = {
        let saved = props.saved.clone();
        Callback::from(move |_| {
            let result = serde_json::to_string_pretty(&saved)
                .map_err(|e| JsValue::from_str(&e.to_string()))
                .and_then(|json| download("netwerkscan.json", &json));
            if let Err(e) = result {
                web_sys::console::error_2(&"Bondgenoot: download failed".into(), &e);
            }
        })
    };
    let onfile = {
        let (onload, here) = (props.onload.clone(), props.saved.clone());
        let notice = notice.clone();
        Callback::from(move |e: Event| {
            let input: HtmlInputElement = e.target_unchecked_into();
            let Some(file) = input.files().and_then(|f| f.get(0)) else {
                return;
            };
            input.set_value("");
            let (onload, notice, here) = (onload.clone(), notice.clone(), here.clone());
            spawn_local(async move {
                match read(&file).await {
                    Ok(saved) => {
                        // Said as the reducer does it (one `loading` for both).
                        notice.set(match here.loading(&saved) {
                            Loading::Replaces => Notice::Loaded,
                            Loading::Beside => Notice::KeptBeside(saved.date.clone()),
                            Loading::AlreadyHere => Notice::AlreadyHere(saved.date.clone()),
                        });
                        onload.emit(saved);
                    }
                    Err(refusal) => {
                        web_sys::console::warn_1(&format!("Bondgenoot: {refusal}").into());
                        notice.set(Notice::LoadFailed);
                    }
                }
            });
        })
    };
    html! {
        <div class="bg-actions">
            if props.printable {
                <button type="button" class="bg-button" onclick={onprint}>{ ui.common().print }</button>
                <button type="button" class="bg-button" onclick={ondownload}>{ t.download }</button>
            }
            <label class="bg-button bg-file" for="bg-load-file">
                { t.load }
                <input id="bg-load-file" class="bg-sr-only" type="file" accept=".json,application/json" onchange={onfile} />
            </label>
            <RemoveData has_data={props.has_answers} onremove={props.onremove.clone()} />
            <p class="bg-notice" role="status">{ match &*notice {
                Notice::Loaded => t.loaded.to_owned(),
                Notice::KeptBeside(date) => fill(t.kept_beside, &[("date", &ui.day(date))]),
                Notice::AlreadyHere(date) => fill(t.already_here, &[("date", &ui.day(date))]),
                _ => String::new(),
            } }</p>
            if *notice == Notice::LoadFailed {
                <p class="bg-field-error" role="alert">{ t.load_error }</p>
            }
        </div>
    }
}

/// Reads answers from a file the person chose.
async fn read(file: &web_sys::File) -> Result<Saved, FileRefusal> {
    Saved::check_size(file.size())?;
    let text = JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or(FileRefusal::Unreadable)?;
    Saved::read(&text)
}

/// Saves `text` as a file through a temporary `blob:` link.
fn download(name: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(
        &js_sys::Array::of1(&text.into()),
        &options,
    )?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoking at once can cancel the download in some browsers.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 60_000)?;
    Ok(())
}
