//! The "Contact me" form exactly as typed, before any check.
//!
//! The UI keeps this as it is on an error (nothing typed is lost) and only
//! a successful [`ContactForm::validate`] yields the checked
//! [`ContactRequestDetails`].

use serde::{Deserialize, Serialize};

use crate::{ContactField, ContactRequestDetails, FieldError};

/// The most characters the business needs may have.
pub const BUSINESS_NEEDS_MAX: usize = 1000;
const NAME_MAX: usize = 100;
const ORGANIZATION_NAME_MAX: usize = 200;
const CHOICE_MAX: usize = 100;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", default)]
pub struct ContactForm {
    pub country: String,
    pub city: String,
    pub first_name: String,
    pub last_name: String,
    pub email: String,
    pub phone: String,
    pub organization_size: String,
    pub organization_name: String,
    pub industry: String,
    pub business_needs: String,
}

impl ContactForm {
    /// What was typed into `field`.
    pub fn value(&self, field: ContactField) -> &str {
        match field {
            ContactField::Country => &self.country,
            ContactField::City => &self.city,
            ContactField::FirstName => &self.first_name,
            ContactField::LastName => &self.last_name,
            ContactField::Email => &self.email,
            ContactField::Phone => &self.phone,
            ContactField::OrganizationSize => &self.organization_size,
            ContactField::OrganizationName => &self.organization_name,
            ContactField::Industry => &self.industry,
            ContactField::BusinessNeeds => &self.business_needs,
        }
    }

    /// `field`'s text, to type into.
    pub fn value_mut(&mut self, field: ContactField) -> &mut String {
        match field {
            ContactField::Country => &mut self.country,
            ContactField::City => &mut self.city,
            ContactField::FirstName => &mut self.first_name,
            ContactField::LastName => &mut self.last_name,
            ContactField::Email => &mut self.email,
            ContactField::Phone => &mut self.phone,
            ContactField::OrganizationSize => &mut self.organization_size,
            ContactField::OrganizationName => &mut self.organization_name,
            ContactField::Industry => &mut self.industry,
            ContactField::BusinessNeeds => &mut self.business_needs,
        }
    }

    /// Checks every field and reports every problem at once, in the order
    /// of the form.
    pub fn validate(&self) -> Result<ContactRequestDetails, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut check = |field: ContactField, result: Result<(), String>| {
            if let Err(message) = result {
                errors.push(FieldError::new(field, message));
            }
        };
        check(
            ContactField::Country,
            choice(&self.country, "Select your country or region."),
        );
        check(ContactField::City, max_len(&self.city, NAME_MAX, "City"));
        check(
            ContactField::FirstName,
            text(
                &self.first_name,
                NAME_MAX,
                "Enter your first name.",
                "First name",
            ),
        );
        check(
            ContactField::LastName,
            text(
                &self.last_name,
                NAME_MAX,
                "Enter your last name.",
                "Last name",
            ),
        );
        check(ContactField::Email, email(&self.email));
        check(ContactField::Phone, phone(&self.phone));
        check(
            ContactField::OrganizationSize,
            choice(&self.organization_size, "Select your organization size."),
        );
        check(
            ContactField::OrganizationName,
            text(
                &self.organization_name,
                ORGANIZATION_NAME_MAX,
                "Enter your organization name.",
                "Organization name",
            ),
        );
        check(
            ContactField::Industry,
            choice(&self.industry, "Select your industry focus."),
        );
        check(
            ContactField::BusinessNeeds,
            business_needs(&self.business_needs),
        );
        if errors.is_empty() {
            Ok(ContactRequestDetails::from_checked(self))
        } else {
            Err(errors)
        }
    }
}

fn text(value: &str, max: usize, missing: &str, name: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(missing.to_string());
    }
    max_len(value, max, name)
}

fn choice(value: &str, missing: &str) -> Result<(), String> {
    if value.trim().is_empty() {
        return Err(missing.to_string());
    }
    max_len(value, CHOICE_MAX, "This choice")
}

fn max_len(value: &str, max: usize, name: &str) -> Result<(), String> {
    let count = value.trim().chars().count();
    if count > max {
        return Err(format!("{name} can be at most {max} characters."));
    }
    if value.chars().any(char::is_control) {
        return Err(format!("{name} can't contain control characters."));
    }
    Ok(())
}

fn business_needs(value: &str) -> Result<(), String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err("Describe your business needs.".to_string());
    }
    let count = trimmed.chars().count();
    if count > BUSINESS_NEEDS_MAX {
        return Err(format!(
            "Business needs can be at most {BUSINESS_NEEDS_MAX} characters; you have {count}."
        ));
    }
    // Line breaks are welcome in a description; other control characters are not.
    if trimmed
        .chars()
        .any(|c| c.is_control() && c != '\n' && c != '\r' && c != '\t')
    {
        return Err("Business needs can't contain control characters.".to_string());
    }
    Ok(())
}

/// A sanity check, not RFC 5322: one `@`, a plausible local part and a
/// domain with a dot, no spaces. The partner replies to it, so typos matter
/// more than exotic but valid addresses.
fn email(value: &str) -> Result<(), String> {
    let value = value.trim();
    if value.is_empty() {
        return Err("Enter your email address.".to_string());
    }
    let invalid = || Err("Enter an email address like name@example.com.".to_string());
    if value.len() > 254 || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return invalid();
    }
    let Some((local, domain)) = value.split_once('@') else {
        return invalid();
    };
    if local.is_empty() || local.len() > 64 || domain.contains('@') {
        return invalid();
    }
    if local.starts_with('.') || local.ends_with('.') || local.contains("..") {
        return invalid();
    }
    let labels: Vec<&str> = domain.split('.').collect();
    let label_ok = |l: &&str| {
        !l.is_empty()
            && l.len() <= 63
            && !l.starts_with('-')
            && !l.ends_with('-')
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
    };
    let tld_ok = labels
        .last()
        .is_some_and(|tld| tld.chars().count() >= 2 && tld.chars().all(char::is_alphabetic));
    if labels.len() < 2 || !labels.iter().all(label_ok) || !tld_ok {
        return invalid();
    }
    Ok(())
}

/// Optional; when given, 7 to 15 digits (the E.164 range) with the usual
/// separators, and a `+` only in front.
fn phone(value: &str) -> Result<(), String> {
    let value = value.trim();
    if value.is_empty() {
        return Ok(());
    }
    let allowed = value
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')' | '.' | '+'));
    let plus_ok = value.rfind('+').is_none_or(|i| i == 0);
    let digits = value.chars().filter(char::is_ascii_digit).count();
    if allowed && plus_ok && (7..=15).contains(&digits) {
        Ok(())
    } else {
        Err("Enter a phone number of 7 to 15 digits, such as +1 425 555 0100.".to_string())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_field_reads_and_writes_its_own_value_under_its_json_name() {
        let mut form = ContactForm::default();
        for (n, field) in ContactField::ALL.into_iter().enumerate() {
            *form.value_mut(field) = format!("value {n}");
        }
        let json = serde_json::to_value(&form).unwrap();
        let object = json.as_object().unwrap();
        assert_eq!(object.len(), ContactField::ALL.len());
        for (n, field) in ContactField::ALL.into_iter().enumerate() {
            assert_eq!(form.value(field), format!("value {n}"));
            assert_eq!(object[field.name()], format!("value {n}"), "{field:?}");
        }
    }

    fn filled() -> ContactForm {
        ContactForm {
            country: "United States".into(),
            city: "Seattle".into(),
            first_name: "Avery".into(),
            last_name: "Howard".into(),
            email: "avery@contoso.com".into(),
            phone: "+1 (425) 555-0100".into(),
            organization_size: "50-249".into(),
            organization_name: "Contoso Ltd".into(),
            industry: "Retail".into(),
            business_needs: "We need help moving our email to the cloud.".into(),
        }
    }

    fn errors_for(form: &ContactForm) -> Vec<ContactField> {
        match form.validate() {
            Ok(_) => Vec::new(),
            Err(errors) => errors.into_iter().map(|e| e.field).collect(),
        }
    }

    #[test]
    fn a_complete_form_is_valid() {
        let details = filled().validate().unwrap();
        assert_eq!(details.email(), "avery@contoso.com");
    }

    #[test]
    fn an_empty_form_reports_every_required_field_in_form_order() {
        let required: Vec<ContactField> = ContactField::ALL
            .into_iter()
            .filter(|f| f.is_required())
            .collect();
        assert_eq!(errors_for(&ContactForm::default()), required);
    }

    #[test]
    fn values_are_trimmed() {
        let mut form = filled();
        form.first_name = "  Avery ".into();
        assert_eq!(form.validate().unwrap().first_name(), "Avery");
    }

    #[test]
    fn business_needs_may_have_1000_characters_but_not_1001() {
        let mut form = filled();
        form.business_needs = "x".repeat(BUSINESS_NEEDS_MAX);
        assert!(form.validate().is_ok());
        form.business_needs.push('é');
        let errors = form.validate().unwrap_err();
        assert_eq!(errors[0].field, ContactField::BusinessNeeds);
        assert!(errors[0].message.contains("1001"));
    }

    #[test]
    fn implausible_email_addresses_are_refused() {
        for bad in [
            "avery",
            "avery@",
            "@contoso.com",
            "avery@contoso",
            "avery@@contoso.com",
            "avery @contoso.com",
            "avery@contoso..com",
            "avery@-contoso.com",
            "avery@contoso.c",
            ".avery@contoso.com",
        ] {
            let mut form = filled();
            form.email = bad.into();
            assert_eq!(errors_for(&form), vec![ContactField::Email], "{bad}");
        }
    }

    #[test]
    fn phone_numbers_need_7_to_15_digits_and_may_be_left_out() {
        for (phone, ok) in [
            ("", true),
            ("+44 20 7946 0958", true),
            ("425-555-0100", true),
            ("12345", false),
            ("+1 425 555 0100 1234567", false),
            ("425+555", false),
            ("call me", false),
        ] {
            let mut form = filled();
            form.phone = phone.into();
            assert_eq!(form.validate().is_ok(), ok, "{phone}");
        }
    }
}
