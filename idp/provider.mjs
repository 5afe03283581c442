// The development OpenID Connect provider: oidc-provider (an OpenID
// Certified implementation) configured to issue tokens shaped like
// Microsoft Entra ID's for the demo directory. The console's backend signs
// people in through it exactly as it would through Entra.

import { randomBytes } from 'node:crypto';
import { generateKeyPair, exportJWK } from 'jose';
import Provider, { errors } from 'oidc-provider';

import {
  API_AUDIENCE,
  AUTOMATION_CLIENTS,
  AUTOMATION_SECRET,
  accountById,
  automationClaimsOf,
  claimsOf,
} from './directory.mjs';

// The console's own client: a confidential web client (the backend holds
// the secret; the browser never sees a token).
export const CONSOLE_CLIENT_ID = 'partner-console';
export const CONSOLE_CLIENT_SECRET = 'demo-console-secret';

// The claims Entra puts in an ID token that the console relies on.
// `tenant_name` is this provider's own: Entra sends no organization name,
// and the console then shows the domain of the sign-in name instead.
const ENTRA_CLAIMS = ['sub', 'oid', 'tid', 'wids', 'idp', 'name', 'preferred_username', 'tenant_name'];

/**
 * Builds the provider.
 * @param {object} options
 * @param {string} options.issuer e.g. http://127.0.0.1:8091
 * @param {string[]} options.redirectUris where the console may be sent back
 * @param {string[]} options.postLogoutRedirectUris where "Sign out" may return
 */
export async function createProvider({ issuer, redirectUris, postLogoutRedirectUris }) {
  // A fresh signing key per start: the backend reads the published keys,
  // and a token from an earlier run must not verify.
  const { privateKey } = await generateKeyPair('RS256', { extractable: true });
  const signingKey = { ...(await exportJWK(privateKey)), kid: `dev-${Date.now().toString(36)}`, alg: 'RS256', use: 'sig' };

  const configuration = {
    clients: [
      {
        client_id: CONSOLE_CLIENT_ID,
        client_secret: CONSOLE_CLIENT_SECRET,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['authorization_code', 'refresh_token'],
        response_types: ['code'],
        redirect_uris: redirectUris,
        post_logout_redirect_uris: postLogoutRedirectUris,
      },
      ...AUTOMATION_CLIENTS.map((c) => ({
        client_id: c.clientId,
        client_secret: AUTOMATION_SECRET,
        token_endpoint_auth_method: 'client_secret_basic',
        grant_types: ['client_credentials'],
        response_types: [],
        redirect_uris: [],
      })),
    ],
    jwks: { keys: [signingKey] },
    cookies: { keys: [randomBytes(32).toString('base64url')] },
    // Authorization code with PKCE (S256) only: a request without it is refused.
    pkce: { required: () => true, methods: ['S256'] },
    async findAccount(_ctx, id) {
      const account = accountById(id);
      if (!account) return undefined;
      return { accountId: account.oid, claims: async () => claimsOf(account) };
    },
    claims: { openid: ENTRA_CLAIMS },
    // Entra puts these claims in the ID token itself, not only at userinfo.
    conformIdTokenClaims: false,
    features: {
      devInteractions: { enabled: false },
      clientCredentials: { enabled: true },
      rpInitiatedLogout: { enabled: true, logoutSource, postLogoutSuccessSource },
      resourceIndicators: {
        enabled: true,
        // A token for the API whether or not the client names it.
        defaultResource: () => API_AUDIENCE,
        useGrantedResource: () => true,
        getResourceServerInfo(_ctx, resource) {
          if (resource !== API_AUDIENCE) throw new errors.InvalidTarget();
          return {
            scope: 'access_as_user',
            audience: API_AUDIENCE,
            accessTokenFormat: 'jwt',
            accessTokenTTL: 3600,
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // The console is a first-party app: nobody is asked to consent to it.
    async loadExistingGrant(ctx) {
      const existing = ctx.oidc.result?.consent?.grantId || ctx.oidc.session.grantIdFor(ctx.oidc.client.clientId);
      if (existing) return ctx.oidc.provider.Grant.find(existing);
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid offline_access');
      grant.addOIDCClaims(ENTRA_CLAIMS);
      grant.addResourceScope(API_AUDIENCE, 'access_as_user');
      await grant.save();
      return grant;
    },
    // Access tokens for the API carry the same organization and roles as
    // the person's ID token, or the automation client's.
    async extraTokenClaims(_ctx, token) {
      if (token.kind === 'ClientCredentials') return automationClaimsOf(token.clientId);
      const account = token.accountId && accountById(token.accountId);
      if (!account) return undefined;
      const { sub: _sub, ...claims } = claimsOf(account);
      return claims;
    },
    ttl: {
      AccessToken: 3600,
      ClientCredentials: 3600,
      IdToken: 3600,
      Interaction: 600,
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    renderError,
  };

  const provider = new Provider(issuer, configuration);
  provider.proxy = false;
  return provider;
}

// Pages the provider itself shows. Plain, labelled HTML: people meet them.

export function page(title, body) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Demo sign-in</title>
<style>
  body { font: 16px/1.5 system-ui, sans-serif; margin: 0; background: #f3f2f1; color: #201f1e; }
  main { max-width: 40rem; margin: 3rem auto; background: #fff; padding: 2rem; border-radius: 4px; box-shadow: 0 1px 4px rgba(0,0,0,.15); }
  h1 { font-size: 1.5rem; margin: 0 0 1rem; }
  label { display: block; font-weight: 600; margin-top: 1rem; }
  input { box-sizing: border-box; width: 100%; padding: .5rem; font: inherit; border: 1px solid #605e5c; border-radius: 2px; }
  button { display: block; margin-top: 1.5rem; padding: .5rem 1.25rem; font: inherit; font-weight: 600; color: #fff; background: #0f6cbd; border: 0; border-radius: 4px; cursor: pointer; }
  button:focus-visible, input:focus-visible, a:focus-visible { outline: 2px solid #201f1e; outline-offset: 2px; }
  .error { color: #a4262c; font-weight: 600; }
  .note { color: #484644; font-size: .875rem; }
  details { margin-top: 2rem; }
  summary { cursor: pointer; }
  input { max-width: 24rem; }
  table { border-collapse: collapse; font-size: .875rem; margin-top: .5rem; }
  th, td { text-align: left; padding: .25rem .75rem .25rem 0; vertical-align: top; }
  td:nth-child(2) { white-space: nowrap; }
</style>
</head>
<body><main>${body}</main></body>
</html>`;
}

export function escapeHtml(text) {
  return String(text ?? '').replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

async function logoutSource(ctx, form) {
  ctx.body = page('Sign out', `<h1>Sign out</h1>
<p>Sign out of the demo sign-in service too?</p>
${form}
<button type="submit" form="op.logoutForm" name="logout" value="yes">Sign out</button>`);
}

async function postLogoutSuccessSource(ctx) {
  ctx.body = page('Signed out', '<h1>Signed out</h1><p>You have signed out. You can close this window.</p>');
}

async function renderError(ctx, out) {
  ctx.type = 'html';
  const detail = out.error_description || out.error || 'The request could not be completed.';
  ctx.body = page('Sign-in problem', `<h1>Sign-in problem</h1>
<p class="error" role="alert">${escapeHtml(detail)}</p>
<p>Go back to the console and choose Sign in again.</p>`);
}
