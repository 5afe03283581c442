//! Bearer tokens as an attacker or a careless client sends them: each is
//! refused for its own reason, and only a good one names someone.

use identity::{Identity, IssuerRule, TokenError, TokenVerifier};
use jsonwebtoken::jwk::{Jwk, JwkSet};
use jsonwebtoken::{encode, Algorithm, EncodingKey, Header};
use serde_json::{json, Value};

const ISSUER: &str = "http://127.0.0.1:8091";
const AUDIENCE: &str = "api://partner-console";
const ADATUM: &str = "6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c";
const GLOBAL_ADMINISTRATOR: &str = "62e90394-69f5-4237-9190-012177145e10";
const NOW: u64 = 1_796_000_000;

fn key(name: &str) -> EncodingKey {
    let pem = std::fs::read(format!(
        "{}/tests/keys/{name}.pem",
        env!("CARGO_MANIFEST_DIR")
    ))
    .unwrap();
    EncodingKey::from_rsa_pem(&pem).unwrap()
}

fn published(kid: &str) -> JwkSet {
    let mut jwk = Jwk::from_encoding_key(&key("trusted"), Algorithm::RS256).unwrap();
    jwk.common.key_id = Some(kid.to_string());
    JwkSet { keys: vec![jwk] }
}

fn verifier() -> TokenVerifier {
    TokenVerifier::new(IssuerRule::Exact(ISSUER.into()), AUDIENCE, published("k1"))
}

fn claims() -> Value {
    json!({
        "iss": ISSUER,
        "aud": AUDIENCE,
        "iat": NOW - 10,
        "nbf": NOW - 10,
        "exp": NOW + 3600,
        "tid": ADATUM,
        "oid": "7cd0ab5f-c398-4e46-857f-d19c5d7e0ac8",
        "azp": "adatum-automation",
        "wids": [GLOBAL_ADMINISTRATOR],
    })
}

fn sign_with(claims: &Value, signer: &str, kid: &str) -> String {
    let mut header = Header::new(Algorithm::RS256);
    header.kid = Some(kid.into());
    encode(&header, claims, &key(signer)).unwrap()
}

fn sign(claims: &Value) -> String {
    sign_with(claims, "trusted", "k1")
}

fn b64(bytes: &[u8]) -> String {
    // base64url without padding, enough for hand-made tokens.
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for chunk in bytes.chunks(3) {
        let n = chunk.iter().fold(0u32, |n, b| (n << 8) | u32::from(*b)) << (8 * (3 - chunk.len()));
        for i in 0..=chunk.len() {
            out.push(ALPHABET[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}

#[test]
fn a_good_token_names_the_organization_and_its_global_administrator() {
    let who: Identity = verifier().identify(&sign(&claims()), NOW).unwrap();
    assert_eq!(who.organization, ADATUM);
    assert_eq!(who.persona, domain::Persona::GlobalAdministrator);
    assert_eq!(who.name, "adatum-automation");
}

#[test]
fn an_expired_or_not_yet_valid_token_is_refused_after_the_leeway() {
    let mut expired = claims();
    expired["exp"] = json!(NOW - 61);
    assert_eq!(
        verifier().verify(&sign(&expired), NOW),
        Err(TokenError::Expired)
    );
    // Within a minute of clock skew it still counts.
    expired["exp"] = json!(NOW - 30);
    assert!(verifier().verify(&sign(&expired), NOW).is_ok());

    let mut early = claims();
    early["nbf"] = json!(NOW + 120);
    assert_eq!(
        verifier().verify(&sign(&early), NOW),
        Err(TokenError::NotYetValid)
    );

    let mut endless = claims();
    endless.as_object_mut().unwrap().remove("exp");
    assert_eq!(
        verifier().verify(&sign(&endless), NOW),
        Err(TokenError::NoExpiry)
    );
}

#[test]
fn a_token_for_another_audience_or_from_another_issuer_is_refused() {
    let mut other_app = claims();
    other_app["aud"] = json!("api://something-else");
    assert_eq!(
        verifier().verify(&sign(&other_app), NOW),
        Err(TokenError::WrongAudience)
    );
    other_app["aud"] = json!(["api://something-else", AUDIENCE]);
    assert!(
        verifier().verify(&sign(&other_app), NOW).is_ok(),
        "one of several audiences"
    );
    other_app.as_object_mut().unwrap().remove("aud");
    assert_eq!(
        verifier().verify(&sign(&other_app), NOW),
        Err(TokenError::WrongAudience)
    );

    let mut other_issuer = claims();
    other_issuer["iss"] = json!("http://127.0.0.1:9999");
    assert_eq!(
        verifier().verify(&sign(&other_issuer), NOW),
        Err(TokenError::WrongIssuer)
    );
}

#[test]
fn an_unsigned_token_is_refused() {
    let header = b64(br#"{"alg":"none","typ":"JWT"}"#);
    let payload = b64(claims().to_string().as_bytes());
    for token in [
        format!("{header}.{payload}."),
        format!("{header}.{payload}"),
    ] {
        assert_eq!(
            verifier().verify(&token, NOW),
            Err(TokenError::Unreadable),
            "{token}"
        );
    }
}

#[test]
fn a_token_signed_with_hmac_using_the_public_key_as_secret_is_refused() {
    // The classic algorithm confusion: HS256 keyed with what the server
    // publishes.
    let jwks = serde_json::to_vec(&published("k1")).unwrap();
    let mut header = Header::new(Algorithm::HS256);
    header.kid = Some("k1".into());
    let token = encode(
        &header,
        &claims(),
        &EncodingKey::from_secret(&jwks).unwrap(),
    )
    .unwrap();
    assert_eq!(
        verifier().verify(&token, NOW),
        Err(TokenError::UnsupportedAlgorithm("HS256".into()))
    );
}

#[test]
fn a_token_signed_with_another_key_is_refused() {
    // Someone else's key under the published key id: the signature fails.
    assert_eq!(
        verifier().verify(&sign_with(&claims(), "stranger", "k1"), NOW),
        Err(TokenError::BadSignature)
    );
    // Or under a key id nobody published.
    assert_eq!(
        verifier().verify(&sign_with(&claims(), "stranger", "k2"), NOW),
        Err(TokenError::UnknownKey)
    );
    assert!(verifier().knows_key("k1") && !verifier().knows_key("k2"));
}

#[test]
fn a_tampered_token_is_refused() {
    let token = sign(&claims());
    let parts: Vec<&str> = token.split('.').collect();
    let mut raised = claims();
    raised["tid"] = json!("3c9e7a51-2b84-4f06-a1d3-8e5f0b7c2d94");
    let forged = format!(
        "{}.{}.{}",
        parts[0],
        b64(raised.to_string().as_bytes()),
        parts[2]
    );
    assert_eq!(
        verifier().verify(&forged, NOW),
        Err(TokenError::BadSignature)
    );
    assert_eq!(
        verifier().verify("not a token", NOW),
        Err(TokenError::Unreadable)
    );
    assert_eq!(
        verifier().verify(&"a".repeat(20_000), NOW),
        Err(TokenError::Unreadable)
    );
}

#[test]
fn entra_multi_tenant_tokens_must_come_from_their_own_tenant() {
    let verifier = TokenVerifier::new(IssuerRule::EntraMultiTenant, AUDIENCE, published("k1"));
    let mut token = claims();
    token["iss"] = json!(format!("https://login.microsoftonline.com/{ADATUM}/v2.0"));
    assert!(verifier.verify(&sign(&token), NOW).is_ok());
    token["iss"] =
        json!("https://login.microsoftonline.com/3c9e7a51-2b84-4f06-a1d3-8e5f0b7c2d94/v2.0");
    assert_eq!(
        verifier.verify(&sign(&token), NOW),
        Err(TokenError::WrongIssuer)
    );
}

#[test]
fn a_verified_token_without_an_organization_names_nobody() {
    let mut no_tid = claims();
    no_tid.as_object_mut().unwrap().remove("tid");
    let refused = verifier().identify(&sign(&no_tid), NOW).unwrap_err();
    assert!(matches!(refused, TokenError::Identity(_)));
    assert!(refused.to_string().contains("“tid”"), "{refused}");
}

#[test]
fn the_keys_are_read_from_the_providers_jwks_json() {
    let json = serde_json::to_string(&published("k1")).unwrap();
    let verifier =
        TokenVerifier::from_jwks_json(IssuerRule::Exact(ISSUER.into()), AUDIENCE, &json).unwrap();
    assert!(verifier.verify(&sign(&claims()), NOW).is_ok());
    assert!(TokenVerifier::from_jwks_json(IssuerRule::EntraMultiTenant, AUDIENCE, "{").is_err());
}
