# The GitHub Action's image (action.yml: runs.using docker). Docker actions run as root on Linux runners,
# so there is no USER line; the workspace belongs to the runner's user, hence safe.directory.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1

# git reads the checkout (the analysis reads git objects, never the working tree). Debian's git is not
# pinned: its security updates replace the old version in the archive and a pin would break the build.
# hadolint ignore=DL3008
RUN apt-get update \
    && apt-get install -y --no-install-recommends git \
    && rm -rf /var/lib/apt/lists/* \
    && git config --system --add safe.directory '*'

WORKDIR /app

# The package first, in its own layer: it changes less often than the entry point.
COPY pyproject.toml README.md ./
COPY src/ src/
COPY checks/ checks/
COPY templates/ templates/
RUN pip install --no-cache-dir .

COPY entrypoint.py ./

ENTRYPOINT ["python", "/app/entrypoint.py"]
