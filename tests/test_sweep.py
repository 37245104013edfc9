"""시드 스윕의 두 길(한 컴퓨터, GitHub Actions 행렬)이 같은 파일을 쓰는지: 행렬 나누기, 조각 합치기, 범위 옮기기."""

from __future__ import annotations

import argparse
import json
import shutil
from pathlib import Path

import nbformat
import pytest

from tests.book_files import ROOT
from tools import apply_ranges, ranges, sweep
from tools.bench import toc_notebooks


def record(chapter: str, seed: int, value: float) -> dict:
    return {"chapter": chapter, "seed": seed, "seconds": 1.0, "figures": [{"name": "정확도", "value": value, "lo": 0, "hi": 1}]}


def write_lines(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_seeds_argument_and_its_inverse() -> None:
    assert sweep.seeds_argument("1-3,7,2") == [1, 2, 3, 7]
    for seeds in ([1, 2, 3, 7], [42], [1, 3, 5], list(range(1, 21))):
        assert sweep.seeds_argument(sweep.seeds_text(seeds)) == seeds
    for bad in ("4-1", "a-b", "", "-1"):
        with pytest.raises(argparse.ArgumentTypeError):
            sweep.seeds_argument(bad)


def test_plan_covers_every_chapter_and_seed_exactly_once() -> None:
    notebooks = [p for p in toc_notebooks(ROOT) if p.stem[:2] in {"05", "09"}]
    matrix = sweep.plan(notebooks, list(range(1, 12)), chunk=5)
    assert [m["seeds"] for m in matrix if m["chapter"] == "05"] == ["1-5", "6-10", "11"]
    covered = [(m["chapter"], s) for m in matrix for s in sweep.seeds_argument(m["seeds"])]
    assert sorted(covered) == sorted((c, s) for c in ("05", "09") for s in range(1, 12))
    with pytest.raises(sweep.SweepError):
        sweep.plan(notebooks, [1], chunk=0)


def test_merge_replaces_the_swept_seeds_and_keeps_the_rest(tmp_path: Path) -> None:
    main = write_lines(tmp_path / "sweep.jsonl", [record("05_a", 1, 0.1), record("05_a", 2, 0.2), record("09_b", 1, 0.3)])
    pieces = [write_lines(tmp_path / "p1.jsonl", [record("05_a", 2, 0.9), record("05_a", 3, 0.8)]),
              write_lines(tmp_path / "p2.jsonl", [record("09_b", 2, 0.7)])]
    assert sweep.merge(main, pieces) == 3
    merged = {(r["chapter"], r["seed"]): r["figures"][0]["value"] for r in ranges.read_sweep(main)}
    assert merged == {("05_a", 1): 0.1, ("05_a", 2): 0.9, ("05_a", 3): 0.8, ("09_b", 1): 0.3, ("09_b", 2): 0.7}
    assert len(ranges.read_sweep(main)) == 5  # 옛 시드 2의 기록은 남지 않는다
    # 합친 결과로 범위를 정하는 것은 한 컴퓨터의 길과 같은 규칙이다
    (row,) = [r for r in ranges.summarize(ranges.read_sweep(main)) if r["chapter"] == "05_a"]
    assert (row["n"], (row["lo"], row["hi"])) == (3, ranges.derive_range([0.1, 0.9, 0.8]))


def test_merge_refuses_pieces_that_disagree_or_are_missing(tmp_path: Path) -> None:
    main = write_lines(tmp_path / "sweep.jsonl", [record("05_a", 1, 0.1)])
    before = main.read_text(encoding="utf-8")
    one = write_lines(tmp_path / "p1.jsonl", [record("05_a", 2, 0.9)])
    other = write_lines(tmp_path / "p2.jsonl", [record("05_a", 2, 0.5)])
    with pytest.raises(sweep.SweepError, match="05_a 시드 2의 기록이 다른 조각과 다릅니다"):
        sweep.merge(main, [one, other])
    with pytest.raises(sweep.SweepError, match="파일이 없습니다"):
        sweep.merge(main, [tmp_path / "nope.jsonl"])
    (tmp_path / "bad.jsonl").write_text("{not json\n", encoding="utf-8")
    with pytest.raises(sweep.SweepError, match="읽을 수 없습니다"):
        sweep.merge(main, [tmp_path / "bad.jsonl"])
    assert main.read_text(encoding="utf-8") == before  # 실패한 합치기는 원자료를 건드리지 않는다
    assert sweep.merge(main, [one, write_lines(tmp_path / "same.jsonl", [record("05_a", 2, 0.9)])]) == 1  # 같은 기록 두 번은 괜찮다


def test_merge_command_writes_the_same_ranges_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """merge 명령은 목차의 장으로 book/ranges.csv와 ranges.md를 새로 쓴다: 조각이 없던 기록과 같으면 파일도 같다."""
    book = copy_book(tmp_path)
    records = ranges.read_sweep(ROOT / ranges.SWEEP_FILE)
    ninth = [r for r in records if r["chapter"].startswith("09")]
    piece = write_lines(tmp_path / "piece.jsonl", ninth[:3])
    sweep.main(["--root", str(book), "--out", str(tmp_path / "out"), "merge", str(piece)])
    assert (book / ranges.RANGES_FILE).read_text(encoding="utf-8") == (ROOT / ranges.RANGES_FILE).read_text(encoding="utf-8")
    assert (tmp_path / "out" / "ranges.md").exists()
    assert "기록 3개를 합쳤습니다" in capsys.readouterr().out


def copy_book(tmp_path: Path) -> Path:
    book = tmp_path / "book_root"
    shutil.copytree(ROOT / "book", book / "book", ignore=shutil.ignore_patterns("_build", ".ipynb_checkpoints"))
    shutil.copy(ROOT / "_toc.yml", book / "_toc.yml")
    return book


def test_apply_changes_nothing_on_the_committed_book_and_moves_a_changed_range(tmp_path: Path) -> None:
    book = copy_book(tmp_path)
    assert apply_ranges.apply_ranges(book) == []  # 저장소의 책은 이미 스윕의 범위를 쓴다
    path = book / "book" / "05_mission1_base_model.ipynb"
    nb = nbformat.read(path, as_version=4)
    cell = next(c for c in nb.cells if c.cell_type == "code" and "check_range(" in c.source)
    original = cell.source
    match = ranges.CHECK_CALL.search(original)
    cell.source = original.replace(match[0], match[0].replace(f", {match['lo']},", ", 0.5,", 1))
    nbformat.write(nb, path)
    appendix = book / apply_ranges.APPENDIX
    appendix.write_text(appendix.read_text(encoding="utf-8").replace("| 01 |", "| 1 |"), encoding="utf-8")
    assert apply_ranges.apply_ranges(book) == [path.name, "appendix.md"]
    assert next(c for c in nbformat.read(path, as_version=4).cells if c.get("id") == cell.get("id")).source == original
    assert appendix.read_text(encoding="utf-8") == (ROOT / apply_ranges.APPENDIX).read_text(encoding="utf-8")
