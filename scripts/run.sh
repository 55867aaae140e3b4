#!/usr/bin/env bash
# Install the app's Python packages and start it on the bundled data.
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q -r requirements.txt
exec python3 -m streamlit run app.py "$@"
