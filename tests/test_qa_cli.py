"""``transcompare qa``: findings of a project file or of several text files, as text or JSON."""

from __future__ import annotations

import json

import pytest

from tests.builders import make_project
from transcompare.cli import EXIT_BAD_INPUT, main
from transcompare.formats.tei import write_project

RUSSIAN = "Встреча 18 октября.\n\nОна прошла хорошо.\n"
ENGLISH = "The the meeting on October 19.\n\nIt went well.\n"


@pytest.fixture
def files(tmp_path):
    ru, en = tmp_path / "ru.txt", tmp_path / "en.txt"
    ru.write_text(RUSSIAN, encoding="utf-8")
    en.write_text(ENGLISH, encoding="utf-8")
    return str(ru), str(en)


def run(capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(["qa", "--no-embeddings", *arguments])
    out, err = capsys.readouterr()
    return code, out, err


def test_text_output_one_finding_per_line(files, capsys):
    code, out, _ = run(capsys, *files)
    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].split("\t")[:4] == ["row 1", "major", "numbers", "18 in ru is 19 in en"]
    assert lines[1].split("\t")[:3] == ["row 1", "minor", "repeated-words"]


def test_json_output(files, capsys):
    code, out, _ = run(capsys, "--format", "json", "--check", "numbers", *files)
    assert code == 0
    (record,) = json.loads(out)
    assert record["check"] == "numbers" and record["row"] == 0 and record["severity"] == "major"
    assert record["message"] == "18 in ru is 19 in en"
    assert record["category"] == "accuracy/mistranslation"
    assert record["targets"][0]["sentence"].startswith("ru")
    assert set(record["targets"][0]) == {"witness", "sentence", "start", "end"}
    assert record["key"].startswith("numbers:")


def test_a_project_file_and_dismissed_findings(tmp_path, capsys):
    project = make_project({"ru": ["Встреча 18 октября."], "en": ["The meeting on October 19."]})
    path = tmp_path / "project.xml"
    write_project(project, path)
    code, out, _ = run(capsys, "--format", "json", str(path))
    (record,) = json.loads(out)
    project.dismissed.add(record["key"])
    write_project(project, path)
    assert run(capsys, "--format", "json", str(path))[1].strip() == "[]"
    assert (
        len(json.loads(run(capsys, "--format", "json", "--include-dismissed", str(path))[1])) == 1
    )


def test_glossary_and_rules_files(files, tmp_path, capsys):
    glossary, rules = tmp_path / "glossary.tsv", tmp_path / "rules.tsv"
    glossary.write_text("встреча\tconference\n", encoding="utf-8")
    rules.write_text("\t!\\bwell\\b\tminor\tavoid 'well'\n", encoding="utf-8")
    code, out, _ = run(
        capsys,
        "--glossary",
        str(glossary),
        "--rules",
        str(rules),
        "--check",
        "glossary",
        "--check",
        "user-rule",
        *files,
    )
    assert code == 0
    assert [line.split("\t")[2:4] for line in out.splitlines()] == [
        ["glossary", "«встреча» should be rendered «conference» in en"],
        ["user-rule", "avoid 'well' in en"],
    ]


@pytest.mark.parametrize(
    "arguments",
    [["absent.xml"], ["absent.txt", "other.txt"], ["--glossary", "absent.tsv", "a.txt", "b.txt"]],
)
def test_bad_input_exits_with_2(tmp_path, capsys, monkeypatch, arguments):
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, *arguments)
    assert code == EXIT_BAD_INPUT and out == ""
    assert err.startswith("transcompare: ") and "absent" in err


def test_a_text_file_alone_is_not_a_project(files, capsys):
    code, _, err = run(capsys, files[0])
    assert code == EXIT_BAD_INPUT and "ru.txt" in err


def test_a_corpus_folder(files, tmp_path, capsys):
    (tmp_path / "corpus.toml").write_text(
        'pivot = "ru"\n\n[[witness]]\nid = "ru"\nfile = "ru.txt"\nlanguage = "ru"\n\n'
        '[[witness]]\nid = "en"\nfile = "en.txt"\nlanguage = "en"\n',
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--format", "json", "--check", "numbers", str(tmp_path))
    assert code == 0
    (record,) = json.loads(out)
    assert record["message"] == "18 in ru is 19 in en"


def test_jobs_split_a_long_document_between_processes(files, capsys, monkeypatch):
    from transcompare.compare.qa import parts

    monkeypatch.setitem(parts.MIN_PART_ROWS, parts.FORK, 1)
    one = run(capsys, *files, "--format", "json", "--jobs", "1")
    two = run(capsys, *files, "--format", "json", "--jobs", "2")
    assert one == two and len(json.loads(one[1])) == 2
    lines = one[1].splitlines()  # one finding per line
    assert [json.loads(line.strip(" [],")) for line in lines] == json.loads(one[1])


def test_where_forking_is_unsafe_the_parts_start_fresh(files, capsys, monkeypatch):
    from transcompare.compare.qa import parts

    fresh, started = parts._fresh_processes, []
    monkeypatch.setattr(parts.sys, "platform", "darwin")
    monkeypatch.setitem(parts.MIN_PART_ROWS, parts.FRESH, 1)
    monkeypatch.setattr(parts, "_fresh_processes", lambda: started.append(True) or fresh())
    one = run(capsys, *files, "--format", "json", "--jobs", "1")
    assert started == []
    two = run(capsys, *files, "--format", "json", "--jobs", "2")
    assert started == [True] and one == two


@pytest.mark.parametrize("jobs", ["0", "-1", "two"])
def test_jobs_must_be_a_positive_number(files, capsys, jobs):
    with pytest.raises(SystemExit) as exit_:
        main(["qa", *files, "--jobs", jobs])
    assert exit_.value.code == EXIT_BAD_INPUT
    assert "--jobs: expected a whole number of at least 1" in capsys.readouterr().err
