package dev.rnn4j.forecast.model;

/** Ridge-regularised least squares through the normal equations, solved by Cholesky. */
final class LeastSquares {

    private LeastSquares() {
    }

    /**
     * Coefficients b minimising |X b - y|^2 + ridge |b|^2 (the ridge keeps nearly collinear lags
     * solvable; use a small value relative to the data's scale).
     *
     * @param x rows of features
     * @param y targets
     */
    static double[] solve(double[][] x, double[] y, double ridge) {
        int p = x[0].length;
        double[][] a = new double[p][p];
        double[] b = new double[p];
        for (int r = 0; r < x.length; r++) {
            double[] row = x[r];
            for (int i = 0; i < p; i++) {
                b[i] += row[i] * y[r];
                for (int j = 0; j <= i; j++) {
                    a[i][j] += row[i] * row[j];
                }
            }
        }
        for (int i = 0; i < p; i++) {
            a[i][i] += ridge;
        }
        // Cholesky: a = L L^T, L stored in the lower triangle of a
        for (int j = 0; j < p; j++) {
            double d = a[j][j];
            for (int k = 0; k < j; k++) {
                d -= a[j][k] * a[j][k];
            }
            if (!(d > 0)) {
                throw new IllegalStateException("normal equations are not positive definite at column " + j + ".");
            }
            a[j][j] = Math.sqrt(d);
            for (int i = j + 1; i < p; i++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= a[i][k] * a[j][k];
                }
                a[i][j] = s / a[j][j];
            }
        }
        double[] z = new double[p];
        for (int i = 0; i < p; i++) {
            double s = b[i];
            for (int k = 0; k < i; k++) {
                s -= a[i][k] * z[k];
            }
            z[i] = s / a[i][i];
        }
        double[] coef = new double[p];
        for (int i = p - 1; i >= 0; i--) {
            double s = z[i];
            for (int k = i + 1; k < p; k++) {
                s -= a[k][i] * coef[k];
            }
            coef[i] = s / a[i][i];
        }
        return coef;
    }
}
