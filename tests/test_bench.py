"""벤치마크 명령을 가장 짧은 장에 실제로 돌려 표의 모양과 숫자가 말이 되는지 본다."""

from __future__ import annotations

import csv
import os
import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from tests.book_files import ROOT
from tools import bench, bench_kernel
from tools.bench import describe_seconds, update_runtime
from tools.chapter_code import python_source

SHORTEST = "01"  # 가장 짧은 장(README의 벤치마크 결과 참고)
RUNS_NOTEBOOKS = {"test_bench_on_shortest_chapter", "test_bench_records_figures_without_the_learner_helper_knowing"}


def test_bench_on_shortest_chapter(real_mnist_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bench.main(["--chapters", SHORTEST, "--root", str(ROOT), "--out", str(tmp_path), "--seed", "3"])
    printed = capsys.readouterr().out
    assert "[1/1]" in printed and "표를 썼습니다" in printed

    md = (tmp_path / "bench.md").read_text(encoding="utf-8").splitlines()
    assert re.fullmatch(r"환경: .+, \d+코어, TensorFlow [\d.]+, Keras [\d.]+, oneDNN (켜짐|꺼짐)", md[0]), md[0]
    assert md[2].startswith("| 장 | 실행 시간(초) | 최대 메모리(MiB) | 핵심 수치 (시드 3) |")
    assert len(md) == 6 and md[-1].startswith("| **합계** |")

    rows = list(csv.DictReader((tmp_path / "bench.csv").open(encoding="utf-8")))
    chapter_rows = [r for r in rows if r["chapter"] != "TOTAL"]
    assert {r["chapter"] for r in chapter_rows} == {p.stem for p in bench.toc_notebooks(ROOT) if p.stem.startswith(SHORTEST)}
    for row in chapter_rows:
        assert float(row["seconds"]) > 0  # 시간의 크기는 테스트가 아니라 벤치마크의 몫(공유 기계라 흔들림)
        assert 100 < float(row["peak_mib"]) < 16000  # TensorFlow 커널은 수백 MiB 이상
        if row["figure"]:
            assert float(row["lo"]) <= float(row["value"]) <= float(row["hi"])
    has_checks = any("check_range(" in p.read_text(encoding="utf-8") for p in bench.toc_notebooks(ROOT) if p.stem.startswith(SHORTEST))
    assert any(r["figure"] for r in chapter_rows) == has_checks, "범위 확인 값이 표에 제대로 기록되지 않았습니다"
    total = next(r for r in rows if r["chapter"] == "TOTAL")
    per_chapter = {r["chapter"]: float(r["seconds"]) for r in chapter_rows}
    assert float(total["seconds"]) == pytest.approx(sum(per_chapter.values()), abs=0.2)


def test_unknown_chapter_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(bench.BenchSetupError, match="--chapters 99: 맞는 장이 없습니다"):
        bench.select(bench.toc_notebooks(ROOT), ["99"])
    assert one_line_exit(capsys, ["--chapters", "99", "--root", str(ROOT)]).startswith("--chapters 99: 맞는 장이 없습니다")


@pytest.fixture(autouse=True)
def no_chapter_runs(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """오류 테스트에서는 장이 하나라도 실행되면 실패한다(잘못은 실행 전에 알려야 한다)."""
    if request.node.name not in RUNS_NOTEBOOKS:

        def must_not_run(*args: object, **kwargs: object) -> None:
            raise AssertionError("잘못된 설정인데 장을 실행했습니다")

        monkeypatch.setattr(bench, "bench_notebook", must_not_run)


def one_line_exit(capsys: pytest.CaptureFixture[str], argv: list[str]) -> str:
    """main(argv)가 종료 코드 2와 stderr 한 줄로 끝나는지 보고, 그 줄에서 'bench: 오류(error): ' 뒤를 돌려준다."""
    capsys.readouterr()
    with pytest.raises(SystemExit) as info:
        bench.main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1, err
    prefix = "오류(error): "
    assert prefix in err, err
    return err.split(prefix, 1)[1].strip()


def test_missing_root(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert one_line_exit(capsys, ["--root", "/nonexistent"]).startswith("--root /nonexistent: 그런 폴더가 없습니다(folder not found)")
    assert "_toc.yml이 없습니다" in one_line_exit(capsys, ["--root", str(tmp_path)])


@pytest.mark.parametrize(
    ("toc", "message"),
    [
        ("root: [unclosed", "목차를 읽을 수 없습니다(invalid _toc.yml): "),
        ("chapters: []", "목차를 읽을 수 없습니다(invalid _toc.yml): KeyError"),
        ("root: intro\nchapters:\n  - file: gone", "목차에 적힌 파일이 없습니다(missing files): gone"),
    ],
)
def test_bad_toc(capsys: pytest.CaptureFixture[str], tmp_path: Path, toc: str, message: str) -> None:
    (tmp_path / "_toc.yml").write_text(toc, encoding="utf-8")
    (tmp_path / "intro.md").write_text("# 소개", encoding="utf-8")
    assert message in one_line_exit(capsys, ["--root", str(tmp_path)])


def test_bad_out_is_caught_before_running(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    existing = tmp_path / "results.txt"
    existing.write_text("예전 결과", encoding="utf-8")
    base = ["--chapters", SHORTEST, "--root", str(ROOT), "--out"]
    assert one_line_exit(capsys, [*base, str(existing)]).startswith(f"--out {existing}: 폴더가 아니라 파일입니다")
    under_file = existing / "bench"
    assert "이 폴더를 만들거나 쓸 수 없습니다(not writable)" in one_line_exit(capsys, [*base, str(under_file)])
    (tmp_path / "out" / "bench.md").mkdir(parents=True)
    assert "bench.md이 폴더라서" in one_line_exit(capsys, [*base, str(tmp_path / "out")])
    assert existing.read_text(encoding="utf-8") == "예전 결과"


@pytest.mark.skipif(os.geteuid() == 0, reason="root는 권한과 상관없이 쓸 수 있다")
def test_read_only_out(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    tmp_path.chmod(0o500)
    try:
        message = one_line_exit(capsys, ["--chapters", SHORTEST, "--root", str(ROOT), "--out", str(tmp_path / "bench")])
    finally:
        tmp_path.chmod(0o700)
    assert "not writable" in message


def test_update_pages_checks_sentences_before_running(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 제목"), nbformat.v4.new_code_cell("print(1)")]
    nbformat.write(nb, tmp_path / "ch.ipynb")
    (tmp_path / "_toc.yml").write_text("root: ch\n", encoding="utf-8")
    message = one_line_exit(capsys, ["--root", str(tmp_path), "--out", str(tmp_path / "out"), "--update-pages"])
    assert message.startswith("ch.ipynb: 첫 마크다운 셀에 실행 시간 문장이 없습니다")


@pytest.mark.parametrize("seed", ["-1", str(2**32), "abc"])
def test_bad_seed(capsys: pytest.CaptureFixture[str], seed: str) -> None:
    with pytest.raises(SystemExit) as info:
        bench.main(["--seed", seed, "--root", str(ROOT)])
    assert info.value.code == 2
    assert f"--seed={seed!r}: 시드(seed)는" in capsys.readouterr().err


def test_command_line_missing_root() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "tools.bench", "--root", "/nonexistent"], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "bench.py: 오류(error): --root /nonexistent: 그런 폴더가 없습니다(folder not found). 책의 루트(_toc.yml이 있는 곳)를 지정하세요."
    ]


def test_update_runtime_rewrites_only_the_time(tmp_path: Path) -> None:
    path = tmp_path / "chapter.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_markdown_cell("# 제목\n\n**실행 시간**: 2코어 CPU에서 처음부터 끝까지 약 1분 걸립니다."),
                nbformat.v4.new_code_cell("print(1)")]
    nbformat.write(nb, path)
    assert update_runtime(path, 151.0)
    expected = "# 제목\n\n**실행 시간**: 2코어 CPU에서 처음부터 끝까지 약 2분 30초 걸립니다."
    assert nbformat.read(path, as_version=4).cells[0].source == expected
    assert not update_runtime(path, 149.0)  # 같은 어림값이면 파일을 건드리지 않는다
    assert [describe_seconds(s) for s in (2, 44, 60, 126)] == ["5초", "45초", "1분", "2분 10초"]

    nb.cells[0].source = "# 제목"
    nbformat.write(nb, path)
    with pytest.raises(SystemExit, match="실행 시간 문장이 없습니다"):
        update_runtime(path, 10.0)


@pytest.mark.slow  # TensorFlow를 새 프로세스에서 불러온다
def test_bench_records_figures_without_the_learner_helper_knowing(tmp_path: Path) -> None:
    """check_range를 부르는 노트북: 통과한 값은 표에 오고, 노트북 자신의 출력은 평소와 같다."""
    path = tmp_path / "chapter.ipynb"
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_code_cell("from mnist_course import check_range"),
        nbformat.v4.new_code_cell('check_range("정확도", 0.97, 0.96, 0.98)\ncheck_range("에포크 수", 4, 2, 9)'),
    ]
    nbformat.write(nb, path)
    result = bench.bench_notebook(path, progress=False)
    assert result.figures == [
        {"name": "정확도", "value": 0.97, "lo": 0.96, "hi": 0.98},
        {"name": "에포크 수", "value": 4.0, "lo": 2, "hi": 9},
    ]
    assert 100 < result.peak_mib < 16000
    assert nbformat.read(path, as_version=4).cells[1].outputs == []  # 원본 노트북은 그대로


def test_training_flops_count_the_layer_shapes() -> None:
    """작은 모델로 공식 확인: Conv2D(2, 3×3)는 5×5×1에서 3×3×2를 내어 순전파 2·9·9·1·2 = 324, Dense(18 → 4)는 2·18·4 = 144.
    학습 = 3 × 순전파 − 맨 앞 층의 순전파(입력 기울기가 필요 없다) = 3 × 468 − 324. 풀링·드롭아웃은 세지 않는다."""
    import keras

    model = keras.Sequential([
        keras.Input((5, 5, 1)),
        keras.layers.Conv2D(2, 3, activation="relu"),
        keras.layers.Flatten(),
        keras.layers.Dropout(0.5),
        keras.layers.Dense(4, activation="softmax"),
    ])
    assert bench_kernel.training_flops_per_image(model) == 3 * (324 + 144) - 324


def assigned_names(path: Path) -> set[str]:
    """노트북 코드 셀에서 맨 바깥 수준에 값을 받는 이름들(x = ..., for x in ..., with ... as x 는 세지 않는다)."""
    import ast

    names: set[str] = set()
    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "code":
            continue
        for node in ast.parse(python_source(cell.source)).body:
            targets = node.targets if isinstance(node, ast.Assign) else [node.target] if isinstance(node, ast.AnnAssign) else []
            names |= {n.id for t in targets for n in ast.walk(t) if isinstance(n, ast.Name)}
    return names


def test_the_fit_contract_names_variables_the_chapter_defines() -> None:
    """9장의 처리율은 노트북 메타데이터의 약속으로 읽는다: 약속의 이름은 장이 정의하는 변수여야 한다(이름을 바꾸면 여기서 실패)."""
    contracts = {p.stem: nbformat.read(p, as_version=4).metadata.get(bench_kernel.CONTRACT_KEY) for p in bench.toc_notebooks(ROOT)}
    with_contract = {stem: c for stem, c in contracts.items() if c}
    assert [stem[:2] for stem in with_contract] == ["09"]
    for stem, contract in with_contract.items():
        fit = contract["fit"]
        names = [fit[field] for field in bench_kernel.FIT_FIELDS] + fit.get("more_seconds", [])
        missing = set(names) - assigned_names(ROOT / "book" / f"{stem}.ipynb")
        assert not missing, f"{stem}: 메타데이터 {bench_kernel.CONTRACT_KEY}의 {missing}을(를) 장이 정의하지 않습니다"


def test_a_broken_contract_stops_the_report_instead_of_dropping_it() -> None:
    contract = {"fit": {"model": "model", "seconds": "train_seconds", "epochs": "EPOCHS", "images": "x_train"}}
    namespace = {"model": object(), "train_seconds": 10.0, "EPOCHS": 2, "x_train": [0] * 5}
    assert bench_kernel.fit_values(namespace, {}) is None  # 약속이 없는 장은 처리율을 재지 않는다
    assert bench_kernel.fit_values(namespace, contract)["epochs"] == 2
    del namespace["train_seconds"]
    with pytest.raises(bench_kernel.BenchContractError, match="train_seconds"):
        bench_kernel.fit_values(namespace, contract)
    with pytest.raises(bench_kernel.BenchContractError, match="변수 이름"):
        bench_kernel.fit_values(namespace, {"fit": {"model": "model"}})
