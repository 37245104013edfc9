"""소개 페이지의 "내 컴퓨터에서" 명령을 글자 그대로 새 폴더에서 실행하고, JupyterLab 서버에 book/을 물어본다.

시스템 패키지 줄(sudo apt-get)은 .ci/run이 이미 설치한 것이라 건너뛰고, git clone/cd 대신 저장소 파일을 옮긴 새 폴더에서 돈다.
PATH는 새 Debian/Ubuntu처럼 /usr/bin:/bin만 두어 시스템 파이썬(/usr/bin/python3)으로 가상 환경을 만든다.
"""

from __future__ import annotations

import json
import os
import re
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

from tests.book_files import ROOT, config
from tests.test_github_runner import fresh_checkout

pytestmark = pytest.mark.slow  # make check에서는 건너뛴다(make test에서 돈다)

INTRO = ROOT / "book" / "intro.md"


def local_commands() -> list[str]:
    """소개 페이지의 "내 컴퓨터에서" 다음 첫 bash 블록의 줄들."""
    text = INTRO.read_text(encoding="utf-8")
    block = re.search(r"\*\*내 컴퓨터에서\*\*.*?```bash\n(.*?)```", text, re.S)
    assert block, "소개 페이지에 '내 컴퓨터에서' 명령 블록이 없습니다"
    return [line for line in block.group(1).splitlines() if line.strip()]


def test_clone_command_matches_the_repository() -> None:
    clone = next(line for line in local_commands() if line.startswith("git clone "))
    url = config()["repository"]["url"]
    assert clone == f"git clone {url}.git"
    assert f"cd {url.rsplit('/', 1)[1]}" in local_commands()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_intro_instructions_start_jupyterlab_on_book(tmp_path: Path) -> None:
    if not Path("/usr/bin/python3").exists():
        pytest.skip("시스템 파이썬 /usr/bin/python3이 없습니다(Debian/Ubuntu가 아님)")
    commands = local_commands()
    assert commands[-1] == "jupyter lab book/"
    skipped = [c for c in commands if c.startswith(("sudo ", "git clone ", "cd "))]
    setup = [c for c in commands[:-1] if c not in skipped]
    checkout = fresh_checkout(tmp_path / "cnn-mnist-book")

    # 서버 설정은 명령줄이 아니라 설정 폴더로: 명령은 소개 페이지 그대로 둔다.
    port, token = free_port(), "local-install-test"
    config_dir = tmp_path / "jupyter-config"
    config_dir.mkdir()
    server = {"ServerApp": {"port": port, "token": token, "open_browser": False, "allow_root": True, "ip": "127.0.0.1"}}
    (config_dir / "jupyter_server_config.json").write_text(json.dumps(server))
    env = {
        "PATH": "/usr/bin:/bin",
        "HOME": os.environ.get("HOME", str(tmp_path)),  # pip 캐시는 그대로 쓴다
        "JUPYTER_CONFIG_DIR": str(config_dir),
        "LANG": "C.UTF-8",
    }
    script = "set -e\n" + "\n".join(setup) + "\n" + "exec " + commands[-1] + "\n"
    log = (tmp_path / "jupyter.log").open("w")
    process = subprocess.Popen(["bash", "-c", script], cwd=checkout, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        listing = None
        deadline = time.monotonic() + 900
        while time.monotonic() < deadline and process.poll() is None:
            try:
                url = f"http://127.0.0.1:{port}/api/contents/?token={token}"
                listing = json.load(urllib.request.urlopen(url, timeout=5))
                break
            except OSError:
                time.sleep(2)
        output = (tmp_path / "jupyter.log").read_text(errors="replace")
        assert listing is not None, f"JupyterLab 서버가 뜨지 않았습니다:\n{output[-3000:]}"
        names = {item["name"] for item in listing["content"]}
        assert {"03_mnist_practice.ipynb", "08_cnn_mnist.ipynb"} <= names, names
        specs = json.load(urllib.request.urlopen(f"http://127.0.0.1:{port}/api/kernelspecs?token={token}", timeout=5))
        assert "python3" in specs["kernelspecs"]
    finally:
        process.terminate()
        process.wait(timeout=30)
    # 노트북이 부르는 것이 모두 그 가상 환경에 있다
    venv_python = checkout / ".venv" / "bin" / "python"
    probe = "import mnist_course, tensorflow, keras, ipywidgets, koreanize_matplotlib, matplotlib; print(mnist_course.__file__)"
    quiet = {**env, "TF_CPP_MIN_LOG_LEVEL": "3"}
    result = subprocess.run([str(venv_python), "-c", probe], cwd=tmp_path, capture_output=True, text=True, env=quiet)
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().startswith(str(checkout)), "mnist_course가 이 폴더에서 설치되지 않았습니다"
