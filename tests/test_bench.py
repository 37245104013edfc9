"""벤치마크 명령을 가장 짧은 장에 실제로 돌려 표의 모양과 숫자가 말이 되는지 본다."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from mnist_course import bench
from tests.book_files import ROOT

SHORTEST = "01"  # 가장 짧은 장(README의 벤치마크 결과 참고)


def test_bench_on_shortest_chapter(real_mnist_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench.main(["--chapters", SHORTEST, "--root", str(ROOT), "--out", str(tmp_path), "--seed", "3"])
    printed = capsys.readouterr().out
    assert "[1/1]" in printed and "표를 썼습니다" in printed

    md = (tmp_path / "bench.md").read_text(encoding="utf-8").splitlines()
    assert md[0].startswith("| 장 | 실행 시간(초) | 최대 메모리(MiB) | 핵심 수치 (시드 3) |")
    assert len(md) == 4 and md[-1].startswith("| **합계** |")

    rows = list(csv.DictReader((tmp_path / "bench.csv").open(encoding="utf-8")))
    chapter_rows = [r for r in rows if r["chapter"] != "TOTAL"]
    assert {r["chapter"] for r in chapter_rows} == {p.stem for p in bench.toc_notebooks(ROOT) if p.stem.startswith(SHORTEST)}
    for row in chapter_rows:
        assert 1 < float(row["seconds"]) < 600
        assert 100 < float(row["peak_mib"]) < 16000  # TensorFlow 커널은 수백 MiB 이상
        if row["figure"]:
            assert float(row["lo"]) <= float(row["value"]) <= float(row["hi"])
    has_checks = any("check_range(" in p.read_text(encoding="utf-8") for p in bench.toc_notebooks(ROOT) if p.stem.startswith(SHORTEST))
    assert any(r["figure"] for r in chapter_rows) == has_checks, "범위 확인 값이 표에 제대로 기록되지 않았습니다"
    total = next(r for r in rows if r["chapter"] == "TOTAL")
    per_chapter = {r["chapter"]: float(r["seconds"]) for r in chapter_rows}
    assert float(total["seconds"]) == pytest.approx(sum(per_chapter.values()), abs=0.2)


def test_unknown_chapter_is_a_clear_error() -> None:
    with pytest.raises(SystemExit, match="--chapters 99: 맞는 장이 없습니다"):
        bench.select(bench.toc_notebooks(ROOT), ["99"])
