//! "Read aloud": a button beside a question or a step that reads its text
//! in the widget's language with the browser's own speech synthesis (the
//! Web Speech API). Nothing is sent anywhere: the voice is the device's.
//! Where the device has no voice for the language, there is no button (a
//! voice for another language would read Dutch as if it were English).
//! Pressed again, or when the text goes away (the person moves on), it
//! stops. Browsers list their voices late: the button appears when they do.

use std::cell::Cell;
use std::rc::Rc;

use plugin_host::contract::Lang;
use wasm_bindgen::JsCast as _;
use wasm_bindgen::closure::Closure;
use web_sys::{SpeechSynthesis, SpeechSynthesisUtterance, SpeechSynthesisVoice};
use yew::prelude::*;

use crate::ui::use_ui;

/// Props of [`ReadAloud`].
#[derive(Properties, PartialEq)]
pub struct ReadAloudProps {
    /// What is read, in the widget's language.
    pub text: AttrValue,
    /// What it reads, in a few words (the question, the step's title): the
    /// button's name for a screen reader is "Read aloud: …", so the buttons
    /// of a form are told apart (and the visible words start the name).
    pub about: AttrValue,
}

/// What a question with its options (or an item with its help and levels)
/// sounds like: the parts that have words, one sentence each.
pub fn spoken<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    parts
        .into_iter()
        .filter(|part| !part.is_empty())
        .collect::<Vec<_>>()
        .join(". ")
}

fn synthesis() -> Option<SpeechSynthesis> {
    web_sys::window()?.speech_synthesis().ok()
}

/// The device's first voice for `lang` (`nl`, `nl-NL`, `nl-BE`…), if any.
fn voice(lang: Lang) -> Option<SpeechSynthesisVoice> {
    synthesis()?
        .get_voices()
        .iter()
        .map(|v| v.unchecked_into::<SpeechSynthesisVoice>())
        .find(|v| {
            let tag = v.lang().to_ascii_lowercase().replace('_', "-");
            tag == lang.tag() || tag.starts_with(&format!("{}-", lang.tag()))
        })
}

/// Stops whatever reads now (its button says "read" again).
pub fn stop() {
    if let Some(s) = synthesis() {
        s.cancel();
    }
}

/// A button that reads `text` aloud, or nothing without a voice.
#[component]
pub fn ReadAloud(props: &ReadAloudProps) -> Html {
    let ui = use_ui();
    let lang = ui.lang;
    let has_voice = use_state_eq(|| voice(lang).is_some());
    // Whether this button's text is being read now: one cell that the click,
    // the browser's end event and the clean-up all see as it is (a state
    // handle holds its render's value), and a re-render when it changes.
    let speaking = use_memo((), |()| Rc::new(Cell::new(false)));
    let rerender = use_force_update();
    {
        // Voices that arrive after the first render make the button appear.
        let has_voice = has_voice.clone();
        use_effect_with(lang, move |&lang| {
            let check = move || has_voice.set(voice(lang).is_some());
            let listener = Closure::<dyn Fn()>::new(check.clone());
            let synth = synthesis();
            if let Some(s) = &synth {
                let _ = s.add_event_listener_with_callback(
                    "voiceschanged",
                    listener.as_ref().unchecked_ref(),
                );
            }
            // Asked again once listening: voices that came between the first
            // render and now sent their event to nobody, and a new language
            // may have a voice where the old one had none (or the reverse).
            check();
            move || {
                if let Some(s) = &synth {
                    let _ = s.remove_event_listener_with_callback(
                        "voiceschanged",
                        listener.as_ref().unchecked_ref(),
                    );
                }
            }
        });
    }
    {
        // Moving on (the question or step goes away) stops the reading.
        let speaking = Rc::clone(&speaking);
        use_effect_with((), move |()| {
            move || {
                if speaking.get()
                    && let Some(s) = synthesis()
                {
                    s.cancel();
                }
            }
        });
    }
    if !*has_voice {
        return Html::default();
    }
    let set_speaking = {
        let (speaking, rerender) = (Rc::clone(&speaking), rerender.clone());
        move |now: bool| {
            speaking.set(now);
            rerender.force_update();
        }
    };
    let onclick = {
        let (speaking, text) = (Rc::clone(&speaking), props.text.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(synth) = synthesis() else { return };
            // Asked before `cancel`, whose end event says "not reading".
            let was_reading = speaking.get();
            // One voice at a time: whatever reads now (this or another
            // button) stops.
            synth.cancel();
            if was_reading {
                set_speaking(false);
                return;
            }
            let Ok(utterance) = SpeechSynthesisUtterance::new_with_text(&text) else {
                return;
            };
            utterance.set_lang(lang.tag());
            utterance.set_voice(voice(lang).as_ref());
            // Ended, or stopped by another button: this one says "read" again.
            let done = {
                let set_speaking = set_speaking.clone();
                Closure::<dyn Fn()>::new(move || set_speaking(false))
            };
            utterance.set_onend(Some(done.as_ref().unchecked_ref()));
            utterance.set_onerror(Some(done.as_ref().unchecked_ref()));
            // Kept for good (a few bytes a reading): the browser may call it
            // after this button is gone, and a dropped closure would throw.
            done.forget();
            set_speaking(true);
            synth.speak(&utterance);
        })
    };
    let t = ui.common();
    let shown = if speaking.get() {
        t.stop_reading
    } else {
        t.read_aloud
    };
    html! {
        <button type="button" class="bg-button bg-small bg-read-aloud" {onclick}
            aria-label={format!("{shown}: {}", props.about)}>
            { shown }
        </button>
    }
}
