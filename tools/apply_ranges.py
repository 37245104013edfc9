"""스윕에서 정한 범위를 책에 옮긴다: 노트북의 check_range(이름, 값, lo, hi)의 lo, hi와 부록의 "모든 기대 범위" 표.

python -m tools.sweep apply가 부른다. 노트북은 소스만 고치므로(저장된 출력은 그대로), 옮긴 뒤 바뀐 장을 다시 실행해 저장한다.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat

from tools import ranges
from tools.bench import toc_notebooks

APPENDIX = Path("book") / "appendix.md"
TABLE_HEADING = "## 모든 기대 범위"


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() and abs(value) >= 2 else repr(float(value))


def apply_to_source(source: str, chapter: str, rows: dict[tuple[str, str], dict]) -> str:
    """셀 소스의 check_range 범위를 rows[(장, 이름)]의 lo, hi로. 값이 같으면 적힌 글자를 그대로 둔다."""

    def replace(match: re.Match) -> str:
        row = rows.get((chapter, match["name"]))
        if row is None or (float(match["lo"]), float(match["hi"])) == (float(row["lo"]), float(row["hi"])):
            return match[0]
        start, end = match.start("lo") - match.start(), match.end("hi") - match.start()
        middle = match[0][match.end("lo") - match.start() : match.start("hi") - match.start()]
        return match[0][:start] + _number(row["lo"]) + middle + _number(row["hi"]) + match[0][end:]

    return ranges.CHECK_CALL.sub(replace, source)


def replace_table(text: str, table: str) -> str:
    """부록 글에서 TABLE_HEADING 아래 첫 표를 table로 바꾼다. 제목이나 표가 없으면 ValueError."""
    lines = text.splitlines(keepends=True)
    heading = next((i for i, line in enumerate(lines) if line.strip() == TABLE_HEADING), None)
    if heading is None:
        raise ValueError(f"부록에 '{TABLE_HEADING}' 제목이 없습니다.")
    first = next((i for i in range(heading, len(lines)) if lines[i].startswith("|")), None)
    if first is None:
        raise ValueError(f"부록의 '{TABLE_HEADING}' 아래에 표가 없습니다.")
    last = first
    while last < len(lines) and lines[last].startswith("|"):
        last += 1
    return "".join(lines[:first]) + table + "".join(lines[last:])


def book_rows(root: Path) -> list[dict]:
    """목차에 있는 장의 스윕 기록(book/sweep.jsonl)에서 규칙으로 정한 수치별 통계와 범위(ranges.csv와 부록 표의 내용)."""
    chapters = {path.stem for path in toc_notebooks(root)}
    return ranges.summarize([r for r in ranges.read_sweep(root / ranges.SWEEP_FILE) if r["chapter"] in chapters])


def apply_ranges(root: Path) -> list[str]:
    """목차의 노트북과 부록에 book/sweep.jsonl의 범위를 옮기고, 바뀐 파일 이름들을 돌려준다."""
    notebooks = toc_notebooks(root)
    rows = book_rows(root)
    by_name = {(row["chapter"], row["figure"]): row for row in rows}
    changed = []
    for path in notebooks:
        nb = nbformat.read(path, as_version=4)
        touched = False
        for cell in nb.cells:
            if cell.cell_type == "code" and "check_range(" in cell.source:
                new = apply_to_source(cell.source, path.stem, by_name)
                touched |= new != cell.source
                cell.source = new
        if touched:
            nbformat.write(nb, path)
            changed.append(path.name)
    appendix = root / APPENDIX
    text = appendix.read_text(encoding="utf-8")
    new_text = replace_table(text, ranges.ranges_table(rows))
    if new_text != text:
        appendix.write_text(new_text, encoding="utf-8")
        changed.append(APPENDIX.name)
    return changed
