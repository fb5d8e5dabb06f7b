using System.Text.Json;

namespace MlopsBuild.Serving.Requests;

/// <summary>
/// A request's rows as the model's inputs: one JSON value per row and input, whatever form the request had. A cell
/// never set is <see cref="JsonValueKind.Undefined"/>.
/// </summary>
public sealed class InputTable
{
    readonly JsonElement[] cells;

    public InputTable(int rows, int inputs)
    {
        RowCount = rows;
        InputCount = inputs;
        cells = new JsonElement[rows * inputs];
    }

    public int RowCount { get; }

    public int InputCount { get; }

    public ref JsonElement this[int row, int input] => ref cells[row * InputCount + input];
}
