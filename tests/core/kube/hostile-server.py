#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0-or-later
"""A hostile stand-in for a Kubernetes API server, for tst_kubehostile, and
for an Alertmanager, for tst_alertmanagerclient: every path answers with one
way of breaking a client (garbage, bombs, endless bodies and lines, silence,
redirects). Plain HTTP on 127.0.0.1; prints the
port on stdout once listening. Endless answers stop when the client hangs up;
the server stops when its stdin closes, so that a test that crashed leaves
nothing behind.

usage: hostile-server.py

Paths (the cases are the names Handler.answer, .collection and .log know):
  /api/v1/namespaces/hostile/configmaps/NAME   KubeClient::get
  /api/v1/namespaces/NS/configmaps             lists and watches (KubeInformer)
  /api/v1/namespaces/hostile/pods/NAME/log     PodLogs
  /alertmanager/NAME/api/v2/alerts             AlertmanagerClient (tst_alertmanagerclient)
  /counts                                      requests per "METHOD PATH[?watch]"
"""
import json
import os
import select
import socket
import struct
import sys
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

MIB = 1024 * 1024
BOMB_SIZE = 2 * 1024 * MIB  # 2 GiB of zeros once inflated


def bomb_pieces():
    """A gzip stream of BOMB_SIZE zeros, made on the fly (about 2 MB on the
    wire). After a full flush deflate refers to nothing before it, so the
    compressed form of one MiB of zeros can be sent again and again."""
    zeros = bytes(MIB)
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    first = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(zeros) + compressor.flush(zlib.Z_FULL_FLUSH)
    crc = zlib.crc32(zeros, zlib.crc32(zeros))
    yield first
    yield block
    for _ in range(BOMB_SIZE // MIB - 2):
        crc = zlib.crc32(zeros, crc)
        yield block
    # An empty final block, then the gzip trailer: a well-formed stream, for
    # whoever reads that far.
    yield b"\x03\x00" + struct.pack("<II", crc, BOMB_SIZE & 0xFFFFFFFF)


def endless(piece):
    while True:
        yield piece


counts = {}
lock = threading.Lock()


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    # --- answering -------------------------------------------------------

    def head(self, status, content_type="application/json", extra=()):
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        for name, value in extra:
            self.send_header(name, value)

    def whole(self, status, body, content_type="application/json", extra=()):
        data = body if isinstance(body, bytes) else json.dumps(body).encode()
        self.head(status, content_type, extra)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def chunked(self, status, pieces, content_type="application/json", extra=()):
        """Streams PIECES until they end or the client hangs up."""
        self.head(status, content_type, extra)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        try:
            for piece in pieces:
                if piece:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def begin_stream(self, status, content_type="application/json"):
        self.head(status, content_type)
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()

    def chunk(self, data):
        self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
        self.wfile.flush()

    def wait_until_gone(self, seconds=None):
        """Says nothing until the client hangs up (or SECONDS pass); True if it did."""
        end = None if seconds is None else time.monotonic() + seconds
        connection = self.connection
        while end is None or time.monotonic() < end:
            readable, _, _ = select.select([connection], [], [], 0.2)
            if readable:
                try:
                    if not connection.recv(1, socket.MSG_PEEK):
                        self.close_connection = True
                        return True
                except OSError:
                    self.close_connection = True
                    return True
        return False

    # --- what each path does ---------------------------------------------

    def answer(self, name):
        if name == "garbage":
            return self.whole(200, b"<html><body>Please log in\x1b[31m</body></html>", "text/html")
        if name == "garbage-error":
            # A proxy's error page, with what a terminal would take as commands.
            return self.whole(502, b"<html>Bad gateway\x1b[2J\x1b]0;owned\x07</html>", "text/html")
        if name == "bomb":
            return self.chunked(200, bomb_pieces(), extra=[("Content-Encoding", "gzip")])
        if name == "bomb-error":
            return self.chunked(500, bomb_pieces(), extra=[("Content-Encoding", "gzip")])
        if name == "huge":
            def pieces():
                yield b'{"kind":"ConfigMap","apiVersion":"v1","data":{"a":"'
                yield from endless(b"x" * 65536)
            return self.chunked(200, pieces())
        if name == "huge-error":
            return self.chunked(500, endless(b"<p>Internal error</p>" * 3000), "text/html")
        if name == "silent":
            self.wait_until_gone()
            return
        if name == "cut":
            # Promises a body, sends a little, then stalls.
            self.head(200)
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b'{"kind":"ConfigMap","apiVersion":"v1","data":{"a":"')
            self.wfile.flush()
            self.wait_until_gone()
            return
        if name == "redirect":
            return self.whole(302, b"", "text/plain", [("Location", "file:///etc/passwd")])
        return self.whole(404, {"kind": "Status", "code": 404, "message": "no such case " + name})

    def collection(self, ns, query):
        watching = query.get("watch", [""])[0] in ("1", "true")
        if not watching:
            if ns == "garbage-list":
                return self.whole(200, b"<html>Gateway login</html>", "text/html")
            if ns == "bomb-list":
                return self.chunked(200, bomb_pieces(), extra=[("Content-Encoding", "gzip")])
            return self.whole(200, {"kind": "ConfigMapList", "apiVersion": "v1",
                                    "metadata": {"resourceVersion": "10"}, "items": []})
        if ns == "endless-event":
            def pieces():
                yield b'{"type":"ADDED","object":{"kind":"ConfigMap","metadata":{"name":"a","annotations":{"x":"'
                yield from endless(b"x" * 65536)
            return self.chunked(200, pieces())
        if ns == "garbage-event":
            return self.chunked(200, [b"this is no event\n"])
        if ns == "stalled-watch":
            self.begin_stream(200)
            self.wait_until_gone()
            return
        if ns == "quiet-watch":
            # What an API server does with a watch on which nothing happens:
            # says nothing, then ends it cleanly after timeoutSeconds.
            seconds = int(query.get("timeoutSeconds", ["1"])[0])
            self.begin_stream(200)
            if not self.wait_until_gone(seconds):
                self.wfile.write(b"0\r\n\r\n")
                self.wfile.flush()
            return
        return self.whole(404, {"kind": "Status", "code": 404, "message": "no such case " + ns})

    def log(self, name, query):
        follow = query.get("follow", [""])[0] == "true"
        if name == "endless":
            def pieces():
                yield b"a first line\n"
                yield from endless(b"y" * 65536)
            return self.chunked(200, pieces(), "text/plain")
        if name == "silent":
            self.wait_until_gone()
            return
        if name == "quiet" and follow:
            # A container that wrote one line and then nothing.
            self.begin_stream(200, "text/plain")
            self.chunk(b"hello\n")
            self.wait_until_gone()
            return
        if name == "cut":
            self.begin_stream(200, "text/plain")
            self.chunk(b"a line, then silence\n")
            self.wait_until_gone()
            return
        return self.whole(404, {"kind": "Status", "code": 404, "message": "no such log " + name})

    def do_GET(self):
        url = urlsplit(self.path)
        query = parse_qs(url.query)
        parts = url.path.strip("/").split("/")
        key = "GET " + url.path + ("?watch" if "watch" in query else "")
        with lock:
            counts[key] = counts.get(key, 0) + 1
        if url.path == "/counts":
            with lock:
                return self.whole(200, dict(counts))
        try:
            if parts[:4] == ["api", "v1", "namespaces", "hostile"] and len(parts) == 6 and parts[4] == "configmaps":
                return self.answer(parts[5])
            if parts[:3] == ["api", "v1", "namespaces"] and len(parts) == 5 and parts[4] == "configmaps":
                return self.collection(parts[3], query)
            if parts[:4] == ["api", "v1", "namespaces", "hostile"] and len(parts) == 7 and parts[6] == "log":
                return self.log(parts[5], query)
            if parts[0] == "alertmanager" and parts[2:] == ["api", "v2", "alerts"]:
                return self.answer(parts[1])
            return self.whole(404, {"kind": "Status", "code": 404, "message": "unknown path"})
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True


class Server(ThreadingHTTPServer):
    daemon_threads = True


def exit_with_parent():
    sys.stdin.buffer.read()
    os._exit(0)


server = Server(("127.0.0.1", 0), Handler)
threading.Thread(target=exit_with_parent, daemon=True).start()
print(server.server_address[1], flush=True)
server.serve_forever()
