using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using MlopsBuild.Engine.Definition;

namespace MlopsBuild.Engine.Fingerprints;

/// <summary>
/// The hash of what a target does: the IL of its declaration and of every method of the build assembly it
/// reaches (lambdas, local functions, helpers), with metadata tokens replaced by the names they stand for so
/// that unrelated edits elsewhere in the file do not change it; plus the identity of the libraries the build
/// uses, because a change to a trainer must make Train run again. Other targets' declarations are not followed:
/// naming a dependency does not make its code part of this target.
/// </summary>
internal sealed partial class DefinitionFingerprint
{
    readonly Assembly buildAssembly;
    readonly string buildTypeName;
    readonly string libraryIdentity;

    public DefinitionFingerprint(Type buildType)
    {
        buildAssembly = buildType.Assembly;
        buildTypeName = buildType.FullName ?? buildType.Name;
        libraryIdentity = LibraryIdentity(buildAssembly);
    }

    public string Of(ExecutableTarget target)
    {
        var text = new StringBuilder();
        text.AppendLine(libraryIdentity);
        var visited = new HashSet<MethodBase>();
        Describe(target.Property.GetMethod!, text, visited);
        foreach (var action in target.Definition.ActionDelegates) Describe(action.Method, text, visited);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    void Describe(MethodBase method, StringBuilder text, HashSet<MethodBase> visited)
    {
        if (!visited.Add(method) || method.Module.Assembly != buildAssembly) return;
        var il = method.GetMethodBody()?.GetILAsByteArray();
        text.Append("method ").AppendLine(Stable(Name(method)));
        if (il is null) return;

        var typeArguments = method.DeclaringType?.IsGenericType == true ? method.DeclaringType.GetGenericArguments() : null;
        var methodArguments = method.IsGenericMethod ? method.GetGenericArguments() : null;
        var reached = new List<MethodBase>();
        foreach (var instruction in IlInstructions.Read(il))
        {
            text.Append(instruction.OpCode.Name);
            if (instruction.Token is { } token)
            {
                var operand = Resolve(method.Module, token, instruction, typeArguments, methodArguments);
                text.Append(' ').Append(Stable(operand.Text));
                if (operand.Method is { } callee && !ReturnsTarget(callee)) reached.Add(callee);
            }
            else
            {
                text.Append(' ').Append(Convert.ToHexString(instruction.Operand.Span));
            }
            text.Append('\n');
        }
        foreach (var callee in reached) Describe(callee, text, visited);
    }

    static (string Text, MethodBase? Method) Resolve(Module module, int token, IlInstruction instruction, Type[]? typeArguments, Type[]? methodArguments)
    {
        try
        {
            if (instruction.OpCode.OperandType == System.Reflection.Emit.OperandType.InlineString) return ('"' + module.ResolveString(token) + '"', null);
            if (instruction.OpCode.OperandType == System.Reflection.Emit.OperandType.InlineSig) return ("sig", null);
            var member = module.ResolveMember(token, typeArguments, methodArguments);
            return member switch
            {
                MethodBase method => (Name(method), method),
                FieldInfo field => (field.DeclaringType?.FullName + "::" + field.Name, null),
                Type type => (type.FullName ?? type.Name, null),
                _ => (member?.ToString() ?? "?", null),
            };
        }
        catch (ArgumentException)
        {
            return ("token", null);
        }
    }

    /// <summary>
    /// Compiler-generated names carry the ordinal of the member they belong to (<c>&lt;get_Train&gt;b__3_0</c>), which
    /// shifts when a member is added above; the build class's own name is not part of what a target does either.
    /// </summary>
    string Stable(string name) => CompilerOrdinal().Replace(name.Replace(buildTypeName, "Build"), "#");

    [GeneratedRegex(@"(?<=(__|DisplayClass|\|))\d+_\d+")]
    private static partial Regex CompilerOrdinal();

    static bool ReturnsTarget(MethodBase method) => method is MethodInfo info && info.ReturnType == typeof(Target);

    static string Name(MethodBase method) =>
        $"{method.DeclaringType?.FullName}::{method.Name}({string.Join(",", method.GetParameters().Select(p => p.ParameterType.FullName ?? p.ParameterType.Name))})";

    /// <summary>Names and module versions of the non-framework assemblies the build reaches (deterministic builds: the MVID changes with the content).</summary>
    static string LibraryIdentity(Assembly buildAssembly)
    {
        var frameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location) ?? "";
        var engine = typeof(DefinitionFingerprint).Assembly;
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var pending = new Stack<Assembly>([buildAssembly]);
        while (pending.TryPop(out var assembly))
        {
            foreach (var reference in assembly.GetReferencedAssemblies())
            {
                Assembly loaded;
                try { loaded = Assembly.Load(reference); }
                catch (Exception e) when (e is FileNotFoundException or FileLoadException or BadImageFormatException) { continue; }
                var isFramework = loaded.Location.Length == 0 || Path.GetDirectoryName(loaded.Location) == frameworkDirectory;
                if (isFramework || loaded == engine || found.ContainsKey(loaded.GetName().Name!)) continue;
                found[loaded.GetName().Name!] = loaded.ManifestModule.ModuleVersionId.ToString();
                pending.Push(loaded);
            }
        }
        return string.Join(";", found.Select(p => $"{p.Key}={p.Value}"));
    }
}
