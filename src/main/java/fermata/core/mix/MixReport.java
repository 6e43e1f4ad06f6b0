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
            number(node, "gain_db", s.mixer().gainDb());
            number(node, "pan", s.mixer().pan());
            number(node, "input_lufs", s.inputLufs());
            number(node, "mix_lufs", s.mixLufs());
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
                number(node, "highpass_hz", highpass);
            }
            if (compressor == null) {
                node.putNull("compressor");
            } else {
                node.set("compressor", compressor);
            }
            node.set("decisions", decisions(s.decisions()));
        }
        ObjectNode master = root.putObject("master");
        number(master, "integrated_lufs", plan.master().integratedLufs());
        number(master, "true_peak_dbtp", plan.master().truePeakDbtp());
        number(master, "target_lufs", plan.targetLufs());
        number(master, "ceiling_dbtp", plan.ceilingDbtp());
        ArrayNode eq = master.putArray("eq");
        for (InsertSettings insert : plan.master().mixer().inserts()) {
            Map<String, Double> p = insert.parameters();
            switch (insert.type()) {
                case "compressor" -> master.set("glue_compressor", compressor(p));
                case "eq" -> addBands(eq, p);
                case "width" -> number(master, "width", p.get("width"));
                case "gain" -> number(master, "gain_db", p.get("gainDb"));
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
            number(band, "frequency_hz", p.get("lowHz"));
            number(band, "gain_db", p.get("lowDb"));
        }
        if (p.getOrDefault("midDb", 0.0) != 0) {
            ObjectNode band = eq.addObject();
            band.put("type", "peak");
            number(band, "frequency_hz", p.get("midHz"));
            number(band, "gain_db", p.get("midDb"));
            number(band, "q", p.get("midQ"));
        }
        if (p.getOrDefault("highDb", 0.0) != 0) {
            ObjectNode band = eq.addObject();
            band.put("type", "high_shelf");
            number(band, "frequency_hz", p.get("highHz"));
            number(band, "gain_db", p.get("highDb"));
        }
    }

    private static ObjectNode compressor(Map<String, Double> p) {
        ObjectNode c = MAPPER.createObjectNode();
        number(c, "threshold_db", p.get("thresholdDb"));
        number(c, "ratio", p.get("ratio"));
        number(c, "attack_ms", p.get("attackMs"));
        number(c, "release_ms", p.get("releaseMs"));
        number(c, "makeup_db", p.getOrDefault("makeupDb", 0.0));
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

    /** Three decimals; null for a level that does not exist (a silent stem has no loudness). */
    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) {
            node.put(key, Math.round(value * 1000) / 1000.0);
        } else {
            node.putNull(key);
        }
    }
}
