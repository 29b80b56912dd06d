using Microsoft.Data.Sqlite;

namespace LessData.Tests.Store;

/// <summary>A test class's own temporary folder with a SQLite store path in it, removed (pools cleared first) after the test.</summary>
public abstract class TempStoreFolder : IDisposable
{
    protected TempStoreFolder(string prefix) => Folder = Directory.CreateTempSubdirectory(prefix).FullName;

    /// <summary>The folder.</summary>
    protected string Folder { get; }

    /// <summary>runs.db in the folder.</summary>
    protected string StorePath => Path.Combine(Folder, "runs.db");

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(Folder, recursive: true);
        GC.SuppressFinalize(this);
    }
}
