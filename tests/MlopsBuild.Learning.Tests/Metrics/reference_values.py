"""Writes reference_cases.json: small data sets and the metrics scikit-learn computes for them.

The C# tests read the JSON and compare; they never run Python. Re-run after changing a case:
    /usr/bin/python3 tests/MlopsBuild.Learning.Tests/Metrics/reference_values.py
Made with scikit-learn 1.2.1 and numpy; the data come from a fixed seed, so the output is the same every run.
NaN (a metric scikit-learn does not define for the data) is written as null.
"""
import json
import math
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, average_precision_score, confusion_matrix, f1_score, log_loss,
                             mean_absolute_error, mean_squared_error, precision_score, r2_score, recall_score,
                             roc_auc_score)

EPS = 1e-15  # the C# metrics clip at 1e-15; scikit-learn 1.2's default eps="auto" would be 2.2e-16
rng = np.random.default_rng(20240611)


def number(value):
    value = float(value)
    return None if math.isnan(value) else value


def binary_case(name, labels, probabilities, threshold=0.5):
    labels = np.asarray(labels, dtype=np.float32)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    y = labels.astype(np.int64)
    predicted = (probabilities >= threshold).astype(np.int64)
    try:
        auc = roc_auc_score(y, probabilities)
    except ValueError:  # one class only: scikit-learn does not define it
        auc = math.nan
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # "no positive class found": scikit-learn then returns 0
        ap = average_precision_score(y, probabilities)
    (tn, fp), (fn, tp) = confusion_matrix(y, predicted, labels=[0, 1])
    return {
        "name": name,
        "threshold": threshold,
        "labels": [float(v) for v in labels],
        "probabilities": [float(v) for v in probabilities],
        "expected": {
            "count": len(y),
            "positives": int(y.sum()),
            "auc_roc": number(auc),
            "auc_pr": number(ap),
            "accuracy": number(accuracy_score(y, predicted)),
            "precision": number(precision_score(y, predicted, zero_division=0)),
            "recall": number(recall_score(y, predicted, zero_division=0)),
            "f1": number(f1_score(y, predicted, zero_division=0)),
            "log_loss": number(log_loss(y, probabilities, eps=EPS, labels=[0, 1])),
            "true_positives": int(tp), "false_positives": int(fp),
            "true_negatives": int(tn), "false_negatives": int(fn),
        },
    }


def multiclass_case(name, labels, probabilities):
    labels = np.asarray(labels, dtype=np.float32)
    probabilities = np.asarray(probabilities, dtype=np.float64)
    k = probabilities.shape[1]
    y = labels.astype(np.int64)
    predicted = np.argmax(probabilities, axis=1)  # ties: the lowest index
    classes = list(range(k))
    return {
        "name": name,
        "class_count": k,
        "labels": [float(v) for v in labels],
        "probabilities": [float(v) for v in probabilities.ravel()],
        "expected": {
            "count": len(y),
            "accuracy": number(accuracy_score(y, predicted)),
            # No labels list: classes absent from both labels and predictions are left out of the mean.
            "macro_f1": number(f1_score(y, predicted, average="macro", zero_division=0)),
            "log_loss": number(log_loss(y, probabilities, eps=EPS, labels=classes)),
            "confusion_matrix": confusion_matrix(y, predicted, labels=classes).tolist(),
            "precision": [number(v) for v in precision_score(y, predicted, average=None, labels=classes, zero_division=0)],
            "recall": [number(v) for v in recall_score(y, predicted, average=None, labels=classes, zero_division=0)],
            "f1": [number(v) for v in f1_score(y, predicted, average=None, labels=classes, zero_division=0)],
        },
    }


def regression_case(name, labels, predictions):
    labels = np.asarray(labels, dtype=np.float32).astype(np.float64)  # the C# labels are float32
    predictions = np.asarray(predictions, dtype=np.float64)
    return {
        "name": name,
        "labels": [float(v) for v in labels],
        "predictions": [float(v) for v in predictions],
        "expected": {
            "count": len(labels),
            "rmse": number(math.sqrt(mean_squared_error(labels, predictions))),
            "mae": number(mean_absolute_error(labels, predictions)),
            "r2": number(r2_score(labels, predictions)),
        },
    }


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def binary_cases():
    tie_labels = rng.integers(0, 2, 40)
    tie_scores = np.clip(np.round(0.3 * tie_labels + rng.uniform(0, 0.7, 40), 1), 0, 1)  # tenths: many ties, 0.5 among them
    continuous_labels = rng.integers(0, 2, 500)
    continuous_scores = sigmoid(1.5 * (2 * continuous_labels - 1) + rng.normal(0, 2, 500))
    continuous_scores[:6] = [0.0, 1.0, 0.0, 1.0, 1e-17, 1 - 1e-16]  # exact 0 and 1, and beyond the clipping bounds
    ordered_labels = np.array([0, 0, 0, 1, 0, 1, 1, 1])
    ordered_scores = np.linspace(0.05, 0.95, 8)
    perfect_labels = np.sort(ordered_labels)
    return [
        binary_case("ties", tie_labels, tie_scores),
        binary_case("ties_threshold_0_3", tie_labels, tie_scores, threshold=0.3),
        binary_case("continuous_with_0_and_1", continuous_labels, continuous_scores),
        binary_case("continuous_threshold_0_8", continuous_labels, continuous_scores, threshold=0.8),
        binary_case("all_predicted_negative", tie_labels, 0.4 * rng.uniform(0, 1, 40)),
        binary_case("all_predicted_positive", tie_labels, 0.6 + 0.4 * rng.uniform(0, 1, 40)),
        binary_case("perfect_ranking", perfect_labels, ordered_scores),
        binary_case("inverted_ranking", perfect_labels, ordered_scores[::-1]),
        binary_case("mostly_ordered", ordered_labels, ordered_scores),
        binary_case("constant_scores", tie_labels, np.full(40, 0.5)),
        binary_case("threshold_0", tie_labels, tie_scores, threshold=0.0),
        binary_case("threshold_1", tie_labels, tie_scores, threshold=1.0),
        binary_case("only_positive_labels", np.ones(10), rng.uniform(0, 1, 10)),
        binary_case("only_negative_labels", np.zeros(10), rng.uniform(0, 1, 10)),
    ]


def multiclass_cases():
    dirichlet = rng.dirichlet([1.0, 1.0, 1.0], 120)
    dirichlet_labels = np.array([rng.choice(3, p=p) for p in dirichlet])
    third = 1 / 3
    ties = [[0.4, 0.4, 0.2], [third, third, third], [0.2, 0.4, 0.4], [0.1, 0.45, 0.45], [0.5, 0.25, 0.25], [0.3, 0.3, 0.4]]
    absent = rng.dirichlet([2.0, 2.0, 2.0, 0.1], 60)
    absent[:, 3] = 0.01  # class 3 is never the most probable and never a label
    absent /= absent.sum(axis=1, keepdims=True)
    absent_labels = rng.integers(0, 3, 60)
    # class 2 is a label but never predicted; class 3 is predicted but never a label
    skewed = [[0.7, 0.1, 0.1, 0.1], [0.1, 0.7, 0.1, 0.1], [0.6, 0.1, 0.2, 0.1], [0.1, 0.2, 0.3, 0.4],
              [0.2, 0.1, 0.3, 0.4], [0.1, 0.6, 0.3, 0.0], [0.25, 0.25, 0.25, 0.25], [0.0, 0.0, 0.1, 0.9]]
    skewed_labels = [0, 1, 2, 2, 0, 1, 2, 1]
    unnormalised = [[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.5, 0.5, 0.5], [0.0, 0.0, 0.0], [0.2, 0.1, 0.1], [0.9, 0.8, 1.0]]
    return [
        multiclass_case("dirichlet_k3", dirichlet_labels, dirichlet),
        multiclass_case("argmax_ties", [1, 0, 2, 1, 0, 2], ties),
        multiclass_case("absent_class_k4", absent_labels, absent),
        multiclass_case("unpredicted_and_unsupported_classes", skewed_labels, skewed),
        multiclass_case("unnormalised_rows_with_0_and_1", [1, 1, 2, 0, 0, 1], unnormalised),
    ]


def regression_cases():
    x = rng.normal(0, 1, 200)
    labels = np.float32(3 * x + rng.normal(0, 0.5, 200))
    offset_labels = np.float32(10_000 + rng.normal(0, 1, 200))
    return [
        regression_case("noisy_linear", labels, 3 * x),
        regression_case("large_offset", offset_labels, offset_labels.astype(np.float64) + rng.normal(0, 0.3, 200)),
        regression_case("worse_than_the_mean", labels, -3 * x),
        regression_case("constant_label", np.full(20, 2.5), rng.normal(2.5, 1, 20)),
        regression_case("constant_label_exact", np.full(20, 2.5), np.full(20, 2.5)),
        regression_case("exact", labels, labels.astype(np.float64)),
    ]


def main():
    cases = {
        "generator": f"reference_values.py, scikit-learn {sklearn.__version__}, numpy {np.__version__}",
        "binary": binary_cases(),
        "multiclass": multiclass_cases(),
        "regression": regression_cases(),
    }
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "reference_cases.json")
    with open(path, "w", encoding="utf-8") as file:
        json.dump(cases, file, indent=1, allow_nan=False)
        file.write("\n")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
