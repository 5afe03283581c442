//! The problem+json answers, one reusable response per status, so each
//! handler's annotation lists the statuses it can answer by name.

use utoipa::openapi::header::HeaderBuilder;
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::{ContentBuilder, Ref, RefOr, Response, ResponseBuilder};
use utoipa::ToResponse;

use crate::problem::CONTENT_TYPE;

fn problem(description: &str) -> ResponseBuilder {
    ResponseBuilder::new().description(description).content(
        CONTENT_TYPE,
        ContentBuilder::new()
            .schema(Some(Ref::from_schema_name("Problem")))
            .build(),
    )
}

fn string_header(description: &str) -> utoipa::openapi::header::Header {
    HeaderBuilder::new()
        .schema(ObjectBuilder::new().schema_type(Type::String))
        .description(Some(description))
        .build()
}

macro_rules! problem_response {
    ($name:ident, $description:expr) => {
        problem_response!($name, $description, |r| r);
    };
    ($name:ident, $description:expr, $extra:expr) => {
        pub struct $name;

        impl<'r> ToResponse<'r> for $name {
            fn response() -> (&'r str, RefOr<Response>) {
                let extra: fn(ResponseBuilder) -> ResponseBuilder = $extra;
                (
                    stringify!($name),
                    extra(problem($description)).build().into(),
                )
            }
        }
    };
}

problem_response!(
    BadRequest,
    "The request is malformed: the body is not JSON (invalidJson), the Idempotency-Key \
     is missing or malformed (idempotencyKeyRequired, invalidIdempotencyKey), or If-Match \
     is not an ETag this server sent nor * (invalidIfMatch)."
);
problem_response!(
    Unauthorized,
    "The server cannot tell who acts: no persona on a write (personaRequired), an \
     unknown one (unknownPersona), or X-Persona and the body's persona differ \
     (personaMismatch).",
    |r| r.header(
        "WWW-Authenticate",
        string_header("The scheme to use: the X-Persona header.")
    )
);
problem_response!(
    Forbidden,
    "The persona may not do this (notPermitted); the refusal is logged in the activity."
);
problem_response!(
    NotFound,
    "The invitation or partner does not exist (invitationNotFound, partnerNotFound)."
);
problem_response!(
    Conflict,
    "The current state does not allow it (already accepted, expired, no roles to \
     remove…), or the saved state is from a newer version and read-only (readOnly)."
);
problem_response!(
    PreconditionFailed,
    "If-Match is stale (staleRevision): the state changed; reload it. The ETag header \
     has the current revision.",
    |r| r.header("ETag", string_header("The current revision, like \"8\"."))
);
problem_response!(
    UnprocessableContent,
    "Well-formed JSON that does not fit this operation (invalidBody), input no state \
     would accept (the engine's code, e.g. agreementNotAcknowledged), or an \
     Idempotency-Key already used for another request (idempotencyKeyReused)."
);
problem_response!(
    PreconditionRequired,
    "The write carries no If-Match (ifMatchRequired)."
);
problem_response!(
    InternalError,
    "Failed inside (internal, or faultInjected when the server injects faults); a \
     keyed write may be retried with the same Idempotency-Key."
);
problem_response!(
    Unavailable,
    "Overloaded (faultInjected when the server injects faults): retry after \
     Retry-After seconds.",
    |r| r.header(
        "Retry-After",
        HeaderBuilder::new()
            .schema(ObjectBuilder::new().schema_type(Type::Integer))
            .description(Some("Seconds to wait before retrying."))
            .build()
    )
);
