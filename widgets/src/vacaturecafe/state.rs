//! The signup form's state and its reducer: one place that changes it. What
//! was typed, which fields the person has been in, whether they tried to
//! send, the server's objections and where sending stands change together,
//! so a late answer or the "this takes long" timer works on the state as it
//! is then, not as it was when sending started.

use std::rc::Rc;

use plugin_host::contract::vacaturecafe::{FieldErrors, Form, Value};
use wire::ErrorCode;
use yew::Reducible;

/// Where sending stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Sending {
    /// Not sending: nothing sent yet, or the answer came.
    #[default]
    Idle,
    /// Waiting for the server.
    Busy {
        /// Whether it takes long enough to say so.
        slow: bool,
    },
    /// Failed; the answers are kept.
    Failed(Failure),
}

/// Why sending failed, as the person is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// The server could not be reached.
    Offline,
    /// The server found fields to fix.
    Fields,
    /// The café no longer takes signups.
    Closed,
    /// Too many tries.
    RateLimited,
    /// A problem on the server (or, in a preview, in the script).
    Server,
}

impl Failure {
    /// What the server's error code means for the person.
    pub fn of(code: ErrorCode) -> Self {
        match code {
            ErrorCode::ValidationFailed | ErrorCode::InvalidField => Self::Fields,
            ErrorCode::CafeClosed | ErrorCode::CafePast | ErrorCode::CafeNotFound => Self::Closed,
            ErrorCode::RateLimited => Self::RateLimited,
            _ => Self::Server,
        }
    }

    /// Whether sending the same answers again may work.
    pub fn can_retry(self) -> bool {
        matches!(self, Self::Offline | Self::Server)
    }
}

/// Everything the form holds besides the fields the rules define.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct State {
    /// Field id → answer.
    pub form: Form,
    /// Fields the person has changed or left: their errors show. (A few
    /// ids: a list, not a set, whose code the bundle would carry.)
    pub touched: Vec<String>,
    /// Whether the person pressed send: every error shows.
    pub tried: bool,
    /// The server's messages per field, each until that field changes.
    pub server_errors: FieldErrors,
    /// Where sending stands.
    pub sending: Sending,
    /// The signup's token, made at the first send and kept until it is
    /// taken: sending again after a lost answer finds the same signup.
    pub token: Option<String>,
}

impl State {
    /// Marks a field as touched (once).
    fn touch(&mut self, id: String) {
        if !self.touched.contains(&id) {
            self.touched.push(id);
        }
    }

    /// Whether the form is being sent (a second click sends nothing).
    pub fn busy(&self) -> bool {
        matches!(self.sending, Sending::Busy { .. })
    }

    /// The message to show beside field `id`, given the rules' `errors`: the
    /// server's, else the rules' once the person has been in the field or
    /// tried to send (no errors on fields not reached yet).
    pub fn shown_error(&self, id: &str, errors: &FieldErrors) -> Option<String> {
        self.server_errors.get(id).cloned().or_else(|| {
            (self.tried || self.touched.iter().any(|t| t == id))
                .then(|| errors.get(id).cloned())
                .flatten()
        })
    }
}

/// What can happen.
pub enum Action {
    /// A field's new answer (`None`: emptied).
    Change(String, Option<Value>),
    /// The person left a field.
    Blur(String),
    /// The person pressed send, whether or not the form can go.
    Try,
    /// Sending started, with a new token in case this form has none yet.
    Send(Option<String>),
    /// Sending takes long.
    Slow,
    /// The signup was taken (or decided in a preview): the form empties.
    Done,
    /// Sending failed; what was typed stays.
    Failed(Failure),
    /// The server refused the form, with its messages per field.
    Refused(Failure, FieldErrors),
}

impl Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        let mut next = (*self).clone();
        match action {
            Action::Change(id, value) => {
                match value {
                    Some(v) => next.form.insert(id.clone(), v),
                    None => next.form.remove(&id),
                };
                next.server_errors.remove(&id);
                next.touch(id);
                // Fixing the answers the server refused: the refusal is
                // history; what still needs a look shows beside the fields.
                if next.sending == Sending::Failed(Failure::Fields) {
                    next.sending = Sending::Idle;
                }
            }
            // Unchanged state: no render.
            Action::Blur(id) if self.touched.contains(&id) => return self,
            Action::Blur(id) => next.touch(id),
            Action::Try if self.tried => return self,
            Action::Try => next.tried = true,
            Action::Send(_) if self.busy() => return self,
            Action::Send(token) => {
                next.sending = Sending::Busy { slow: false };
                if next.token.is_none() {
                    next.token = token;
                }
            }
            Action::Slow if self.sending == (Sending::Busy { slow: false }) => {
                next.sending = Sending::Busy { slow: true };
            }
            Action::Slow => return self,
            Action::Done => {
                next.form = Form::new();
                next.sending = Sending::Idle;
                next.token = None;
            }
            Action::Failed(failure) => next.sending = Sending::Failed(failure),
            Action::Refused(failure, fields) => {
                next.server_errors = fields;
                next.sending = Sending::Failed(failure);
            }
        }
        Rc::new(next)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn after(state: &Rc<State>, actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        actions
            .into_iter()
            .fold(Rc::clone(state), |state, action| state.reduce(action))
    }

    /// The form after `actions` from a fresh start.
    fn start(actions: impl IntoIterator<Item = Action>) -> Rc<State> {
        after(&Rc::new(State::default()), actions)
    }

    fn send() -> Action {
        Action::Send(Some("0123456789abcdef0123456789abcdef".into()))
    }

    fn typed(id: &str, text: &str) -> Action {
        Action::Change(id.into(), Some(Value::Text(text.into())))
    }

    fn rules_say(id: &str, message: &str) -> FieldErrors {
        [(id.to_owned(), message.to_owned())].into()
    }

    #[test]
    fn an_error_shows_once_the_person_has_been_in_the_field_or_pressed_send() {
        let errors = rules_say("email", "Fill in your e-mail address.");
        let fresh = Rc::new(State::default());
        assert_eq!(
            fresh.shown_error("email", &errors),
            None,
            "not before they got there"
        );
        let left = after(&fresh, [Action::Blur("email".into())]);
        assert_eq!(
            left.shown_error("email", &errors).as_deref(),
            Some("Fill in your e-mail address.")
        );
        let typing = after(&fresh, [typed("email", "a")]);
        assert!(
            typing.shown_error("email", &errors).is_some(),
            "as you type"
        );
        let tried = after(&fresh, [Action::Try]);
        assert!(tried.shown_error("email", &errors).is_some());
        assert_eq!(
            tried.shown_error("name", &errors),
            None,
            "a field without error"
        );
    }

    #[test]
    fn sending_then_taking_long_then_taken_empties_the_form() {
        let start = start([typed("name", "Amal"), Action::Try]);
        let sending = after(&start, [send()]);
        assert_eq!(sending.sending, Sending::Busy { slow: false });
        assert!(sending.busy());
        let slow = after(&sending, [Action::Slow]);
        assert_eq!(slow.sending, Sending::Busy { slow: true });
        let done = after(&slow, [Action::Done]);
        assert_eq!(done.sending, Sending::Idle);
        assert!(done.form.is_empty());
    }

    #[test]
    fn sending_again_after_a_failure_keeps_the_token_and_a_taken_signup_drops_it() {
        let first = start([Action::Send(Some("a".repeat(32)))]);
        assert_eq!(first.token.as_deref(), Some(&*"a".repeat(32)));
        let again = after(
            &first,
            [
                Action::Failed(Failure::Offline),
                Action::Send(Some("b".repeat(32))),
            ],
        );
        assert_eq!(again.token, first.token, "the same signup, not a second");
        let taken = after(&again, [Action::Done]);
        assert_eq!(taken.token, None, "the next signup gets its own");
    }

    #[test]
    fn a_second_send_while_sending_changes_nothing() {
        let sending = start([send()]);
        assert!(Rc::ptr_eq(&sending, &after(&sending, [send()])));
    }

    #[test]
    fn a_late_slow_timer_does_not_bring_back_sending() {
        let failed = start([send(), Action::Failed(Failure::Offline)]);
        assert_eq!(
            after(&failed, [Action::Slow]).sending,
            Sending::Failed(Failure::Offline)
        );
    }

    #[test]
    fn offline_keeps_what_was_typed_and_offers_to_send_again() {
        let failed = start([
            typed("name", "Amal"),
            send(),
            Action::Failed(Failure::Offline),
        ]);
        assert_eq!(failed.form.get("name"), Some(&Value::Text("Amal".into())));
        assert!(!failed.busy());
        assert!(Failure::Offline.can_retry() && Failure::Server.can_retry());
        assert!(!Failure::Fields.can_retry() && !Failure::Closed.can_retry());
        let again = after(&failed, [send()]);
        assert_eq!(again.sending, Sending::Busy { slow: false });
    }

    #[test]
    fn the_servers_message_on_a_field_shows_until_that_field_changes() {
        let refused = start([
            typed("email", "amal@example.org"),
            send(),
            Action::Refused(
                Failure::of(ErrorCode::ValidationFailed),
                rules_say("email", "Already signed up with this address."),
            ),
        ]);
        assert_eq!(refused.sending, Sending::Failed(Failure::Fields));
        let none = FieldErrors::new();
        assert_eq!(
            refused.shown_error("email", &none).as_deref(),
            Some("Already signed up with this address.")
        );
        let changed = after(&refused, [typed("email", "amal@example.net")]);
        assert_eq!(changed.shown_error("email", &none), None);
    }

    #[test]
    fn the_servers_error_codes_become_what_the_person_is_told() {
        assert_eq!(Failure::of(ErrorCode::InvalidField), Failure::Fields);
        assert_eq!(Failure::of(ErrorCode::CafeClosed), Failure::Closed);
        assert_eq!(Failure::of(ErrorCode::CafePast), Failure::Closed);
        assert_eq!(Failure::of(ErrorCode::CafeNotFound), Failure::Closed);
        assert_eq!(Failure::of(ErrorCode::RateLimited), Failure::RateLimited);
        assert_eq!(Failure::of(ErrorCode::Internal), Failure::Server);
    }

    #[test]
    fn emptying_a_field_removes_its_answer() {
        let state = start([
            typed("phone", "0612345678"),
            Action::Change("phone".into(), None),
        ]);
        assert!(state.form.is_empty());
        assert!(state.touched.iter().any(|t| t == "phone"));
    }

    #[test]
    fn changing_an_answer_after_a_refusal_for_fields_ends_the_refusal() {
        let refused = Rc::new(State {
            sending: Sending::Failed(Failure::Fields),
            ..State::default()
        });
        let next = refused.reduce(typed("name", "Sara"));
        assert_eq!(next.sending, Sending::Idle);
        let offline = Rc::new(State {
            sending: Sending::Failed(Failure::Offline),
            ..State::default()
        });
        assert_eq!(
            offline.reduce(typed("name", "Sara")).sending,
            Sending::Failed(Failure::Offline),
            "a network failure stays until sent again"
        );
    }
}
