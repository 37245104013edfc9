"""tools.execute: 잘못된 인자는 노트북을 실행하기 전에 한 줄 오류와 종료 코드 2로 끝난다."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.book_files import ROOT
from tools import execute


@pytest.fixture(autouse=True)
def no_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    def must_not_run(*args: object, **kwargs: object) -> None:
        raise AssertionError("잘못된 인자인데 노트북을 실행했습니다")

    monkeypatch.setattr(execute, "run_notebook", must_not_run)


def error_line(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    with pytest.raises(SystemExit) as info:
        execute.main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    return err.split("오류(error): ", 1)[1].strip()


def test_missing_notebook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert error_line(capsys, [str(tmp_path / "missing.ipynb")]).endswith("missing.ipynb: 파일이 없습니다(file not found).")


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        ("# 그냥 마크다운", "NotJSONError"),
        ("{}", "ValidationError"),
        ('{"cells": 3}', "TypeError"),
        (b"\xff\xfe\x00", "not a notebook"),
    ],
)
def test_not_a_notebook(capsys: pytest.CaptureFixture[str], tmp_path: Path, content: str | bytes, reason: str) -> None:
    path = tmp_path / "notes.ipynb"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    message = error_line(capsys, [str(path)])
    assert "notes.ipynb: 주피터 노트북(.ipynb)으로 읽을 수 없습니다(not a notebook)" in message and reason in message


def test_folder_instead_of_notebook(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert "노트북 파일이 아닙니다(not a file)" in error_line(capsys, [str(tmp_path)])


def test_one_bad_path_stops_before_any_run(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    good = next(ROOT.glob("book/*.ipynb"))
    assert "파일이 없습니다" in error_line(capsys, [str(good), str(tmp_path / "missing.ipynb")])


def test_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tools.execute", "missing.ipynb"], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == ["execute.py: 오류(error): missing.ipynb: 파일이 없습니다(file not found)."]
