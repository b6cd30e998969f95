# Task runner of gaodi. `make demo` and `make test` work on a fresh machine with Python 3.11+.
SIZE ?= medium
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export UV_LINK_MODE := copy

.PHONY: setup web fonts system-deps browser-deps demo test test-fast bench lint

setup:  ## install uv if missing, then the locked dependencies into .venv, compiled to bytecode (a fast CLI start)
	@command -v uv >/dev/null 2>&1 || python3 -m pip install --quiet uv
	uv sync --frozen --all-extras --compile-bytecode
	$(MAKE) web

# The lockfile lists every platform's optional binaries (rollup, esbuild), so `npm ci` installs exactly the
# locked versions; `npm install` remains the fallback should a registry refuse one of them. Warnings about
# engines and install scripts are noise on the normal path, so only errors are printed.
web:  ## build the web UI (Vue 3, Element Plus, ECharts from the npm registry) into src/gaodi/web/static
	cd web && (npm ci --no-audit --no-fund --loglevel=error || npm install --no-audit --no-fund --loglevel=error) \
		&& npm run build --silent

fonts:  ## a CJK font for the charts, maps and PDF reports (Debian's fonts-wqy-microhei)
	@test -f /usr/share/fonts/truetype/wqy/wqy-microhei.ttc || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends fonts-wqy-microhei)

system-deps: fonts  ## Debian packages the tests need: a Java runtime for the Spark parity tests, the font
	@command -v java >/dev/null 2>&1 || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends openjdk-17-jre-headless)

browser-deps:  ## the browser tests drive Debian's chromium (Playwright for Python is locked; never its browsers)
	@command -v chromium >/dev/null 2>&1 || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium)

demo: setup fonts  ## build the demo province (SIZE=small|medium|large), print its summary, serve it on PORT
	uv run gaodi demo --size $(SIZE) --port $(PORT)

test: setup system-deps browser-deps  ## the full test suite, as CI runs it: two halves side by side, one per core
	scripts/test_in_two_halves.sh

test-fast: setup  ## the suite without the slow tests (the medium demo)
	uv run pytest -m "not slow"

bench: setup  ## benchmarks print figures; results are recorded in docs/benchmarks.md
	uv run python benchmarks/bench_policy.py

lint: setup
	uvx ruff check src tests benchmarks
