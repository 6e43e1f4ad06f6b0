package fermata.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import fermata.core.error.BadInputException;
import fermata.core.mix.MixPreset;
import fermata.core.mix.MixPresets;
import fermata.core.preset.DenoisePreset;
import fermata.core.preset.LayoutPreset;
import fermata.core.preset.PresetLibrary;
import fermata.core.preset.StylePreset;
import fermata.core.project.UserData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;

/** {@code fermata presets [--kind K] [--json]}: the shipped and the user's presets of every kind. */
@Command(name = "presets", mixinStandardHelpOptions = true,
        description = "List the presets: mix (automix and mastering targets), denoise, style (composition) and layout "
                + "(instrument tracks), shipped or your own under FERMATA_HOME/presets, with their descriptions. "
                + "A broken preset file of yours is reported with its file and position (exit 2).")
public final class PresetsCommand implements Callable<Integer> {
    /** The kinds of preset, as --kind names them. */
    enum Kind { mix, denoise, style, layout }

    @Option(names = "--kind", paramLabel = "KIND", description = "only this kind: ${COMPLETION-CANDIDATES}")
    Kind kind;

    @Option(names = "--json", description = "print JSON on stdout instead of text")
    boolean json;

    @Option(names = "--home", paramLabel = "DIR",
            description = "User-data folder holding your presets (default: $FERMATA_HOME, else the platform's place).")
    Path home;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws BadInputException, IOException {
        UserData user = home != null ? new UserData(home) : UserData.current();
        ObjectNode report = CliJson.MAPPER.createObjectNode();
        if (kind == null || kind == Kind.mix) {
            list(report, "mix", MixPresets.userFolder(user), MixPresets.all(user), MixPresets.shipped(), MixPreset::description);
        }
        if (kind == null || kind == Kind.denoise) {
            list(report, "denoise", DenoisePreset.LIBRARY, user, DenoisePreset::description);
        }
        if (kind == null || kind == Kind.style) {
            list(report, "style", StylePreset.LIBRARY, user, StylePreset::description);
        }
        if (kind == null || kind == Kind.layout) {
            list(report, "layout", LayoutPreset.LIBRARY, user, LayoutPreset::description);
        }
        CliJson.print(report, json, spec.commandLine().getOut());
        return FermataCommand.EXIT_OK;
    }

    private static <T> void list(ObjectNode report, String kindName, PresetLibrary<T> library, UserData user,
                                 Function<T, String> description) throws IOException, BadInputException {
        list(report, kindName, library.userFolder(user), library.all(user), library.shipped(), description);
    }

    /** A preset is "shipped" when it is the shipped one of its name, not a user file that replaces it. */
    private static <T> void list(ObjectNode report, String kindName, Path userFolder, Map<String, T> presets,
                                 Map<String, T> shipped, Function<T, String> description) {
        ObjectNode node = report.putObject(kindName);
        node.put("your_folder", userFolder.toString());
        ArrayNode items = node.putArray("presets");
        presets.forEach((name, preset) -> {
            ObjectNode item = items.addObject();
            item.put("name", name);
            item.put("origin", preset.equals(shipped.get(name)) ? "shipped" : "yours");
            item.put("description", description.apply(preset));
        });
    }
}
