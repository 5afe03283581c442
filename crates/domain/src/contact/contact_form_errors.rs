//! All the problems of one contact form, as one error value.

use thiserror::Error;

use crate::FieldError;

#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("{}", summary(.0))]
pub struct ContactFormErrors(pub Vec<FieldError>);

fn summary(errors: &[FieldError]) -> String {
    match errors {
        [] => "The contact form is not complete.".to_string(),
        [one] => one.message.clone(),
        many => format!(
            "The contact form has {} problems: {}",
            many.len(),
            many.iter()
                .map(|e| e.message.as_str())
                .collect::<Vec<_>>()
                .join(" ")
        ),
    }
}
