# The GitHub Action's image (action.yml: runs.using docker). Docker actions run as root on Linux runners,
# so there is no USER line; the workspace belongs to the runner's user, hence safe.directory.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# git reads the checkout (the analysis reads git objects, never the working tree); libcairo2 is the library
# CairoSVG draws SVG images with (the logo check). Debian's packages are not pinned: their security updates
# replace the old version in the archive and a pin would break the build.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends git libcairo2 \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory '*'

WORKDIR /app

# Dependencies in their own cached layer: it is rebuilt only when pyproject.toml changes, not the code.
COPY pyproject.toml README.md ./
RUN python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" \
        > /tmp/requirements.txt \
    && pip install --no-cache-dir -r /tmp/requirements.txt

# Then the package itself, without touching the dependency layer. pip byte-compiles what it installs (here and
# above; PYTHONDONTWRITEBYTECODE only stops the interpreter writing .pyc at run time): every run of the action
# then starts from bytecode instead of compiling ~100 modules (~0.15 s).
COPY src/ src/
COPY checks/ checks/
COPY templates/ templates/
RUN pip install --no-cache-dir --no-deps --compile .

COPY entrypoint.py ./

# Likewise the shipped YAML (rules, tables, messages) and templates: parsed and compiled here once into the
# package's __pycache__, so a run reads them instead of loading PyYAML and parsing ~115 KB (~50 ms) and compiling
# the comment's template (~25 ms); and the package's regular expressions, compiled once (core/recache.py, ~20 ms).
RUN env -u PYTHONDONTWRITEBYTECODE python -c "from mp_precheck.core.datafiles import warm; \
from mp_precheck.outputs.templating import compile_all; print(warm(), 'data files', compile_all(), 'templates')" \
 && env -u PYTHONDONTWRITEBYTECODE python -c "from mp_precheck.core import recache; print(recache.warm(), 'patterns')"

ENTRYPOINT ["python", "/app/entrypoint.py"]
