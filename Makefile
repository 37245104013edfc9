# 관리자용 명령. 각 명령은 필요한 패키지를 먼저 설치한다(이미 있으면 금방 끝난다).
PYTHON ?= python3

.PHONY: setup test site

setup:
	$(PYTHON) -m pip install -q -r requirements.txt
	$(PYTHON) -m pip install -q --no-deps -e .

# 단위 테스트 + 모든 노트북 재실행 비교(nbval)
test: setup
	$(PYTHON) -m ruff check .
	$(PYTHON) -m pytest --nbval tests book

# 정적 사이트: 경고(warning)를 오류로 취급
site: setup
	rm -rf _build/html
	jupyter-book build . --warningiserror --nitpick --keep-going
