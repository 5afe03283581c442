//! Every admin role a partner asks for: its name, whether Entra marks it
//! privileged, what it is for and what it would let the partner do, as the
//! domain's catalogue says.

use domain::views::RoleView;
use leptos::prelude::*;

use super::privileged_badge::PrivilegedBadge;

/// A table of roles, labelled by the heading whose id is `labelled_by`.
#[component]
pub fn RoleList(roles: Vec<RoleView>, #[prop(into)] labelled_by: String) -> impl IntoView {
    let region_labelled_by = labelled_by.clone();
    view! {
        // Focusable, so the keyboard can scroll it when a narrow screen
        // makes the table wider than its box.
        <div class="inv-table-wrap" role="region" tabindex="0" aria-labelledby=region_labelled_by>
            <table class="inv-table inv-roles table--stack" aria-labelledby=labelled_by>
                <thead>
                    <tr>
                        <th scope="col">"Role"</th>
                        <th scope="col">"What it is for"</th>
                        <th scope="col">"What the partner could do"</th>
                    </tr>
                </thead>
                <tbody>
                    {roles
                        .into_iter()
                        .map(|role| {
                            let unknown = (!role.known).then(|| view! { <span class="inv-tag inv-tag--warning">"Unknown role"</span> });
                            let privileged = role.privileged.then(|| view! { <PrivilegedBadge focusable=true /> });
                            view! {
                                <tr>
                                    <th scope="row">{role.name} " " {unknown} {privileged}</th>
                                    <td data-label="What it is for">{role.description}</td>
                                    <td data-label="What the partner could do">{role.allows}</td>
                                </tr>
                            }
                        })
                        .collect_view()}
                </tbody>
            </table>
        </div>
    }
}
