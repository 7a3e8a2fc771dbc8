package io.rsitr.train;

import java.util.Map;

/**
 * Metadata a checkpoint stores beside the variables.
 *
 * @param epochsDone completed epochs
 * @param globalStep steps done
 * @param bestValMeanRecall the best validation mR so far
 * @param bestEpoch the epoch (1-based) of the best validation mR
 * @param listenerState epoch listeners' state, for example the TC loss's γ values
 * @param configHash the hash of the resolved configuration the run was started with
 * @param runId the tracking run to continue on resume
 */
public record CheckpointState(
    int epochsDone,
    long globalStep,
    double bestValMeanRecall,
    int bestEpoch,
    Map<String, Double> listenerState,
    String configHash,
    String runId) {}
