#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""Answers commit status and review requests the way GitHub, GitLab and
Gerrit document them (no such server can run here), and appends one JSON
line per request to LOG: method, path, the Authorization and PRIVATE-TOKEN
headers and the body, so that a test can check what Shipyard sent.
The answers' shapes follow the published API documentation:
- GitHub REST "Create a commit status": POST /repos/{owner}/{repo}/statuses/{sha} → 201 with the status;
- GitLab REST "Set the pipeline status of a commit": POST /projects/:id/statuses/:sha → 201;
- Gerrit REST "Query Changes" (GET /changes/?q=...) and "Set Review"
  (POST /changes/{change-id}/revisions/{revision-id}/review), answers prefixed with )]}'.
Gerrit's change for a commit is change 42 of project acme/api (GERRIT_PROJECT).
Prints the port on stdout once listening, then serves until killed.

usage: review-status-server.py LOG
"""
import http.server
import json
import re
import sys

LOG = sys.argv[1]
GERRIT_PROJECT = "acme/api"


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def reply(self, status, body, xssi=False):
        data = json.dumps(body).encode()
        if xssi:
            data = b")]}'\n" + data
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def record(self, body):
        with open(LOG, "a", encoding="utf-8") as log:
            log.write(json.dumps({
                "method": self.command,
                "path": self.path,
                "authorization": self.headers.get("Authorization", ""),
                "privateToken": self.headers.get("PRIVATE-TOKEN", ""),
                "contentType": self.headers.get("Content-Type", ""),
                "body": body,
            }) + "\n")

    def do_GET(self):
        self.record(None)
        match = re.match(r"^(/a)?/changes/\?q=commit(?::|%3A)([0-9a-f]{40})", self.path)
        if match:
            sha = match.group(2)
            self.reply(200, [{
                "id": "acme%2Fapi~main~I8473b95934b5732ac55d26311a706c9c2bde9940",
                "project": GERRIT_PROJECT, "branch": "main", "topic": "feature",
                "change_id": "I8473b95934b5732ac55d26311a706c9c2bde9940",
                "subject": "Implementing Feature X", "status": "NEW",
                "current_revision": sha, "_number": 42,
            }], xssi=True)
            return
        self.reply(404, {"message": "Not Found"})

    def do_POST(self):
        length = int(self.headers.get("Content-Length", "0"))
        raw = self.rfile.read(length)
        try:
            body = json.loads(raw)
        except ValueError:
            body = raw.decode(errors="replace")
        self.record(body)
        github = re.match(r"^/repos/([^/]+)/([^/]+)/statuses/([0-9a-f]{40})$", self.path)
        if github and isinstance(body, dict):
            self.reply(201, {
                "url": f"https://api.github.com/repos/{github.group(1)}/{github.group(2)}/statuses/{github.group(3)}",
                "id": 1, "node_id": "MDY6U3RhdHVzMQ==", "state": body.get("state"),
                "description": body.get("description"), "target_url": body.get("target_url"),
                "context": body.get("context", "default"),
                "created_at": "2012-07-20T01:19:13Z", "updated_at": "2012-07-20T01:19:13Z",
            })
            return
        gitlab = re.match(r"^/api/v4/projects/([^/]+)/statuses/([0-9a-f]{40})$", self.path)
        if gitlab and isinstance(body, dict):
            self.reply(201, {
                "id": 93, "sha": gitlab.group(2), "ref": body.get("ref"), "status": body.get("state"),
                "name": body.get("name", "default"), "target_url": body.get("target_url"),
                "description": body.get("description"), "created_at": "2016-01-19T09:05:50.355Z",
                "started_at": None, "finished_at": "2016-01-19T09:05:50.365Z", "allow_failure": False,
                "coverage": None,
                "author": {"username": "root", "state": "active", "name": "Administrator", "id": 1},
            })
            return
        gerrit = re.match(r"^/a/changes/([^/]+)/revisions/([0-9a-f]{40})/review$", self.path)
        if gerrit and isinstance(body, dict):
            self.reply(200, {"labels": body.get("labels", {})}, xssi=True)
            return
        self.reply(404, {"message": "Not Found"})


server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
print(server.server_address[1], flush=True)
server.serve_forever()
