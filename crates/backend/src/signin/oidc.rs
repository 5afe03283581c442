//! The console as an OpenID Connect client of the identity provider: the
//! authorization code flow with PKCE, as a confidential client (the secret
//! stays on the server), and the ID token's checks (signature, issuer,
//! audience, expiry, nonce), all by the `openidconnect` crate. The claims
//! it returns are Entra's: `tid`, `oid`, `wids`, `idp`.
//!
//! The provider's discovery document is read at each sign-in and sign-out,
//! not once at start: sign-ins are rare, and a provider that was down at
//! start or has rotated its keys then just works.

use std::str::FromStr;
use std::time::Duration;

use identity::{IssuerRule, TokenClaims};
use openidconnect::core::{
    CoreAuthDisplay, CoreAuthPrompt, CoreErrorResponseType, CoreGenderClaim, CoreJsonWebKey,
    CoreJweContentEncryptionAlgorithm, CoreJwsSigningAlgorithm, CoreResponseType,
    CoreRevocableToken, CoreRevocationErrorResponse, CoreTokenIntrospectionResponse, CoreTokenType,
};
use openidconnect::{
    AdditionalClaims, AuthenticationFlow, AuthorizationCode, Client, ClientId, ClientSecret,
    CsrfToken, EmptyExtraTokenFields, EndpointMaybeSet, EndpointNotSet, EndpointSet, IdToken,
    IdTokenFields, JsonWebKeySet, LogoutRequest, Nonce, PkceCodeChallenge, PkceCodeVerifier,
    PostLogoutRedirectUrl, ProviderMetadataWithLogout, RedirectUrl, RequestTokenError, Scope,
    StandardErrorResponse, StandardTokenResponse, TokenResponse,
};
use serde::{Deserialize, Serialize};

/// The claims beyond the standard ones that the console reads, as Entra
/// names them. `tenant_name` is the development provider's: Entra sends no
/// organization name.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct EntraClaims {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tid: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub oid: Option<String>,
    #[serde(default)]
    pub wids: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub idp: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tenant_name: Option<String>,
}
impl AdditionalClaims for EntraClaims {}

type EntraIdToken = IdToken<
    EntraClaims,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJwsSigningAlgorithm,
>;
type EntraTokenResponse = StandardTokenResponse<
    IdTokenFields<
        EntraClaims,
        EmptyExtraTokenFields,
        CoreGenderClaim,
        CoreJweContentEncryptionAlgorithm,
        CoreJwsSigningAlgorithm,
    >,
    CoreTokenType,
>;
/// A client built from discovery: authorization endpoint known, token
/// and user-info endpoints as the provider says.
type DiscoveredClient = Client<
    EntraClaims,
    CoreAuthDisplay,
    CoreGenderClaim,
    CoreJweContentEncryptionAlgorithm,
    CoreJsonWebKey,
    CoreAuthPrompt,
    StandardErrorResponse<CoreErrorResponseType>,
    EntraTokenResponse,
    CoreTokenIntrospectionResponse,
    CoreRevocableToken,
    CoreRevocationErrorResponse,
    EndpointSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointNotSet,
    EndpointMaybeSet,
    EndpointMaybeSet,
>;

/// How the console signs people in.
#[derive(Clone, Debug)]
pub struct OidcSettings {
    /// The configured issuer: the provider's, or Entra's multi-tenant
    /// `https://login.microsoftonline.com/{tenantid}/v2.0`.
    pub issuer: String,
    pub client_id: String,
    pub client_secret: String,
    /// The console's origin as browsers see it, e.g. https://console.example.
    pub public_url: String,
    /// Asked for beyond `openid`.
    pub scopes: Vec<String>,
}

impl OidcSettings {
    pub fn redirect_url(&self) -> String {
        format!("{}/auth/callback", self.public_url.trim_end_matches('/'))
    }

    pub fn signed_out_url(&self) -> String {
        format!("{}/signed-out", self.public_url.trim_end_matches('/'))
    }
}

/// What the callback needs to finish a sign-in it started; kept in the
/// (server-side) session between the two.
#[derive(Clone, Debug, Deserialize, Serialize)]
pub struct Pending {
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
    pub return_to: String,
    /// Seconds since the Unix epoch.
    pub started_at: i64,
}

/// A finished sign-in: the verified ID token's claims, and the token
/// itself (kept on the server, for signing out at the provider).
pub struct Verified {
    pub claims: TokenClaims,
    pub id_token: String,
}

#[derive(Debug, thiserror::Error)]
pub enum SignInError {
    #[error("the identity provider could not be reached: {0}")]
    Unreachable(String),
    #[error("the sign-in was refused: {0}")]
    Refused(String),
}

pub struct Provider {
    settings: OidcSettings,
    rule: IssuerRule,
    http: reqwest::Client,
}

impl Provider {
    pub fn new(settings: OidcSettings) -> Result<Provider, SignInError> {
        let http = reqwest::Client::builder()
            // The provider's answers are followed by us, never its redirects
            // (openidconnect's advice against server-side request forgery).
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .map_err(|e| SignInError::Unreachable(e.to_string()))?;
        Ok(Provider {
            rule: IssuerRule::from_configured(&settings.issuer),
            settings,
            http,
        })
    }

    pub fn settings(&self) -> &OidcSettings {
        &self.settings
    }

    /// Where to send the browser to sign in, and what to keep until it
    /// comes back.
    pub async fn start(
        &self,
        return_to: String,
        now: i64,
    ) -> Result<(String, Pending), SignInError> {
        let (client, _) = self.client().await?;
        let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
        let mut request = client
            .authorize_url(
                AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
                CsrfToken::new_random,
                Nonce::new_random,
            )
            .set_pkce_challenge(challenge);
        for scope in &self.settings.scopes {
            request = request.add_scope(Scope::new(scope.clone()));
        }
        let (url, state, nonce) = request.url();
        let pending = Pending {
            state: state.secret().clone(),
            nonce: nonce.secret().clone(),
            pkce_verifier: verifier.secret().clone(),
            return_to,
            started_at: now,
        };
        Ok((url.to_string(), pending))
    }

    /// Exchanges the code (with the PKCE verifier and the client's secret)
    /// and checks the ID token it brings.
    pub async fn finish(&self, pending: &Pending, code: String) -> Result<Verified, SignInError> {
        let (client, _) = self.client().await?;
        let response = client
            .exchange_code(AuthorizationCode::new(code))
            .map_err(|e| SignInError::Refused(e.to_string()))?
            .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier.clone()))
            .request_async(&self.http)
            .await
            .map_err(|e| match e {
                // The provider answered, and said no (a used code, a wrong
                // verifier): that is a refusal, not an outage.
                RequestTokenError::ServerResponse(r) => SignInError::Refused(r.to_string()),
                RequestTokenError::Parse(e, _) => SignInError::Refused(e.to_string()),
                other => SignInError::Unreachable(other.to_string()),
            })?;
        let id_token = response
            .id_token()
            .ok_or_else(|| SignInError::Refused("no ID token in the answer".into()))?;
        let verifier = client
            .id_token_verifier()
            // Entra's multi-tenant issuer is a template: checked below
            // against the token's own tenant instead.
            .require_issuer_match(matches!(self.rule, IssuerRule::Exact(_)));
        let claims = id_token
            .claims(&verifier, &Nonce::new(pending.nonce.clone()))
            .map_err(|e| SignInError::Refused(e.to_string()))?;
        let extra = claims.additional_claims();
        if !self
            .rule
            .accepts(claims.issuer().as_str(), extra.tid.as_deref())
        {
            return Err(SignInError::Refused(format!(
                "issuer {} is not this console's provider",
                claims.issuer().as_str()
            )));
        }
        let token_claims = TokenClaims {
            iss: claims.issuer().to_string(),
            tid: extra.tid.clone(),
            oid: extra.oid.clone(),
            sub: Some(claims.subject().to_string()),
            name: claims
                .name()
                .and_then(|n| n.get(None))
                .map(|n| n.to_string()),
            preferred_username: claims.preferred_username().map(|u| u.to_string()),
            wids: extra.wids.clone(),
            idp: extra.idp.clone(),
            tenant_name: extra.tenant_name.clone(),
            ..TokenClaims::default()
        };
        Ok(Verified {
            claims: token_claims,
            id_token: id_token.to_string(),
        })
    }

    /// Where "Sign out" goes to end the provider's session too, when the
    /// provider offers it (RP-initiated logout); `None` when it does not or
    /// cannot be reached.
    pub async fn sign_out_url(&self, id_token: Option<&str>) -> Option<String> {
        let (_, metadata) = self.client().await.ok()?;
        let end_session = metadata
            .additional_metadata()
            .end_session_endpoint
            .clone()?;
        let mut request = LogoutRequest::from(end_session)
            .set_client_id(ClientId::new(self.settings.client_id.clone()));
        if let Ok(url) = PostLogoutRedirectUrl::new(self.settings.signed_out_url()) {
            request = request.set_post_logout_redirect_uri(url);
        }
        if let Some(token) = id_token.and_then(|t| EntraIdToken::from_str(t).ok()) {
            request = request.set_id_token_hint(&token);
        }
        Some(request.http_get_url().to_string())
    }

    /// Reads the provider's discovery document and keys.
    async fn client(&self) -> Result<(DiscoveredClient, ProviderMetadataWithLogout), SignInError> {
        let unreachable = |e: String| SignInError::Unreachable(e);
        let url = discovery_url(&self.rule);
        let metadata: ProviderMetadataWithLogout = self
            .http
            .get(&url)
            .send()
            .await
            .and_then(reqwest::Response::error_for_status)
            .map_err(|e| unreachable(e.to_string()))?
            .json()
            .await
            .map_err(|e| unreachable(format!("{url}: {e}")))?;
        if let IssuerRule::Exact(expected) = &self.rule {
            let found = metadata.issuer().as_str().trim_end_matches('/');
            if found != expected {
                return Err(unreachable(format!(
                    "the provider's discovery document names issuer {found}, not {expected}"
                )));
            }
        }
        let keys = JsonWebKeySet::fetch_async(metadata.jwks_uri(), &self.http)
            .await
            .map_err(|e| unreachable(e.to_string()))?;
        let metadata = metadata.set_jwks(keys);
        let redirect = RedirectUrl::new(self.settings.redirect_url())
            .map_err(|e| SignInError::Refused(e.to_string()))?;
        let client = DiscoveredClient::from_provider_metadata(
            metadata.clone(),
            ClientId::new(self.settings.client_id.clone()),
            Some(ClientSecret::new(self.settings.client_secret.clone())),
        )
        .set_redirect_uri(redirect);
        Ok((client, metadata))
    }
}

/// Where the provider publishes its settings. Entra's multi-tenant
/// template is read from its `organizations` document.
pub fn discovery_url(rule: &IssuerRule) -> String {
    let base = match rule {
        IssuerRule::Exact(issuer) => issuer.trim_end_matches('/').to_string(),
        IssuerRule::EntraMultiTenant => {
            "https://login.microsoftonline.com/organizations/v2.0".into()
        }
    };
    format!("{base}/.well-known/openid-configuration")
}
