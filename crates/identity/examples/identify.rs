//! Verifies a token against a provider's published keys and prints who it
//! names: `identify <issuer> <audience> <jwks.json> < token`. Used by the
//! test command to check the development provider's real tokens.

use std::io::Read;
use std::process::ExitCode;
use std::time::{SystemTime, UNIX_EPOCH};

use identity::{IssuerRule, TokenVerifier};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [issuer, audience, jwks_path] = args.as_slice() else {
        eprintln!("usage: identify <issuer> <audience> <jwks.json> < token");
        return ExitCode::from(2);
    };
    let verifier = match std::fs::read_to_string(jwks_path)
        .map_err(|e| e.to_string())
        .and_then(|json| {
            TokenVerifier::from_jwks_json(IssuerRule::from_configured(issuer), audience, &json)
                .map_err(|e| e.to_string())
        }) {
        Ok(verifier) => verifier,
        Err(e) => {
            eprintln!("{jwks_path}: {e}");
            return ExitCode::from(2);
        }
    };
    let mut token = String::new();
    if std::io::stdin().read_to_string(&mut token).is_err() {
        eprintln!("the token could not be read from standard input");
        return ExitCode::from(2);
    }
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or_default();
    match verifier.identify(token.trim(), now) {
        Ok(who) => {
            println!(
                "organization={} user={} persona={} role=\"{}\" name=\"{}\"",
                who.organization,
                who.user_id,
                who.persona.id(),
                who.role_label(),
                who.name
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("refused: {e}");
            ExitCode::FAILURE
        }
    }
}
