using System.Reflection;
using System.Text;

namespace MlopsBuild.Engine.Parameters;

/// <summary>One <see cref="ParameterAttribute"/> member of a build, with the names it is known by.</summary>
internal sealed class ParameterMember
{
    readonly MemberInfo member;

    ParameterMember(MemberInfo member, ParameterAttribute attribute, SecretAttribute? secret, string environmentPrefix)
    {
        this.member = member;
        Name = attribute.Name ?? member.Name;
        MemberName = member.Name;
        Description = attribute.Description ?? secret?.Description;
        IsSecret = secret is not null;
        Option = "--" + Kebab(Name);
        EnvironmentVariable = environmentPrefix + "_" + Kebab(Name).Replace('-', '_').ToUpperInvariant();
        Type = member is FieldInfo field ? field.FieldType : ((PropertyInfo)member).PropertyType;
    }

    public string Name { get; }

    /// <summary>The field or property's own name, as <c>nameof(...)</c> gives it.</summary>
    public string MemberName { get; }

    public string? Description { get; }
    public bool IsSecret { get; }
    public string Option { get; }
    public string EnvironmentVariable { get; }
    public Type Type { get; }
    public bool IsEngineOption => member.DeclaringType == typeof(PipelineBuild);

    /// <summary>A boolean: given alone it means true.</summary>
    public bool IsSwitch => Type == typeof(bool) || Type == typeof(bool?);

    public object? GetValue(object build) => member is FieldInfo field ? field.GetValue(build) : ((PropertyInfo)member).GetValue(build);

    public void SetValue(object build, object? value)
    {
        if (member is FieldInfo field) field.SetValue(build, value);
        else ((PropertyInfo)member).SetValue(build, value);
    }

    public static IReadOnlyList<ParameterMember> Discover(Type buildType)
    {
        var prefix = buildType.GetCustomAttribute<EnvironmentPrefixAttribute>()?.Prefix ?? "MLOPS";
        var members = new List<ParameterMember>();
        for (var type = buildType; type is not null && type != typeof(object); type = type.BaseType)
        {
            const BindingFlags flags = BindingFlags.Instance | BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly;
            foreach (var member in type.GetFields(flags).Cast<MemberInfo>().Concat(type.GetProperties(flags)))
                if (member.GetCustomAttribute<ParameterAttribute>() is { } attribute)
                    members.Add(new ParameterMember(member, attribute, member.GetCustomAttribute<SecretAttribute>(), prefix));
        }

        var duplicate = members.GroupBy(m => m.Name, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new BuildUsageException($"Two parameters are named '{duplicate.Key}'; give one of them [Parameter(Name = ...)].");
        return members.OrderBy(m => m.IsEngineOption).ThenBy(m => m.Name, StringComparer.Ordinal).ToList();
    }

    /// <summary>RegistryPassword → registry-password; MaxParallel → max-parallel; URLPrefix → url-prefix.</summary>
    internal static string Kebab(string name)
    {
        var builder = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            var boundary = i > 0 && char.IsUpper(c) &&
                           (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1])));
            if (boundary) builder.Append('-');
            builder.Append(c == '_' ? '-' : char.ToLowerInvariant(c));
        }
        return builder.ToString();
    }

    public override string ToString() => Name;
}
