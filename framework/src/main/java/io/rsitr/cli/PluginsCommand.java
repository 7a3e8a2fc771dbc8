package io.rsitr.cli;

import io.rsitr.plugin.ParameterSpec;
import io.rsitr.plugin.PluginFactory;
import io.rsitr.plugin.PluginKind;
import io.rsitr.plugin.PluginRegistry;
import io.rsitr.run.FrameworkSections;
import io.rsitr.spec.ConfigSection;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** Lists every plugin and framework section with parameters, types, defaults and descriptions. */
@Command(name = "plugins", mixinStandardHelpOptions = true,
    description = "List the available plugins and framework sections with their parameters.")
final class PluginsCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PluginRegistry registry = PluginRegistry.discover();
    for (PluginKind kind : PluginKind.values()) {
      for (PluginFactory<?> factory : registry.factories(kind).values()) {
        out.printf("%s: %s%n  %s%n", kind.yamlKey(), factory.name(), factory.description());
        printParameters(out, factory.parameters());
        out.println();
      }
    }
    for (ConfigSection section : FrameworkSections.all()) {
      out.printf("section %s: %s%n", section.name(), section.description());
      printParameters(out, section.parameters());
      out.println();
    }
    return 0;
  }

  private static void printParameters(PrintWriter out, List<ParameterSpec> parameters) {
    if (parameters.isEmpty()) {
      out.println("    (no parameters)");
    }
    for (ParameterSpec parameter : parameters) {
      String type = parameter.type().description()
          + (parameter.choices().isEmpty() ? "" : " " + parameter.choices());
      String defaultValue = parameter.required() ? "required" : "default " + formatDefault(parameter.defaultValue());
      out.printf("    %-24s %-28s %-22s %s%n", parameter.name(), type, defaultValue, parameter.description());
    }
  }

  private static String formatDefault(Object value) {
    return value instanceof String text && text.isEmpty() ? "\"\"" : String.valueOf(value);
  }
}
