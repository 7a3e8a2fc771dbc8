"""Prints one run of a local MLflow store as JSON, read through MLflow's own client API."""
import json
import sys

from mlflow.tracking import MlflowClient


def list_all(client, run_id, path=None):
    found = []
    for item in client.list_artifacts(run_id, path):
        if item.is_dir:
            found.extend(list_all(client, run_id, item.path))
        else:
            found.append(item.path)
    return found


def main():
    store, run_id = sys.argv[1], sys.argv[2]
    client = MlflowClient(tracking_uri=store)
    run = client.get_run(run_id)
    history = client.get_metric_history(run_id, "train/loss")
    print(json.dumps({
        "status": run.info.status,
        "params": run.data.params,
        "tags": run.data.tags,
        "metrics": run.data.metrics,
        "train_loss": [{"step": m.step, "value": m.value, "timestamp": m.timestamp} for m in history],
        "artifacts": sorted(list_all(client, run_id)),
    }))


if __name__ == "__main__":
    main()
