namespace MlopsBuild.Quality.Gates;

/// <summary>The values of <see cref="CheckResult.Kind"/>.</summary>
public static class CheckKinds
{
    public const string Threshold = "threshold";
    public const string Champion = "champion";
    public const string Slice = "slice";
    public const string Invariance = "invariance";
    public const string Direction = "direction";
    public const string Golden = "golden";
    public const string Data = "data";
}
