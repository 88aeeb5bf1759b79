"""Reproducible analysis: the same article gives the byte-identical record whatever the process's
string-hash seed, the other articles parsed in its batch, or their order."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from newsgraph.pipeline import analyze_stream
from newsgraph.read import read_text

ROOT = Path(__file__).resolve().parents[1]

HARBOUR = (
    "Harbour talks stall in Valport\n\n"
    "VALPORT - Mayor Ilse Brandvold met the dock workers' union on Monday, but she said the two "
    "sides were still far apart.\n\n"
    "\"We will not accept a pay cut,\" the union's leader, Tomas Rekke, told reporters. He accused "
    "the city of delaying the talks and urged the council to intervene.\n\n"
    "Brandvold thanked him for his patience. The council will meet the union again on Friday, she said.\n"
)
FARMS = (
    "Farmers protest grain prices\n\n"
    "Hundreds of farmers drove tractors into Lindhaven on Tuesday to protest falling grain prices. "
    "Agriculture Minister Petra Vosk promised to meet their leaders, and she criticised the traders "
    "who, the farmers say, keep prices low.\n\n"
    "\"They are ruining us,\" said Jon Aasen, a farmer from the north. The police arrested two "
    "protesters.\n"
)
SCHOOL = (
    "School board approves new budget\n\n"
    "The school board approved its budget on Wednesday. Its chair, Dr. Rana Holt, said the board "
    "had listened to the teachers. The teachers' union praised the decision, and it thanked Holt.\n"
)


def _records(texts: list[str], batch_size: int) -> list[str]:
    docs = [read_text(t, f"<{t.split(chr(10))[0]}>") for t in texts]
    return [json.dumps(r.to_dict(), ensure_ascii=False) for r in analyze_stream(docs, "2023-05-08", batch_size)]


def test_an_article_s_record_is_the_same_alone_in_a_batch_and_in_any_order():
    texts = [HARBOUR, FARMS, SCHOOL]
    together = _records(texts, batch_size=16)
    alone = [_records([t], batch_size=1)[0] for t in texts]
    reversed_ = _records(texts[::-1], batch_size=2)[::-1]
    assert together == alone == reversed_
    assert all(json.loads(r)["entities"] for r in together)
    assert any(json.loads(r)["quotes"] for r in together) and any(json.loads(r)["events"] for r in together)


def test_records_are_byte_identical_whatever_the_hash_seed(tmp_path):
    """String hashes (set and dict order of strings) change with PYTHONHASHSEED from one process
    to the next; no record may."""
    article = tmp_path / "harbour.txt"
    article.write_text(HARBOUR + "\n" + FARMS, encoding="utf-8")
    outputs = []
    for seed in ("0", "12345"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-m", "newsgraph", "analyze", str(ROOT / "examples" / "seed.txt"), str(article),
             "--date", "2023-05-08", "--jsonl"], capture_output=True, cwd=ROOT, env=env, timeout=300,
        )
        assert done.returncode == 0, done.stderr.decode()
        outputs.append(done.stdout)
    lines = outputs[0].decode().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["entities"] for line in lines)
    assert outputs[0] == outputs[1]
