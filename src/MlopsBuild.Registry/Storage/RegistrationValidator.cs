using MlopsBuild.Registry.Errors;
using MlopsBuild.Registry.Versions;

namespace MlopsBuild.Registry.Storage;

/// <summary>Rejects a registration that would write a misleading record, before anything is written.</summary>
internal static class RegistrationValidator
{
    public static void Check(RegistrationRequest request)
    {
        if (request.Artifacts.Count == 0) throw Invalid("it has no artifacts; register at least the model file");
        foreach (var name in request.Artifacts.Keys) Names.CheckArtifact(name);
        foreach (var (name, value) in request.Metrics)
        {
            if (string.IsNullOrWhiteSpace(name)) throw Invalid("a metric has an empty name");
            if (!double.IsFinite(value)) throw Invalid($"metric '{name}' is {value}; only finite numbers can be compared");
        }
        if (string.IsNullOrWhiteSpace(request.Lineage.Trainer)) throw Invalid("the lineage has no trainer");
        if (string.IsNullOrWhiteSpace(request.Lineage.CreatedBy)) throw Invalid("the lineage does not say who created the model");
        if (request.Lineage.Parameters.Keys.Any(string.IsNullOrWhiteSpace)) throw Invalid("a parameter has an empty name");
        var failed = request.Checks.Where(c => !c.Passed).ToList();
        if (request.Accepted && failed.Count > 0)
            throw Invalid($"it is marked accepted although check '{failed[0].Name}' failed ({failed[0].Reason})");
        if (!request.Accepted && failed.Count == 0)
            throw Invalid("it is marked rejected but no check failed; a rejection needs a failed check that says why");
    }

    public static IReadOnlyList<string> RejectionReasons(RegistrationRequest request) =>
        request.Checks.Where(c => !c.Passed).Select(c => $"{c.Kind} {c.Name}: {c.Reason}").ToList();

    static RegistryException Invalid(string problem) => new($"Cannot register the model: {problem}.");
}
