namespace LessData.Data;

/// <summary>Fetches one URL into a file. file:// URLs and plain paths are copied; http(s) goes over the network.</summary>
internal interface IDownloader
{
    void Download(string url, string destination, CancellationToken cancel = default);
}
