#!/usr/bin/env bash
# Browser check of the MLflow UI, run by hand because CI does not run it. It starts a throwaway
# MLflow server on 127.0.0.1 and trains the shortened smoke ablation into it. Then it saves a
# headless Chromium screenshot of the compare-runs page with the four child runs.
#
#   .ci/mlflow-ui-screenshot.sh [OUTPUT.png]      (default: ./mlflow-ui-compare.png)
#
# Needs a Python with mlflow==2.17.2 (RSITR_MLFLOW_PYTHON, else the virtualenv that .ci/run
# creates) and Debian's chromium, which the script installs with apt-get when it is missing.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
output="$(realpath -m "${1:-mlflow-ui-compare.png}")"
python="${RSITR_MLFLOW_PYTHON:-${RSITR_CI_VENV:-${TMPDIR:-/tmp}/rsitr-ci-mlflow}/bin/python}"
if ! "$python" -c 'import mlflow' 2>/dev/null; then
  echo "error: $python has no mlflow; set RSITR_MLFLOW_PYTHON to a Python with mlflow==2.17.2 or run .ci/run once" >&2
  exit 2
fi
if ! command -v chromium >/dev/null; then
  apt-get install -y chromium
fi

work="$(mktemp -d "${TMPDIR:-/tmp}/rsitr-ui-check.XXXXXX")"
# shellcheck source=mlflow-server.sh
source "$root/.ci/mlflow-server.sh"
trap 'stop_mlflow_server; rm -rf "$work"' EXIT
start_mlflow_server "$python"

experiment="smoke-ablation-ui"
"$root/rsitr" train "$root/experiments/smoke-ablation.yaml" \
  --set tracking.uri="$MLFLOW_SERVER_URI" --set tracking.experiment="$experiment" \
  --set runtime.output_dir="$work/runs" \
  --set train.epochs=2 --set train.max_steps_per_epoch=3 --set train.log_every=1 \
  --set dataset.train_images=128 --set dataset.val_images=32 --set dataset.test_images=32 \
  >"$work/train.out" 2>"$work/train.log"

# The compare-runs page takes JSON lists of run ids and experiment ids in its URL fragment.
url="$("$python" - "$MLFLOW_SERVER_URI" "$experiment" <<'PY'
import json, sys, urllib.parse, urllib.request
server, name = sys.argv[1], sys.argv[2]
def call(path, body=None):
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(server + path, data=data, headers={"Content-Type": "application/json"})
    return json.load(urllib.request.urlopen(request, timeout=10))
experiment_id = call("/api/2.0/mlflow/experiments/get-by-name?experiment_name=" + urllib.parse.quote(name))["experiment"]["experiment_id"]
runs = call("/api/2.0/mlflow/runs/search", {"experiment_ids": [experiment_id],
    "filter": "tags.`rsitr.ablation` = 'child'", "order_by": ["tags.`rsitr.cell_index` ASC"]})["runs"]
run_ids = [run["info"]["run_id"] for run in runs]
print(server + "/#/compare-runs?runs=" + urllib.parse.quote(json.dumps(run_ids))
      + "&experiments=" + urllib.parse.quote(json.dumps([experiment_id])))
PY
)"
echo "Opening $url" >&2
mkdir -p "$(dirname "$output")"

chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync \
  --user-data-dir="$work/chromium-profile" --window-size=1600,1000 --virtual-time-budget=15000 \
  --screenshot="$output" "$url" 2>"$work/chromium.log"
if [[ ! -s "$output" ]]; then
  echo "error: chromium wrote no screenshot to $output; its log follows" >&2
  cat "$work/chromium.log" >&2
  exit 1
fi
echo "Wrote $output" >&2
