"""Print one run of an MLflow tracking store as JSON, read through MLflow's own client.

Usage: python read_run.py TRACKING_URI RUN_ID METRIC_KEY

The Java tests compare this output with what they logged, which proves that MLflow reads the
files the Java store writes.
"""

import json
import sys

from mlflow.tracking import MlflowClient


def list_artifacts_recursively(client, run_id, path=None):
    files = []
    for info in client.list_artifacts(run_id, path):
        if info.is_dir:
            files.extend(list_artifacts_recursively(client, run_id, info.path))
        else:
            files.append({"path": info.path, "size": info.file_size})
    return files


def main():
    tracking_uri, run_id, metric_key = sys.argv[1:4]
    client = MlflowClient(tracking_uri=tracking_uri)
    run = client.get_run(run_id)
    history = client.get_metric_history(run_id, metric_key)
    experiment = client.get_experiment(run.info.experiment_id)
    output = {
        "status": run.info.status,
        "run_name": run.info.run_name,
        "experiment_id": run.info.experiment_id,
        "experiment_name": experiment.name,
        "start_time": run.info.start_time,
        "end_time": run.info.end_time,
        "params": run.data.params,
        "tags": run.data.tags,
        "metric_keys": sorted(run.data.metrics.keys()),
        "history": [
            {"step": m.step, "value": m.value, "timestamp": m.timestamp} for m in history
        ],
        "artifacts": list_artifacts_recursively(client, run_id),
    }
    json.dump(output, sys.stdout)


if __name__ == "__main__":
    main()
