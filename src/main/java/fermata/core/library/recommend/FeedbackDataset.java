package fermata.core.library.recommend;

import fermata.core.error.BadInputException;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * An implicit-feedback data set read from a tab-separated file of {@code user item plays} lines,
 * the layout of HetRec 2011's {@code user_artists.dat} (an optional header line is skipped).
 * External ids become dense indices in order of first appearance.
 */
public record FeedbackDataset(Interactions interactions, long[] userIds, long[] itemIds) {

    public static FeedbackDataset readTabSeparated(Path file) throws BadInputException, IOException {
        Map<Long, Integer> users = new HashMap<>();
        Map<Long, Integer> items = new HashMap<>();
        long[] userIds = new long[1024];
        long[] itemIds = new long[1024];
        int[] user = new int[1024];
        int[] item = new int[1024];
        double[] plays = new double[1024];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (line.isBlank() || (lineNumber == 1 && !Character.isDigit(line.strip().charAt(0)))) {
                    continue;
                }
                String[] field = line.strip().split("\\s+");
                if (field.length != 3) {
                    throw new BadInputException(file, "line " + lineNumber, "expected 3 tab-separated fields (user, item, plays), found "
                            + field.length, "use the layout of HetRec's user_artists.dat");
                }
                long u;
                long i;
                double w;
                try {
                    u = Long.parseLong(field[0]);
                    i = Long.parseLong(field[1]);
                    w = Double.parseDouble(field[2]);
                } catch (NumberFormatException e) {
                    throw new BadInputException(file, "line " + lineNumber, "not a number: " + e.getMessage(),
                            "user and item must be integers and plays a number");
                }
                if (!(w > 0) || Double.isInfinite(w)) {
                    continue; // a zero play count says nothing about taste
                }
                if (n == user.length) {
                    user = Arrays.copyOf(user, n * 2);
                    item = Arrays.copyOf(item, n * 2);
                    plays = Arrays.copyOf(plays, n * 2);
                }
                int ui = users.computeIfAbsent(u, k -> users.size());
                int ii = items.computeIfAbsent(i, k -> items.size());
                if (ui == userIds.length) {
                    userIds = Arrays.copyOf(userIds, ui * 2);
                }
                if (ii == itemIds.length) {
                    itemIds = Arrays.copyOf(itemIds, ii * 2);
                }
                userIds[ui] = u;
                itemIds[ii] = i;
                user[n] = ui;
                item[n] = ii;
                plays[n] = w;
                n++;
            }
        }
        if (n == 0) {
            throw new BadInputException(file, null, "no listening records", "the file should hold lines of user, item and plays");
        }
        Interactions matrix = Interactions.of(users.size(), items.size(), Arrays.copyOf(user, n), Arrays.copyOf(item, n),
                Arrays.copyOf(plays, n));
        return new FeedbackDataset(matrix, Arrays.copyOf(userIds, users.size()), Arrays.copyOf(itemIds, items.size()));
    }
}
