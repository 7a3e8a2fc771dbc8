package io.rsitr.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AblationReportTest {

  private static final QueryRanks TOP = new QueryRanks(new int[4], new int[8]);

  @Test
  void groupsCellsThatDifferOnlyBySeed() {
    List<CellResult> results = List.of(
        result("loss.momentum_targets=false", 1, 10.0),
        result("loss.momentum_targets=true", 1, 20.0),
        result("loss.momentum_targets=false", 2, 14.0),
        result("loss.momentum_targets=true", 2, 26.0));

    List<CellGroup> groups = CellGroup.groupBySeed(results);

    assertThat(groups).extracting(CellGroup::label)
        .containsExactly("loss.momentum_targets=false", "loss.momentum_targets=true");
    MetricSummary baseline = groups.get(0).summary("mr");
    assertThat(baseline.mean()).as("mean of 10 and 14").isCloseTo(12.0, within(1e-9));
    assertThat(baseline.std()).as("sample std of 10 and 14").isCloseTo(Math.sqrt(8.0), within(1e-9));
    assertThat(baseline.count()).isEqualTo(2);
    MetricSummary other = groups.get(1).summary("mr");
    assertThat(other.mean()).as("mean of 20 and 26").isCloseTo(23.0, within(1e-9));
    assertThat(other.std()).as("sample std of 20 and 26").isCloseTo(Math.sqrt(18.0), within(1e-9));
  }

  @Test
  void singleSeedHasUndefinedStd() {
    MetricSummary summary = MetricSummary.of(List.of(42.0));

    assertThat(summary.mean()).isEqualTo(42.0);
    assertThat(summary.std()).as("sample std of one value").isNaN();
  }

  @Test
  void markdownShowsMeanStdAndInterval() {
    List<CellResult> results = List.of(
        result("loss.momentum_targets=false", 1, 10.0),
        result("loss.momentum_targets=false", 2, 14.0),
        result("loss.momentum_targets=true", 1, 20.0),
        result("loss.momentum_targets=true", 2, 26.0));

    AblationReport report = AblationReport.build(results, "loss.momentum_targets=false", new PairedBootstrap(200, 1L));
    String markdown = report.toMarkdown();

    assertThat(report.metrics()).as("recall columns first, then the rest sorted")
        .containsExactly("i2t_r1", "mr", "i2t_ece");
    assertThat(markdown).contains("| cell | seeds | i2t_r1 | mr | i2t_ece |");
    assertThat(markdown).contains("| loss.momentum_targets=false (baseline) | 1 2 | 6.00 ± 1.41 | 12.00 ± 2.83 | 0.10 ± 0.00 |");
    assertThat(markdown).contains("| loss.momentum_targets=true | 1 2 | 11.50 ± 2.12 | 23.00 ± 4.24 | 0.10 ± 0.00 |");
    assertThat(markdown).as("identical ranks give a zero difference")
        .contains("| loss.momentum_targets=true | 2 | +0.00 | [+0.00, +0.00] |");
    assertThat(report.differences()).containsOnlyKeys("loss.momentum_targets=true");
  }

  @Test
  void csvHasOneRowPerGroup() {
    List<CellResult> results = List.of(
        result("interaction.name=none", 1, 10.0),
        result("interaction.name=lsci", 1, 12.0));

    String csv = new AblationReport(CellGroup.groupBySeed(results), "interaction.name=none", List.of("mr"),
        Map.of("interaction.name=lsci", new BootstrapInterval(2.0, 0.5, 3.5, 1))).toCsv();

    assertThat(csv.lines().toList()).containsExactly(
        "cell,baseline,seeds,mr_mean,mr_std,delta_mr,delta_mr_ci_lower,delta_mr_ci_upper,seed_pairs",
        "interaction.name=none,true,1,10.0,,,,,0",
        "interaction.name=lsci,false,1,12.0,,2.0,0.5,3.5,1");
  }

  private static CellResult result(String group, long seed, double meanRecall) {
    return new CellResult(group + ",seed=" + seed, group, seed, "run-" + group + "-" + seed,
        Map.of("mr", meanRecall, "i2t_r1", meanRecall / 2, "i2t_ece", 0.1), TOP);
  }
}
