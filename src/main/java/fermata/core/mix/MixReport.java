package fermata.core.mix;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.model.InsertSettings;

import java.util.List;
import java.util.Map;

/**
 * The automix report as JSON with stable snake_case keys: per stem its role, gain_db, pan, the
 * high-pass, eq bands and compressor settings with every decision and its reason; for the master
 * integrated_lufs and true_peak_dbtp with its own decisions.
 */
public final class MixReport {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private MixReport() {
    }

    public static ObjectNode toJson(MixPlan plan, List<String> stemFiles) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("preset", plan.presetName());
        if (plan.reference().isPresent()) {
            root.put("reference", plan.reference().get());
        } else {
            root.putNull("reference");
        }
        ArrayNode stems = root.putArray("stems");
        for (int i = 0; i < plan.stems().size(); i++) {
            StemDecision s = plan.stems().get(i);
            ObjectNode node = stems.addObject();
            if (i < stemFiles.size()) {
                node.put("file", stemFiles.get(i));
            }
            node.put("name", s.name());
            node.put("role", s.role().key());
            node.put("role_reason", s.roleReason());
            node.put("gain_db", round(s.mixer().gainDb()));
            node.put("pan", round(s.mixer().pan()));
            node.put("input_lufs", round(s.inputLufs()));
            node.put("mix_lufs", round(s.mixLufs()));
            Double highpass = null;
            ArrayNode eq = node.putArray("eq");
            ObjectNode compressor = null;
            for (InsertSettings insert : s.mixer().inserts()) {
                Map<String, Double> p = insert.parameters();
                switch (insert.type()) {
                    case "highpass" -> highpass = p.get("frequencyHz");
                    case "eq" -> addBands(eq, p);
                    case "compressor" -> compressor = compressor(p);
                    default -> { }
                }
            }
            if (highpass == null) {
                node.putNull("highpass_hz");
            } else {
                node.put("highpass_hz", round(highpass));
            }
            if (compressor == null) {
                node.putNull("compressor");
            } else {
                node.set("compressor", compressor);
            }
            node.set("decisions", decisions(s.decisions()));
        }
        ObjectNode master = root.putObject("master");
        master.put("integrated_lufs", round(plan.master().integratedLufs()));
        master.put("true_peak_dbtp", round(plan.master().truePeakDbtp()));
        master.put("target_lufs", round(plan.targetLufs()));
        master.put("ceiling_dbtp", round(plan.ceilingDbtp()));
        ArrayNode eq = master.putArray("eq");
        for (InsertSettings insert : plan.master().mixer().inserts()) {
            Map<String, Double> p = insert.parameters();
            switch (insert.type()) {
                case "compressor" -> master.set("glue_compressor", compressor(p));
                case "eq" -> addBands(eq, p);
                case "width" -> master.put("width", round(p.get("width")));
                case "gain" -> master.put("gain_db", round(p.get("gainDb")));
                default -> { }
            }
        }
        master.set("decisions", decisions(plan.master().decisions()));
        return root;
    }

    /** The non-flat bands of an "eq" insert (low shelf, peak, high shelf). */
    private static void addBands(ArrayNode eq, Map<String, Double> p) {
        if (p.getOrDefault("lowDb", 0.0) != 0) {
            ObjectNode band = eq.addObject();
            band.put("type", "low_shelf");
            band.put("frequency_hz", round(p.get("lowHz")));
            band.put("gain_db", round(p.get("lowDb")));
        }
        if (p.getOrDefault("midDb", 0.0) != 0) {
            ObjectNode band = eq.addObject();
            band.put("type", "peak");
            band.put("frequency_hz", round(p.get("midHz")));
            band.put("gain_db", round(p.get("midDb")));
            band.put("q", round(p.get("midQ")));
        }
        if (p.getOrDefault("highDb", 0.0) != 0) {
            ObjectNode band = eq.addObject();
            band.put("type", "high_shelf");
            band.put("frequency_hz", round(p.get("highHz")));
            band.put("gain_db", round(p.get("highDb")));
        }
    }

    private static ObjectNode compressor(Map<String, Double> p) {
        ObjectNode c = MAPPER.createObjectNode();
        c.put("threshold_db", round(p.get("thresholdDb")));
        c.put("ratio", round(p.get("ratio")));
        c.put("attack_ms", round(p.get("attackMs")));
        c.put("release_ms", round(p.get("releaseMs")));
        c.put("makeup_db", round(p.getOrDefault("makeupDb", 0.0)));
        return c;
    }

    private static ArrayNode decisions(List<Decision> decisions) {
        ArrayNode array = MAPPER.createArrayNode();
        for (Decision d : decisions) {
            ObjectNode node = array.addObject();
            node.put("decision", d.what());
            node.put("reason", d.reason());
        }
        return array;
    }

    private static double round(double value) {
        return Double.isFinite(value) ? Math.round(value * 1000) / 1000.0 : -999;
    }
}
