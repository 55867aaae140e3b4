#!/usr/bin/env bash
# Install everything the tests need (Debian Chromium and poppler, Python packages) and run every test.
set -euo pipefail
cd "$(dirname "$0")/.."
if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver poppler-utils fonts-dejavu-core >/dev/null
fi
python3 -m pip install -q -r requirements.txt
ruff check .
python3 -m pytest -q
