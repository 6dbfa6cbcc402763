//! The root component: loads the rules, holds the language, and shows the
//! chosen widget, a loading line, or a kind error.

use plugin_host::contract::{Lang, Widget};
use wasm_bindgen_futures::spawn_local;
use yew::prelude::*;

use crate::alliantiescan::Alliantiescan;
use crate::components::error_notice::ErrorNotice;
use crate::components::lang_switch::LangSwitch;
use crate::components::loading::Loading;
use crate::config::Config;
use crate::netwerkscan::Netwerkscan;
use crate::rules::{self, LoadError, SharedRules};
use crate::ui::Ui;
use crate::vacaturecafe::Vacaturecafe;
use crate::{i18n, widget_texts};

/// Props of [`App`].
#[derive(Properties, PartialEq)]
pub struct AppProps {
    /// From the script tag.
    pub config: Config,
    /// The custom host element.
    pub host: web_sys::Element,
}

/// The widget root.
#[component]
pub fn App(props: &AppProps) -> Html {
    let lang = use_state(|| props.config.lang);
    let loaded = use_state(|| None::<Result<SharedRules, LoadError>>);
    let attempt = use_state(|| 0_u32);
    // Language picks whose texts did not load, and the last such language:
    // said beside the switch in that language (the reader picked it), anew
    // each time; the switch then shows the language still in use.
    let lang_failures = use_state(|| (0_u32, None::<Lang>));
    {
        let loaded = loaded.clone();
        let config = props.config.clone();
        let lang = *lang;
        use_effect_with(*attempt, move |attempt| {
            loaded.set(None);
            let first_try = *attempt == 0;
            spawn_local(async move {
                // The widget's texts (prefetched by embed.js with the first
                // screen, in the language the widget opens in) before
                // anything of the widget shows.
                let prefetched = config.texts.as_ref().filter(|_| first_try);
                let texts = widget_texts::load(&config, lang, prefetched);
                if let Err(e) = texts.await {
                    return loaded.set(Some(Err(e)));
                }
                // The first screen shows with the server's answers; the
                // engine (loading meanwhile) then takes over every call.
                let rules = match rules::load(&config, first_try).await {
                    Ok(rules) => rules,
                    Err(e) => return loaded.set(Some(Err(e))),
                };
                loaded.set(Some(Ok(rules.clone())));
                loaded.set(Some(rules::with_engine(&config, &rules, first_try).await));
            });
        });
    }

    let (org, today) = (props.config.org.clone(), props.config.today.clone());
    let ui = Ui::new(*lang, org, today, props.host.clone());
    // Another language shows once its texts are here; until then the
    // widget stays in the one it is in. The last pick wins, whichever
    // language's texts arrive first.
    let picked = use_mut_ref(|| props.config.lang);
    let onlang = {
        let (lang, lang_failures) = (lang.clone(), lang_failures.clone());
        let config = props.config.clone();
        Callback::from(move |l: Lang| {
            *picked.borrow_mut() = l;
            let (lang, lang_failures, config) =
                (lang.clone(), lang_failures.clone(), config.clone());
            let picked = picked.clone();
            spawn_local(async move {
                let loaded = widget_texts::load(&config, l, None).await;
                if *picked.borrow() != l {
                    return;
                }
                match loaded {
                    Ok(()) => {
                        lang_failures.set((lang_failures.0, None));
                        lang.set(l);
                    }
                    Err(e) => {
                        web_sys::console::error_1(&format!("Bondgenoot: {e}").into());
                        lang_failures.set((lang_failures.0 + 1, Some(l)));
                    }
                }
            });
        })
    };
    let onretry = {
        let attempt = attempt.clone();
        Callback::from(move |()| attempt.set(*attempt + 1))
    };

    // The region's name: the widget's title, also while it loads or shows
    // an error (its heading is not there yet).
    let title = ui.texts.title(props.config.widget);
    let body = match &*loaded {
        None => html! { <Loading /> },
        Some(Err(e)) => html! { <ErrorNotice detail={e.to_string()} onretry={onretry} /> },
        Some(Ok(rules)) => match props.config.widget {
            Widget::Netwerkscan => html! {
                <Netwerkscan rules={rules.clone()} config={props.config.clone()} />
            },
            Widget::Alliantiescan => html! {
                <Alliantiescan rules={rules.clone()} config={props.config.clone()} />
            },
            Widget::Vacaturecafe => html! {
                <Vacaturecafe rules={rules.clone()} config={props.config.clone()} />
            },
        },
    };

    html! {
        <ContextProvider<Ui> context={ui.clone()}>
            // Each widget is one region, named by its title, with its
            // language switch inside.
            <div class="bg-root" lang={ui.lang.tag()} dir={ui.lang.dir()}
                 data-widget={props.config.widget.name()} role="region" aria-label={title}>
                <LangSwitch current={ui.lang} onchange={onlang} failures={lang_failures.0} />
                if let (n, Some(failed)) = *lang_failures {
                    <p key={n} class="bg-lang-failed" role="alert" lang={failed.tag()}
                       dir={failed.dir()}>{ i18n::texts(failed).lang_failed }</p>
                }
                { body }
            </div>
        </ContextProvider<Ui>>
    }
}
