package fermata.core.library.recommend;

import fermata.core.task.Progress;
import org.junit.jupiter.api.Test;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TemporalReplayTest {
    @Test
    void generatorPlantsClustersSessionsSkipsAndHabits() {
        SyntheticHistory.History h = SyntheticHistory.generate(SyntheticHistory.Settings.DEFAULT);
        List<ListenEvent> events = h.events();
        assertEquals(events, SyntheticHistory.generate(SyntheticHistory.Settings.DEFAULT).events(), "same seed, same history");
        int sessions = Sessions.boundaries(events).length - 1;
        assertTrue(sessions > 365 && sessions < 3 * 365, sessions + " sessions in a year");
        long skipped = events.stream().filter(ListenEvent::skipped).count();
        double skipRate = (double) skipped / events.size();
        assertTrue(skipRate > 0.1 && skipRate < 0.3, "skip rate " + skipRate);
        // Habits: clusters 1 and 5 are morning clusters (c % 4 == 1): most of their plays start between 5 and 12 h.
        long morning = events.stream().filter(e -> !e.skipped() && h.clusterOf()[e.item()] % 4 == 1)
                .filter(e -> TemporalReplay.partOfDay(e.time(), ZoneOffset.UTC) == 1).count();
        long all = events.stream().filter(e -> !e.skipped() && h.clusterOf()[e.item()] % 4 == 1).count();
        assertTrue(morning > 0.5 * all, morning + " of " + all + " plays of morning clusters in the morning");
    }

    @Test
    void everyModelBeatsPopularityAndTheLearntBlendIsBest() throws Exception {
        SyntheticHistory.History h = SyntheticHistory.generate(SyntheticHistory.Settings.DEFAULT);
        TemporalReplay.Result r = TemporalReplay.run(h.events(), h.items(), ZoneOffset.UTC, 1, Progress.NONE);
        Map<String, Double> recall = r.recall();
        assertTrue(r.testSessions() > 100, r.testSessions() + " test sessions");
        for (String model : List.of("itemknn", "ease", "ials")) {
            assertTrue(recall.get(model) > recall.get("popularity"), model + " vs popularity: " + recall);
        }
        assertTrue(recall.get("blend") >= recall.get("ease") - 0.01 && recall.get("blend") >= recall.get("itemknn") - 0.01, recall.toString());
        assertTrue(r.blend().weights()[3] > 0, "the time of day matters in this history: " + r.blend());
    }
}
