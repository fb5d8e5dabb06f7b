using System.Text;
using MlopsBuild.Data.Schema;
using MlopsBuild.Testing;

namespace MlopsBuild.Data.Tests.Schema;

public sealed class SchemaFileErrorTests : IDisposable
{
    const string Income = "columns:\n  - name: income\n    type: numeric\n";

    readonly TemporaryDirectory directory = new();

    public void Dispose() => directory.Dispose();

    [Theory]
    // unknown keys, with the closest known key or the list of keys
    [InlineData(Income + "    max_mising: 0.05\n", 4, 5, "unknown key 'max_mising' in column 'income'. Did you mean 'max_missing'?")]
    [InlineData("colour: red\n" + Income, 1, 1, "unknown key 'colour' in the schema. Use one of: rows, separator, allow_extra_columns, drift, columns.")]
    [InlineData("drift: { psi: 0.2, kss: 0.1 }\n" + Income, 1, 20, "unknown key 'kss' in drift. Did you mean 'ks'?")]
    [InlineData(Income + "    drift: { share: 0.5 }\n", 4, 14, "unknown key 'share' in drift of column 'income'. Use one of: psi, ks, jensen_shannon, l_infinity.")]
    [InlineData("rows: { mn: 1 }\n" + Income, 1, 9, "unknown key 'mn' in rows. Did you mean 'min'?")]
    [InlineData(Income + "    min: 0\n    min: 1\n", 5, 5, "'min' is set twice in column 'income' (first on line 4). Keep one of them.")]
    // wrong value types
    [InlineData(Income + "    min: abc\n", 4, 10, "min of column 'income' must be a number, not 'abc'. Write a number such as 0, 12 or 0.5.")]
    [InlineData(Income + "    min: \"5\"\n", 4, 10, "min of column 'income' must be a number, not the text '5'. Remove the quotes around the number.")]
    [InlineData(Income + "    max:\n", 4, 9, "max of column 'income' must be a number, not nothing. Write a number such as 0, 12 or 0.5.")]
    [InlineData(Income + "    unique: yes\n", 4, 13, "unique of column 'income' must be true or false, not 'yes'. Write true or false, without quotes.")]
    [InlineData("allow_extra_columns: [true]\n" + Income, 1, 22, "allow_extra_columns must be true or false, not a list. Write true or false, without quotes.")]
    [InlineData("rows: 1000\n" + Income, 1, 7, "rows must be a mapping, not '1000'. Write it as 'key: value' lines with the keys min, max.")]
    [InlineData("rows: { min: 2.5 }\n" + Income, 1, 14, "min of rows must be a whole number of 0 or more, not 2.5. Write a count such as 1000.")]
    [InlineData("columns:\n  - name: region\n    type: categorical\n    values: north\n", 4, 13, "values of column 'region' must be a list, not 'north'. Write it as [a, b] or as one '- item' line per item.")]
    [InlineData("columns: { name: x }\n", 1, 10, "columns must be a list, not a mapping. Write it as [a, b] or as one '- item' line per item.")]
    [InlineData("columns:\n  - name: [a]\n    type: text\n", 2, 11, "the name of column 1 must be a text, not a list. Write a value after the colon.")]
    [InlineData("separator: \";;\"\n" + Income, 1, 12, "separator must be one ASCII character other than a quote or line break, not ';;'. Write one character in quotes, such as \",\", \";\" or \"\\t\".")]
    [InlineData("separator: \"§\"\n" + Income, 1, 12, "separator must be one ASCII character other than a quote or line break, not '§'. Write one character in quotes, such as \",\", \";\" or \"\\t\".")]
    [InlineData("columns:\n  - name: when\n    type: datetime\n    min: yesterday\n", 4, 10, "min of column 'when' must be an ISO 8601 date or time, not 'yesterday'. Write a date such as 2024-01-31.")]
    [InlineData("columns:\n  - name: region\n    type: categorical\n    min: 0\n", 4, 10, "min of column 'region' is set, but the column is categorical. Remove it: min and max apply to numeric, integer and datetime columns.")]
    // unknown type and role names
    [InlineData("columns:\n  - name: income\n    type: float\n", 3, 11, "unknown type 'float' of column 'income'. Use one of: numeric, integer, categorical, boolean, text, datetime.")]
    [InlineData(Income + "    role: target\n", 4, 11, "unknown role 'target' of column 'income'. Use one of: feature, label, id, ignored.")]
    // what every column needs
    [InlineData("columns:\n  - type: numeric\n", 2, 5, "column 1 has no name. Add 'name:' with the column's header in the data.")]
    [InlineData("columns:\n  - name: income\n", 2, 5, "column 'income' has no type. Add 'type:' with one of: numeric, integer, categorical, boolean, text, datetime.")]
    [InlineData("columns:\n  - name: \"\"\n    type: text\n", 2, 11, "the name of column 1 is empty. Write the column's header in the data.")]
    // duplicate column names
    [InlineData(Income + "  - name: age\n    type: integer\n  - name: income\n    type: numeric\n", 6, 11, "column 'income' is defined twice (first on line 2). Remove one of them, or correct its name.")]
    // min above max
    [InlineData(Income + "    min: 10\n    max: 5\n", 4, 10, "min 10 of column 'income' is greater than its max 5. Swap them, or correct one.")]
    [InlineData("rows: { min: 100, max: 10 }\n" + Income, 1, 14, "min 100 of rows is greater than its max 10. Swap them, or correct one.")]
    [InlineData("columns:\n  - name: when\n    type: datetime\n    min: 2025-01-01\n    max: 2024-01-01\n", 4, 10, "min 2025-01-01 of column 'when' is greater than its max 2024-01-01. Swap them, or correct one.")]
    // fractions outside [0, 1]
    [InlineData(Income + "    max_missing: 5\n", 4, 18, "max_missing of column 'income' is 5, outside [0, 1]. Write a share between 0 and 1, such as 0.05 for 5%.")]
    [InlineData(Income + "    mostly: -0.1\n", 4, 13, "mostly of column 'income' is -0.1, outside [0, 1]. Write a share between 0 and 1, such as 0.05 for 5%.")]
    [InlineData("drift: { share: 1.5 }\n" + Income, 1, 17, "share of drift is 1.5, outside [0, 1]. Write a share between 0 and 1, such as 0.05 for 5%.")]
    [InlineData(Income + "    drift: { ks: 2 }\n", 4, 18, "ks of drift of column 'income' is 2, outside [0, 1]. Write a share between 0 and 1, such as 0.05 for 5%.")]
    [InlineData("drift: { psi: -1 }\n" + Income, 1, 15, "psi of drift is -1, below 0. Write 0 or more.")]
    // an invalid regular expression
    [InlineData("columns:\n  - name: id\n    type: text\n    pattern: \"C[0-9\"\n", 4, 14, "pattern of column 'id' is not a valid regular expression (Invalid pattern 'C[0-9' at offset 5. Unterminated [] set). Fix the pattern (.NET regular expression syntax).")]
    // more than one label
    [InlineData("columns:\n  - name: a\n    type: boolean\n    role: label\n  - name: b\n    type: boolean\n    role: Label\n", 7, 11, "column 'b' is a second label (the first is on line 4). Keep role: label on the one column the model predicts; make the other a feature or ignored.")]
    // values for a column that is not categorical
    [InlineData(Income + "    values: [1, 2]\n", 4, 5, "column 'income' lists values, but it is numeric. Remove values, or make the column categorical (type: categorical).")]
    [InlineData("columns:\n  - name: region\n    type: categorical\n    values: [north, north]\n", 4, 21, "value 'north' is listed twice in column 'region'. Remove one of them.")]
    [InlineData("columns:\n  - name: region\n    type: categorical\n    values: []\n", 4, 13, "column 'region' lists no values. List its categories, or remove values to accept any.")]
    // no columns
    [InlineData("rows: { min: 1 }\n", 1, 1, "the schema has no columns. Add a 'columns' list with one entry (name, type) per column of the data.")]
    [InlineData("# only a comment\ncolumns: []\n", 2, 10, "the schema has no columns. Add a 'columns' list with one entry (name, type) per column of the data.")]
    [InlineData("", 1, 1, "the schema file is empty. Add a 'columns' list with one entry (name, type) per column of the data.")]
    [InlineData("- name: x\n", 1, 1, "the schema must be a mapping, not a list. Write it as 'key: value' lines with the keys rows, separator, allow_extra_columns, drift, columns.")]
    // malformed YAML: the parser's position
    [InlineData("columns:\n  - {name: x, type: text\n", 3, 1, "not valid YAML: While parsing a flow mapping, did not find expected ',' or '}'. Fix the syntax there (indentation, quotes, brackets and 'key: value' spacing).")]
    [InlineData("columns:\n  - name: x\n    type: text\n  name: y\n", 4, 3, "not valid YAML: While parsing a block collection, did not find expected '-' indicator. Fix the syntax there (indentation, quotes, brackets and 'key: value' spacing).")]
    [InlineData("columns: a: b\n", 1, 11, "not valid YAML: While scanning a plain scalar value, found invalid mapping. Fix the syntax there (indentation, quotes, brackets and 'key: value' spacing).")]
    [InlineData("columns:\n  - name: \"x\n", 2, 11, "not valid YAML: While scanning a quoted scalar, found unexpected end of stream. Fix the syntax there (indentation, quotes, brackets and 'key: value' spacing).")]
    [InlineData("rows: [1, 2\ncolumns: []\n", 1, 9, "not valid YAML after this position (an unclosed '[' or '{'?). Fix the syntax there (indentation, quotes, brackets and 'key: value' spacing).")]
    [InlineData(Income + "---\n" + Income, 4, 1, "the file holds more than one YAML document. Keep one schema per file: remove the second '---' and what follows it.")]
    [InlineData(Income + "    min: *low\n", 4, 10, "the alias '*low' refers to no anchor. Define '&low' on a value before this line.")]
    public void A_yaml_mistake_is_reported_where_it_is_with_what_to_do(string yaml, int line, int column, string message)
    {
        var path = directory.Write("loans.schema.yaml", yaml);

        var error = Assert.Throws<SchemaFileException>(() => SchemaFile.Load(path));

        Assert.Equal($"{path}({line},{column}): {message}", error.Message);
        Assert.Equal((path, line, column), (error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("{\n  \"columns\": [\n    { \"name\": \"x\", \"type\": \"numeric\", \"min\": \"abc\" }\n  ]\n}\n", 3, 46, "min of column 'x' must be a number, not 'abc'. Write a number such as 0, 12 or 0.5.")]
    [InlineData("{\n  \"columns\": [\n    { \"name\": \"x\", \"type\": \"numeric\", \"min\": \"5\" }\n  ]\n}\n", 3, 46, "min of column 'x' must be a number, not the text '5'. Remove the quotes around the number.")]
    [InlineData("{\n  \"columns\": [\n    { \"name\": \"é\", \"type\": \"numerc\" }\n  ]\n}\n", 3, 28, "unknown type 'numerc' of column 'é'. Use one of: numeric, integer, categorical, boolean, text, datetime.")]
    [InlineData("{\n  \"colums\": []\n}\n", 2, 3, "unknown key 'colums' in the schema. Did you mean 'columns'?")]
    [InlineData("{\n  \"columns\": [\n    { \"name\": \"x\", \"type\": \"numeric\", \"min\": 1,, }\n  ]\n}\n", 3, 48, "not valid JSON: ',' is an invalid start of a property name. Fix the syntax there (quotes, commas, brackets).")]
    [InlineData("{ \"columns\": [] }\n{}\n", 2, 1, "not valid JSON: '{' is invalid after a single JSON value. Fix the syntax there (quotes, commas, brackets).")]
    public void A_json_mistake_is_reported_where_it_is_with_what_to_do(string json, int line, int column, string message)
    {
        var path = directory.Write("loans.schema.json", json);

        var error = Assert.Throws<SchemaFileException>(() => SchemaFile.Load(path));

        Assert.Equal($"{path}({line},{column}): {message}", error.Message);
        Assert.Equal((path, line, column), (error.File, error.Line, error.Column));
    }

    [Theory]
    [InlineData("loans.schema.yaml", "columns:\n  - name: caf\u00e9\n    type: numeric\n", 2, 14)]
    [InlineData("loans.schema.json", "{\n  \"columns\": [ { \"name\": \"caf\u00e9\", \"type\": \"numeric\" } ]\n}\n", 2, 30)]
    public void A_file_not_in_utf8_is_refused_at_its_first_foreign_byte(string name, string text, int line, int column)
    {
        var path = directory.File(name);
        File.WriteAllBytes(path, Encoding.Latin1.GetBytes(text));

        var error = Assert.Throws<SchemaFileException>(() => SchemaFile.Load(path));

        Assert.Equal($"{path}({line},{column}): byte 0xE9 is not valid UTF-8. Save the schema file as UTF-8.", error.Message);
    }

    [Theory]
    [InlineData("loans.schema.yaml", "columns:\n  - name: caf\u00e9\n    type: numeric\n")]
    [InlineData("loans.schema.json", "{ \"columns\": [ { \"name\": \"caf\u00e9\", \"type\": \"numeric\" } ] }\n")]
    public void A_utf8_file_may_start_with_a_byte_order_mark(string name, string text)
    {
        var path = directory.File(name);
        File.WriteAllBytes(path, [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(text)]);

        Assert.Equal("caf\u00e9", Assert.Single(SchemaFile.Load(path).Columns).Name);
    }

    [Fact]
    public void A_json_string_escaping_half_a_surrogate_pair_is_refused_where_it_is()
    {
        var path = directory.Write("loans.schema.json", "{\n  \"columns\": [ { \"name\": \"x\\ud800\", \"type\": \"numeric\" } ]\n}\n");

        var error = Assert.Throws<SchemaFileException>(() => SchemaFile.Load(path));

        Assert.Equal((2, 26), (error.Line, error.Column));
        Assert.Contains("escapes half of a surrogate pair", error.Message);
    }

    [Fact]
    public void A_file_that_is_neither_yaml_nor_json_is_refused()
    {
        var path = directory.Write("loans.schema.txt", Income);

        var error = Assert.Throws<SchemaFileException>(() => SchemaFile.Load(path));

        Assert.Equal($"{path}(1,1): a schema file must be YAML or JSON, not '.txt'. Name it with .yaml, .yml or .json.", error.Message);
    }

    [Fact]
    public void A_missing_file_is_reported_as_such()
    {
        var path = directory.File("missing.yaml");

        var error = Assert.Throws<SchemaFileException>(() => SchemaFile.Load(path));

        Assert.Equal($"{path}(1,1): the schema file does not exist. Check the path, or write the schema file.", error.Message);
    }
}
