"""장의 모델은 한 출처: 테스트와 설계 도구는 노트북의 정의 셀에서 함수를 꺼내 쓰고, 설계 비교의 기준 모델은 9장 모델과 같다."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest

from tools.chapter_code import chapter_function


def layer_settings(model) -> list[tuple[str, dict]]:
    """층의 종류와 설정(이름 빼고): 두 모델이 같은 구조인지 비교한다."""
    return [(type(layer).__name__, {k: v for k, v in layer.get_config().items() if k != "name"}) for layer in model.layers]


def test_design_tool_baseline_is_the_chapter_9_model() -> None:
    from tools.cnn_design import CONFIGS, build

    chapter_model = chapter_function("09", "build_cnn")()
    assert layer_settings(build(augment=True)) == layer_settings(chapter_model)
    assert layer_settings(build(**CONFIGS["B"][0])) == layer_settings(chapter_model)


def test_missing_or_repeated_definitions_are_named(tmp_path: Path) -> None:
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell("%pip install x\ndef f():\n    return 1"), nbformat.v4.new_code_cell("def g():\n    return 2")]
    nbformat.write(nb, tmp_path / "01_x.ipynb")
    assert chapter_function("01", "f", book=tmp_path)() == 1
    with pytest.raises(LookupError, match="`def h`이 0번"):
        chapter_function("01", "h", book=tmp_path)
    nb.cells.append(nbformat.v4.new_code_cell("def g():\n    return 3"))
    nbformat.write(nb, tmp_path / "01_x.ipynb")
    with pytest.raises(LookupError, match="`def g`이 2번"):
        chapter_function("01", "g", book=tmp_path)
    with pytest.raises(LookupError, match="노트북이 0개 있습니다"):
        chapter_function("07", "f", book=tmp_path)


SOLUTION_MODELS = {  # 미션 → (풀이 문자열이 만드는 변수, 장, 장의 모델 함수, 인자)
    "M1-1": ("my_model", "05", "build_base_model", ()),
    "M2": ("my_model", "06", "build_base_model", ("x",)),
    "M3-2": ("my_fixed_model", "07", "build_dropout_model", (50, "x")),
}


@pytest.mark.parametrize("task_id", SOLUTION_MODELS)
def test_solution_text_builds_the_chapters_model(task_id: str) -> None:
    """solution()이 보여 주는 모델은 장의 풀이 셀이 만드는 모델과 같다(한쪽만 고치면 실패)."""
    import keras

    from mnist_course.missions import TASKS

    variable, chapter, function, args = SOLUTION_MODELS[task_id]
    namespace: dict = {"keras": keras}
    exec(TASKS[task_id].solution.split(f"{variable}.compile")[0], namespace)  # noqa: S102 - 저장소의 풀이 문자열
    assert layer_settings(namespace[variable]) == layer_settings(chapter_function(chapter, function)(*args))
