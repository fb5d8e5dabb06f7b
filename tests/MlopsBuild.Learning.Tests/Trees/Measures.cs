using MlopsBuild.Learning.Prediction;
using MlopsBuild.Learning.Training;

namespace MlopsBuild.Learning.Tests.Trees;

/// <summary>Accuracy measures the tree tests set floors on.</summary>
internal static class Measures
{
    /// <summary>Raw scores of every row (ScoreCount per row), through the batch path.</summary>
    public static double[] Scores(Predictor predictor, TrainingData data)
    {
        var scores = new double[data.RowCount * predictor.ScoreCount];
        predictor.ScoreRows(data.Features, 0, data.RowCount, scores);
        return scores;
    }

    /// <summary>Area under the ROC curve (ties count half), by ranking.</summary>
    public static double Auc(IReadOnlyList<double> scores, float[] labels)
    {
        var order = Enumerable.Range(0, labels.Length).OrderBy(i => scores[i]).ToArray();
        double rankSum = 0;
        long positives = 0;
        for (var start = 0; start < order.Length;)
        {
            var end = start;
            while (end < order.Length && scores[order[end]] == scores[order[start]]) end++;
            var averageRank = (start + end + 1) / 2.0; // 1-based ranks start+1 … end
            for (var i = start; i < end; i++)
                if (labels[order[i]] == 1) { rankSum += averageRank; positives++; }
            start = end;
        }
        var negatives = labels.Length - positives;
        return (rankSum - positives * (positives + 1) / 2.0) / (positives * (double)negatives);
    }

    /// <summary>Share of rows whose highest score (binary: score &gt; 0) is the label.</summary>
    public static double Accuracy(double[] scores, TrainingData data)
    {
        var k = data.ScoreCount;
        var correct = 0;
        for (var i = 0; i < data.RowCount; i++)
        {
            int predicted;
            if (k == 1) predicted = scores[i] > 0 ? 1 : 0;
            else
            {
                predicted = 0;
                for (var c = 1; c < k; c++) if (scores[i * k + c] > scores[i * k + predicted]) predicted = c;
            }
            if (predicted == (int)data.Labels[i]) correct++;
        }
        return correct / (double)data.RowCount;
    }

    public static double Rmse(double[] scores, float[] labels) =>
        Math.Sqrt(labels.Select((label, i) => (scores[i] - label) * (scores[i] - label)).Average());
}
