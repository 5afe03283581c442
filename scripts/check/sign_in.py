#!/usr/bin/env python3
"""Sign-in end to end over HTTP, against the development identity provider
and this build of the backend (target/debug/backend), as a browser would
drive it but without one: the code flow with PKCE through the provider's
real sign-in form, the session cookie and its renewal, refused callbacks
(a wrong state, a replayed code, a callback in a browser that did not
start the sign-in), a tampered cookie, the cross-site checks on writes,
signing out, and the provider going away.

Runs with the Python in tools/schemathesis (it has `requests`). Exit 0 when
every check holds; it names the first that does not.
"""
import json
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

import requests

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BACKEND = os.environ.get("BACKEND_BIN", os.path.join(ROOT, "target", "debug", "backend"))
ADATUM = "6f1d2c3b-4a59-4e8d-9c7b-2a1e0f3d5b6c"
OWN = {"X-Requested-With": "partner-console"}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, proc, log):
    for _ in range(200):
        if proc.poll() is not None:
            sys.exit(f"{url}: the process exited:\n{open(log).read()}")
        try:
            requests.get(url, timeout=1)
            return
        except requests.RequestException:
            time.sleep(0.1)
    sys.exit(f"{url} did not answer:\n{open(log).read()}")


def check(what, ok, detail=""):
    if not ok:
        sys.exit(f"FAIL: {what} {detail}")
    print(f"ok: {what}")


class Servers:
    def __init__(self, work):
        self.work = work
        self.idp_port = free_port()
        self.port = free_port()
        self.base = f"http://127.0.0.1:{self.port}"
        self.issuer = f"http://127.0.0.1:{self.idp_port}"
        self.idp = None
        dist = os.path.join(work, "dist")
        os.makedirs(dist)
        with open(os.path.join(dist, "index.html"), "w") as f:
            f.write("<!doctype html><title>app</title>\n")
        self.start_idp()
        log = os.path.join(work, "backend.log")
        env = dict(os.environ, PARTNER_CONSOLE_OIDC_CLIENT_SECRET="demo-console-secret")
        self.backend = subprocess.Popen(
            [BACKEND, "--addr", f"127.0.0.1:{self.port}", "--dist", dist,
             "--db", os.path.join(work, "db.sqlite3"), "--oidc-issuer", self.issuer,
             "--oidc-client-id", "partner-console", "--demo-data"],
            stdout=open(log, "w"), stderr=subprocess.STDOUT, env=env)
        wait_for(self.base + "/health", self.backend, log)

    def start_idp(self):
        log = os.path.join(self.work, "idp.log")
        self.idp = subprocess.Popen(
            ["node", os.path.join(ROOT, "idp", "server.mjs"), "--port", str(self.idp_port),
             "--console", f"http://127.0.0.1:{self.port}"],
            stdout=open(log, "w"), stderr=subprocess.STDOUT)
        wait_for(self.issuer + "/.well-known/openid-configuration", self.idp, log)

    def stop_idp(self):
        self.idp.terminate()
        self.idp.wait()

    def close(self):
        for p in (self.idp, self.backend):
            if p and p.poll() is None:
                p.terminate()
                p.wait()


def to_provider(browser, servers, return_to="/"):
    """Starts a sign-in; returns the provider's login page response."""
    r = browser.get(servers.base + "/auth/sign-in", params={"returnTo": return_to},
                    allow_redirects=False)
    check("sign-in sends the browser to the provider", r.status_code in (302, 303)
          and r.headers["location"].startswith(servers.issuer), r.headers.get("location"))
    query = urllib.parse.parse_qs(urllib.parse.urlparse(r.headers["location"]).query)
    check("the request uses PKCE (S256) and asks for a code",
          query.get("code_challenge_method") == ["S256"] and query.get("response_type") == ["code"])
    return browser.get(r.headers["location"])


def log_in(browser, servers, page, username):
    """Fills the provider's form; returns the callback URL it sends back to,
    without following it."""
    action = re.search(r'<form method="post" action="([^"]+)"', page.text).group(1)
    r = browser.post(servers.issuer + action, data={"username": username, "password": "demo"},
                     allow_redirects=False)
    # The provider's own redirects, up to the console's callback.
    for _ in range(10):
        location = urllib.parse.urljoin(r.url, r.headers["location"])
        if location.startswith(servers.base + "/auth/callback"):
            return location
        r = browser.get(location, allow_redirects=False)
    sys.exit("the provider never sent the browser back")


def sign_in(servers, username, return_to="/"):
    browser = requests.Session()
    page = to_provider(browser, servers, return_to)
    callback = log_in(browser, servers, page, username)
    r = browser.get(callback, allow_redirects=False)
    return browser, r, callback


def session_cookie(browser):
    return browser.cookies.get("partner_console_session")


def main():
    work = tempfile.mkdtemp()
    servers = Servers(work)
    try:
        run(servers)
    finally:
        servers.close()


def run(servers):
    base = servers.base
    anon = requests.Session()
    r = anon.get(base + "/config.json")
    check("the app is told people sign in here", r.json().get("signIn") is True)
    r = anon.get(base + "/api/state")
    check("no session: the API answers 401 signInRequired",
          r.status_code == 401 and r.json()["code"] in ("signInRequired", "tokenRequired"), r.text)
    r = anon.get(base + "/api/state", headers={"X-Persona": "global-admin"})
    check("X-Persona grants nothing", r.status_code == 401)
    check("no session: /auth/session is 401", anon.get(base + "/auth/session").status_code == 401)

    # A Global Administrator signs in and comes back where they asked.
    browser = requests.Session()
    page = to_provider(browser, servers, "/partners?sort=name")
    before = session_cookie(browser)
    callback = log_in(browser, servers, page, "admin@adatum.example")
    r = browser.get(callback, allow_redirects=False)
    check("the callback brings them back to the page they asked for",
          r.status_code in (302, 303) and r.headers["location"] == "/partners?sort=name",
          r.headers.get("location"))
    after = session_cookie(browser)
    check("the session id is renewed at sign-in", before and after and before != after)
    set_cookie = r.headers.get("set-cookie", "")
    check("the cookie is HttpOnly, SameSite=Lax, Path=/",
          "HttpOnly" in set_cookie and "SameSite=Lax" in set_cookie and "Path=/" in set_cookie,
          set_cookie)
    check("no token reaches the browser", "eyJ" not in r.text and "eyJ" not in set_cookie)
    me = browser.get(base + "/auth/session").json()
    check("the session names the user, the organization and the role",
          me["user"]["name"] == "Avery Howard" and me["organization"]["name"] == "Adatum Corporation"
          and me["organization"]["id"] == ADATUM and me["role"] == "Global Administrator"
          and me["persona"] == "global-admin", json.dumps(me))
    r = browser.get(base + "/api/state")
    check("the signed-in admin reads the organization's state", r.status_code == 200)
    revision = r.headers["etag"]

    # Replayed: the same callback again, in a browser that did not start it.
    thief = requests.Session()
    r = thief.get(callback, allow_redirects=False)
    check("a replayed callback elsewhere is refused",
          r.headers["location"].startswith("/sign-in?problem=sign-in-failed"), r.headers.get("location"))
    check("and nobody is signed in by it", thief.get(base + "/api/state").status_code == 401)
    r = browser.get(callback, allow_redirects=False)
    check("a replayed callback in the same browser is refused too",
          r.headers["location"].startswith("/sign-in?problem=sign-in-failed"))

    # A wrong state: the provider's answer for another sign-in.
    other = requests.Session()
    page = to_provider(other, servers)
    callback = log_in(other, servers, page, "billing@adatum.example")
    forged = re.sub(r"state=[^&]+", "state=forged", callback)
    r = other.get(forged, allow_redirects=False)
    check("a callback with a wrong state is refused",
          r.headers["location"].startswith("/sign-in?problem=sign-in-failed"))
    check("and nobody is signed in", other.get(base + "/api/state").status_code == 401)

    # The provider's answer without the sign-in's verifier: it went to a
    # browser that never started a sign-in.
    r = requests.get(callback, allow_redirects=False)
    check("a callback without its PKCE verifier is refused",
          r.headers["location"].startswith("/sign-in?problem=sign-in-failed"))

    # A session cookie with its value changed.
    tampered = requests.Session()
    tampered.cookies.set("partner_console_session", session_cookie(browser)[:-2] + "AA")
    check("a tampered session cookie is 401", tampered.get(base + "/api/state").status_code == 401)

    # Changes with the cookie: only from the console's own pages.
    command = {"command": {"type": "setPurchaseVisibility", "allowed": False}}
    def post(headers):
        # A refused write is answered before its body is read, and the
        # server then closes the connection: never reuse it.
        h = {"Idempotency-Key": os.urandom(8).hex(), "If-Match": "*",
             "Content-Type": "application/json", "Connection": "close"}
        h.update(headers)
        return browser.post(base + "/api/commands", data=json.dumps(command), headers=h)
    r = post({})
    check("a change without the console's header is refused 403",
          r.status_code == 403 and r.json()["code"] == "crossSiteRefused", r.text)
    r = post({**OWN, "Origin": "http://evil.example"})
    check("a change from another origin is refused", r.status_code == 403)
    r = post({**OWN, "Sec-Fetch-Site": "cross-site"})
    check("a change the browser marks cross-site is refused", r.status_code == 403)
    check("and nothing changed", browser.get(base + "/api/state").headers["etag"] == revision)
    r = post({**OWN, "Origin": base, "Sec-Fetch-Site": "same-origin"})
    check("the console's own change goes through", r.status_code == 200, r.text)

    # The Global Reader sees and cannot change.
    reader, _, _ = sign_in(servers, "reader@adatum.example")
    me = reader.get(base + "/auth/session").json()
    check("a Global Reader gets the read-only view", me["persona"] == "user" and me["role"] == "Global Reader")
    # Another organization's admin.
    contoso, _, _ = sign_in(servers, "admin@contoso.example")
    me = contoso.get(base + "/auth/session").json()
    check("Contoso's admin is in Contoso Ltd", me["organization"]["name"] == "Contoso Ltd")
    theirs = contoso.get(base + "/api/state")
    check("Contoso's admin sees none of Adatum's data",
          theirs.status_code == 200 and "Fabrikam" not in theirs.text
          and "Fabrikam" in browser.get(base + "/api/state").text)
    check("and cannot open Adatum's partner",
          contoso.get(base + "/api/partners/fabrikam-it").status_code == 404)
    # A partner's agent on behalf of Adatum.
    agent, _, _ = sign_in(servers, "agent@fabrikam-partner.example")
    me = agent.get(base + "/auth/session").json()
    check("the partner's agent is recognised as acting on behalf", me["persona"] == "partner-aobo", me)

    # Signing out ends the session here and at the provider.
    r = browser.post(base + "/auth/sign-out", headers={**OWN, "Origin": base})
    redirect = r.json()["redirect"]
    check("sign-out says where to end the provider's session",
          redirect.startswith(servers.issuer) and "post_logout_redirect_uri" in redirect, redirect)
    check("after signing out the API answers 401", browser.get(base + "/api/state").status_code == 401)
    r = reader.post(base + "/auth/sign-out", headers={"Connection": "close"})
    check("sign-out from another site is refused", r.status_code == 403)

    # Sign-in when the provider is down: a clear page, not an error.
    servers.stop_idp()
    r = requests.get(base + "/auth/sign-in?returnTo=/invitations", allow_redirects=False)
    check("with the provider down, sign-in comes back with provider-unreachable",
          r.headers["location"] == "/sign-in?problem=provider-unreachable&returnTo=%2Finvitations",
          r.headers.get("location"))
    r = requests.get(base + "/auth/sign-in?returnTo=//evil.example", allow_redirects=False)
    check("returnTo never leaves the site", r.headers["location"].endswith("returnTo=%2F"))
    servers.start_idp()
    again, r, _ = sign_in(servers, "admin@adatum.example")
    check("and when it is back, sign-in works again", again.get(base + "/api/state").status_code == 200)


if __name__ == "__main__":
    main()
