//! One field of the signup form, drawn from the rules' field definition:
//! a label, the input of its kind, its help text and its error.

use plugin_host::contract::vacaturecafe::{Field, FieldKind, MAX_TEXT, MAX_TEXTAREA, Value};
use web_sys::{HtmlInputElement, HtmlTextAreaElement};
use yew::prelude::*;

use super::texts::texts;
use crate::components::read_aloud::{ReadAloud, spoken};
use crate::ui::use_ui;

/// Props of [`FieldInput`].
#[derive(Properties, PartialEq)]
pub struct FieldInputProps {
    /// The field, from the rules.
    pub field: Field,
    /// Its current answer.
    pub value: Option<Value>,
    /// What is wrong with it, if shown.
    pub error: Option<String>,
    /// Called with the new answer (`None`: emptied).
    pub onchange: Callback<(String, Option<Value>)>,
    /// Called when the field loses focus.
    pub onblur: Callback<String>,
}

/// One form field.
#[component]
pub fn FieldInput(props: &FieldInputProps) -> Html {
    let t = texts(use_ui().lang);
    let f = &props.field;
    let id = format!("bg-f-{}", f.id);
    let help_id = format!("{id}-help");
    let error_id = format!("{id}-error");
    let described = [
        (!f.help.is_empty()).then_some(help_id.clone()),
        props.error.as_ref().map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let described = (!described.is_empty()).then_some(described);
    let invalid = props.error.as_ref().map(|_| "true");
    let field_id = f.id.clone();
    let emit = {
        let onchange = props.onchange.clone();
        let field_id = field_id.clone();
        move |v: Option<Value>| onchange.emit((field_id.clone(), v))
    };
    let onblur = {
        let onblur = props.onblur.clone();
        let field_id = field_id.clone();
        Callback::from(move |_: FocusEvent| onblur.emit(field_id.clone()))
    };
    let text = match &props.value {
        Some(Value::Text(t)) => t.clone(),
        _ => String::new(),
    };
    let list = match &props.value {
        Some(Value::List(l)) => l.clone(),
        _ => Vec::new(),
    };
    // `if` blocks, not `{ for option }`: each stays one child whether shown or
    // not, so Yew never shifts (and re-creates, losing focus) the input while
    // an error appears or goes as the person types.
    let required =
        html! { if f.required { <span class="bg-required">{ " " }{ t.required }</span> } };
    let help =
        html! { if !f.help.is_empty() { <p id={help_id.clone()} class="bg-hint">{ &f.help }</p> } };
    // Shown here; said by the form's live region when the person leaves the
    // field (an alert on every keystroke would interrupt their typing).
    let error = html! { if let Some(e) = &props.error { <p id={error_id.clone()} class="bg-field-error">{ e }</p> } };
    // `aria-required`, not `required`: the browser would report an empty
    // required field (an unticked consent box) as invalid before any answer.
    let required_attr = f.required.then_some("true");
    let text_value = |s: String| (!s.is_empty()).then_some(Value::Text(s));
    // Every question can be read aloud: its label with its help (a choice,
    // with its options).
    let read_aloud = html! { <ReadAloud about={f.label.clone()} text={spoken([f.label.as_str(), f.help.as_str()])} /> };

    match f.kind {
        FieldKind::Text | FieldKind::Email | FieldKind::Tel => {
            let (kind, autocomplete, inputmode) = match f.kind {
                FieldKind::Email => ("email", "email", "email"),
                FieldKind::Tel => ("tel", "tel", "tel"),
                _ if f.id == "name" => ("text", "name", "text"),
                _ => ("text", "off", "text"),
            };
            let oninput = Callback::from(move |e: InputEvent| {
                emit(text_value(
                    e.target_unchecked_into::<HtmlInputElement>().value(),
                ));
            });
            html! {
                <div class="bg-field">
                    <label for={id.clone()}>{ &f.label }{ required.clone() }</label>
                    { read_aloud }
                    <input {id} type={kind} autocomplete={autocomplete} inputmode={inputmode} value={text}
                        maxlength={MAX_TEXT.to_string()} aria-required={required_attr} aria-invalid={invalid}
                        aria-describedby={described} {oninput} {onblur} />
                    { help.clone() }{ error.clone() }
                </div>
            }
        }
        FieldKind::Textarea => {
            let oninput = Callback::from(move |e: InputEvent| {
                emit(text_value(
                    e.target_unchecked_into::<HtmlTextAreaElement>().value(),
                ));
            });
            html! {
                <div class="bg-field">
                    <label for={id.clone()}>{ &f.label }{ required.clone() }</label>
                    { read_aloud }
                    <textarea {id} value={text} maxlength={MAX_TEXTAREA.to_string()} rows="3"
                        aria-required={required_attr} aria-invalid={invalid} aria-describedby={described} {oninput} {onblur} />
                    { help.clone() }{ error.clone() }
                </div>
            }
        }
        FieldKind::Check => {
            let checked = matches!(props.value, Some(Value::Check(true)));
            let onchange = Callback::from(move |e: Event| {
                let on = e.target_unchecked_into::<HtmlInputElement>().checked();
                emit(on.then_some(Value::Check(true)));
            });
            html! {
                <div class="bg-field">
                    <label class="bg-choice" for={id.clone()}>
                        <input {id} type="checkbox" {checked} aria-required={required_attr} aria-invalid={invalid}
                            aria-describedby={described} {onchange} {onblur} />
                        <span>{ &f.label }{ required.clone() }</span>
                    </label>
                    { read_aloud }{ help.clone() }{ error.clone() }
                </div>
            }
        }
        FieldKind::Choice | FieldKind::Choices => {
            let many = f.kind == FieldKind::Choices;
            let options = f.options.iter().map(|o| {
                let option_id = format!("{id}-{}", o.id);
                let checked = if many { list.contains(&o.id) } else { text == o.id };
                let (emit, list, value) = (emit.clone(), list.clone(), o.id.clone());
                let onchange = Callback::from(move |_: Event| {
                    if many {
                        let mut list = list.clone();
                        if list.contains(&value) { list.retain(|v| *v != value) } else { list.push(value.clone()) }
                        emit((!list.is_empty()).then_some(Value::List(list)));
                    } else {
                        emit(Some(Value::Text(value.clone())));
                    }
                });
                html! {
                    <label class="bg-choice" for={option_id.clone()}>
                        <input id={option_id} type={if many { "checkbox" } else { "radio" }} name={id.clone()}
                            {checked} {onchange} onblur={onblur.clone()} />
                        { &o.label }
                    </label>
                }
            });
            html! {
                <fieldset class="bg-field" aria-describedby={described}>
                    <legend>{ &f.label }{ required.clone() }</legend>
                    <ReadAloud about={f.label.clone()} text={spoken([f.label.as_str(), f.help.as_str()].into_iter()
                        .chain(f.options.iter().map(|o| o.label.as_str())))} />
                    { for options }{ help.clone() }{ error.clone() }
                </fieldset>
            }
        }
    }
}
