using System.Text;

namespace MlopsBuild.Engine.Output;

/// <summary>
/// Installed as <see cref="Console.Out"/> and <see cref="Console.Error"/>, so whatever a target (or a library it
/// calls) writes is masked and attributed to that target. Writes outside any target pass straight through.
/// The current target flows with the async context, so parallel targets — and parallel builds in tests — do not mix.
/// </summary>
internal sealed class ConsoleRouter : TextWriter
{
    static readonly AsyncLocal<TargetLog?> current = new();
    static readonly Lock installGate = new();
    static bool installed;

    readonly TextWriter passThrough;

    ConsoleRouter(TextWriter passThrough) => this.passThrough = passThrough;

    public override Encoding Encoding => passThrough.Encoding;

    public static TargetLog? Current
    {
        get => current.Value;
        set => current.Value = value;
    }

    public static void Install()
    {
        lock (installGate)
        {
            if (installed) return;
            Console.SetOut(new ConsoleRouter(Console.Out));
            Console.SetError(new ConsoleRouter(Console.Error));
            installed = true;
        }
    }

    public override void Write(char value)
    {
        if (current.Value is { } log) log.Append(value.ToString());
        else passThrough.Write(value);
    }

    public override void Write(string? value)
    {
        if (value is null) return;
        if (current.Value is { } log) log.Append(value);
        else passThrough.Write(value);
    }

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => Write((value ?? "") + Environment.NewLine);

    public override void Flush()
    {
        if (current.Value is null) passThrough.Flush();
    }
}

/// <summary>Collects a target's console text into whole lines (secrets can only be masked in whole lines).</summary>
internal sealed class TargetLog(BuildOutput output, string target)
{
    readonly StringBuilder partial = new();

    public void Append(string text)
    {
        lock (partial)
        {
            foreach (var c in text)
            {
                if (c == '\n')
                {
                    output.WriteLine(partial.ToString().TrimEnd('\r'), target);
                    partial.Clear();
                }
                else partial.Append(c);
            }
        }
    }

    public void Flush()
    {
        lock (partial)
        {
            if (partial.Length == 0) return;
            output.WriteLine(partial.ToString(), target);
            partial.Clear();
        }
    }
}
