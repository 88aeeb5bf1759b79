"""The Knowledge object: every data file checked on load, overrides merged over the built-in
files, and a Knowledge passed to the pipeline instead of patched into a cache."""

from __future__ import annotations

import json

import pytest

import newsgraph
from newsgraph.cli import main
from newsgraph.events.patterns import lexicon
from newsgraph.knowledge import Knowledge, KnowledgeError, builtin, using

PERSON_HEADER = "name\taliases\tgender\tcountry\tsector\trole\tfrom\tto\tsource\n"
MAYOR = "Zorana Vukelic\t\tf\tSRB\tGOV\tmayor\t2015-01-01\t\thand\n"
TEXT = "Zorana Vukelic met the visiting ambassador in the capital on Monday."


def _folder(tmp_path, name: str, content: str):
    path = tmp_path / "kb" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(content, encoding="utf-8")
    return tmp_path / "kb"


def test_the_builtin_files_load_and_pass_their_checks():
    kb = builtin()
    assert kb.file("events/cameo.tsv") and kb.file("english.yaml")["determiners"]


def test_an_unknown_key_fails_naming_file_line_and_field(tmp_path):
    folder = _folder(tmp_path, "actors/slips.yaml", "time_zones: [XST]\npage_wrds: [FOO]\n")
    with pytest.raises(KnowledgeError) as err:
        Knowledge([folder])
    message = str(err.value)
    assert "actors/slips.yaml:2:" in message and "page_wrds" in message and "unknown key" in message


def test_a_key_given_twice_in_one_mapping_fails_naming_file_line_and_key(tmp_path):
    folder = _folder(tmp_path, "cues.yaml", "verbs:\n  mutter: {}\n  grumble: {}\n  mutter: {stance: complain}\n")
    with pytest.raises(KnowledgeError) as err:
        Knowledge([folder])
    message = str(err.value)
    assert "cues.yaml:4:" in message and "mutter" in message and "twice" in message


def test_a_misspelt_word_class_name_fails_to_load(tmp_path):
    folder = _folder(tmp_path, "events/patterns.yaml", "classes:\n  speach_verbs: [say]\n")
    with pytest.raises(KnowledgeError, match=r"patterns\.yaml:2: classes\.speach_verbs: unknown key"):
        Knowledge([folder])


def test_a_misspelt_word_class_name_in_code_fails_instead_of_matching_nothing():
    with pytest.raises(KeyError):
        lexicon().is_("speach_verbs", "say")


def test_a_pattern_with_a_code_cameo_lacks_fails(tmp_path):
    entry = '  - {verb: frobnicate, code: "999", example: "The council frobnicated the mayor."}\n'
    folder = _folder(tmp_path, "events/patterns.yaml", "verbs:\n" + entry)
    with pytest.raises(KnowledgeError, match="code 999 is not a CAMEO code"):
        Knowledge([folder])


def test_a_bad_country_code_in_a_row_fails_naming_line_and_column(tmp_path):
    folder = _folder(tmp_path, "actors/people.tsv", PERSON_HEADER + "Ann Example\t\tf\tXYZ1\tGOV\tmayor\t\t\thand\n")
    with pytest.raises(KnowledgeError, match=r"people\.tsv:2: country: 'XYZ1' is not an ISO 3166"):
        Knowledge([folder])


def test_an_unknown_column_and_an_unknown_file_fail(tmp_path):
    folder = _folder(tmp_path, "actors/people.tsv", "name\tnickname\n")
    with pytest.raises(KnowledgeError, match="unknown column 'nickname'"):
        Knowledge([folder])
    other = _folder(tmp_path / "b", "actors/peoples.tsv", PERSON_HEADER)
    with pytest.raises(KnowledgeError, match="no knowledge file of this name"):
        Knowledge([other])


def test_yaml_overrides_extend_lists_and_merge_mappings(tmp_path):
    folder = _folder(tmp_path, "actors/slips.yaml", "not_names: [Howdy]\n")
    kb = Knowledge([folder])
    slips = kb.file("actors/slips.yaml")
    builtin_slips = builtin().file("actors/slips.yaml")
    assert "Howdy" in slips["not_names"] and len(slips["not_names"]) == len(builtin_slips["not_names"]) + 1
    assert slips["time_zones"] == builtin_slips["time_zones"]


def _entity(record, name):
    return next(e for e in record.entities if e.name == name)


def test_an_extra_person_row_codes_that_person_and_the_builtin_knowledge_stays_as_it_was(tmp_path):
    folder = _folder(tmp_path, "actors/people.tsv", PERSON_HEADER + MAYOR)
    with_row = newsgraph.analyze(TEXT, date="2020-03-02", knowledge=folder)
    assert _entity(with_row, "Zorana Vukelic").code == "SRBGOV"
    without = newsgraph.analyze(TEXT, date="2020-03-02")  # the same process, the built-in knowledge
    assert _entity(without, "Zorana Vukelic").code != "SRBGOV"


def test_cli_knowledge_folder(tmp_path, capsys):
    folder = _folder(tmp_path, "actors/people.tsv", PERSON_HEADER + MAYOR)
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["analyze", str(article), "--date", "2020-03-02", "--json", "--knowledge", str(folder)]) == 0
    record = json.loads(capsys.readouterr().out)
    assert next(e for e in record["entities"] if e["name"] == "Zorana Vukelic")["code"] == "SRBGOV"


def test_cli_names_a_broken_knowledge_folder_in_one_line(tmp_path, capsys):
    folder = _folder(tmp_path, "actors/slips.yaml", "page_wrds: [FOO]\n")
    article = tmp_path / "a.txt"
    article.write_text(TEXT, encoding="utf-8")
    assert main(["analyze", str(article), "--knowledge", str(folder)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "slips.yaml:1: page_wrds: unknown key" in err[0]


def test_derived_indexes_are_kept_per_knowledge(tmp_path):
    folder = _folder(tmp_path, "events/patterns.yaml", "classes:\n  speech_verbs: [frobnicate]\n")
    kb = Knowledge([folder])
    with using(kb):
        assert lexicon().is_("speech_verbs", "frobnicate")
    assert not lexicon().is_("speech_verbs", "frobnicate")


def test_skip_switches_a_stage_off_by_name():
    record = newsgraph.analyze(TEXT, date="2020-03-02", skip=["events"])
    assert record.events == [] and record.entities
    with pytest.raises(newsgraph.NewsgraphError, match="needs actors"):
        newsgraph.analyze(TEXT, skip=["actors"])
    with pytest.raises(newsgraph.NewsgraphError, match="no stage named evnets"):
        newsgraph.analyze(TEXT, skip=["evnets"])
