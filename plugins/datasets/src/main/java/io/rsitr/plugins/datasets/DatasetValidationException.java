package io.rsitr.plugins.datasets;

import java.util.List;

/**
 * Signals that a dataset failed its checks before training. The message lists the problems (the
 * first {@value #LISTED_PROBLEMS} of them, then a count of the rest) and what to do next.
 */
public class DatasetValidationException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Problems listed by name in the message. */
  public static final int LISTED_PROBLEMS = 20;

  private final List<String> problems;

  /**
   * @param headline what failed, for example "3 images cannot be used"
   * @param problems every problem, one line each; the message lists the first ones
   * @param nextStep what the user should do, for example "check image_root"
   */
  public DatasetValidationException(String headline, List<String> problems, String nextStep) {
    super(format(headline, problems, nextStep));
    this.problems = List.copyOf(problems);
  }

  /** Returns every problem, including those the message leaves out. */
  public List<String> problems() {
    return problems;
  }

  private static String format(String headline, List<String> problems, String nextStep) {
    StringBuilder message = new StringBuilder(headline).append(':');
    int listed = Math.min(problems.size(), LISTED_PROBLEMS);
    for (int i = 0; i < listed; i++) {
      message.append("\n  - ").append(problems.get(i));
    }
    if (problems.size() > listed) {
      message.append("\n  - and ").append(problems.size() - listed).append(" more");
    }
    return message.append("\n").append(nextStep).toString();
  }
}
