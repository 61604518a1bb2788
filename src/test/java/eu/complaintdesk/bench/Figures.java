package eu.complaintdesk.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every figure of one run, each beside its target and its ceiling (where the issue gives one),
 * printed as one table and written as CSV: {@code part,name,value,unit,target,ceiling,ratio}.
 */
final class Figures {

  /** One measured figure; {@code target} is text ("< 150 ms"), {@code ceiling} may be null. */
  record Figure(
      String part, String name, double value, String unit, String target, Double ceiling) {

    Double ratio() {
      return ceiling == null || ceiling == 0 ? null : value / ceiling;
    }
  }

  private final List<Figure> figures = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();

  synchronized void add(String part, String name, double value, String unit) {
    add(part, name, value, unit, "", null);
  }

  synchronized void add(
      String part, String name, double value, String unit, String target, Double ceiling) {
    Figure figure = new Figure(part, name, value, unit, target, ceiling);
    figures.add(figure);
    System.out.println("[bench] " + line(figure));
  }

  /** A line of text printed under the table (what the run was, how long a part took). */
  synchronized void note(String note) {
    notes.add(note);
    System.out.println("[bench] " + note);
  }

  /** Prints the table and writes {@code benchmark.csv} and {@code benchmark.txt} to {@code dir}. */
  synchronized void write(Path dir, List<String> header) {
    StringBuilder table = new StringBuilder();
    header.forEach(h -> table.append(h).append('\n'));
    table.append('\n');
    table.append(
        String.format(
            Locale.ROOT,
            "| %-9s | %-68s | %12s | %-8s | %-16s | %10s | %6s |%n",
            "part",
            "figure",
            "value",
            "unit",
            "target",
            "ceiling",
            "ratio"));
    table.append("|-----------|").append("-".repeat(70)).append("|--------------|----------|");
    table.append("------------------|------------|--------|\n");
    figures.forEach(f -> table.append(line(f)).append('\n'));
    table.append('\n');
    notes.forEach(n -> table.append(n).append('\n'));
    System.out.println("\n========== Complaint Desk benchmark ==========\n" + table);

    StringBuilder csv = new StringBuilder("part,name,value,unit,target,ceiling,ratio\n");
    for (Figure f : figures) {
      csv.append(
              String.join(
                  ",",
                  quoted(f.part()),
                  quoted(f.name()),
                  number(f.value()),
                  quoted(f.unit()),
                  quoted(f.target()),
                  f.ceiling() == null ? "" : number(f.ceiling()),
                  f.ratio() == null ? "" : number(f.ratio())))
          .append('\n');
    }
    try {
      Files.createDirectories(dir);
      Files.writeString(dir.resolve("benchmark.csv"), csv, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("benchmark.txt"), table, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String line(Figure f) {
    return String.format(
        Locale.ROOT,
        "| %-9s | %-68s | %12s | %-8s | %-16s | %10s | %6s |",
        f.part(),
        f.name(),
        number(f.value()),
        f.unit(),
        f.target(),
        f.ceiling() == null ? "" : number(f.ceiling()),
        f.ratio() == null ? "" : String.format(Locale.ROOT, "%.2f", f.ratio()));
  }

  private static String number(double value) {
    return value == Math.rint(value) && Math.abs(value) < 1e12
        ? String.valueOf((long) value)
        : String.format(Locale.ROOT, value < 10 ? "%.2f" : "%.1f", value);
  }

  private static String quoted(String text) {
    return text.contains(",") || text.contains("\"")
        ? "\"" + text.replace("\"", "\"\"") + "\""
        : text;
  }
}
