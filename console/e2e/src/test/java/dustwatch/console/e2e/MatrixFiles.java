package dustwatch.console.e2e;

import dustwatch.contracts.topic.Json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The access matrix's feature files: every {@code src/test/resources/access-matrix/*.tsv} (one per feature,
 * so that features added in parallel merge without conflict). Tab-separated, {@code #} starts a comment line:
 * <pre>
 * ROW  method  template  path  body  11 expected statuses (space-separated, in {@link AccessMatrixIT#CALLERS} order)
 * SKIP method  template  reason
 * </pre>
 * {@code template} is the path as the gateway's OpenAPI document names it; {@code body} is JSON or {@code -}.
 * A malformed line fails the test with its file and line number.
 */
final class MatrixFiles {
    static final Path FOLDER = Path.of("src/test/resources/access-matrix");

    private MatrixFiles() {
    }

    /**
     * One line: a row ({@code expected} set, {@code reason} null) or an exclusion ({@code expected} null).
     *
     * @param body the JSON body as a tree, or null
     */
    record Line(String file, int number, String method, String template, String path, Object body, int[] expected,
                String reason) {
    }

    static List<Line> read() {
        if (!Files.isDirectory(FOLDER)) {
            return List.of();
        }
        List<Line> lines = new ArrayList<>();
        try (Stream<Path> files = Files.list(FOLDER)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".tsv")).sorted().toList()) {
                List<String> text = Files.readAllLines(file, StandardCharsets.UTF_8);
                for (int i = 0; i < text.size(); i++) {
                    String raw = text.get(i);
                    if (raw.isBlank() || raw.stripLeading().startsWith("#")) {
                        continue;
                    }
                    lines.add(parse(file.getFileName().toString(), i + 1, raw));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return lines;
    }

    static Line parse(String file, int number, String raw) {
        String where = file + ":" + number + ": ";
        String[] cells = raw.split("\t");
        String method = cells.length > 1 ? cells[1].trim().toUpperCase() : "";
        if (cells.length < 2 || !List.of("GET", "PUT", "POST", "DELETE", "PATCH").contains(method)) {
            throw new IllegalArgumentException(where + "expected ROW or SKIP, a method and a template: " + raw);
        }
        switch (cells[0].trim()) {
            case "SKIP" -> {
                if (cells.length != 4 || cells[3].isBlank()) {
                    throw new IllegalArgumentException(where + "SKIP<TAB>method<TAB>template<TAB>reason: " + raw);
                }
                return new Line(file, number, method, cells[2].trim(), null, null, null, cells[3].trim());
            }
            case "ROW" -> {
                if (cells.length != 6) {
                    throw new IllegalArgumentException(where + "ROW<TAB>method<TAB>template<TAB>path<TAB>body<TAB>statuses: " + raw);
                }
                int[] expected;
                try {
                    expected = Arrays.stream(cells[5].trim().split("\\s+")).mapToInt(Integer::parseInt).toArray();
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException(where + "statuses must be numbers: " + cells[5], e);
                }
                if (expected.length != AccessMatrixIT.CALLERS.size()) {
                    throw new IllegalArgumentException(where + expected.length + " statuses, expected "
                            + AccessMatrixIT.CALLERS.size() + " (" + String.join(" ", AccessMatrixIT.CALLERS) + ")");
                }
                String body = cells[4].trim();
                Object tree = body.equals("-") ? null : Json.MAPPER.readTree(body);
                return new Line(file, number, method, cells[2].trim(), cells[3].trim(), tree, expected, null);
            }
            default -> throw new IllegalArgumentException(where + "a line starts with ROW or SKIP: " + raw);
        }
    }
}
