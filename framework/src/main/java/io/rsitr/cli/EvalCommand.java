package io.rsitr.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.rsitr.plugin.DataSplit;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.ExperimentSession;
import io.rsitr.run.RunFolderConfig;
import io.rsitr.spec.ExperimentSpec;
import io.rsitr.train.CheckpointState;
import io.rsitr.train.Checkpoints;
import io.rsitr.train.EvaluationResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** Scores a split with the best checkpoint of a trained run and prints recall and calibration as JSON. */
@Command(name = "eval", mixinStandardHelpOptions = true,
    description = "Evaluate the best checkpoint of a trained run on a split: R@1/5/10 both ways, mR (after"
        + " re-ranking when the interaction scores pairs), ECE and mean calibration gap, as JSON.")
final class EvalCommand implements Callable<Integer> {

  private static final Logger LOG = LoggerFactory.getLogger(EvalCommand.class);
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Option(names = "--checkpoint", required = true, paramLabel = "RUN_FOLDER",
      description = "run folder written by training, runs/<run id>, with checkpoints/best")
  Path runFolder;

  @Option(names = "--split", defaultValue = "test", paramLabel = "SPLIT",
      description = "split to score: test or val (default: ${DEFAULT-VALUE})")
  String split;

  @Option(names = "--config", paramLabel = "FILE.yaml",
      description = "experiment the run was trained with; by default the run folder's " + RunFolderConfig.FILE_NAME)
  Path config;

  @Option(names = "--set", paramLabel = "KEY=VALUE", description = "override a value, for example eval.rerank_k=20")
  List<String> overrides = new ArrayList<>();

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    if (!split.equals("test") && !split.equals("val")) {
      throw new IllegalArgumentException("--split is '" + split + "'; use test or val");
    }
    Checkpoints checkpoints = new Checkpoints(runFolder.resolve("checkpoints"));
    if (!checkpoints.exists(Checkpoints.BEST)) {
      throw new IllegalArgumentException("no checkpoint " + checkpoints.folder(Checkpoints.BEST) + "; pass the run"
          + " folder that training wrote, runs/<run id>");
    }
    PluginRegistry registry = PluginRegistry.discover();
    ExperimentSpec experiment = Experiments.load(registry, experimentFile(), overrides);

    Map<String, Object> report;
    try (ExperimentSession session = ExperimentSession.open(registry, experiment)) {
      CheckpointState state = checkpoints.restore(Checkpoints.BEST, session.session());
      warnOnConfigChange(state, experiment);
      DataSplit data = split.equals("test") ? session.dataset().test() : session.dataset().val();
      EvaluationResult result = session.evaluator().evaluate(data);
      report = report(state, experiment, data, result);
    }
    spec.commandLine().getOut().println(JSON.writeValueAsString(report));
    spec.commandLine().getOut().flush();
    return 0;
  }

  private Path experimentFile() {
    if (config != null) {
      ModelDescription.requireFile(config, "--config");
      return config;
    }
    Path resolved = RunFolderConfig.file(runFolder);
    if (!Files.isRegularFile(resolved)) {
      throw new IllegalArgumentException(runFolder + " has no " + RunFolderConfig.FILE_NAME + " (runs trained by"
          + " older versions lack it); pass --config with the experiment YAML the run was trained with");
    }
    return resolved;
  }

  private void warnOnConfigChange(CheckpointState state, ExperimentSpec experiment) {
    if (!experiment.configHash().equals(state.configHash())) {
      LOG.warn("config hash {} differs from the checkpoint's {} ({} --set overrides); the metrics may not be"
          + " comparable with the run's own", experiment.configHash(), state.configHash(), overrides.size());
    }
  }

  private Map<String, Object> report(CheckpointState state, ExperimentSpec experiment, DataSplit data,
      EvaluationResult result) {
    Map<String, Object> report = new LinkedHashMap<>();
    report.put("run_folder", runFolder.toString());
    report.put("run_id", state.runId());
    report.put("checkpoint", Checkpoints.BEST);
    report.put("selected_epoch", state.bestEpoch());
    report.put("split", data.name());
    report.put("images", data.numImages());
    report.put("captions", data.numCaptions());
    report.put("reranked", result.rerankedRecall() != null);
    report.put("config_hash", experiment.configHash());
    report.put("metrics", result.metrics());
    return report;
  }
}
