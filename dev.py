#!/usr/bin/env python3
"""Set-up and the two everyday jobs, with nothing but Python 3.11 and pip.

    python3 dev.py example   # set up .venv, analyse examples/seed.txt, show the result
    python3 dev.py test      # set up .venv (with test tools), run the test suite

Set-up creates .venv beside this file and installs newsgraph with pip (editable), once;
it runs again only when pyproject.toml changes. The browser tests need Debian's chromium:
`dev.py test` installs it with apt-get when it is missing and the machine allows it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent
VENV = ROOT / ".venv"
BIN = VENV / ("Scripts" if os.name == "nt" else "bin")
PY = BIN / "python"


def sh(*cmd: str | Path, check: bool = True, **kw) -> int:
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=check, **kw).returncode


def setup(extras: str) -> None:
    stamp = VENV / f".installed-{extras or 'base'}"
    want = hashlib.sha256((ROOT / "pyproject.toml").read_bytes()).hexdigest()
    if stamp.exists() and stamp.read_text() == want and PY.exists():
        return
    if not PY.exists():
        print(f"creating {VENV}", flush=True)
        venv.EnvBuilder(with_pip=True).create(VENV)
    target = f".[{extras}]" if extras else "."
    sh(PY, "-m", "pip", "install", "--disable-pip-version-check", "-q", "-e", target, cwd=ROOT)
    stamp.write_text(want)


def ensure_chromium() -> None:
    """Debian's chromium for the browser tests (the tests skip with a reason if it is absent)."""
    if shutil.which("chromium") or shutil.which("chromium-browser"):
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
        sh("apt-get", "update", "-qq", check=False, env=env)
        sh("apt-get", "install", "-y", "-qq", "--no-install-recommends", "chromium", check=False, env=env)
    if not shutil.which("chromium"):
        print("note: chromium is not installed; the browser tests will be skipped", flush=True)


def example() -> int:
    setup("")
    return sh(BIN / "newsgraph", "analyze", ROOT / "examples" / "seed.txt", "--date", "2018-07-20", check=False)


def test(args: list[str]) -> int:
    setup("test")
    ensure_chromium()
    return sh(PY, "-m", "pytest", *args, cwd=ROOT, check=False)


def main() -> int:
    if len(sys.argv) < 2 or sys.argv[1] not in ("example", "test"):
        print(__doc__.strip())
        return 2
    return example() if sys.argv[1] == "example" else test(sys.argv[2:])


if __name__ == "__main__":
    sys.exit(main())
