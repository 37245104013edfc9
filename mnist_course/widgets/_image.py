"""위젯 안의 그림: PNG를 대체 텍스트(alt)가 있는 <img>로. ipywidgets의 Image에는 alt가 없어(7과 8 모두)
화면 읽기 프로그램이 그림을 읽지 못하므로, HTML 위젯에 넣는다. Colab, JupyterLab, 정적 사이트에서 똑같이 보인다."""

from __future__ import annotations

import base64
import html


def image_html(png: bytes, alt: str) -> str:
    """PNG 바이트를 alt가 있는 <img> 태그(HTML 문자열)로."""
    data = base64.b64encode(png).decode("ascii")
    return f'<img src="data:image/png;base64,{data}" alt="{html.escape(alt)}" style="max-width:100%">'
