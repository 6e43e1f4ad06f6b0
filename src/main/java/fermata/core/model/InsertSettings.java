package fermata.core.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * One processor in a track's or the master's insert chain, by type ("eq", "compressor",
 * "limiter", "denoise", ...) and named numeric parameters. The engine maps types to processors;
 * the model only stores what the user set.
 */
public record InsertSettings(String type, boolean enabled, Map<String, Double> parameters) {
    public InsertSettings {
        Check.nonBlank("insert type", type);
        parameters = java.util.Collections.unmodifiableMap(new TreeMap<>(parameters));
        parameters.forEach((k, v) -> Check.finite("insert parameter " + k, v));
    }

    public InsertSettings withParameter(String name, double value) {
        Map<String, Double> next = new TreeMap<>(parameters);
        next.put(name, value);
        return new InsertSettings(type, enabled, next);
    }

    public InsertSettings withEnabled(boolean on) {
        return new InsertSettings(type, on, parameters);
    }
}
