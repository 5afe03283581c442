//! The reader against Graph's documented shapes and a PowerShell export,
//! hostile input, the import command's landings, and the round trip.

use super::*;
use crate::state::test_support::{demo, now, run, ts};
use crate::{
    Command, DomainError, InvitationState, PartnerLink, PartnerType, Persona, RelationshipStatus,
    State,
};

const TENANT: &str = "4fdbff88-9d6b-42e0-9713-45c922ba8001";
const REL_ID: &str = "5d027261-d21f-4aa9-b7db-7fa1f56fb163-8777b240-c6f0-4469-9e98-a3205431b836";
const USER_ADMIN: &str = "fe930be7-5e62-47db-91af-98c3a49a38b1";
const HELPDESK: &str = "729827e3-9c14-49f7-bb1b-9608f156bbb8";

/// Shaped like Graph v1.0's "Get delegatedAdminRelationship" response
/// example (our own values): `@odata.*` annotations, fractional seconds.
fn graph_object(id: &str, status: &str, duration: &str) -> String {
    format!(
        r##"{{
  "@odata.type": "#microsoft.graph.delegatedAdminRelationship",
  "@odata.context": "https://graph.microsoft.com/v1.0/tenantRelationships/$metadata#delegatedAdminRelationships/$entity",
  "@odata.etag": "W/\"JyIxMjMi\"",
  "id": "{id}",
  "displayName": "Woodgrove helpdesk access",
  "duration": "{duration}",
  "customer": {{ "tenantId": "{TENANT}", "displayName": "Woodgrove Bank" }},
  "accessDetails": {{ "unifiedRoles": [
    {{ "roleDefinitionId": "{HELPDESK}" }},
    {{ "roleDefinitionId": "{USER_ADMIN}" }},
    {{ "roleDefinitionId": "0f1e2d3c-0000-4000-8000-00000000abcd" }}
  ] }},
  "status": "{status}",
  "autoExtendDuration": "PT0S",
  "createdDateTime": "2026-11-20T11:24:42.3148266Z",
  "lastModifiedDateTime": "2026-11-21T11:26:44.9941884Z",
  "activatedDateTime": "2026-11-21T11:26:44.9941884Z",
  "endDateTime": "2027-06-01T00:00:00Z",
  "somethingGraphAddsLater": {{ "nested": [1, 2, 3] }}
}}"##
    )
}

/// The list response: `{"@odata.context": …, "value": [...]}`.
fn graph_collection(objects: &[String]) -> String {
    format!(
        r#"{{"@odata.context": "https://graph.microsoft.com/v1.0/$metadata#tenantRelationships/delegatedAdminRelationships", "value": [{}]}}"#,
        objects.join(",")
    )
}

/// `Get-MgTenantRelationshipDelegatedAdminRelationship | ConvertTo-Json
/// -Depth 5` as Windows PowerShell 5.1 writes it: the SDK model's
/// PascalCase properties, TimeSpans as objects, dates as `/Date(ms)/`, two
/// objects as a top-level array.
const POWERSHELL: &str = r#"[
    {
        "AccessAssignments":  null,
        "AccessDetails":  {
                              "UnifiedRoles":  [
                                                   { "RoleDefinitionId":  "729827e3-9c14-49f7-bb1b-9608f156bbb8", "AdditionalProperties":  {} },
                                                   { "RoleDefinitionId":  "fe930be7-5e62-47db-91af-98c3a49a38b1", "AdditionalProperties":  {} }
                                               ],
                              "AdditionalProperties":  {}
                          },
        "ActivatedDateTime":  "\/Date(1795392000000)\/",
        "AutoExtendDuration":  {
                                   "Ticks":  155520000000000, "Days":  180, "Hours":  0, "Milliseconds":  0,
                                   "Minutes":  0, "Seconds":  0, "TotalDays":  180, "TotalHours":  4320,
                                   "TotalMilliseconds":  15552000000, "TotalMinutes":  259200, "TotalSeconds":  15552000
                               },
        "CreatedDateTime":  "\/Date(1795305600000)\/",
        "Customer":  { "DisplayName":  "Woodgrove Bank", "TenantId":  "4fdbff88-9d6b-42e0-9713-45c922ba8001", "AdditionalProperties":  {} },
        "DisplayName":  "Woodgrove tier 1",
        "Duration":  {
                         "Ticks":  630720000000000, "Days":  730, "Hours":  0, "Milliseconds":  0,
                         "Minutes":  0, "Seconds":  0, "TotalDays":  730, "TotalHours":  17520,
                         "TotalMilliseconds":  63072000000, "TotalMinutes":  1051200, "TotalSeconds":  63072000
                     },
        "EndDateTime":  "\/Date(1858464000000)\/",
        "Id":  "0b1c2d3e-4f50-4617-8293-a4b5c6d7e8f9-4fdbff88-9d6b-42e0-9713-45c922ba8001",
        "LastModifiedDateTime":  "\/Date(1795392000000)\/",
        "Operations":  null,
        "Requests":  null,
        "Status":  "active",
        "AdditionalProperties":  { "@odata.etag":  "W/\"JyIxMjMi\"" }
    },
    {
        "AccessDetails":  { "UnifiedRoles":  [ { "RoleDefinitionId":  "729827e3-9c14-49f7-bb1b-9608f156bbb8" } ] },
        "AutoExtendDuration":  { "Ticks":  0, "Days":  0, "TotalDays":  0 },
        "CreatedDateTime":  "2026-11-22T08:00:00Z",
        "DisplayName":  "Woodgrove password resets",
        "Duration":  "90.00:00:00",
        "Id":  "1c2d3e4f-5061-4728-93a4-b5c6d7e8f901",
        "Status":  "approvalPending"
    }
]"#;

fn read_one(text: &str) -> GraphRelationship {
    let mut all = read_graph(text).unwrap();
    assert_eq!(all.len(), 1);
    all.remove(0)
}

fn error(text: &str) -> String {
    read_graph(text).unwrap_err().to_string()
}

#[test]
fn graphs_documented_object_reads_with_its_annotations_and_unknown_fields() {
    let r = read_one(&graph_object(REL_ID, "active", "P730D"));
    assert_eq!(r.id, REL_ID);
    assert_eq!(r.display_name, "Woodgrove helpdesk access");
    assert_eq!(r.status, RelationshipStatus::Active);
    assert_eq!(r.duration.to_string(), "P730D");
    assert!(!r.auto_extend_duration.is_on());
    assert_eq!(r.customer.as_ref().unwrap().tenant_id, TENANT);
    assert_eq!(r.access_details.unified_roles.len(), 3);
    // Fractions of a second are dropped, not refused.
    assert_eq!(r.created_date_time, Some(ts("2026-11-20T11:24:42Z")));
    assert_eq!(r.end_date_time, Some(ts("2027-06-01T00:00:00Z")));
}

#[test]
fn graphs_collection_reads_every_relationship() {
    let text = graph_collection(&[
        graph_object("a-1", "active", "P730D"),
        graph_object("a-2", "approvalPending", "P90D"),
    ]);
    let all = read_graph(&text).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[1].status, RelationshipStatus::ApprovalPending);
    assert_eq!(all[1].duration.to_string(), "P90D");
}

#[test]
fn a_powershell_convertto_json_export_reads_the_same() {
    let all = read_graph(POWERSHELL).unwrap();
    assert_eq!(all.len(), 2);
    let active = &all[0];
    assert_eq!(active.display_name, "Woodgrove tier 1");
    assert_eq!(active.status, RelationshipStatus::Active);
    assert_eq!(active.duration.to_string(), "P730D");
    assert!(active.auto_extend_duration.is_on());
    assert_eq!(
        active.customer.as_ref().unwrap().display_name,
        "Woodgrove Bank"
    );
    assert_eq!(active.activated_date_time, Some(ts("2026-11-23T00:00:00Z")));
    assert_eq!(active.end_date_time, Some(ts("2028-11-22T00:00:00Z")));
    assert_eq!(active.access_details.unified_roles.len(), 2);
    let pending = &all[1];
    assert_eq!(pending.duration.to_string(), "P90D");
    assert!(!pending.auto_extend_duration.is_on());
    assert_eq!(pending.created_date_time, Some(ts("2026-11-22T08:00:00Z")));
}

#[test]
fn convertto_json_cut_short_by_its_default_depth_says_to_use_depth() {
    let text = r#"{"Id":"r-1","DisplayName":"x","Status":"active","Duration":"P30D",
        "AccessDetails":{"UnifiedRoles":["Microsoft.Graph.PowerShell.Models.MicrosoftGraphUnifiedRole"]}}"#;
    let said = error(text);
    assert!(
        said.starts_with(
            "Relationship 1 (“r-1”): accessDetails.unifiedRoles was cut short by ConvertTo-Json"
        ),
        "{said}"
    );
    assert!(said.contains("-Depth 5"), "{said}");
}

#[test]
fn a_duration_outside_p1d_to_p2y_names_the_relationship_and_the_field() {
    let text = graph_collection(&[
        graph_object("ok-1", "active", "P730D"),
        graph_object("long-1", "active", "P3Y"),
    ]);
    assert_eq!(
        error(&text),
        "Relationship 2 (“long-1”): duration is P3Y, outside what Graph allows: access lasts from 1 day (P1D) to 2 years (P2Y)."
    );
    assert!(error(&graph_object("short", "active", "PT1H")).contains("duration is PT1H, outside"));
    assert!(error(&graph_object("zero", "active", "PT0S")).contains("duration is PT0S, outside"));
}

#[test]
fn an_auto_extend_other_than_off_or_180_days_is_refused() {
    let text = graph_object("r-9", "active", "P730D").replace("\"PT0S\"", "\"P90D\"");
    assert_eq!(
        error(&text),
        "Relationship 1 (“r-9”): autoExtendDuration is P90D; auto-extend can only be off (PT0S) or 180 days (P180D)."
    );
    // P0D is Graph's other spelling of off.
    let off = graph_object("r-9", "active", "P730D").replace("\"PT0S\"", "\"P0D\"");
    assert!(!read_one(&off).auto_extend_duration.is_on());
}

#[test]
fn malformed_input_gets_a_sentence_not_a_panic() {
    assert_eq!(
        error(""),
        "Paste the JSON from Microsoft Graph, or choose its file, first."
    );
    assert!(error("{\"id\": ").starts_with("This isn't valid JSON (line 1"));
    assert!(error("https://graph.microsoft.com").starts_with("This isn't valid JSON"));
    for wrong in ["42", "\"text\"", "null", "{\"value\": 3}"] {
        assert!(
            error(wrong).contains("isn't a delegatedAdminRelationship"),
            "{wrong}"
        );
    }
    assert_eq!(
        error("{\"value\": []}"),
        "The collection has no relationships in it."
    );
    assert_eq!(
        error("[1]"),
        "Relationship 1: the object isn't a relationship object."
    );
    assert_eq!(
        error("{\"displayName\": \"x\"}"),
        "Relationship 1: id is missing: every relationship has its id."
    );
    let no_status = graph_object("r-2", "active", "P1D").replace("\"status\": \"active\",", "");
    assert_eq!(
        error(&no_status),
        "Relationship 1 (“r-2”): status is missing."
    );
    let bad_date =
        graph_object("r-3", "active", "P1D").replace("2027-06-01T00:00:00Z", "next June");
    assert!(error(&bad_date)
        .starts_with("Relationship 1 (“r-3”): endDateTime “next June” isn't a date"));
    let number_name =
        graph_object("r-4", "active", "P1D").replace("\"Woodgrove helpdesk access\"", "7");
    assert_eq!(
        error(&number_name),
        "Relationship 1 (“r-4”): displayName must be text."
    );
}

#[test]
fn hostile_input_is_bounded() {
    // 10 MB and more is refused before it is parsed.
    let huge = format!("{{\"value\": [\"{}\"]}}", "a".repeat(GRAPH_MAX_BYTES));
    assert_eq!(
        error(&huge),
        "This is 11 MB; an import reads at most 10 MB. Export fewer relationships at a time."
    );
    // Deep nesting meets serde_json's recursion limit, not the stack.
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    assert!(error(&deep).starts_with("This isn't valid JSON"));
    // A long id with control characters is shortened in the message.
    let long_id = format!("{}\u{7}", "x".repeat(5_000));
    let said = error(&graph_object(&long_id, "active", "P3Y"));
    assert!(said.chars().count() < 250, "{said}");
    assert!(!said.contains('\u{7}'));
    // Too many relationships.
    let many: Vec<String> = (0..=GRAPH_MAX_RELATIONSHIPS)
        .map(|n| graph_object(&format!("r-{n}"), "active", "P1D"))
        .collect();
    assert_eq!(
        error(&graph_collection(&many)),
        "There are 501 relationships; one import takes at most 500."
    );
}

// ---- The command ----

fn existing(id: &str) -> ImportPartner {
    ImportPartner::Existing {
        partner_id: id.to_string(),
    }
}

fn import(partner: ImportPartner, text: &str) -> Command {
    Command::ImportRelationships {
        partner,
        relationships: read_graph(text).unwrap(),
    }
}

fn fresh_ids() -> (String, String, String) {
    (
        "11111111-2222-4333-8444-555555555555-".to_string() + TENANT,
        "22222222-2222-4333-8444-555555555555-".to_string() + TENANT,
        "33333333-2222-4333-8444-555555555555-".to_string() + TENANT,
    )
}

/// Three relationships: one pending, one active with four roles ending
/// 2027-06-01, one terminated.
fn three() -> String {
    let (pending, active, ended) = fresh_ids();
    let active_obj = graph_object(&active, "active", "P730D").replace(
        r#"{ "roleDefinitionId": "0f1e2d3c"#,
        r#"{ "roleDefinitionId": "29232cdf-9323-42fd-ade2-1d097af3e4de" }, { "roleDefinitionId": "0f1e2d3c"#,
    );
    graph_collection(&[
        graph_object(&pending, "approvalPending", "P180D"),
        active_obj,
        graph_object(&ended, "terminated", "P30D"),
    ])
}

#[test]
fn each_status_lands_where_the_admin_looks_for_it() {
    let mut state = demo();
    let (pending, active, ended) = fresh_ids();
    run(
        &mut state,
        import(existing("fabrikam-it"), &three()),
        Persona::GlobalAdministrator,
    )
    .unwrap();

    // approvalPending: an invitation to review, opened by the email's link.
    let invitation = state.invitation(&pending).unwrap();
    assert_eq!(invitation.state, InvitationState::Pending);
    assert_eq!(invitation.partner_id, "fabrikam-it");
    let granular = invitation.granular.as_ref().unwrap();
    assert_eq!(granular.duration.to_string(), "P180D");
    assert_eq!(granular.unified_roles.len(), 3);
    let link = PartnerLink::parse(&format!(
        "https://admin.microsoft.com/AdminPortal/Home#/partners/invitation/granularAdminRelationships/{pending}"
    ))
    .unwrap();
    assert_eq!(link.find_invitation(&state), Some(pending.clone()));
    assert!(matches!(
        crate::views::invitation_link(&state, &pending, Persona::GlobalAdministrator, state.now),
        crate::views::InvitationLink::Found(_)
    ));

    // active: a relationship in force with its end date.
    let r = state.relationship(&active).unwrap();
    assert_eq!(r.status, RelationshipStatus::Active);
    assert_eq!(r.end_date_time, Some(ts("2027-06-01T00:00:00Z")));
    assert_eq!(r.access_details.unified_roles.len(), 4);
    assert!(state
        .partner("fabrikam-it")
        .unwrap()
        .has_type(PartnerType::GranularDelegatedAdmin));

    // terminated: kept in the partner's history.
    assert_eq!(
        state.relationship(&ended).unwrap().status,
        RelationshipStatus::Terminated
    );
    assert!(
        state.invariant_violations().is_empty(),
        "{:?}",
        state.invariant_violations()
    );

    // The log says it in words, with the partner's name.
    let log: Vec<&crate::ActivityEntry> = state.activity.iter().rev().take(4).collect();
    assert!(
        log.iter()
            .all(|e| e.partner_name.as_deref() == Some("Fabrikam IT Services")),
        "{log:?}"
    );
    assert!(log.iter().any(|e| e.action.starts_with(
        "Imported from Microsoft Graph the GDAP relationship “Woodgrove helpdesk access” (Helpdesk Administrator, User Administrator, Exchange Administrator, Unknown role (0f1e2d3c-0000-4000-8000-00000000abcd)): active, ending 2027-06-01"
    )), "{log:?}");
}

#[test]
fn the_preview_says_what_will_change_in_words() {
    let state = demo();
    let preview = import_preview(
        &state,
        &existing("fabrikam-it"),
        &read_graph(&three()).unwrap(),
        Persona::GlobalAdministrator,
        state.now,
    )
    .unwrap();
    assert_eq!(
        preview.summary,
        "3 relationships: 1 invitation to review, 1 active relationship with 4 roles ending 2027-06-01, 1 to history"
    );
    assert_eq!(preview.items.len(), 3);
    assert!(matches!(preview.items[0].0, Landing::Invitation { .. }));
    assert!(matches!(preview.items[1].0, Landing::Relationship { .. }));
    assert!(matches!(preview.items[2].0, Landing::History { .. }));
    // The demo organization is not Woodgrove's tenant.
    assert_eq!(preview.warnings.len(), 3);
    assert!(
        preview.warnings[0].contains(&format!(
            "customer tenant {TENANT} (Woodgrove Bank), not this organization"
        )),
        "{:?}",
        preview.warnings
    );
    // An empty organization can't check.
    let empty = State::new(now());
    let preview = import_preview(
        &empty,
        &ImportPartner::New {
            name: "Woodgrove Partners".into(),
        },
        &read_graph(&graph_object("r-1", "active", "P30D")).unwrap(),
        Persona::GlobalAdministrator,
        now(),
    )
    .unwrap();
    assert_eq!(preview.new_partners, vec!["Woodgrove Partners".to_string()]);
    assert!(
        preview.warnings[0].contains("can't check"),
        "{:?}",
        preview.warnings
    );
    // The organization's own tenant gets no warning.
    let mut own = demo();
    own.tenant_id = Some(TENANT.to_string());
    let preview = import_preview(
        &own,
        &existing("fabrikam-it"),
        &read_graph(&three()).unwrap(),
        Persona::GlobalAdministrator,
        own.now,
    )
    .unwrap();
    assert!(preview.warnings.is_empty());
}

#[test]
fn a_created_relationship_is_refused_and_nothing_changes() {
    let mut state = demo();
    let before = state.clone();
    let (a, b, _) = fresh_ids();
    let text = graph_collection(&[
        graph_object(&a, "active", "P30D"),
        graph_object(&b, "created", "P30D"),
    ]);
    let error = run(
        &mut state,
        import(existing("fabrikam-it"), &text),
        Persona::GlobalAdministrator,
    )
    .unwrap_err();
    assert_eq!(
        error.to_string(),
        format!("Relationship 2 (“{}”): its status is “created”: the partner has not sent it to you yet. Ask the partner to send the request, then import it again. Nothing was imported.", &b[..64])
    );
    assert_eq!(
        state, before,
        "all or nothing: the active one was not imported either"
    );
}

#[test]
fn only_a_global_administrator_may_import() {
    for persona in Persona::ALL {
        let mut state = demo();
        let result = run(
            &mut state,
            import(existing("fabrikam-it"), &three()),
            persona,
        );
        if persona == Persona::GlobalAdministrator {
            assert!(result.is_ok());
        } else {
            assert!(
                matches!(result, Err(DomainError::NotPermitted { .. })),
                "{persona:?}"
            );
        }
    }
}

#[test]
fn a_relationship_already_in_the_console_or_twice_in_the_file_is_refused() {
    let mut state = demo();
    run(
        &mut state,
        import(existing("fabrikam-it"), &three()),
        Persona::GlobalAdministrator,
    )
    .unwrap();
    let again = run(
        &mut state,
        import(existing("fabrikam-it"), &three()),
        Persona::GlobalAdministrator,
    )
    .unwrap_err()
    .to_string();
    assert!(again.contains("it is already in the console, as an invitation from Fabrikam IT Services. Nothing was imported."), "{again}");
    let demo_rel = demo().relationships[0].clone();
    let text = graph_object(&demo_rel.id, "active", "P30D");
    let said = run(
        &mut demo(),
        import(existing("fabrikam-it"), &text),
        Persona::GlobalAdministrator,
    )
    .unwrap_err()
    .to_string();
    assert!(said.contains("it is already in the console, on"), "{said}");
    let twice = graph_collection(&[
        graph_object("dup-1", "active", "P30D"),
        graph_object("DUP-1", "terminated", "P30D"),
    ]);
    let said = run(
        &mut demo(),
        import(existing("fabrikam-it"), &twice),
        Persona::GlobalAdministrator,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(said, "Relationship 2 (“DUP-1”): it appears twice in what you're importing. Nothing was imported.");
}

#[test]
fn a_new_partner_is_added_by_name_once() {
    let mut state = demo();
    let new = ImportPartner::New {
        name: "  Woodgrove Partners ".into(),
    };
    run(
        &mut state,
        import(new, &three()),
        Persona::GlobalAdministrator,
    )
    .unwrap();
    let partner = state.partner("woodgrove-partners").unwrap();
    assert_eq!(partner.name, "Woodgrove Partners");
    assert_eq!(state.relationships_of("woodgrove-partners").count(), 2);
    let taken = ImportPartner::New {
        name: "fabrikam it services".into(),
    };
    let said = run(
        &mut state,
        import(taken, &graph_object("z-1", "active", "P1D")),
        Persona::GlobalAdministrator,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(said, "A partner named fabrikam it services is already in your partner relationships: choose it in the list instead of adding it again.");
}

#[test]
fn an_old_pending_request_and_auto_extend_with_global_admin_are_refused() {
    let old = graph_object("old-1", "approvalPending", "P30D")
        .replace("2026-11-20T11:24:42.3148266Z", "2026-01-01T00:00:00Z");
    let said = run(
        &mut demo(),
        import(existing("fabrikam-it"), &old),
        Persona::GlobalAdministrator,
    )
    .unwrap_err()
    .to_string();
    assert!(said.contains("requests expire after 90 days"), "{said}");
    let ga = graph_object("ga-1", "active", "P30D")
        .replace("\"PT0S\"", "\"P180D\"")
        .replace(HELPDESK, crate::roles::GLOBAL_ADMINISTRATOR);
    let said = run(
        &mut demo(),
        import(existing("fabrikam-it"), &ga),
        Persona::GlobalAdministrator,
    )
    .unwrap_err()
    .to_string();
    assert!(
        said.contains("Auto-extend can't be on when Global Administrator"),
        "{said}"
    );
}

#[test]
fn the_command_travels_as_json_for_the_backend() {
    let command = import(existing("fabrikam-it"), &three());
    let text = serde_json::to_string(&command).unwrap();
    assert!(text.contains("\"type\":\"importRelationships\""), "{text}");
    assert!(text.contains("\"kind\":\"existing\""), "{text}");
    assert_eq!(serde_json::from_str::<Command>(&text).unwrap(), command);
    // A duration outside the range is refused on the wire too.
    let bad = text.replacen("\"P180D\"", "\"P3Y\"", 1);
    assert!(serde_json::from_str::<Command>(&bad).is_err());
}

#[test]
fn export_then_import_into_an_empty_organization_loses_nothing() {
    let source = demo();
    let text = write_graph(&source);
    let relationships = read_graph(&text).unwrap();
    let mut target = State::new(source.now);
    target
        .execute(
            &Command::ImportRelationships {
                partner: ImportPartner::NamedInFile,
                relationships,
            },
            Persona::GlobalAdministrator,
            source.now,
        )
        .unwrap();
    // Only the partners that hold something came along.
    assert!(target
        .partners
        .iter()
        .all(|p| target.relationships_of(&p.id).next().is_some()
            || target.invitations_of(&p.id).next().is_some()));
    // Every relationship, as it was (the invitation it came from stays behind).
    assert!(!source.relationships.is_empty());
    for r in &source.relationships {
        let back = target
            .relationship(&r.id)
            .unwrap_or_else(|| panic!("{} missing", r.id));
        let mut expected = r.clone();
        expected.invitation_id = None;
        assert_eq!(back, &expected);
        assert_eq!(
            target.partner_name(&r.partner_id),
            source.partner_name(&r.partner_id)
        );
    }
    // Every GDAP request still waiting, as it was.
    let pending: Vec<_> = source
        .invitations
        .iter()
        .filter(|i| i.granular.is_some() && i.state_at(source.now) == InvitationState::Pending)
        .collect();
    assert!(!pending.is_empty());
    for i in pending {
        let back = target.invitation(&i.id).unwrap();
        assert_eq!(back.granular, i.granular);
        assert_eq!(back.created_date_time, i.created_date_time);
        assert_eq!(back.partner_id, i.partner_id);
    }
    assert!(
        target.invariant_violations().is_empty(),
        "{:?}",
        target.invariant_violations()
    );
    // And the export says so in Graph's shape.
    assert!(text.contains("\"value\""));
    assert!(text.contains("\"accessDetails\""));
    assert!(text.contains(crate::demo::DEMO_TENANT_ID));
}

#[test]
fn without_a_partner_chosen_each_relationship_must_name_its_own() {
    let said = run(
        &mut demo(),
        import(
            ImportPartner::NamedInFile,
            &graph_object("r-1", "active", "P30D"),
        ),
        Persona::GlobalAdministrator,
    )
    .unwrap_err()
    .to_string();
    assert_eq!(
        said,
        "Relationship 1 (“r-1”): it doesn't name its partner: choose the partner who sent it. Nothing was imported."
    );
    // A new partner chosen but named by none of the relationships is not added.
    let mut state = demo();
    let named = graph_object("r-2", "active", "P30D").replace(
        "\"status\": \"active\",",
        "\"status\": \"active\", \"partner\": {\"id\": \"fabrikam-it\", \"displayName\": \"Fabrikam IT Services\"},",
    );
    let before = state.partners.len();
    run(
        &mut state,
        import(
            ImportPartner::New {
                name: "Nobody".into(),
            },
            &named,
        ),
        Persona::GlobalAdministrator,
    )
    .unwrap();
    assert_eq!(state.partners.len(), before);
    assert_eq!(state.relationship("r-2").unwrap().partner_id, "fabrikam-it");
}

#[test]
fn text_that_is_not_json_names_the_line_and_column() {
    assert_eq!(
        error("{\n  \"displayName\": \"Contoso\",\n  \"status\": active\n}"),
        "This isn't valid JSON (line 3, column 13). Paste what Microsoft Graph or \
         ConvertTo-Json returned, unchanged."
    );
}
