namespace MlopsBuild.Router.Tests.Support;

/// <summary>Waits for a condition that another party makes true, failing with what was awaited after a bound.</summary>
static class Poll
{
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, int timeoutSeconds = 10)
    {
        var deadline = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) Assert.Fail($"Waited {timeoutSeconds} s for {what}.");
            await Task.Delay(5);
        }
    }
}
