#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""The token service of a docker-registry started with `auth: token` (docker
distribution's token authentication, docs "Token Authentication
Specification" and "Token Authentication Implementation"): GET
/token?service=S&scope=repository:NAME:ACTIONS… with HTTP basic credentials
answers {"token", "access_token", "expires_in", "issued_at"}, the token a JWT
signed RS256 with KEY, whose certificate CERT (the registry's rootcertbundle)
rides in the header's x5c. Wrong credentials: 401.

Grants what each scope asks for among pull, push and delete (and "*"), except
delete with --no-delete. Writes each token it issues to TOKENS, one a line,
so that a test can check no output of Shipyard shows one; prints the port
once listening, then serves until killed.

usage: token-server.py CERT KEY ISSUER SERVICE USER PASSWORD TOKENS [--no-delete]
"""
import base64
import http.server
import json
import os
import subprocess
import sys
import time
import urllib.parse

CERT, KEY, ISSUER, SERVICE, USER, PASSWORD, TOKENS = sys.argv[1:8]
NO_DELETE = "--no-delete" in sys.argv[8:]


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def certificate_der_base64():
    lines = open(CERT).read().splitlines()
    body = lines[lines.index("-----BEGIN CERTIFICATE-----") + 1:lines.index("-----END CERTIFICATE-----")]
    return "".join(body)


def sign(data):
    # RS256 is RSASSA-PKCS1-v1_5 with SHA-256: what `openssl dgst -sign` does with an RSA key.
    return subprocess.run(["openssl", "dgst", "-sha256", "-sign", KEY], input=data,
                          capture_output=True, check=True).stdout


def token(access):
    now = int(time.time())
    header = {"typ": "JWT", "alg": "RS256", "x5c": [certificate_der_base64()]}
    claims = {"iss": ISSUER, "sub": USER, "aud": SERVICE, "exp": now + 300, "nbf": now - 10, "iat": now,
              "jti": b64url(os.urandom(12)), "access": access}
    signing_input = (b64url(json.dumps(header).encode()) + "." + b64url(json.dumps(claims).encode())).encode()
    return signing_input.decode() + "." + b64url(sign(signing_input))


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self, status, body, headers=()):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        for name, value in headers:
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        url = urllib.parse.urlparse(self.path)
        if url.path != "/token":
            return self.answer(404, {"errors": [{"code": "NOT_FOUND", "message": "no such endpoint"}]})
        query = urllib.parse.parse_qs(url.query)
        expected = "Basic " + base64.b64encode(f"{USER}:{PASSWORD}".encode()).decode()
        if self.headers.get("Authorization") != expected:
            return self.answer(401, {"errors": [{"code": "UNAUTHORIZED", "message": "authentication required"}]},
                               [("WWW-Authenticate", 'Basic realm="shipyard-test-token"')])
        if query.get("service", [""])[0] != SERVICE:
            return self.answer(400, {"errors": [{"code": "DENIED", "message": "unknown service"}]})
        access = []
        for scope in query.get("scope", []):
            kind, _, rest = scope.partition(":")
            name, _, actions = rest.rpartition(":")
            granted = [a for a in actions.split(",") if a in ("pull", "push", "delete", "*")]
            if NO_DELETE:
                granted = [a for a in granted if a not in ("delete", "*")]
            access.append({"type": kind, "name": name, "actions": granted})
        issued = token(access)
        with open(TOKENS, "a") as tokens:
            tokens.write(issued + "\n")
        self.answer(200, {"token": issued, "access_token": issued, "expires_in": 300,
                          "issued_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
