//! Sign-in on a server where people sign in: the words the console's
//! sign-in pages say, and the one rule they follow (where "Sign in" may
//! bring someone back to). The server decides who is signed in; this only
//! says it.

/// What the sign-in page says the console is for, in the seeds' words.
pub const SIGN_IN_LEAD: &str = "Sign in to find a partner, accept a partner's invitation, and control which admin roles partners hold in your organization.";

/// Who may use it, under the lead.
pub const SIGN_IN_WHO: &str =
    "Use your work account. What you can do depends on your admin role in your organization.";

/// The signed-out page.
pub const SIGNED_OUT_TITLE: &str = "You're signed out";
pub const SIGNED_OUT_TEXT: &str =
    "You have signed out of the partner console. To carry on, sign in again.";

/// The notice shown when the session ends while a page is open.
pub const SESSION_ENDED_TITLE: &str = "Your session has ended";
pub const SESSION_ENDED_TEXT: &str =
    "Sign in again to carry on. You'll come back to this page, and what you typed is kept.";

/// Why a write was not made: the session ended before it reached the server.
pub const SESSION_ENDED_REFUSAL: &str =
    "Your session has ended, so nothing was changed. Sign in again, then try again.";

/// Why a sign-in came back without signing anyone in, as the server names
/// it in `/sign-in?problem=<code>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignInProblem {
    /// The identity provider could not be reached.
    ProviderUnreachable,
    /// The answer from the provider could not be trusted (wrong state, a
    /// code used twice, no verifier): nobody was signed in.
    SignInFailed,
    /// The person cancelled at the provider.
    Cancelled,
    /// The sign-in took too long.
    Expired,
    /// The person's organization is not one this server serves.
    NotServed,
    /// A code this console does not know: still a failed sign-in.
    Other,
}

impl SignInProblem {
    /// The problem a `problem=` value names; `None` when there is none.
    pub fn from_code(code: &str) -> Option<SignInProblem> {
        match code {
            "" => None,
            "provider-unreachable" => Some(SignInProblem::ProviderUnreachable),
            "sign-in-failed" => Some(SignInProblem::SignInFailed),
            "cancelled" => Some(SignInProblem::Cancelled),
            "expired" => Some(SignInProblem::Expired),
            "not-served" => Some(SignInProblem::NotServed),
            _ => Some(SignInProblem::Other),
        }
    }

    /// What the sign-in page says, above "Try again".
    pub fn message(self) -> &'static str {
        match self {
            SignInProblem::ProviderUnreachable => "The sign-in service could not be reached, so you are not signed in. Try again in a moment.",
            SignInProblem::SignInFailed => "The sign-in could not be completed, so nobody is signed in. Try again.",
            SignInProblem::Cancelled => "The sign-in was cancelled, so you are not signed in.",
            SignInProblem::Expired => "The sign-in took too long and expired, so you are not signed in. Try again.",
            SignInProblem::NotServed => "This console does not serve your organization, so you are not signed in. Ask your administrator which address to use.",
            SignInProblem::Other => "Something went wrong while signing in, so you are not signed in. Try again.",
        }
    }
}

/// Where "Sign in" may come back to: a path on this origin, as asked for,
/// or the home page. A path starting `//` or holding a backslash would
/// leave the origin in some browsers; the sign-in pages themselves would
/// loop. The app and the server's /auth/sign-in both follow it.
pub fn return_to<'a>(asked: Option<&'a str>, home: &'a str) -> &'a str {
    let Some(path) = asked else { return home };
    let same_origin = path.starts_with('/')
        && !path.starts_with("//")
        && !path.contains('\\')
        && !path.chars().any(char::is_control)
        && path.len() <= MAX_RETURN_PATH;
    let route = path.split(['?', '#']).next().unwrap_or_default();
    let loops =
        route.ends_with("/sign-in") || route.ends_with("/signed-out") || route.contains("/auth/");
    if same_origin && !loops {
        path
    } else {
        home
    }
}

/// Longer return paths are not followed (nothing the app links to is near).
const MAX_RETURN_PATH: usize = 2048;

/// The address "Sign in" navigates to: the server's sign-in under `base`
/// (the app's path prefix, "" at the root), carrying where to come back.
pub fn sign_in_url(base: &str, return_to: &str) -> String {
    format!(
        "{base}/auth/sign-in?returnTo={}",
        encode_query_value(return_to)
    )
}

/// Percent-encodes a query value; `/` stays readable.
fn encode_query_value(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    for b in raw.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b'/') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// A person's initials for the header's avatar: the first letter of the
/// first two words ("Avery Howard" → "AH").
pub fn initials(name: &str) -> String {
    name.split_whitespace()
        .filter_map(|word| word.chars().find(|c| c.is_alphanumeric()))
        .take(2)
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_problem_the_server_sends_has_its_own_message() {
        let codes = [
            "provider-unreachable",
            "sign-in-failed",
            "cancelled",
            "expired",
            "not-served",
        ];
        let messages: Vec<&str> = codes
            .iter()
            .map(|c| {
                SignInProblem::from_code(c)
                    .map(SignInProblem::message)
                    .unwrap_or("")
            })
            .collect();
        for (i, m) in messages.iter().enumerate() {
            assert!(
                m.contains("not signed in") || m.contains("nobody is signed in"),
                "{m}"
            );
            assert!(messages[i + 1..].iter().all(|other| other != m), "{m}");
        }
        assert_eq!(
            SignInProblem::from_code("provider-unreachable").map(SignInProblem::message),
            Some("The sign-in service could not be reached, so you are not signed in. Try again in a moment.")
        );
    }

    #[test]
    fn no_problem_is_no_message_and_an_unknown_one_still_fails() {
        assert_eq!(SignInProblem::from_code(""), None);
        assert_eq!(
            SignInProblem::from_code("<script>"),
            Some(SignInProblem::Other)
        );
    }

    #[test]
    fn sign_in_comes_back_to_the_page_asked_for() {
        assert_eq!(
            return_to(Some("/partners/contact?partners=a,b"), "/"),
            "/partners/contact?partners=a,b"
        );
        assert_eq!(return_to(None, "/console/"), "/console/");
        let long = format!("/{}", "a".repeat(3000));
        assert_eq!(return_to(Some(&long), "/"), "/");
    }

    #[test]
    fn sign_in_never_comes_back_to_another_origin() {
        for asked in [
            "//evil.example",
            "https://evil.example/",
            "/\\evil.example",
            "javascript:alert(1)",
            "evil",
            "/\n//evil.example",
            "/ok\r\nSet-Cookie: x=1",
            "",
        ] {
            assert_eq!(return_to(Some(asked), "/"), "/", "{asked:?}");
        }
    }

    #[test]
    fn sign_in_does_not_come_back_to_the_sign_in_pages() {
        for asked in [
            "/sign-in?problem=expired",
            "/signed-out",
            "/auth/sign-in?returnTo=/",
        ] {
            assert_eq!(return_to(Some(asked), "/"), "/", "{asked}");
        }
    }

    #[test]
    fn the_sign_in_address_carries_the_page_encoded() {
        assert_eq!(
            sign_in_url("", "/partners/contact?partners=a,b&from=x"),
            "/auth/sign-in?returnTo=/partners/contact%3Fpartners%3Da%2Cb%26from%3Dx"
        );
        assert_eq!(
            sign_in_url("/console", "/console/"),
            "/console/auth/sign-in?returnTo=/console/"
        );
    }

    #[test]
    fn initials_take_the_first_two_names() {
        assert_eq!(initials("Avery Howard"), "AH");
        assert_eq!(initials("Gray Santos (Fabrikam IT Services)"), "GS");
        assert_eq!(initials("madonna"), "M");
        assert_eq!(initials(""), "");
    }
}
