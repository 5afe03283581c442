//! A contact form that passed its checks. Only [`ContactForm::validate`]
//! makes one, and loading one from JSON checks it again, so a stored or
//! received request is always valid.

use serde::{Deserialize, Serialize};

use crate::{ContactForm, ContactFormErrors};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "ContactForm", into = "ContactForm")]
pub struct ContactRequestDetails {
    form: ContactForm,
}

impl ContactRequestDetails {
    /// Called by `validate` once every check passed; stores trimmed values.
    pub(crate) fn from_checked(form: &ContactForm) -> ContactRequestDetails {
        let t = |s: &String| s.trim().to_string();
        ContactRequestDetails {
            form: ContactForm {
                country: t(&form.country),
                city: t(&form.city),
                first_name: t(&form.first_name),
                last_name: t(&form.last_name),
                email: t(&form.email),
                phone: t(&form.phone),
                organization_size: t(&form.organization_size),
                organization_name: t(&form.organization_name),
                industry: t(&form.industry),
                business_needs: t(&form.business_needs),
            },
        }
    }

    pub fn country(&self) -> &str {
        &self.form.country
    }
    pub fn city(&self) -> &str {
        &self.form.city
    }
    pub fn first_name(&self) -> &str {
        &self.form.first_name
    }
    pub fn last_name(&self) -> &str {
        &self.form.last_name
    }
    pub fn email(&self) -> &str {
        &self.form.email
    }
    pub fn phone(&self) -> &str {
        &self.form.phone
    }
    pub fn organization_size(&self) -> &str {
        &self.form.organization_size
    }
    pub fn organization_name(&self) -> &str {
        &self.form.organization_name
    }
    pub fn industry(&self) -> &str {
        &self.form.industry
    }
    pub fn business_needs(&self) -> &str {
        &self.form.business_needs
    }

    /// The checked values, e.g. to prefill the next form.
    pub fn as_form(&self) -> &ContactForm {
        &self.form
    }
}

impl TryFrom<ContactForm> for ContactRequestDetails {
    type Error = ContactFormErrors;
    fn try_from(form: ContactForm) -> Result<Self, Self::Error> {
        form.validate().map_err(ContactFormErrors)
    }
}

impl From<ContactRequestDetails> for ContactForm {
    fn from(details: ContactRequestDetails) -> Self {
        details.form
    }
}
