namespace MlopsBuild.Quality.ModelCards;

/// <summary>One point of a curve: (false positive rate, true positive rate) on ROC, (recall, precision) on PR.</summary>
internal readonly record struct CurvePoint(double X, double Y);
