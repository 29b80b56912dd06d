namespace LessData.Data;

/// <summary>The real downloader: HttpClient for http(s), a copy for file:// URLs and local paths.</summary>
internal sealed class HttpDownloader : IDownloader
{
    private static readonly HttpClient s_client = new() { Timeout = TimeSpan.FromMinutes(30) };

    public void Download(string url, string destination, CancellationToken cancel = default)
    {
        if (Uri.TryCreate(url, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https")
        {
            try
            {
                using var response = s_client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, cancel).GetAwaiter().GetResult();
                response.EnsureSuccessStatusCode();
                using var source = response.Content.ReadAsStream(cancel);
                using var target = File.Create(destination);
                source.CopyTo(target);
                return;
            }
            catch (HttpRequestException e)
            {
                throw new UserError($"(or LESSDATA_MIRROR) holds the files without internet: download of {url} failed ({e.Message})", parameter: DataOptions.DataDirSetting);
            }
            catch (TaskCanceledException)
            {
                throw new UserError($"(or LESSDATA_MIRROR) holds the files without internet: download of {url} timed out", parameter: DataOptions.DataDirSetting);
            }
        }
        var path = uri is { IsFile: true } ? uri.LocalPath : url;
        if (!File.Exists(path)) throw new UserError($"download source {url} does not exist");
        File.Copy(path, destination, overwrite: true);
    }
}
