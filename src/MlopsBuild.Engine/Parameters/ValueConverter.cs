using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using MlopsBuild.Core.Text;
using MlopsBuild.Engine.Paths;

namespace MlopsBuild.Engine.Parameters;

/// <summary>Converts parameter text to a member's type; throws <see cref="FormatException"/> saying what was expected.</summary>
internal static class ValueConverter
{
    /// <param name="values">The raw values (several for arrays).</param>
    /// <param name="baseDirectory">Relative paths are resolved against it.</param>
    public static object? Convert(IReadOnlyList<string> values, Type type, string baseDirectory)
    {
        if (type.IsArray)
        {
            var elementType = type.GetElementType()!;
            var array = Array.CreateInstance(elementType, values.Count);
            for (var i = 0; i < values.Count; i++) array.SetValue(ConvertOne(values[i], elementType, baseDirectory), i);
            return array;
        }
        if (values.Count == 0)
            return type == typeof(bool) || type == typeof(bool?)
                ? true
                : throw new FormatException("the value is missing");
        if (values.Count > 1)
            throw new FormatException($"{values.Count} values were given but it takes one");
        return ConvertOne(values[0], type, baseDirectory);
    }

    static object? ConvertOne(string text, Type type, string baseDirectory)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying == typeof(string)) return text;
        if (underlying == typeof(bool)) return ParseBool(text);
        if (underlying == typeof(AbsolutePath))
            return text.Trim().Length > 0 ? AbsolutePath.Create(text, baseDirectory) : throw new FormatException("the path is empty");
        if (underlying.IsEnum) return ParseEnum(text, underlying);

        // Numbers take no thousands separators: "0,1" must be an error, not 1.
        var numberParse = underlying.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(NumberStyles), typeof(IFormatProvider)]);
        var parse = underlying.GetMethod("Parse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider)]);
        if (numberParse is not null || parse is not null)
        {
            var styles = underlying == typeof(double) || underlying == typeof(float) || underlying == typeof(decimal) || underlying == typeof(Half)
                ? NumberStyles.Float
                : NumberStyles.Integer;
            try
            {
                return numberParse is not null
                    ? numberParse.Invoke(null, [text.Trim(), styles, CultureInfo.InvariantCulture])
                    : parse!.Invoke(null, [text.Trim(), CultureInfo.InvariantCulture]);
            }
            catch (TargetInvocationException) { throw new FormatException($"'{text}' is not valid"); }
        }

        var converter = TypeDescriptor.GetConverter(underlying);
        if (converter.CanConvertFrom(typeof(string)))
        {
            try { return converter.ConvertFromInvariantString(text); }
            catch (Exception e) when (e is NotSupportedException or FormatException or ArgumentException)
            { throw new FormatException($"'{text}' is not valid"); }
        }
        throw new FormatException($"the type {underlying.Name} has no converter: give it a static Parse(string, IFormatProvider) or a TypeConverter");
    }

    static bool ParseBool(string text) => text.Trim().ToLowerInvariant() switch
    {
        "true" or "1" or "yes" or "on" => true,
        "false" or "0" or "no" or "off" => false,
        _ => throw new FormatException($"'{text}' is not valid"),
    };

    static object ParseEnum(string text, Type type)
    {
        var name = Enum.GetNames(type).FirstOrDefault(n => string.Equals(n, text.Trim(), StringComparison.OrdinalIgnoreCase));
        return name is not null
            ? Enum.Parse(type, name)
            : throw new FormatException($"'{text}' is not valid.{ClosestMatch.Hint(text, Enum.GetNames(type))}");
    }

    /// <summary>How a type is named to people in errors and <c>--help</c>.</summary>
    public static string Describe(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray) return $"a list of {Describe(underlying.GetElementType()!)} values";
        if (underlying.IsEnum) return "one of " + string.Join(", ", Enum.GetNames(underlying));
        return underlying switch
        {
            _ when underlying == typeof(string) => "a text",
            _ when underlying == typeof(bool) => "true or false",
            _ when underlying == typeof(int) || underlying == typeof(long) || underlying == typeof(short) => "a whole number",
            _ when underlying == typeof(double) || underlying == typeof(float) || underlying == typeof(decimal) => "a number (with '.' as decimal point)",
            _ when underlying == typeof(AbsolutePath) => "a path",
            _ when underlying == typeof(TimeSpan) => "a duration such as 00:05:00",
            _ => "a " + underlying.Name,
        };
    }

    /// <summary>The short placeholder shown in <c>--help</c>: &lt;int&gt;, &lt;gbdt|linear&gt;...</summary>
    public static string Placeholder(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsArray) return Placeholder(underlying.GetElementType()!) + "...";
        if (underlying.IsEnum) return "<" + string.Join("|", Enum.GetNames(underlying)) + ">";
        if (underlying == typeof(AbsolutePath)) return "<path>";
        if (underlying == typeof(bool)) return "";
        return "<" + underlying.Name.ToLowerInvariant() switch
        {
            "int32" or "int64" or "int16" => "int",
            "double" or "single" or "decimal" => "number",
            "string" => "text",
            var name => name,
        } + ">";
    }
}
