"""Reference optimum for SklearnReferenceTests.cs (run offline: /usr/bin/python3 sklearn_reference.py).

Generates the same 200 rows as ReferenceDataset.cs (splitmix64 uniforms, float32 features), standardises the
numeric features as LinearTrainer does (mean and population deviation over present values, missing -> 0, values
rounded to float32), one-hot encodes the categorical one, and fits scikit-learn 1.2.1 with the regularisation
equivalent to L2 = 0.01: LogisticRegression C = 1 / (L2 * N), Ridge alpha = L2 * N. The solver is newton-cg: it
reaches the optimum to a gradient of ~1e-11, where lbfgs stops early on its fixed relative-decrease rule (~1e-6).
"""
import numpy as np
from sklearn.linear_model import LogisticRegression, Ridge

MASK = (1 << 64) - 1
ROWS, L2 = 200, 0.01



def uniforms(seed):
    state = seed
    while True:
        state = (state + 0x9E3779B97F4A7C15) & MASK
        z = state
        z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
        z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
        z ^= z >> 31
        yield (z >> 11) * 2.0 ** -53


def dataset():
    u = uniforms(12345)
    rows = []
    for i in range(ROWS):
        u1, u2, u3, u4, u5, u6, u7 = (next(u) for _ in range(7))
        x1 = float(np.float32(4 * u1 - 2))
        x2 = float(np.float32(10 * u2 + 5))
        x3 = float("nan") if i % 13 == 0 else float(np.float32(3 * u3 * u3))
        colour = int(u4 * 3)
        x3_or_mean = 1.0 if np.isnan(x3) else x3
        margin = 0.8 * x1 - 0.3 * (x2 - 10) + 1.2 * x3_or_mean - 1 + [0.5, -0.5, 0.0][colour]
        binary = 1 if u5 < 1 / (1 + np.exp(-margin)) else 0
        s = x1 + 0.5 * x3_or_mean + 0.3 * colour + 2 * (u6 - 0.5)
        klass = 0 if s < -0.5 else (1 if s < 1 else 2)
        target = 2 * x1 - 0.5 * x2 + 3 * x3_or_mean + [1.0, 0.0, -1.0][colour] + (u7 - 0.5)
        rows.append((x1, x2, x3, colour, binary, klass, float(np.float32(target))))
    return rows


rows = dataset()
numeric = np.array([r[:3] for r in rows], dtype=np.float64)
mean = np.nanmean(numeric, axis=0)
scale = np.sqrt(np.nanmean((numeric - mean) ** 2, axis=0))
standardised = np.nan_to_num((numeric - mean) / scale, nan=0.0).astype(np.float32).astype(np.float64)
one_hot = np.eye(3)[[r[3] for r in rows]]
X = np.hstack([standardised, one_hot])
binary = np.array([r[4] for r in rows])
klass = np.array([r[5] for r in rows])
target = np.array([r[6] for r in rows])
print("class counts", np.bincount(klass), "positives", binary.sum())

C = 1 / (L2 * ROWS)
fmt = lambda a: ", ".join(f"{v:.10f}" for v in np.ravel(a))
logistic = LogisticRegression(C=C, solver="newton-cg", tol=1e-10, max_iter=1000).fit(X, binary)
print("binary intercept", fmt(logistic.intercept_))
print("binary coef", fmt(logistic.coef_))
# newton-cg may warn that it "failed to converge" here: its line search stalls once the gradient is ~1e-11.
softmax = LogisticRegression(C=C, solver="newton-cg", tol=1e-10, max_iter=1000, multi_class="multinomial").fit(X, klass)
print("multinomial intercept (centred)", fmt(softmax.intercept_ - softmax.intercept_.mean()))
print("multinomial coef (class-major)", fmt(softmax.coef_))
ridge = Ridge(alpha=L2 * ROWS, solver="cholesky").fit(X, target)
print("ridge intercept", fmt(ridge.intercept_))
print("ridge coef", fmt(ridge.coef_))
