"""``newsgraph serve --db FILE``: the HTTP API and web UI over a store."""

from __future__ import annotations

import os

KEEP_ALIVE_SECONDS = 75  # as nginx: longer than any client keeps an idle connection


def register(sub) -> None:
    p = sub.add_parser(
        "serve", help="serve the HTTP API and web UI over a store",
        description="Serve the HTTP API (POST /analyze, GET /articles, /events, ...) and the web UI at /.",
    )
    p.add_argument("--db", metavar="FILE", help="the store to browse (made with `newsgraph ingest`); "
                   "without it only /analyze and the analysis page work")
    p.add_argument("--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    p.add_argument("--workers", type=int, default=1, metavar="N",
                   help="analysis worker processes (default: 1; each loads its own copy of the model)")
    p.add_argument("--allow-ingest", action="store_true",
                   help="allow POST /ingest to write to the store; needs a token (--token or NEWSGRAPH_TOKEN)")
    p.add_argument("--token", help="the bearer token ingest requests must carry (default: $NEWSGRAPH_TOKEN)")
    p.add_argument("--allow-private", action="store_true",
                   help="let /analyze fetch URLs on loopback and private addresses")
    p.add_argument("--allowed-host", action="append", default=[], metavar="NAME",
                   help="a host name clients may use in the Host header (repeatable; '*' for any). Without it: "
                        "the --host name, localhost, and IP addresses (the machine's names too on 0.0.0.0)")
    p.set_defaults(run=run)


def allowed_hosts(host: str, extra: list[str]) -> list[str]:
    """The Host header names the server answers to: the bound host, loopback names, and ``extra``;
    on every interface (0.0.0.0, ::) also this machine's own names."""
    import socket

    names = [host, "localhost", *extra]
    if host in ("0.0.0.0", "::", ""):
        names += [socket.gethostname(), socket.getfqdn()]
    return names


def run(args) -> int:
    import uvicorn

    from newsgraph.errors import NewsgraphError
    from newsgraph.serve import create_app

    if args.workers < 1:
        raise NewsgraphError("--workers must be 1 or more")
    token = args.token or os.environ.get("NEWSGRAPH_TOKEN")
    if args.allow_ingest and not token:
        raise NewsgraphError("--allow-ingest needs a token: --token TOKEN or the NEWSGRAPH_TOKEN variable")
    app = create_app(args.db, allow_ingest=args.allow_ingest, token=token, workers=args.workers,
                     allow_private=args.allow_private, allowed_hosts=allowed_hosts(args.host, args.allowed_host))
    print(f"newsgraph: serving {args.db or '(no store)'} at http://{args.host}:{args.port}/", flush=True)
    # idle connections kept longer than clients keep theirs (httpx: 5 s, browsers: more), so a
    # client never sends a request on a connection the server is closing at that moment
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", timeout_keep_alive=KEEP_ALIVE_SECONDS)
    return 0
