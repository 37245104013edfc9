"""이 컴퓨터에서 특정 버전(예: "3.13")의 파이썬 실행 파일을 찾는다: Colab 검사와 설치 검사가 함께 쓴다."""

from __future__ import annotations

import glob
import os
import shutil
import subprocess


def find_python(version: str, *given: str | None) -> str | None:
    """given, /usr/bin/pythonX.Y(배포판의 것), PATH의 pythonX.Y, pyenv의 X.Y 순으로 찾아, 정말 그 버전인 첫 실행 파일."""
    candidates = [*given, f"/usr/bin/python{version}", shutil.which(f"python{version}")]
    candidates += sorted(glob.glob(os.path.expanduser(f"~/.pyenv/versions/{version}.*/bin/python{version}")))
    for candidate in filter(None, candidates):
        try:
            probe = subprocess.run([candidate, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], capture_output=True, text=True)
        except OSError:  # 없는 파일, 실행할 수 없는 파일
            continue
        if probe.stdout.strip() == version:
            return candidate
    return None
