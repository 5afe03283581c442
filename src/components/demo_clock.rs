//! The demo clock in the header: shows the demo date and moves it forward,
//! so expiry, auto-extend and the 30/7/1-day notices can be seen.

use domain::permissions::{self, Action};
use domain::Command;
use leptos::prelude::*;

use crate::components::toast::use_toasts;
use crate::persona_store::use_signed_in;
use crate::store::use_store;

const STEPS: [(i64, &str); 3] = [(1, "+1 day"), (7, "+7 days"), (30, "+30 days")];

#[component]
pub fn DemoClock() -> impl IntoView {
    let store = use_store();
    let signed_in = use_signed_in();
    let toasts = use_toasts();
    let may_move = move || permissions::allows(signed_in.get(), Action::MoveDemoClock);

    let advance = move |days: i64| {
        let to = store.now().add_days(days);
        leptos::task::spawn_local(async move {
            match store
                .execute(Command::AdvanceTime { to }, signed_in.get())
                .await
            {
                Ok(_) => toasts.success(format!("The demo date is now {}.", to.date_string())),
                Err(error) => toasts.error(error.to_string()),
            }
        });
    };

    view! {
        <div class="demo-clock" role="group" aria-labelledby="demo-clock-label">
            <span id="demo-clock-label" class="demo-clock__label">
                "Demo date "
                <time data-testid="demo-date">{move || store.now().date_string()}</time>
            </span>
            <Show when=may_move>
                {STEPS
                    .iter()
                    .map(|&(days, label)| {
                        view! {
                            <button
                                type="button"
                                class="demo-clock__step"
                                title=format!("Move the demo clock forward {label}")
                                on:click=move |_| advance(days)
                            >
                                {label}
                            </button>
                        }
                    })
                    .collect_view()}
            </Show>
        </div>
    }
}
