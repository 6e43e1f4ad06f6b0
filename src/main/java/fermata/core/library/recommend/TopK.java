package fermata.core.library.recommend;

import java.util.Arrays;

/** Selection of the k best-scored items with a bounded min-heap; ties go to the lower index, so rankings are deterministic. */
public final class TopK {
    private TopK() {
    }

    /** The k highest of {@code scores} among all items, skipping those marked in {@code excluded} (may be null), best first. */
    public static int[] select(double[] scores, int k, boolean[] excluded) {
        Heap heap = new Heap(k, scores);
        for (int i = 0; i < scores.length; i++) {
            if ((excluded == null || !excluded[i]) && !Double.isNaN(scores[i]) && scores[i] != Double.NEGATIVE_INFINITY) {
                heap.offer(i);
            }
        }
        return heap.sortedBestFirst();
    }

    /** The k highest of {@code scores} among the first {@code count} indices in {@code candidates}, best first. */
    public static int[] select(double[] scores, int k, int[] candidates, int count) {
        Heap heap = new Heap(k, scores);
        for (int c = 0; c < count; c++) {
            heap.offer(candidates[c]);
        }
        return heap.sortedBestFirst();
    }

    /** True when item a ranks above item b. */
    static boolean better(double[] scores, int a, int b) {
        return scores[a] > scores[b] || (scores[a] == scores[b] && a < b);
    }

    private static final class Heap {
        private final int[] heap;
        private final double[] scores;
        private int size;

        Heap(int k, double[] scores) {
            this.heap = new int[Math.max(0, k)];
            this.scores = scores;
        }

        void offer(int item) {
            if (heap.length == 0) {
                return;
            }
            if (size < heap.length) {
                heap[size] = item;
                siftUp(size++);
            } else if (better(scores, item, heap[0])) {
                heap[0] = item;
                siftDown(0);
            }
        }

        // The root is the worst kept item.
        private void siftUp(int at) {
            while (at > 0) {
                int parent = (at - 1) / 2;
                if (!better(scores, heap[parent], heap[at])) {
                    break;
                }
                swap(at, parent);
                at = parent;
            }
        }

        private void siftDown(int at) {
            while (true) {
                int left = 2 * at + 1;
                int worst = at;
                if (left < size && better(scores, heap[worst], heap[left])) {
                    worst = left;
                }
                if (left + 1 < size && better(scores, heap[worst], heap[left + 1])) {
                    worst = left + 1;
                }
                if (worst == at) {
                    return;
                }
                swap(at, worst);
                at = worst;
            }
        }

        private void swap(int a, int b) {
            int t = heap[a];
            heap[a] = heap[b];
            heap[b] = t;
        }

        int[] sortedBestFirst() {
            Integer[] boxed = new Integer[size];
            for (int i = 0; i < size; i++) {
                boxed[i] = heap[i];
            }
            Arrays.sort(boxed, (a, b) -> better(scores, a, b) ? -1 : (better(scores, b, a) ? 1 : 0));
            int[] out = new int[size];
            for (int i = 0; i < size; i++) {
                out[i] = boxed[i];
            }
            return out;
        }
    }
}
