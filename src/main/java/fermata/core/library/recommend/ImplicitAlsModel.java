package fermata.core.library.recommend;

import fermata.core.task.CancelledException;
import fermata.core.task.Progress;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ejml.dense.row.CommonOps_MT_DDRM;
import org.ejml.dense.row.factory.LinearSolverFactory_DDRM;
import org.ejml.interfaces.linsol.LinearSolverDense;

import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Implicit-feedback matrix factorisation by alternating least squares (Hu, Koren and Volinsky,
 * ICDM 2008): preference 1 for every played item with confidence c = 1 + alpha log1p(plays), 0
 * with confidence 1 elsewhere; each half-iteration solves, for every row, the exact normal
 * equations (F'F + F'(C - I)F + lambda I) x = F'C p.
 *
 * <p>G = F'F + lambda I is shared by all rows, and so is F G^-1. A row with many entries adds its
 * rank-n term and is solved by Cholesky; a row with fewer (most items have one or two listeners,
 * most users under 50) is solved exactly through the Woodbury identity with the shared inverse, an
 * n-by-n solve instead of a k-by-k one; whichever costs fewer flops. Both use EJML.
 */
public final class ImplicitAlsModel implements RecommenderModel {

    /**
     * Factors, iterations, L2 regularisation, confidence scale, and the conjugate-gradient steps
     * per row and half-iteration (0: every row solved exactly).
     */
    public record Settings(int factors, int iterations, double regularization, double alpha, int conjugateGradientSteps) {
        /** Three CG steps per row, as the {@code implicit} library's default solver. */
        public static final int DEFAULT_CG_STEPS = 3;
        public static final Settings DEFAULT = new Settings(64, 15, 0.01, 2.0);

        public Settings {
            if (factors < 1 || iterations < 1 || !(regularization > 0) || !(alpha > 0) || conjugateGradientSteps < 0) {
                throw new IllegalArgumentException("ALS needs factors >= 1, iterations >= 1, regularization > 0, alpha > 0,"
                        + " conjugate-gradient steps >= 0");
            }
        }

        /** Conjugate-gradient rows with {@link #DEFAULT_CG_STEPS} steps. */
        public Settings(int factors, int iterations, double regularization, double alpha) {
            this(factors, iterations, regularization, alpha, DEFAULT_CG_STEPS);
        }

        /** The same model solved exactly in every row (Cholesky or Woodbury). */
        public Settings exact() {
            return new Settings(factors, iterations, regularization, alpha, 0);
        }
    }

    private final Settings settings;
    private final int items;
    private final double[] userFactors;
    private final double[] itemFactors;
    private final DMatrixRMaj itemGram;

    private ImplicitAlsModel(Settings settings, int items, double[] userFactors, double[] itemFactors) {
        this.settings = settings;
        this.items = items;
        this.userFactors = userFactors;
        this.itemFactors = itemFactors;
        this.itemGram = regularisedGram(itemFactors, items, settings);
    }

    public static ImplicitAlsModel train(Interactions train, Settings settings, long seed, Progress progress)
            throws CancelledException {
        int k = settings.factors();
        int m = train.users();
        int n = train.items();
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[m * k];
        double[] y = new double[n * k];
        for (int i = 0; i < y.length; i++) {
            y[i] = 0.01 * gaussian(random);
        }
        Interactions byItem = train.transposed();
        for (int iteration = 0; iteration < settings.iterations(); iteration++) {
            progress.update((double) iteration / settings.iterations(), "ALS iteration " + (iteration + 1) + " of " + settings.iterations());
            solveHalf(train, y, x, settings, progress);
            solveHalf(byItem, x, y, settings, progress);
            progress.checkCancelled();
        }
        return new ImplicitAlsModel(settings, n, x, y);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static DMatrixRMaj regularisedGram(double[] factors, int rows, Settings settings) {
        int k = settings.factors();
        DMatrixRMaj gram = new DMatrixRMaj(k, k);
        // F'F by EJML's threaded row-major product: multInner walks the tall F column by column
        // and was 13x slower on 70,764 x 64 (560 ms against 44 ms), 70 % of a 64-factor training.
        DMatrixRMaj matrix = DMatrixRMaj.wrap(rows, k, factors);
        CommonOps_MT_DDRM.multTransA(matrix, matrix, gram);
        for (int f = 0; f < k; f++) {
            gram.data[f * k + f] += settings.regularization();
        }
        return gram;
    }

    /** Solves every row of {@code target} against the fixed factors; rows are independent. */
    private static void solveHalf(Interactions rows, double[] fixed, double[] target, Settings settings, Progress progress) {
        int k = settings.factors();
        DMatrixRMaj gram = regularisedGram(fixed, rows.items(), settings);
        DMatrixRMaj inverse = new DMatrixRMaj(k, k);
        if (!CommonOps_DDRM.invertSPD(gram.copy(), inverse)) {
            throw new IllegalStateException("ALS: the factor Gram matrix is not positive definite");
        }
        // F G^-1 once for all rows: a Woodbury row then gathers its V = U G^-1 instead of multiplying.
        // Skipped when no row is short enough for Woodbury (item rows of a large history under CG).
        boolean anyWoodbury = IntStream.range(0, rows.users())
                .anyMatch(r -> rows.rowLength(r) > 0 && methodFor(rows.rowLength(r), k, settings.conjugateGradientSteps()) == RowMethod.WOODBURY);
        DMatrixRMaj scaled = anyWoodbury ? new DMatrixRMaj(rows.items(), k) : null;
        if (anyWoodbury) {
            CommonOps_MT_DDRM.mult(DMatrixRMaj.wrap(rows.items(), k, fixed), inverse, scaled);
        }
        int chunks = Math.max(1, rows.users() / 256);
        IntStream.range(0, chunks).parallel().forEach(chunk -> {
            if (progress.isCancelled()) {
                return;
            }
            RowSolver solver = new RowSolver(k, gram, inverse, scaled == null ? null : scaled.data);
            int from = (int) ((long) rows.users() * chunk / chunks);
            int to = (int) ((long) rows.users() * (chunk + 1) / chunks);
            for (int r = from; r < to; r++) {
                solver.solve(rows, r, fixed, target, settings.alpha(), settings.conjugateGradientSteps());
            }
        });
    }

    /** How a row is solved: exactly (Woodbury or Cholesky) or approximately (conjugate gradient). */
    enum RowMethod { WOODBURY, CHOLESKY, CONJUGATE_GRADIENT }

    /**
     * The cheapest method for a row of {@code n} entries with {@code k} factors. Woodbury costs
     * about n^2 k / 2 + n^3 / 3 multiply-adds (W is symmetric), Cholesky with the rank-n update n k^2 / 2 + k^3 / 3, a CG
     * step k^2 + 2 n k (G p, then a dot and an axpy per entry) plus one more for the residual. So
     * short rows stay exact (3 steps: up to 27 entries at 64 factors, 20 at 32), and long ones take CG
     * once k > 16; with {@code cgSteps} 0 every row is exact.
     */
    static RowMethod methodFor(int n, int k, int cgSteps) {
        double woodbury = (double) n * n * k / 2 + (double) n * n * n / 3;
        double cholesky = (double) n * k * k / 2 + (double) k * k * k / 3;
        double conjugateGradient = cgSteps == 0 ? Double.POSITIVE_INFINITY : (cgSteps + 1) * ((double) k * k + 2.0 * n * k);
        if (woodbury <= Math.min(cholesky, conjugateGradient)) {
            return RowMethod.WOODBURY;
        }
        return cholesky <= conjugateGradient ? RowMethod.CHOLESKY : RowMethod.CONJUGATE_GRADIENT;
    }

    /** Squared residual norm below which a row's conjugate gradient stops early. */
    private static final double CG_TOLERANCE = 1e-20;

    /** Per-thread workspace for one row's normal equations. */
    private static final class RowSolver {
        private final int k;
        private final DMatrixRMaj gram;
        private final DMatrixRMaj inverse;
        private final DMatrixRMaj a;
        private final DMatrixRMaj b;
        private final DMatrixRMaj x;
        private final LinearSolverDense<DMatrixRMaj> cholesky;
        private final DMatrixRMaj u = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj v = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj w = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj rhs = new DMatrixRMaj(1, 1);
        private final DMatrixRMaj z = new DMatrixRMaj(1, 1);
        private final LinearSolverDense<DMatrixRMaj> smallCholesky = LinearSolverFactory_DDRM.chol(8);
        private final double[] scaledFixed;
        private final double[] residual;
        private final double[] direction;
        private final double[] product;

        /** @param scaledFixed the fixed factors times G^-1, row by row, or null to multiply per row */
        RowSolver(int k, DMatrixRMaj gram, DMatrixRMaj inverse, double[] scaledFixed) {
            this.scaledFixed = scaledFixed;
            this.k = k;
            this.gram = gram;
            this.inverse = inverse;
            this.a = new DMatrixRMaj(k, k);
            this.b = new DMatrixRMaj(k, 1);
            this.x = new DMatrixRMaj(k, 1);
            this.cholesky = LinearSolverFactory_DDRM.chol(k);
            this.residual = new double[k];
            this.direction = new double[k];
            this.product = new double[k];
        }

        /** Solves row {@code r} by the method {@link #methodFor} picks for its length. */
        void solve(Interactions rows, int r, double[] fixed, double[] target, double alpha, int cgSteps) {
            int n = rows.rowLength(r);
            if (n == 0) {
                java.util.Arrays.fill(target, r * k, r * k + k, 0);
                return;
            }
            switch (methodFor(n, k, cgSteps)) {
                case WOODBURY -> solveFew(rows, r, n, fixed, target, alpha);
                case CHOLESKY -> solveMany(rows, r, fixed, target, alpha);
                case CONJUGATE_GRADIENT -> solveConjugateGradient(rows, r, fixed, target, alpha, cgSteps);
            }
        }

        /**
         * A few conjugate-gradient steps on (G + U'(C - I)U) x = U'c from the row's current x
         * (Takacs, Pilaszy and Tikk 2011): the matrix is never formed, each step costs G p plus
         * two passes over the row's entries.
         */
        private void solveConjugateGradient(Interactions rows, int r, double[] fixed, double[] target, double alpha, int cgSteps) {
            double[] g = gram.data;
            double[] residual = this.residual;
            double[] direction = this.direction;
            double[] product = this.product;
            int out = r * k;
            // residual = U'c - (G + U'(C - I)U) x
            multiplyGram(g, target, out, residual);
            for (int f = 0; f < k; f++) {
                residual[f] = -residual[f];
            }
            for (int p = rows.start(r); p < rows.end(r); p++) {
                double c = 1 + alpha * Math.log1p(rows.playsAt(p));
                int f0 = rows.itemAt(p) * k;
                double dot = 0;
                for (int f = 0; f < k; f++) {
                    dot += fixed[f0 + f] * target[out + f];
                }
                double weight = c - (c - 1) * dot;
                for (int f = 0; f < k; f++) {
                    residual[f] += weight * fixed[f0 + f];
                }
            }
            System.arraycopy(residual, 0, direction, 0, k);
            double residualNorm = dot(residual, residual);
            for (int step = 0; step < cgSteps && residualNorm > CG_TOLERANCE; step++) {
                multiplyGram(g, direction, 0, product);
                for (int p = rows.start(r); p < rows.end(r); p++) {
                    double extra = alpha * Math.log1p(rows.playsAt(p));
                    int f0 = rows.itemAt(p) * k;
                    double dot = 0;
                    for (int f = 0; f < k; f++) {
                        dot += fixed[f0 + f] * direction[f];
                    }
                    double weight = extra * dot;
                    for (int f = 0; f < k; f++) {
                        product[f] += weight * fixed[f0 + f];
                    }
                }
                double stepLength = residualNorm / dot(direction, product);
                for (int f = 0; f < k; f++) {
                    target[out + f] += stepLength * direction[f];
                    residual[f] -= stepLength * product[f];
                }
                double next = dot(residual, residual);
                double beta = next / residualNorm;
                for (int f = 0; f < k; f++) {
                    direction[f] = residual[f] + beta * direction[f];
                }
                residualNorm = next;
            }
        }

        private void multiplyGram(double[] g, double[] vector, int offset, double[] result) {
            for (int i = 0; i < k; i++) {
                double sum = 0;
                int row = i * k;
                for (int j = 0; j < k; j++) {
                    sum += g[row + j] * vector[offset + j];
                }
                result[i] = sum;
            }
        }

        private double dot(double[] a, double[] b) {
            double sum = 0;
            for (int f = 0; f < k; f++) {
                sum += a[f] * b[f];
            }
            return sum;
        }

        /** (G + U'C'U) x = U'c by Cholesky, adding each entry's rank-one term to the upper triangle. */
        private void solveMany(Interactions rows, int r, double[] fixed, double[] target, double alpha) {
            double[] ad = a.data;
            System.arraycopy(gram.data, 0, ad, 0, k * k);
            double[] bd = b.data;
            java.util.Arrays.fill(bd, 0);
            for (int p = rows.start(r); p < rows.end(r); p++) {
                double c = 1 + alpha * Math.log1p(rows.playsAt(p));
                int f0 = rows.itemAt(p) * k;
                double extra = c - 1;
                for (int i = 0; i < k; i++) {
                    double yi = fixed[f0 + i];
                    double scaled = extra * yi;
                    int row = i * k;
                    for (int j = i; j < k; j++) {
                        ad[row + j] += scaled * fixed[f0 + j];
                    }
                    bd[i] += c * yi;
                }
            }
            for (int i = 0; i < k; i++) {
                for (int j = 0; j < i; j++) {
                    ad[i * k + j] = ad[j * k + i];
                }
            }
            if (!cholesky.setA(a)) {
                throw new IllegalStateException("ALS: a row's normal equations are not positive definite");
            }
            cholesky.solve(b, x);
            System.arraycopy(x.data, 0, target, r * k, k);
        }

        /**
         * Woodbury: with V = U G^-1 and W = V U', x = V'(c - S^-1 W c) where S = diag(1/(c-1)) + W;
         * exact, and cheap when the row has far fewer entries than there are factors.
         */
        private void solveFew(Interactions rows, int r, int n, double[] fixed, double[] target, double alpha) {
            u.reshape(n, k);
            double[] confidence = new double[n];
            for (int p = 0; p < n; p++) {
                int pos = rows.start(r) + p;
                confidence[p] = 1 + alpha * Math.log1p(rows.playsAt(pos));
                System.arraycopy(fixed, rows.itemAt(pos) * k, u.data, p * k, k);
            }
            v.reshape(n, k);
            if (scaledFixed != null) {
                for (int p = 0; p < n; p++) {
                    System.arraycopy(scaledFixed, rows.itemAt(rows.start(r) + p) * k, v.data, p * k, k);
                }
            } else {
                CommonOps_DDRM.mult(u, inverse, v);
            }
            // W = U G^-1 U' is symmetric: half of its dot products, mirrored.
            w.reshape(n, n);
            double[] wd = w.data;
            for (int i = 0; i < n; i++) {
                int vi = i * k;
                for (int j = i; j < n; j++) {
                    int uj = j * k;
                    double sum = 0;
                    for (int f = 0; f < k; f++) {
                        sum += v.data[vi + f] * u.data[uj + f];
                    }
                    wd[i * n + j] = sum;
                    wd[j * n + i] = sum;
                }
            }
            rhs.reshape(n, 1);
            for (int i = 0; i < n; i++) {
                double sum = 0;
                for (int j = 0; j < n; j++) {
                    sum += w.data[i * n + j] * confidence[j];
                }
                rhs.data[i] = sum;
            }
            for (int i = 0; i < n; i++) {
                w.data[i * n + i] += 1 / (confidence[i] - 1);
            }
            z.reshape(n, 1);
            if (!smallCholesky.setA(w)) {
                throw new IllegalStateException("ALS: a row's Woodbury system is not positive definite");
            }
            smallCholesky.solve(rhs, z);
            int out = r * k;
            java.util.Arrays.fill(target, out, out + k, 0);
            for (int p = 0; p < n; p++) {
                double coefficient = confidence[p] - z.data[p];
                int row = p * k;
                for (int f = 0; f < k; f++) {
                    target[out + f] += coefficient * v.data[row + f];
                }
            }
        }
    }

    @Override
    public int items() {
        return items;
    }

    public int factors() {
        return settings.factors();
    }

    /** A copy of item {@code item}'s factor vector. */
    public double[] itemFactor(int item) {
        int k = settings.factors();
        return java.util.Arrays.copyOfRange(itemFactors, item * k, item * k + k);
    }

    /** A copy of listener {@code user}'s factor vector. */
    public double[] listenerFactor(int user) {
        int k = settings.factors();
        return java.util.Arrays.copyOfRange(userFactors, user * k, user * k + k);
    }

    @Override
    public void scoreListener(int user, double[] scores) {
        scoreFactors(userFactors, user * settings.factors(), scores);
    }

    /** Folds the profile in (one exact least-squares solve against the item factors), then scores. */
    @Override
    public void scoreProfile(int[] profileItems, double[] plays, double[] scores) {
        int k = settings.factors();
        Interactions row = Interactions.of(1, items, new int[profileItems.length], profileItems, plays);
        double[] factor = new double[k];
        DMatrixRMaj inverse = new DMatrixRMaj(k, k);
        CommonOps_DDRM.invertSPD(itemGram.copy(), inverse);
        new RowSolver(k, itemGram, inverse, null).solve(row, 0, itemFactors, factor, settings.alpha(), 0);
        scoreFactors(factor, 0, scores);
    }

    private void scoreFactors(double[] factors, int offset, double[] scores) {
        int k = settings.factors();
        for (int i = 0; i < items; i++) {
            double sum = 0;
            int row = i * k;
            for (int f = 0; f < k; f++) {
                sum += factors[offset + f] * itemFactors[row + f];
            }
            scores[i] = sum;
        }
    }
}
