namespace MlopsBuild.Registry.Versions;

/// <summary>One check of the quality gate as the registry keeps it (the build maps the Quality library's results to this).</summary>
/// <param name="Kind">threshold, champion, slice, invariance, direction, golden, data…</param>
/// <param name="Name">What was checked, readable on its own: "auc_roc ≥ 0.85".</param>
/// <param name="Reason">Why it passed or failed, with the numbers.</param>
public sealed record GateCheck(string Kind, string Name, bool Passed, string Reason, double? Actual = null, double? Expected = null);
