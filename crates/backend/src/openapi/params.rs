//! The request headers the API reads, described once with their formats
//! (the same rules `api::write_headers` and `api::etag` apply).

use utoipa::openapi::path::{Parameter, ParameterBuilder, ParameterIn};
use utoipa::openapi::schema::{ObjectBuilder, Type};
use utoipa::openapi::Required;
use utoipa::IntoParams;

/// An entity tag this server sent (`"7"`: a revision in quotes) or `*`.
/// Anything else, an empty value included, is refused with 400.
pub const IF_MATCH_PATTERN: &str = r#"^(\*|"[0-9]{1,19}")$"#;

/// 1 to 200 visible ASCII characters.
pub const IDEMPOTENCY_KEY_PATTERN: &str = "^[!-~]{1,200}$";

fn header(name: &str, required: bool, description: &str, pattern: Option<&str>) -> Parameter {
    let mut schema = ObjectBuilder::new().schema_type(Type::String);
    if let Some(pattern) = pattern {
        schema = schema.pattern(Some(pattern));
    }
    ParameterBuilder::new()
        .name(name)
        .parameter_in(ParameterIn::Header)
        .required(if required {
            Required::True
        } else {
            Required::False
        })
        .description(Some(description))
        .schema(Some(schema))
        .build()
}

/// What every write carries: `Idempotency-Key` and `If-Match`.
pub struct WriteHeaders;

impl IntoParams for WriteHeaders {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![
            header(
                "Idempotency-Key",
                true,
                "1 to 200 visible ASCII characters: new per action, the same on every \
                 retry of it (kept 24 hours). Missing or malformed: 400.",
                Some(IDEMPOTENCY_KEY_PATTERN),
            ),
            header(
                "If-Match",
                true,
                "The ETag of the state the write is based on, exactly as the server sent \
                 it (like \"7\", with the quotes), or * to write over any revision. \
                 Missing: 428. Stale: 412. Anything else, an empty value included: 400.",
                Some(IF_MATCH_PATTERN),
            ),
        ]
    }
}

/// `If-None-Match` on `GET /api/state`.
pub struct IfNoneMatch;

impl IntoParams for IfNoneMatch {
    fn into_params(_: impl Fn() -> Option<ParameterIn>) -> Vec<Parameter> {
        vec![header(
            "If-None-Match",
            false,
            "An ETag the server sent (weak W/\"7\" also matches) or *: 304 when the state \
             is still that revision. A value that is not one of ours is ignored.",
            None,
        )]
    }
}
