namespace LessData.Store;

/// <summary>Copies every table of one store into another, empty one (SQLite ↔ PostgreSQL), row for row with the same ids.</summary>
internal static class StoreCopy
{
    /// <summary>Rows copied per table.</summary>
    public static IReadOnlyDictionary<string, int> Copy(RunStore from, RunStore to)
    {
        var tables = RunStoreSchema.Tables.Select(t => (t.Table, t.Columns, from.ReadTable(t.Table, t.Columns))).ToList();
        to.WriteTables(tables);
        return tables.ToDictionary(t => t.Table, t => t.Item3.Count);
    }
}
