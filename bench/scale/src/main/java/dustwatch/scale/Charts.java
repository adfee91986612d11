package dustwatch.scale;

import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYChartBuilder;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The run's PNG charts (XChart): point-readings per second by stage, and consumer lag over the run. */
final class Charts {
    private Charts() {
    }

    @SuppressWarnings("unchecked")
    static void write(Map<String, Object> r, Path dir, String label) throws IOException {
        List<String> names = new ArrayList<>();
        List<Number> values = new ArrayList<>();
        Map<String, Object> ceiling = (Map<String, Object>) r.get("kafkaCeiling");
        if (ceiling != null) {
            names.add("Kafka producer ceiling (records/s)");
            values.add((Number) ceiling.get("recordsPerSecond"));
        }
        for (String k : List.of("ingest-direct", "ingest-gateway")) {
            Map<String, Object> m = (Map<String, Object>) r.get(k);
            if (m != null) {
                names.add(k + " (messages/s)");
                values.add((Number) m.get("messagesPerSecond"));
            }
        }
        Map<String, Object> risk = (Map<String, Object>) r.get("riskAlone");
        if (risk != null) {
            names.add("risk topology (batches/s)");
            values.add((Number) risk.get("batchesPerSecond"));
        }
        CategoryChart bars = new CategoryChartBuilder().width(1000).height(500)
                .title("dustwatch scale bench (" + label + "): records/messages/batches per second, 8 points each")
                .yAxisTitle("per second").build();
        bars.getStyler().setLegendVisible(false);
        bars.getStyler().setXAxisLabelRotation(10);
        bars.addSeries("rate", names, values);
        BitmapEncoder.saveBitmap(bars, dir.resolve("scale-throughput-" + label).toString(), BitmapEncoder.BitmapFormat.PNG);

        List<Map<String, Object>> lag = (List<Map<String, Object>>) r.get("lagSeries");
        if (lag != null && !lag.isEmpty()) {
            List<Double> t = new ArrayList<>();
            List<Double> sink = new ArrayList<>();
            List<Double> riskLag = new ArrayList<>();
            for (Map<String, Object> s : lag) {
                t.add(((Number) s.get("t")).doubleValue());
                sink.add(((Number) s.get("sinkLag")).doubleValue());
                riskLag.add(((Number) s.get("riskLag")).doubleValue());
            }
            XYChart chart = new XYChartBuilder().width(1000).height(400).title("consumer lag on dust.realtime (records)")
                    .xAxisTitle("s since the load started").yAxisTitle("records behind").build();
            chart.addSeries("readings sink", t, sink);
            chart.addSeries("risk engine", t, riskLag);
            BitmapEncoder.saveBitmap(chart, dir.resolve("scale-lag-" + label).toString(), BitmapEncoder.BitmapFormat.PNG);
        }
    }
}
