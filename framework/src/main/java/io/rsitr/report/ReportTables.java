package io.rsitr.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders an {@link AblationReport} as Markdown and CSV tables. */
final class ReportTables {

  private ReportTables() {}

  static String markdown(AblationReport report) {
    StringBuilder text = new StringBuilder();
    text.append("## Test metrics, mean ± standard deviation over seeds\n\n");
    List<String> header = new ArrayList<>(List.of("cell", "seeds"));
    header.addAll(report.metrics());
    appendRow(text, header);
    appendRow(text, header.stream().map(cell -> "---").toList());
    for (CellGroup group : report.groups()) {
      List<String> row = new ArrayList<>(List.of(groupName(report, group), seeds(group)));
      for (String metric : report.metrics()) {
        row.add(meanPlusMinusStd(group.summary(metric)));
      }
      appendRow(text, row);
    }

    text.append("\n## mR difference from the baseline, 95 % paired bootstrap interval over test queries\n\n");
    appendRow(text, List.of("cell", "seed pairs", "Δ mR", "95 % interval"));
    appendRow(text, List.of("---", "---", "---", "---"));
    for (CellGroup group : report.groups()) {
      if (group.label().equals(report.baselineLabel())) {
        continue;
      }
      BootstrapInterval interval = report.differences().get(group.label());
      if (interval == null) {
        appendRow(text, List.of(group.label(), "0", "n/a", "n/a (no seed shared with the baseline)"));
      } else {
        appendRow(text, List.of(group.label(), Integer.toString(interval.pairs()), signed(interval.estimate()),
            "[" + signed(interval.lower()) + ", " + signed(interval.upper()) + "]"));
      }
    }
    return text.toString();
  }

  static String csv(AblationReport report) {
    StringBuilder text = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("cell", "baseline", "seeds"));
    for (String metric : report.metrics()) {
      header.add(metric + "_mean");
      header.add(metric + "_std");
    }
    header.addAll(List.of("delta_mr", "delta_mr_ci_lower", "delta_mr_ci_upper", "seed_pairs"));
    text.append(String.join(",", header)).append('\n');

    for (CellGroup group : report.groups()) {
      List<String> row = new ArrayList<>();
      row.add(csvField(group.label()));
      row.add(Boolean.toString(group.label().equals(report.baselineLabel())));
      row.add(csvField(seeds(group)));
      for (String metric : report.metrics()) {
        MetricSummary summary = group.summary(metric);
        row.add(number(summary.mean()));
        row.add(number(summary.std()));
      }
      BootstrapInterval interval = report.differences().get(group.label());
      if (interval == null) {
        row.addAll(List.of("", "", "", "0"));
      } else {
        row.addAll(List.of(number(interval.estimate()), number(interval.lower()), number(interval.upper()),
            Integer.toString(interval.pairs())));
      }
      text.append(String.join(",", row)).append('\n');
    }
    return text.toString();
  }

  private static String groupName(AblationReport report, CellGroup group) {
    String name = group.label().isEmpty() ? "(seeds only)" : group.label();
    return group.label().equals(report.baselineLabel()) ? name + " (baseline)" : name;
  }

  private static String seeds(CellGroup group) {
    return group.runs().stream().map(run -> Long.toString(run.seed())).collect(Collectors.joining(" "));
  }

  private static String meanPlusMinusStd(MetricSummary summary) {
    if (summary.count() == 0) {
      return "n/a";
    }
    if (Double.isNaN(summary.std())) {
      return String.format(Locale.ROOT, "%.2f", summary.mean());
    }
    return String.format(Locale.ROOT, "%.2f ± %.2f", summary.mean(), summary.std());
  }

  private static String signed(double value) {
    return String.format(Locale.ROOT, "%+.2f", value);
  }

  /** Formats a number for CSV with full precision, or an empty field for NaN. */
  private static String number(double value) {
    return Double.isNaN(value) ? "" : Double.toString(value);
  }

  private static String csvField(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }

  private static void appendRow(StringBuilder text, List<String> cells) {
    text.append("| ").append(cells.stream().map(cell -> cell.replace("|", "\\|")).collect(Collectors.joining(" | ")))
        .append(" |\n");
  }
}
