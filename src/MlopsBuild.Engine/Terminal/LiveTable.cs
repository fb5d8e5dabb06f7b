using MlopsBuild.Engine.Output;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace MlopsBuild.Engine.Terminal;

/// <summary>Rows under a header as a Spectre table, every cell masked.</summary>
internal static class LiveTable
{
    public static Table Create(string[] header, IEnumerable<string[]> rows, SecretMasker masker)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var name in header) table.AddColumn(new TableColumn(new Text(masker.Apply(name), new Style(decoration: Decoration.Bold))));
        foreach (var row in rows) table.AddRow(row.Select(cell => (IRenderable)new Text(masker.Apply(cell))));
        return table;
    }
}
