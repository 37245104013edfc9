# 관리자용 명령. 모든 명령은 프로젝트 가상 환경 .venv/를 만들어(처음 한 번) 그 안에서 돈다.
# 시스템 파이썬(Debian/Ubuntu의 /usr/bin/python3, PEP 668)에는 아무것도 설치하지 않는다.
PYTHON ?= python3
VENV ?= .venv
# 관리자 도구(테스트의 tomllib, Jupyter Book)가 도는 파이썬 범위. README의 "새 컴퓨터에서 쓰는 명령"과 같게.
PYTHON_RANGE := 3.11 3.13
BIN := $(VENV)/bin

.PHONY: setup check site test colab-check

# 요구 사항 파일이 바뀌었을 때만 다시 설치한다.
$(VENV)/.installed: requirements.txt requirements-dev.txt pyproject.toml
	@$(PYTHON) -c "import sys; lo, hi = (tuple(map(int, v.split('.'))) for v in '$(PYTHON_RANGE)'.split()); \
	sys.exit(0 if lo <= sys.version_info[:2] <= hi else 'make에는 파이썬 $(firstword $(PYTHON_RANGE))~$(lastword $(PYTHON_RANGE))이 필요합니다. ' \
	f'지금 쓰는 파이썬(PYTHON=$(PYTHON))은 {sys.version.split()[0]}입니다. 맞는 파이썬을 PYTHON=python3.12처럼 알려 주세요.')"
	@$(PYTHON) -c "import ensurepip, venv" 2>/dev/null || { echo "venv 모듈이 없습니다. Debian/Ubuntu: sudo apt-get install python3-venv" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q -r requirements-dev.txt
	touch $@

setup: $(VENV)/.installed

# 빠른 검사(1분 안쪽): 린트, 단위 테스트, 실행하지 않는 노트북 검사. 느린 테스트(slow 표시)와 노트북 재실행은 make test에서.
check: setup
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest -m "not slow" tests

# 정적 사이트를 _build/html에: Sphinx 경고(warning)는 오류로 취급
site: setup
	rm -rf _build/html _build/.doctrees
	$(BIN)/jupyter-book build . --warningiserror --nitpick --keep-going

# 전체 테스트: 린트, 엄격한 사이트 빌드, 단위 테스트, 사이트 링크·브라우저 검사, 모든 노트북 재실행 비교(nbval)
test: site
	$(BIN)/python -m ruff check .
	$(BIN)/python -m pytest --nbval tests book

# Colab 런타임 흉내: Python 3.13 + Colab의 패키지 버전으로 모든 장을 실행한다(tools/colab_check.py).
colab-check: setup
	$(BIN)/python -m tools.colab_check
