package dev.rnn4j.train;

/**
 * The built-in losses: MSE, MAE, Huber (regression, averaged over a row's outputs as PyTorch does),
 * softmax cross-entropy (class index targets, optional class weights) and binary cross-entropy on
 * logits. Each pairs its value with its gradient.
 */
public final class Losses {

    private Losses() {
    }

    /**
     * log(sum_j exp(x[off + j])) over n values, shifted by their maximum so that no exp overflows:
     * the normaliser of a softmax row, shared by the cross-entropy loss, decoding and evaluation.
     */
    public static double logSumExp(float[] x, int off, int n) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < n; j++) {
            max = Math.max(max, x[off + j]);
        }
        double sum = 0;
        for (int j = 0; j < n; j++) {
            sum += Math.exp(x[off + j] - max);
        }
        return max + Math.log(sum);
    }

    public static Loss mse() {
        return new Regression("mse") {
            @Override
            double value(double e) {
                return e * e;
            }

            @Override
            double derivative(double e) {
                return 2 * e;
            }
        };
    }

    public static Loss mae() {
        return new Regression("mae") {
            @Override
            double value(double e) {
                return Math.abs(e);
            }

            @Override
            double derivative(double e) {
                return Math.signum(e);
            }
        };
    }

    /** Huber loss with threshold {@code delta} (PyTorch's HuberLoss). */
    public static Loss huber(double delta) {
        return new Regression("huber") {
            @Override
            double value(double e) {
                double a = Math.abs(e);
                return a <= delta ? 0.5 * e * e : delta * (a - 0.5 * delta);
            }

            @Override
            double derivative(double e) {
                return Math.abs(e) <= delta ? e : delta * Math.signum(e);
            }
        };
    }

    /** Softmax cross-entropy over the row's logits; the target is the class index. */
    public static Loss crossEntropy() {
        return new CrossEntropy(null);
    }

    /** Softmax cross-entropy with one weight per class (PyTorch's {@code weight=}). */
    public static Loss crossEntropy(double[] classWeights) {
        return new CrossEntropy(classWeights.clone());
    }

    /** Binary cross-entropy on logits (PyTorch's BCEWithLogitsLoss), averaged over the row's outputs. */
    public static Loss binaryCrossEntropy() {
        return new Loss() {
            @Override
            public int targetWidth(int outputs) {
                return outputs;
            }

            @Override
            public double row(float[] pred, int pOff, int width, float[] target, int tOff, float[] grad, int gOff,
                              double gradScale) {
                double sum = 0;
                for (int j = 0; j < width; j++) {
                    double z = pred[pOff + j];
                    double y = target[tOff + j];
                    // log(1 + e^-|z|) + max(z, 0) - z*y: stable for large |z|.
                    sum += Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z)));
                    double sigmoid = 1 / (1 + Math.exp(-z));
                    grad[gOff + j] += (float) (gradScale * (sigmoid - y) / width);
                }
                return sum / width;
            }

            @Override
            public String name() {
                return "bce";
            }
        };
    }

    /** Element-wise regression losses, averaged over the row's outputs. */
    private abstract static class Regression implements Loss {
        private final String name;

        Regression(String name) {
            this.name = name;
        }

        abstract double value(double error);

        abstract double derivative(double error);

        @Override
        public int targetWidth(int outputs) {
            return outputs;
        }

        @Override
        public double row(float[] pred, int pOff, int width, float[] target, int tOff, float[] grad, int gOff,
                          double gradScale) {
            double sum = 0;
            for (int j = 0; j < width; j++) {
                double e = (double) pred[pOff + j] - target[tOff + j];
                sum += value(e);
                grad[gOff + j] += (float) (gradScale * derivative(e) / width);
            }
            return sum / width;
        }

        @Override
        public String name() {
            return name;
        }
    }

    private static final class CrossEntropy implements Loss {
        private final double[] classWeights;

        CrossEntropy(double[] classWeights) {
            this.classWeights = classWeights;
        }

        @Override
        public int targetWidth(int outputs) {
            return 1;
        }

        @Override
        public double rowWeight(float[] target, int tOff) {
            return classWeights == null ? 1.0 : classWeights[(int) target[tOff]];
        }

        @Override
        public double row(float[] pred, int pOff, int width, float[] target, int tOff, float[] grad, int gOff,
                          double gradScale) {
            int cls = (int) target[tOff];
            if (cls < 0 || cls >= width) {
                throw new IllegalArgumentException("Class index must be in 0.." + (width - 1) + ", got " + target[tOff] + ".");
            }
            double logZ = logSumExp(pred, pOff, width);
            for (int j = 0; j < width; j++) {
                double p = Math.exp(pred[pOff + j] - logZ);
                grad[gOff + j] += (float) (gradScale * (p - (j == cls ? 1 : 0)));
            }
            return logZ - pred[pOff + cls];
        }

        @Override
        public String name() {
            return "cross_entropy";
        }
    }
}
