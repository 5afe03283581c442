//! The simulator's form: what the admin has chosen, kept in this tab's
//! sessionStorage so a reload loses nothing, and the refusal shown next to
//! the field it belongs to.

use domain::roles::CATALOGUE;
use domain::{DomainError, GranularDraft, IsoDuration, PartnerType, RoleDefinitionId};
use leptos::prelude::*;

use crate::components::focus::focus_id_after_render;
use crate::form_draft::{self, FormDraft};
use crate::web_storage;

/// Where this tab keeps the form between reloads.
const DRAFT_KEY: &str = "partner-console.simulator-draft";

/// The kinds of invitation a partner can send.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Reseller,
    DelegatedAdmin,
    Granular,
    Advisor,
    AgreementOnly,
}

impl Kind {
    pub const ALL: [Kind; 5] = [
        Kind::Reseller,
        Kind::DelegatedAdmin,
        Kind::Granular,
        Kind::Advisor,
        Kind::AgreementOnly,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Kind::Reseller => "reseller",
            Kind::DelegatedAdmin => "delegated-admin",
            Kind::Granular => "granular",
            Kind::Advisor => "advisor",
            Kind::AgreementOnly => "agreement",
        }
    }

    fn from_id(id: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.id() == id)
    }

    pub fn label(self) -> &'static str {
        match self {
            Kind::Reseller => "Reseller only (no admin roles)",
            Kind::DelegatedAdmin => {
                "Delegated administrator (Global Administrator and Helpdesk Administrator)"
            }
            Kind::Granular => "GDAP relationship: chosen admin roles, for a limited time",
            Kind::Advisor => "Advisor (Global Administrator and Helpdesk Administrator)",
            Kind::AgreementOnly => "Customer agreement only",
        }
    }
}

/// The form field a refusal belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Partner,
    DisplayName,
    Roles,
    Duration,
    AutoExtend,
    Form,
}

impl Field {
    /// The field a domain refusal is about.
    pub fn of(error: &DomainError) -> Field {
        match error {
            DomainError::MissingPartnerName | DomainError::InvalidId { .. } => Field::Partner,
            DomainError::InvalidDisplayName => Field::DisplayName,
            DomainError::NoRolesRequested | DomainError::TooManyRoles { .. } => Field::Roles,
            DomainError::DurationOutOfRange { .. } => Field::Duration,
            DomainError::AutoExtendWithGlobalAdministrator
            | DomainError::AutoExtendNotAllowed { .. } => Field::AutoExtend,
            _ => Field::Form,
        }
    }

    /// The element to focus when this field is refused, so the admin lands
    /// on it.
    fn focus_target(self, new_partner: bool) -> Option<String> {
        match self {
            Field::Partner if new_partner => Some("sim-new-name".into()),
            Field::Partner => Some("sim-partner".into()),
            Field::DisplayName => Some("sim-display-name".into()),
            // The filter box: the first checkbox may be filtered out of sight.
            Field::Roles => Some("sim-role-filter".into()),
            Field::Duration => Some("sim-duration".into()),
            Field::AutoExtend => Some("sim-auto-extend".into()),
            Field::Form => None,
        }
    }
}

/// What the partner asks for, as the domain's `IssueInvitation` takes it.
pub struct Request {
    pub relationship_types: Vec<PartnerType>,
    pub legacy_roles: bool,
    pub granular: Option<GranularDraft>,
}

/// Every field of the form, one signal each; `Copy`, so the page and its
/// fieldsets share it.
#[derive(Clone, Copy)]
pub struct SimulatorForm {
    pub use_new: RwSignal<bool>,
    pub existing: RwSignal<String>,
    pub new_name: RwSignal<String>,
    pub new_email: RwSignal<String>,
    pub kind: RwSignal<Kind>,
    pub display_name: RwSignal<String>,
    pub roles: RwSignal<Vec<&'static str>>,
    pub duration: RwSignal<String>,
    pub auto_extend: RwSignal<bool>,
    error: RwSignal<Option<(Field, String)>>,
}

impl SimulatorForm {
    /// The form as this tab left it. A kept partner for whom
    /// `partner_exists` says no (gone after a reset or an import) is
    /// forgotten, and only role ids of the catalogue come back.
    pub fn from_draft(partner_exists: impl Fn(&str) -> bool) -> SimulatorForm {
        let draft = FormDraft::load(web_storage::session(), DRAFT_KEY);
        let text = |name: &str, default: &str| draft.get(name).unwrap_or_else(|| default.into());
        let roles = draft
            .get("roles")
            .map(|ids| {
                CATALOGUE
                    .iter()
                    .map(|r| r.id)
                    .filter(|id| ids.split(',').any(|kept| kept == *id))
                    .collect()
            })
            .unwrap_or_default();
        SimulatorForm {
            use_new: RwSignal::new(draft.get("partner").as_deref() == Some("new")),
            existing: RwSignal::new(
                draft
                    .get("existing")
                    .filter(|id| partner_exists(id))
                    .unwrap_or_default(),
            ),
            new_name: RwSignal::new(text("newName", "")),
            new_email: RwSignal::new(text("newEmail", "")),
            kind: RwSignal::new(
                draft
                    .get("kind")
                    .and_then(|id| Kind::from_id(&id))
                    .unwrap_or(Kind::Reseller),
            ),
            display_name: RwSignal::new(text("displayName", "Day-to-day administration")),
            roles: RwSignal::new(roles),
            duration: RwSignal::new(text("duration", "P90D")),
            auto_extend: RwSignal::new(draft.get("autoExtend").as_deref() == Some("true")),
            error: RwSignal::new(None),
        }
    }

    /// Writes the draft again whenever a field changes.
    pub fn keep_draft(self) {
        Effect::new(move |_| {
            let fields = [
                (
                    "partner",
                    if self.use_new.get() {
                        "new"
                    } else {
                        "existing"
                    }
                    .to_string(),
                ),
                ("existing", self.existing.get()),
                ("newName", self.new_name.get()),
                ("newEmail", self.new_email.get()),
                ("kind", self.kind.get().id().to_string()),
                ("displayName", self.display_name.get()),
                ("roles", self.roles.with(|r| r.join(","))),
                ("duration", self.duration.get()),
                ("autoExtend", self.auto_extend.get().to_string()),
            ];
            let fields: Vec<(&str, &str)> = fields.iter().map(|(k, v)| (*k, v.as_str())).collect();
            form_draft::save(web_storage::session(), DRAFT_KEY, &fields);
        });
    }

    /// What the chosen kind asks for, or the field whose value can't be
    /// read (a duration that is not ISO 8601) and why.
    pub fn request(self) -> Result<Request, (Field, String)> {
        let (relationship_types, legacy_roles, granular) = match self.kind.get_untracked() {
            Kind::Reseller => (vec![PartnerType::Reseller], false, None),
            Kind::DelegatedAdmin => (vec![PartnerType::DelegatedAdministrator], true, None),
            Kind::Advisor => (vec![PartnerType::Advisor], true, None),
            Kind::AgreementOnly => (Vec::new(), false, None),
            Kind::Granular => {
                let duration = IsoDuration::parse(self.duration.get_untracked().trim())
                    .map_err(|e| (Field::Duration, e.to_string()))?;
                let draft = GranularDraft {
                    display_name: self.display_name.get_untracked(),
                    duration,
                    auto_extend_duration: if self.auto_extend.get_untracked() {
                        IsoDuration::days(180)
                    } else {
                        IsoDuration::ZERO
                    },
                    unified_roles: self
                        .roles
                        .get_untracked()
                        .into_iter()
                        .map(RoleDefinitionId::new)
                        .collect(),
                };
                (Vec::new(), false, Some(draft))
            }
        };
        Ok(Request {
            relationship_types,
            legacy_roles,
            granular,
        })
    }

    /// Shows `message` next to `field` and takes the admin there.
    pub fn refuse(self, field: Field, message: String) {
        self.error.set(Some((field, message)));
        if let Some(id) = field.focus_target(self.use_new.get_untracked()) {
            focus_id_after_render(id);
        }
    }

    pub fn clear_refusal(self) {
        self.error.set(None);
    }

    /// The refusal shown next to `field`, if any.
    pub fn error_for(self, field: Field) -> Option<String> {
        self.error.with(|e| {
            e.as_ref()
                .filter(|(f, _)| *f == field)
                .map(|(_, m)| m.clone())
        })
    }

    /// `aria-invalid` for `field`.
    pub fn invalid(self, field: Field) -> String {
        self.error
            .with(|e| e.as_ref().is_some_and(|(f, _)| *f == field))
            .to_string()
    }
}
