using MlopsBuild.Core.Text;

namespace MlopsBuild.Quality.Gates;

/// <summary>The declaration checks of gates that name a column.</summary>
internal static class ColumnDeclaration
{
    /// <summary>The candidate's input called <paramref name="column"/>, or −1 when the model does not read it.</summary>
    public static int InputIndex(GateRun run, string column)
    {
        var inputs = run.Candidate.Signature.Inputs;
        for (var i = 0; i < inputs.Count; i++)
            if (inputs[i].Name == column) return i;
        return -1;
    }

    /// <summary>
    /// A column the model does not read must at least be a column of the data. Without the schema in the context only
    /// the dataset's own columns are known, and any other name is taken as a column the model does not read.
    /// </summary>
    /// <exception cref="GateDeclarationException">The schema is known and has no such column.</exception>
    public static void RequireKnown(Gate gate, GateRun run, string column)
    {
        if (run.Context.Schema is not { } schema || schema.Columns.Any(c => c.Name == column)) return;
        var names = schema.Columns.Select(c => c.Name).ToArray();
        throw GateDeclarationException.For(gate,
            $"the data has no column '{column}'. Its columns are {string.Join(", ", names)}.{ClosestMatch.Hint(column, names)}");
    }

    public static void RequireName(Gate gate, string column)
    {
        if (string.IsNullOrWhiteSpace(column)) throw GateDeclarationException.For(gate, "the column name is empty; name a column of the data");
    }
}
