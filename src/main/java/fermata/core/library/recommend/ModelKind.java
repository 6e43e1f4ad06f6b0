package fermata.core.library.recommend;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The collaborative models, by the names the command line uses, with the settings the evaluation fixed. */
public enum ModelKind {
    /** Items by number of listeners: the floor every model must beat. */
    POPULARITY("popularity"),
    /** Cosine similarity of binary item columns, 100 neighbours per item. */
    ITEM_KNN("itemknn"),
    /** Steck's EASE, lambda 200, items with at least 2 listeners. */
    EASE("ease"),
    /** Hu, Koren and Volinsky's implicit ALS: 64 factors, 15 iterations, confidence 1 + 2 log1p(plays). */
    IALS("ials");

    private final String cliName;

    ModelKind(String cliName) {
        this.cliName = cliName;
    }

    public String cliName() {
        return cliName;
    }

    public static Optional<ModelKind> byName(String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.cliName.equals(wanted)).findFirst();
    }

    public RecommenderModel train(Interactions train, long seed, Progress progress) throws CancelledException {
        return switch (this) {
            case POPULARITY -> PopularityModel.train(train);
            case ITEM_KNN -> ItemKnnModel.train(train, ItemKnnModel.DEFAULT_NEIGHBOURS, progress);
            case EASE -> EaseModel.train(train, EaseModel.DEFAULT_LAMBDA, EaseModel.DEFAULT_MIN_LISTENERS, progress);
            case IALS -> ImplicitAlsModel.train(train, ImplicitAlsModel.Settings.DEFAULT, seed, progress);
        };
    }
}
