using Microsoft.Playwright;

namespace GovOpenness.Viewer.Tests;

/// <summary>A launched browser together with the Playwright driver process that owns it; disposing ends both.</summary>
public sealed class LaunchedBrowser(IPlaywright playwright, IBrowser browser) : IAsyncDisposable
{
    public Task<IPage> NewPageAsync(BrowserNewPageOptions? options = null) => browser.NewPageAsync(options);

    public async ValueTask DisposeAsync()
    {
        await browser.CloseAsync();
        playwright.Dispose();
    }
}
