#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""An HTTP server that asks for basic authentication on every request and
appends one line per request to LOG: the method, the path and what
authorization came, never its value: "authorization" (a user or a password),
"anonymous" (an empty "Basic Og==", which containers/image sends when it has
no login for the registry) or "none".
Prints the port on stdout once listening, then serves until killed.

usage: auth-recording-server.py LOG
"""
import base64
import binascii
import http.server
import sys

LOG = sys.argv[1]


def authorization(header):
    if header is None:
        return "none"
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "basic":
        try:
            if base64.b64decode(value.strip(), validate=True) == b":":
                return "anonymous"
        except (binascii.Error, ValueError):
            pass
    return "authorization"


class Handler(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def answer(self):
        sent = authorization(self.headers.get("Authorization"))
        authorized = sent == "authorization"
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(f"{self.command} {self.path} {sent}\n")
        # Refused either way: the tests only look at what the client sent.
        if authorized:
            status, body = 403, b'{"errors":[{"code":"DENIED","message":"recorded"}]}'
        else:
            status, body = 401, b'{"errors":[{"code":"UNAUTHORIZED","message":"authentication required"}]}'
        self.send_response(status)
        if not authorized:
            self.send_header("WWW-Authenticate", 'Basic realm="recorder"')
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_GET = do_HEAD = do_POST = do_PUT = do_PATCH = do_DELETE = answer


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
