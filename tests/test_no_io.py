"""Parsing never reads files or the network because of what the input says."""

from __future__ import annotations

import socket
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

import dwparse
from helpers import DATE, HEAD

SECRET = "机密内容-do-not-read"
_events: list[str] = []
_watching = threading.Event()


def _audit(event: str, args: tuple[object, ...]) -> None:
    if _watching.is_set() and event in ("open", "socket.connect", "socket.getaddrinfo", "urllib.Request"):
        _events.append(f"{event} {args[:1]!r}")


sys.addaudithook(_audit)


@pytest.fixture
def server() -> Iterator[tuple[str, list[bytes]]]:
    """A loopback listener that records every connection made to it."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    listener.settimeout(0.2)
    seen: list[bytes] = []
    stop = threading.Event()

    def accept() -> None:
        while not stop.is_set():
            try:
                connection, _ = listener.accept()
            except OSError:
                continue
            with connection:
                connection.settimeout(0.5)
                try:
                    seen.append(connection.recv(1024))
                except OSError:
                    seen.append(b"")
                connection.sendall(b"HTTP/1.0 200 OK\r\n\r\n<!ENTITY xxe 'NETWORK'>")

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{listener.getsockname()[1]}", seen
    stop.set()
    thread.join()
    listener.close()


def hostile_bodies(base: str, secret_file: Path) -> list[str]:
    uri = secret_file.as_uri()
    return [
        f'<!DOCTYPE html SYSTEM "{base}/x.dtd"><p>&xxe;</p>',
        f'<!DOCTYPE p [<!ENTITY xxe SYSTEM "{uri}">]><p>&xxe;</p>',
        f'<!DOCTYPE p [<!ENTITY % remote SYSTEM "{base}/p.dtd"> %remote;]><p>&xxe;</p>',
        f'<?xml-stylesheet href="{base}/s.xsl"?><p>x</p>',
        f'<p><img src="{base}/i.jpg"><img src="{uri}"></p>',
        f'<iframe src="{base}/f"></iframe><link rel="stylesheet" href="{base}/c.css">',
        f'<xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{uri}" parse="text"/>',
        f'<base href="{base}/"><a href="{uri}">link</a><script src="{base}/j.js"></script>',
    ]


def test_no_network_and_no_files(server: tuple[str, list[bytes]], tmp_path: Path) -> None:
    base, seen = server
    secret_file = tmp_path / "secret.dtd"
    secret_file.write_text(f"<!ENTITY xxe '{SECRET}'>{SECRET}", encoding="utf-8")
    texts = [HEAD + DATE + html for html in hostile_bodies(base, secret_file)]
    dwparse.parse(texts[0])  # warm up: imports may open files, parsing may not
    # Positive controls: the watchers do see a connection and an open().
    _watching.set()
    socket.create_connection(("127.0.0.1", int(base.rsplit(":", 1)[1]))).close()
    secret_file.read_bytes()
    _watching.clear()
    for _ in range(50):
        if seen:
            break
        threading.Event().wait(0.05)
    assert len(seen) == 1 and any(event.startswith("open") for event in _events)
    seen.clear()
    _events.clear()
    _watching.set()
    try:
        articles = [dwparse.parse(text) for text in texts] + [dwparse.parse(text.encode()) for text in texts]
    finally:
        _watching.clear()
    for article in articles:
        dumped = article.to_json()
        assert SECRET not in dumped and "NETWORK" not in dumped
    assert _events == []
    assert seen == []
