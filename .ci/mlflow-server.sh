# Functions to run a throwaway MLflow tracking server on 127.0.0.1, for CI and local checks.
# Source this file, then: start_mlflow_server PYTHON; ...; stop_mlflow_server.
# start_mlflow_server sets MLFLOW_SERVER_URI and keeps the database, artifacts and log in
# MLFLOW_SERVER_DIR, a new temporary folder that stop_mlflow_server deletes.

mlflow_server_pid=""

start_mlflow_server() {
  local python="$1"
  MLFLOW_SERVER_DIR="$(mktemp -d "${TMPDIR:-/tmp}/rsitr-mlflow-server.XXXXXX")"
  local port
  port="$("$python" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
  MLFLOW_SERVER_URI="http://127.0.0.1:$port"

  # setsid puts the server and its gunicorn workers into their own process group, so
  # stop_mlflow_server can stop all of them at once.
  setsid "$python" -m mlflow server \
    --backend-store-uri "sqlite:///$MLFLOW_SERVER_DIR/mlflow.db" \
    --artifacts-destination "$MLFLOW_SERVER_DIR/artifacts" \
    --host 127.0.0.1 --port "$port" --workers 1 \
    >"$MLFLOW_SERVER_DIR/server.log" 2>&1 &
  mlflow_server_pid=$!

  local deadline=$((SECONDS + 180))
  until "$python" -c 'import sys, urllib.request; urllib.request.urlopen(sys.argv[1] + "/health", timeout=2)' \
      "$MLFLOW_SERVER_URI" 2>/dev/null; do
    if ! kill -0 "$mlflow_server_pid" 2>/dev/null; then
      echo "error: mlflow server exited during start; its log follows" >&2
      cat "$MLFLOW_SERVER_DIR/server.log" >&2
      return 1
    fi
    if ((SECONDS > deadline)); then
      echo "error: mlflow server at $MLFLOW_SERVER_URI did not respond to /health within 180 s; its log follows" >&2
      cat "$MLFLOW_SERVER_DIR/server.log" >&2
      stop_mlflow_server
      return 1
    fi
    sleep 0.5
  done
  echo "MLflow server for tests at $MLFLOW_SERVER_URI (data in $MLFLOW_SERVER_DIR)" >&2
}

stop_mlflow_server() {
  if [[ -n "$mlflow_server_pid" ]]; then
    kill -TERM -- "-$mlflow_server_pid" 2>/dev/null || true
    wait "$mlflow_server_pid" 2>/dev/null || true
    mlflow_server_pid=""
  fi
  if [[ -n "${MLFLOW_SERVER_DIR:-}" && -d "$MLFLOW_SERVER_DIR" ]]; then
    rm -rf "$MLFLOW_SERVER_DIR"
  fi
}
