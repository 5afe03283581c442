//! The inputs of the contact form, so an error can point at its field.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub enum ContactField {
    Country,
    City,
    FirstName,
    LastName,
    Email,
    Phone,
    OrganizationSize,
    OrganizationName,
    Industry,
    BusinessNeeds,
}

impl ContactField {
    /// In the order the form shows them, which is also the order of errors.
    pub const ALL: [ContactField; 10] = [
        ContactField::Country,
        ContactField::City,
        ContactField::FirstName,
        ContactField::LastName,
        ContactField::Email,
        ContactField::Phone,
        ContactField::OrganizationSize,
        ContactField::OrganizationName,
        ContactField::Industry,
        ContactField::BusinessNeeds,
    ];

    /// The input's HTML id, so an error summary can link to it.
    pub fn id(self) -> &'static str {
        match self {
            ContactField::Country => "contact-country",
            ContactField::City => "contact-city",
            ContactField::FirstName => "contact-first-name",
            ContactField::LastName => "contact-last-name",
            ContactField::Email => "contact-email",
            ContactField::Phone => "contact-phone",
            ContactField::OrganizationSize => "contact-organization-size",
            ContactField::OrganizationName => "contact-organization-name",
            ContactField::Industry => "contact-industry",
            ContactField::BusinessNeeds => "contact-business-needs",
        }
    }

    /// The field's name in JSON (a saved draft, a stored request): the
    /// form's camelCase field name.
    pub fn name(self) -> &'static str {
        match self {
            ContactField::Country => "country",
            ContactField::City => "city",
            ContactField::FirstName => "firstName",
            ContactField::LastName => "lastName",
            ContactField::Email => "email",
            ContactField::Phone => "phone",
            ContactField::OrganizationSize => "organizationSize",
            ContactField::OrganizationName => "organizationName",
            ContactField::Industry => "industry",
            ContactField::BusinessNeeds => "businessNeeds",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ContactField::Country => "Country/region",
            ContactField::City => "City",
            ContactField::FirstName => "First name",
            ContactField::LastName => "Last name",
            ContactField::Email => "Email",
            ContactField::Phone => "Phone number",
            ContactField::OrganizationSize => "Organization size",
            ContactField::OrganizationName => "Organization name",
            ContactField::Industry => "Industry focus",
            ContactField::BusinessNeeds => "Business needs",
        }
    }

    pub fn is_required(self) -> bool {
        !matches!(self, ContactField::City | ContactField::Phone)
    }
}
