"""Fetching http(s) URLs with a timeout and a size cap, refusing private addresses."""

from __future__ import annotations

import ipaddress
import socket
import urllib.error
import urllib.parse
import urllib.request

from newsgraph.errors import InputError

USER_AGENT = "newsgraph/0.1 (+https://github.com/newsgraph)"


def is_url(spec: str) -> bool:
    return spec.startswith(("http://", "https://"))


def check_host(url: str, allow_private: bool) -> None:
    """InputError unless every address the URL's host resolves to is public."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(url, "only http(s) URLs with a host can be fetched")
    if allow_private:
        return
    try:
        infos = socket.getaddrinfo(parts.hostname, parts.port or 0, proto=socket.IPPROTO_TCP)
    except socket.gaierror as exc:
        raise InputError(url, f"cannot resolve host {parts.hostname!r}: {exc.strerror}") from None
    for info in infos:
        addr = ipaddress.ip_address(info[4][0].split("%")[0])
        if not addr.is_global:
            raise InputError(
                url, f"refusing to fetch a loopback or private address ({addr}); use --allow-private to allow it"
            )


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    def __init__(self, allow_private: bool):
        self.allow_private = allow_private

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # noqa: D102 - urllib hook
        check_host(newurl, self.allow_private)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, *, timeout: float = 20.0, max_bytes: int, allow_private: bool = False) -> tuple[bytes, str]:
    """The body and content type of ``url``; InputError on refusal, failure or oversize."""
    check_host(url, allow_private)
    opener = urllib.request.build_opener(_CheckedRedirects(allow_private))
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html,*/*;q=0.5"})
    try:
        with opener.open(request, timeout=timeout) as resp:
            length = resp.headers.get("Content-Length")
            if length and length.isdigit() and int(length) > max_bytes:
                raise InputError(url, f"too large ({int(length)} bytes; the cap is {max_bytes})")
            body = resp.read(max_bytes + 1)
            ctype = resp.headers.get("Content-Type") or ""
    except urllib.error.HTTPError as exc:
        raise InputError(url, f"HTTP {exc.code} {exc.reason}") from None
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise InputError(url, f"cannot fetch: {reason}") from None
    if len(body) > max_bytes:
        raise InputError(url, f"too large (over the cap of {max_bytes} bytes)")
    return body, ctype
