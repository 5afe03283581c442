// The demo directory the development provider signs people in from: two
// organizations, their people, and the automation clients. Shaped like
// Microsoft Entra ID: a tenant id (`tid`), an immutable user id (`oid`) and
// the directory role template ids a person holds (`wids`).
//
// Every password is `demo` and every automation secret `demo-secret`: this
// provider is for development, demos and tests, never for production.

// Directory role template ids, as Entra puts them in `wids`.
export const ROLE = Object.freeze({
  globalAdministrator: '62e90394-69f5-4237-9190-012177145e10',
  billingAdministrator: 'b0f54661-2d74-4c50-afa3-1ec803f12efe',
  helpdeskAdministrator: '729827e3-9c14-49f7-bb1b-9608f156bbb8',
  globalReader: 'f2ef992c-3afb-46b9-b7cf-a126ee74c451',
  // Entra adds this one to every member user's `wids`: it grants nothing.
  member: 'b79fbf4d-3ef9-4689-8143-76b194e85509',
});

// Adatum is the demo organization of the console's demo data: the same
// tenant id (crates/domain/src/demo, DEMO_TENANT_ID), so an import of
// Graph JSON for Adatum is recognised as this organization's.
export const ORGANIZATIONS = Object.freeze({
  adatum: { tid: '6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c', name: 'Adatum Corporation' },
  contoso: { tid: '3c9e7a51-2b84-4f06-a1d3-8e5f0b7c2d94', name: 'Contoso Ltd' },
  // The partner whose agent works on Adatum's behalf. Nobody signs in to it
  // here; it is the agent's home tenant.
  fabrikam: { tid: 'a4b8c2d6-1e3f-4a5b-9c7d-0e2f4a6b8c1d', name: 'Fabrikam IT Services' },
});

export const DEMO_PASSWORD = 'demo';
export const AUTOMATION_SECRET = 'demo-secret';

// The audience of the API's access tokens.
export const API_AUDIENCE = 'api://partner-console';

const member = (org, oid, username, name, roles, role) => ({
  oid,
  username,
  name,
  role,
  tid: ORGANIZATIONS[org].tid,
  organization: ORGANIZATIONS[org].name,
  wids: [...roles, ROLE.member],
});

export const ACCOUNTS = Object.freeze([
  member('adatum', '0b6f3a8e-5c21-4d7f-9e14-6a2b8c0d3f51', 'admin@adatum.example', 'Avery Howard', [ROLE.globalAdministrator], 'Global Administrator'),
  member('adatum', '1c7a4b9f-6d32-4e80-8f25-7b3c9d1e4a62', 'billing@adatum.example', 'Blair Nguyen', [ROLE.billingAdministrator], 'Billing Administrator'),
  member('adatum', '2d8b5c0a-7e43-4f91-902a-8c4d0e2f5b73', 'helpdesk@adatum.example', 'Casey Morgan', [ROLE.helpdeskAdministrator], 'Helpdesk Administrator'),
  member('adatum', '3e9c6d1b-8f54-4a02-813b-9d5e1f3a6c84', 'reader@adatum.example', 'Devon Patel', [ROLE.globalReader], 'Global Reader'),
  member('adatum', '4fad7e2c-9065-4b13-924c-ae6f2a4b7d95', 'user@adatum.example', 'Emerson Lee', [], 'No admin role'),
  member('contoso', '5abe8f3d-a176-4c24-a35d-bf7a3b5c8ea6', 'admin@contoso.example', 'Finley Okafor', [ROLE.globalAdministrator], 'Global Administrator'),
  {
    // A partner's agent acting on behalf of Adatum (AOBO): the token is
    // Adatum's (`tid`), but Entra names the agent's home tenant in `idp`,
    // which it only does for someone from another tenant. The partner's
    // relationship gives the agent a role here; no member role.
    oid: '6bcf9a4e-b287-4d35-b46e-c08b4c6d9fb7',
    username: 'agent@fabrikam-partner.example',
    name: 'Gray Santos (Fabrikam IT Services)',
    role: 'Partner agent, on behalf of Adatum',
    tid: ORGANIZATIONS.adatum.tid,
    organization: ORGANIZATIONS.adatum.name,
    idp: `https://sts.windows.net/${ORGANIZATIONS.fabrikam.tid}/`,
    wids: [ROLE.billingAdministrator],
  },
]);

// Client-credentials clients for scripts calling the API. Their tokens
// carry their organization and a Global Administrator role, like an Entra
// app registration granted that directory role.
export const AUTOMATION_CLIENTS = Object.freeze([
  { clientId: 'adatum-automation', oid: '7cd0ab5f-c398-4e46-857f-d19c5d7e0ac8', name: 'Adatum automation', org: 'adatum' },
  { clientId: 'contoso-automation', oid: '8de1bc6a-d4a9-4f57-9680-e2ad6e8f1bd9', name: 'Contoso automation', org: 'contoso' },
]);

/** The account with this username, ignoring case, or undefined. */
export function accountByUsername(username) {
  const wanted = String(username ?? '').trim().toLowerCase();
  return ACCOUNTS.find((a) => a.username === wanted);
}

/** The account with this `oid` (the provider's account id), or undefined. */
export function accountById(oid) {
  return ACCOUNTS.find((a) => a.oid === oid);
}

/** The claims Entra would put in a token for this account. */
export function claimsOf(account) {
  const claims = {
    sub: account.oid,
    oid: account.oid,
    tid: account.tid,
    name: account.name,
    preferred_username: account.username,
    wids: account.wids,
    tenant_name: account.organization,
  };
  if (account.idp) claims.idp = account.idp;
  return claims;
}

/** The claims of an automation client's access token. */
export function automationClaimsOf(clientId) {
  const client = AUTOMATION_CLIENTS.find((c) => c.clientId === clientId);
  if (!client) return undefined;
  return {
    oid: client.oid,
    tid: ORGANIZATIONS[client.org].tid,
    // Entra's v2 access tokens name the calling app in `azp`; an app's
    // directory roles arrive in `wids` as a user's do.
    azp: client.clientId,
    name: client.name,
    tenant_name: ORGANIZATIONS[client.org].name,
    wids: [ROLE.globalAdministrator],
  };
}
