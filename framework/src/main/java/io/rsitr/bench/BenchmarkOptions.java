package io.rsitr.bench;

/**
 * Choice of measurements for {@link Benchmark}.
 *
 * @param steps timed training steps
 * @param warmupSteps untimed training steps before them
 * @param pipeline whether to time the batch loader of the train split
 * @param evaluation whether to time scoring the test split
 */
public record BenchmarkOptions(int steps, int warmupSteps, boolean pipeline, boolean evaluation) {

  public BenchmarkOptions {
    if (steps < 1) {
      throw new IllegalArgumentException("steps is " + steps + "; time at least 1 training step");
    }
    if (warmupSteps < 0) {
      throw new IllegalArgumentException("warmupSteps is " + warmupSteps + "; use 0 or more warm-up steps");
    }
  }
}
