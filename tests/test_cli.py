"""The analyze command as a user runs it: outputs, exit codes, failures listed, stdin."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from newsgraph import __version__
from newsgraph.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = (
    "Port workers end strike\n\n"
    "Dock workers in the city ended a week-long strike on Tuesday after the port authority agreed "
    "to raise wages, the union said.\n\n"
    "The agreement covers about two thousand workers and runs for three years.\n"
)


def run_cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "newsgraph", *args], input=stdin, capture_output=True, text=True, cwd=ROOT,
        timeout=300,
    )


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0 and __version__ in capsys.readouterr().out


def test_json_record_for_one_file(tmp_path, capsys):
    p = tmp_path / "story.txt"
    p.write_text(ARTICLE)
    assert main(["analyze", str(p), "--date", "2022-06-14", "--json"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["schema"] == "newsgraph/1" and rec["text"] == ARTICLE
    assert rec["meta"]["headline"] == "Port workers end strike"
    assert rec["meta"]["published"] == "2022-06-14" and rec["meta"]["published_source"] == "given"
    assert rec["source"] == {"path": str(p), "url": None, "format": "text", "line": None}


def test_same_text_same_id_and_jsonl_to_file(tmp_path):
    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE)
    b.write_text(ARTICLE)
    out = tmp_path / "out.jsonl"
    assert main(["analyze", str(a), str(b), "--jsonl", "-o", str(out)]) == 0
    recs = [json.loads(line) for line in out.read_text().splitlines()]
    assert len(recs) == 2 and recs[0]["id"] == recs[1]["id"]
    assert recs[0]["meta"]["published"] is None  # no --date and nothing in the text


def test_batch_goes_on_past_bad_input_and_exits_1(tmp_path, capsys):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    code = main(["analyze", str(empty), str(good), str(tmp_path / "missing.txt"), "--jsonl"])
    out, err = capsys.readouterr()
    assert code == 1
    assert len(out.splitlines()) == 1 and json.loads(out)["source"]["path"] == str(good)
    assert f"{empty}: empty input" in err and "missing.txt: no such file" in err
    assert "2 input(s) failed, 1 analysed" in err
    assert "Traceback" not in err


def test_single_bad_input_is_one_line_without_traceback(tmp_path):
    p = tmp_path / "blob.txt"
    p.write_bytes(b"\x00\x01\x02" * 100)
    proc = run_cli("analyze", str(p))
    assert proc.returncode == 1
    assert proc.stderr.strip() == f"newsgraph: error: {p}: binary data, not text"


def test_usage_errors_exit_2():
    assert run_cli("analyze", "x.txt", "--date", "yesterday").returncode == 2
    assert run_cli("frobnicate").returncode == 2


def test_standard_input_and_readable_summary():
    proc = run_cli("analyze", "-", "--date", "2022-06-14", stdin=ARTICLE)
    assert proc.returncode == 0, proc.stderr
    assert "Port workers end strike" in proc.stdout and "2022-06-14" in proc.stdout
    assert "zones:" in proc.stdout


def test_the_readable_summary_shows_the_quotes_and_the_events(tmp_path, capsys):
    story = tmp_path / "story.txt"
    story.write_text(
        "Leaders meet in Paris\n\n"
        "German Chancellor Olaf Scholz met French President Emmanuel Macron in Paris on Wednesday.\n\n"
        '"We agreed on a common position [for now]," Scholz told reporters after the talks.\n', encoding="utf-8")
    assert main(["analyze", str(story), "--date", "2023-03-01"]) == 0
    out = capsys.readouterr().out
    assert "quotes (1)" in out and "Olaf Scholz:" in out  # the speaker by the entity's name
    assert '"We agreed on a common position [for now],"' in out  # the quote's own marks, no markup read in it
    assert "events (" in out and re.search(r"2023-03-01 +\S.* —04\d→ ", out)  # date, source —code→ target
