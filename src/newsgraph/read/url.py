"""Fetching http(s) URLs: resolve once, connect to the address checked, within a total deadline.

The host is resolved once; unless private addresses are allowed, every address it
resolves to must be public, and the connection goes to the address that was checked
(so a DNS answer that changes between check and connect, "DNS rebinding", cannot
reach a private address). HTTPS verifies the certificate for the host name. Redirects
are followed by hand, each one checked the same way. The whole fetch — connection,
redirects, headers and body — has one deadline (the ``fetch_seconds`` limit): a server
that drips a byte a second is cut off when it passes, not given a fresh timeout per read.
"""

from __future__ import annotations

import http.client
import ipaddress
import socket
import ssl
import threading
import time
import urllib.parse

from newsgraph import limits
from newsgraph.errors import InputError

USER_AGENT = "newsgraph/0.1 (+https://github.com/newsgraph)"
_REDIRECTS = (301, 302, 303, 307, 308)


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def check_host(url: str, allow_private: bool) -> str:
    """The address to connect to for ``url``: resolved once, and (unless ``allow_private``)
    public like every other address the host resolves to; InputError otherwise."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http(s) URLs with a host can be fetched")
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 0, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as exc:
        raise InputError(url, f"cannot resolve host {parts.hostname!r}: {getattr(exc, 'strerror', exc)}") from None
    if not infos:
        raise InputError(url, f"cannot resolve host {parts.hostname!r}")
    addresses = [info[4][0] for info in infos]
    if not allow_private:
        for address in addresses:
            addr = ipaddress.ip_address(address.split("%")[0])
            if not addr.is_global:
                raise InputError(
                    url, f"refusing to fetch a loopback or private address ({addr}); use --allow-private to allow it"
                )
    return addresses[0]


class _Deadline:
    """The time left for one fetch; when it runs out, the open connection is shut so that a
    blocked read returns at once."""

    def __init__(self, seconds: float):
        self.seconds, self.end = seconds, time.monotonic() + seconds
        self.expired = False
        self._conn: http.client.HTTPConnection | None = None
        self._timer = threading.Timer(seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()

    def left(self) -> float:
        left = self.end - time.monotonic()
        if left <= 0:
            self.expired = True
            raise TimeoutError
        return left

    def watch(self, conn: http.client.HTTPConnection) -> None:
        self._conn = conn

    def _expire(self) -> None:
        self.expired = True
        sock = getattr(self._conn, "sock", None)
        if sock is not None:
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def cancel(self) -> None:
        self._timer.cancel()


class _PinnedHTTP(http.client.HTTPConnection):
    """A connection to ``host`` (its name in the Host header) at an address already checked."""

    def __init__(self, host: str, port: int | None, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self) -> None:
        self.sock = socket.create_connection((self.address, self.port), self.timeout)


class _PinnedHTTPS(http.client.HTTPSConnection):
    def __init__(self, host: str, port: int | None, address: str, timeout: float):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self.address = address

    def connect(self) -> None:
        sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)  # verifies the name


def fetch(url: str, *, max_bytes: int, allow_private: bool = False,
          deadline: float | None = None) -> tuple[bytes, str]:
    """The body and content type of ``url``; InputError on refusal, failure, oversize or
    when the whole fetch takes longer than ``deadline`` seconds (default: the limit)."""
    clock = _Deadline(deadline or limits.get("fetch_seconds"))
    try:
        return _fetch(url, url, max_bytes, allow_private, clock)
    except InputError:
        raise
    except (TimeoutError, OSError, http.client.HTTPException, ValueError) as exc:
        if clock.expired:
            raise InputError(url, f"timed out: the fetch took longer than {clock.seconds:g} s (the limit, set by "
                                  f"{limits.LIMITS['fetch_seconds'].variable})") from None
        raise InputError(url, f"cannot fetch: {getattr(exc, 'reason', None) or exc}") from None
    finally:
        clock.cancel()


def _fetch(first: str, url: str, max_bytes: int, allow_private: bool, clock: _Deadline) -> tuple[bytes, str]:
    for _ in range(limits.get("fetch_redirects") + 1):
        parts = urllib.parse.urlsplit(url)
        address = check_host(url, allow_private)
        kind = _PinnedHTTPS if parts.scheme == "https" else _PinnedHTTP
        conn = kind(parts.hostname, parts.port, address, timeout=clock.left())
        clock.watch(conn)
        try:
            target = urllib.parse.urlunsplit(("", "", parts.path or "/", parts.query, ""))
            conn.request("GET", target, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5",
                                                  "Accept-Encoding": "identity"})
            resp = conn.getresponse()
            if resp.status in _REDIRECTS and resp.getheader("Location"):
                url = urllib.parse.urljoin(url, resp.getheader("Location"))
                if not is_url(url):
                    raise InputError(first, "redirected to something that is not an http(s) URL")
                continue
            if resp.status >= 400:
                raise InputError(first, f"HTTP {resp.status} {resp.reason}")
            length = resp.getheader("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(first, f"too large ({int(length):,} bytes; the limit is {max_bytes:,})")
            return _body(resp, first, max_bytes, clock), resp.getheader("Content-Type") or ""
        finally:
            conn.close()
    raise InputError(first, f"more than {limits.get('fetch_redirects')} redirects")


def _body(resp: http.client.HTTPResponse, name: str, max_bytes: int, clock: _Deadline) -> bytes:
    parts, size = [], 0
    while True:
        clock.left()
        chunk = resp.read1(65536)
        if not chunk:
            break
        size += len(chunk)
        if size > max_bytes:
            raise InputError(name, f"too large (over the limit of {max_bytes:,} bytes)")
        parts.append(chunk)
    if clock.expired:
        raise TimeoutError
    return b"".join(parts)
