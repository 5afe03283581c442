//! What happens while the demo clock moves: invitations expire after 90
//! days, granular relationships expire or auto-extend at their end, notices
//! are raised 30, 7 and 1 days before an end, and partners answer contact
//! requests.

use crate::{
    AutoExtendDuration, ContactRequest, ContactRequestStatus, DelegatedAdminRelationship,
    DomainError, Event, InvitationState, IsoDuration, Notice, Persona, RelationshipStatus, State,
    Timestamp,
};

/// The demo clock moves at most this far in one step, which bounds the work
/// (and the events) of one command.
pub const MAX_CLOCK_STEP_YEARS: u32 = 5;

impl State {
    pub(super) fn decide_advance(
        &self,
        to: Timestamp,
        by: Option<Persona>,
    ) -> Result<Vec<Event>, DomainError> {
        let from = self.now;
        if to < from {
            return Err(DomainError::ClockCannotGoBack { now: from, to });
        }
        if to > from.add(IsoDuration::years(MAX_CLOCK_STEP_YEARS)) {
            return Err(DomainError::ClockStepTooLarge {
                max_years: MAX_CLOCK_STEP_YEARS,
            });
        }
        let mut events = Vec::new();
        for invitation in &self.invitations {
            if invitation.state == InvitationState::Pending && invitation.expires_date_time <= to {
                events.push(Event::InvitationExpired {
                    at: invitation.expires_date_time,
                    by: None,
                    invitation_id: invitation.id.clone(),
                    partner_id: invitation.partner_id.clone(),
                });
            }
        }
        for relationship in &self.relationships {
            self.relationship_until(relationship, to, &mut events);
        }
        for request in &self.contact_requests {
            let replied = request.sent_date_time.add(ContactRequest::REPLY_AFTER);
            if request.status == ContactRequestStatus::Sent && replied <= to {
                events.push(Event::ContactRequestStatusChanged {
                    at: replied,
                    by: None,
                    request_id: request.id.clone(),
                    status: ContactRequestStatus::Contacted,
                });
            }
        }
        // The log reads in the order things happened.
        crate::sort::sort_by_key(&mut events, Event::at);
        events.push(Event::ClockAdvanced {
            at: to,
            by,
            from,
            to,
        });
        Ok(events)
    }

    /// Walks one active relationship forward to `to`: notices before each
    /// end, then an extension (auto-extend on, no Global Administrator) or
    /// the expiry.
    fn relationship_until(
        &self,
        relationship: &DelegatedAdminRelationship,
        to: Timestamp,
        events: &mut Vec<Event>,
    ) {
        let running = matches!(
            relationship.status,
            RelationshipStatus::Active | RelationshipStatus::Expiring
        );
        let Some(mut end) = relationship.end_date_time else {
            return;
        };
        if !running {
            return;
        }
        let started = relationship
            .activated_date_time
            .unwrap_or(relationship.created_date_time);
        let extends = relationship.auto_extends();
        let partner_name = self.partner_name(&relationship.partner_id);
        // Bounded: each turn moves `end` 180 days, and `to` is at most a few
        // years past the clock; the cap guards against odd stored data.
        for _ in 0..64 {
            for days_before in Notice::DAYS_BEFORE {
                let raise_at = end.add_days(-i64::from(days_before));
                let id = Notice::id_for(&relationship.id, days_before, end);
                let already = self.notices.iter().any(|n| n.id == id);
                if raise_at >= started && raise_at <= to && !already {
                    events.push(Event::NoticeRaised {
                        at: raise_at,
                        by: None,
                        notice: Notice {
                            id,
                            raised_date_time: raise_at,
                            partner_id: relationship.partner_id.clone(),
                            partner_name: partner_name.clone(),
                            relationship_id: relationship.id.clone(),
                            relationship_name: relationship.display_name.clone(),
                            days_before,
                            end_date_time: end,
                        },
                    });
                }
            }
            if end > to {
                return;
            }
            if extends {
                let next = end.add(AutoExtendDuration::Days180.as_iso());
                events.push(Event::RelationshipExtended {
                    at: end,
                    by: None,
                    relationship_id: relationship.id.clone(),
                    end_date_time: next,
                });
                end = next;
            } else {
                events.push(Event::RelationshipExpired {
                    at: end,
                    by: None,
                    relationship_id: relationship.id.clone(),
                });
                return;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::test_support::*;
    use crate::{Command, Persona};

    #[test]
    fn relationships_expire_at_their_end_date() {
        let mut state = demo();
        let end = state
            .relationship("rel-inv-tailspin-gdap")
            .unwrap()
            .end_date_time
            .unwrap();
        advance_days(&mut state, 4);
        assert_eq!(
            state.relationship("rel-inv-tailspin-gdap").unwrap().status,
            RelationshipStatus::Active
        );
        let events = advance_days(&mut state, 1);
        assert!(events.iter().any(|e| matches!(e,
            Event::RelationshipExpired { at, relationship_id, .. }
                if *at == end && relationship_id == "rel-inv-tailspin-gdap")));
        assert_eq!(
            state.relationship("rel-inv-tailspin-gdap").unwrap().status,
            RelationshipStatus::Expired
        );
    }

    #[test]
    fn auto_extend_renews_for_180_days_at_the_end_date() {
        let mut state = demo();
        let end = state
            .relationship("rel-inv-alpine-gdap")
            .unwrap()
            .end_date_time
            .unwrap();
        advance_days(&mut state, 111);
        let r = state.relationship("rel-inv-alpine-gdap").unwrap();
        assert_eq!(r.status, RelationshipStatus::Active);
        assert_eq!(r.end_date_time, Some(end.add(IsoDuration::days(180))));
    }

    #[test]
    fn an_expired_relationship_never_comes_back() {
        let mut state = demo();
        let before = state
            .relationship("rel-inv-adventure-gdap")
            .unwrap()
            .clone();
        assert_eq!(before.status, RelationshipStatus::Expired);
        advance_days(&mut state, 1000);
        // Replaying an extension cannot revive it either.
        state.apply(&Event::RelationshipExtended {
            at: state.now,
            by: None,
            relationship_id: before.id.clone(),
            end_date_time: state.now.add_days(100),
        });
        let after = state.relationship("rel-inv-adventure-gdap").unwrap();
        assert_eq!(after.status, RelationshipStatus::Expired);
        assert_eq!(after.end_date_time, before.end_date_time);
    }

    #[test]
    fn notices_are_raised_30_7_and_1_days_before_the_end_each_once() {
        let mut state = demo();
        let count = |s: &State| {
            s.notices
                .iter()
                .filter(|n| n.partner_id == "tailspin-toys")
                .count()
        };
        assert_eq!(count(&state), 2);
        advance_days(&mut state, 3);
        assert_eq!(count(&state), 2);
        advance_days(&mut state, 1);
        assert_eq!(count(&state), 3);
        advance_days(&mut state, 10);
        assert_eq!(count(&state), 3);
        let notice = state
            .notices
            .iter()
            .rfind(|n| n.partner_id == "tailspin-toys")
            .unwrap();
        assert_eq!(notice.days_before, 1);
        assert!(notice.message().contains("ends in 1 day"));
    }

    #[test]
    fn pending_invitations_expire_as_the_clock_passes_90_days() {
        let mut state = demo();
        advance_days(&mut state, 90);
        assert_eq!(
            state.invitation("inv-reseller").unwrap().state,
            InvitationState::Expired
        );
    }

    #[test]
    fn partners_answer_contact_requests_after_two_days() {
        let mut state = demo();
        assert_eq!(
            state.contact_requests[0].status,
            ContactRequestStatus::Contacted
        );
        assert_eq!(state.contact_requests[1].status, ContactRequestStatus::Sent);
        advance_days(&mut state, 1);
        assert_eq!(
            state.contact_requests[1].status,
            ContactRequestStatus::Contacted
        );
    }

    #[test]
    fn the_demo_clock_only_moves_forward_and_a_few_years_at_a_time() {
        let mut state = demo();
        let back = Command::AdvanceTime {
            to: state.now.add_days(-1),
        };
        assert!(matches!(
            run(&mut state, back, Persona::User),
            Err(DomainError::ClockCannotGoBack { .. })
        ));
        let far = Command::AdvanceTime {
            to: state.now.add(IsoDuration::years(6)),
        };
        assert_eq!(
            run(&mut state, far, Persona::User),
            Err(DomainError::ClockStepTooLarge {
                max_years: MAX_CLOCK_STEP_YEARS
            })
        );
    }

    #[test]
    fn moving_the_clock_logs_events_in_time_order() {
        let mut state = demo();
        let events = advance_days(&mut state, 400);
        assert!(events.windows(2).all(|w| w[0].at() <= w[1].at()));
        assert!(matches!(events.last(), Some(Event::ClockAdvanced { .. })));
    }
}
