"""접힌 코드 셀의 단추(<summary>)가 보이는 글자("코드 보기"/"코드 숨기기")를 이름으로 쓰게 한다.

myst-nb는 그 단추에 영어 aria-label("Toggle hidden content")을 붙여, 화면 읽기 프로그램이 한국어 글자 대신 영어를 읽는다
(axe: label-content-name-mismatch). 같은 HTML을 aria-label 없이 내는 방문자(visitor)로 바꿔 끼운다. 나머지는 myst-nb 그대로.
"""

from __future__ import annotations

from html import escape

from myst_nb.sphinx_ import HideCodeCellNode, depart_HideCellInput


def visit_hide_cell(self, node: HideCodeCellNode) -> None:
    classes = " ".join(node["classes"])
    self.body.append(f'<details class="admonition hide {classes}">\n<summary>\n')
    self.body.append(f'<p class="collapsed admonition-title">{escape(node["prompt_show"])}</p>\n')
    self.body.append(f'<p class="expanded admonition-title">{escape(node["prompt_hide"])}</p>\n')
    self.body.append("</summary>\n")


def setup(app) -> dict:
    app.setup_extension("myst_nb")
    app.add_node(HideCodeCellNode, override=True, html=(visit_hide_cell, depart_HideCellInput))
    return {"parallel_read_safe": True, "parallel_write_safe": True}
