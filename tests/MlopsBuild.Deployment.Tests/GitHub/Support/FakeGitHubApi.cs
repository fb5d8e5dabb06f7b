using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using MlopsBuild.Deployment.GitHub;

namespace MlopsBuild.Deployment.Tests.GitHub.Support;

/// <summary>
/// GitHub's REST API as far as the run review history goes, on a free loopback port (Kestrel): every request is kept,
/// and answered with <see cref="Status"/> and <see cref="Body"/> (the reviews set by <see cref="Reviews"/>).
/// </summary>
internal sealed class FakeGitHubApi : IAsyncDisposable
{
    public const string Repository = "acme/churn";
    public const long RunId = 123;
    public const string Token = "ghs_job_token";

    readonly WebApplication app;

    FakeGitHubApi(WebApplication app, Uri url)
    {
        this.app = app;
        Url = url;
    }

    public Uri Url { get; }
    public HttpStatusCode Status { get; set; } = HttpStatusCode.OK;
    public string Body { get; set; } = "[]";
    /// <summary>How long to wait before answering, to try a client's timeout.</summary>
    public TimeSpan Delay { get; set; }
    public ConcurrentQueue<HttpRequestSeen> Requests { get; } = new();

    public static async Task<FakeGitHubApi> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeGitHubApi? api = null;
        app.Run(context => api!.Answer(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return api = new FakeGitHubApi(app, new Uri(address));
    }

    /// <summary>The run as the Promote job sees it, against this fake.</summary>
    public GitHubActionsContext Context(string? token = Token, int attempt = 1) => new(Url, Repository, RunId, attempt, token);

    /// <summary>Answers with these reviews, shaped as GitHub documents them (fields the build does not read included).</summary>
    public void Reviews(params Review[] reviews) => Body = JsonSerializer.Serialize(reviews.Select((review, i) => new
    {
        environments = review.Environments.Select(name => new
        {
            id = 56780428 + name.Length,
            node_id = "MDExOkVudmlyb25tZW50NTY3ODA0Mjg=",
            name,
            url = $"https://api.github.com/repos/{Repository}/environments/{name}",
            html_url = $"https://github.com/{Repository}/deployments/activity_log?environments_filter={name}",
            created_at = "2020-11-23T22:00:40Z",
            updated_at = "2020-11-23T22:00:40Z",
        }),
        state = review.State,
        user = new { login = review.Login, id = 1000 + i, node_id = "MDQ6VXNlcjE=", type = "User", site_admin = false },
        comment = review.Comment,
    }));

    async Task Answer(HttpContext context)
    {
        var headers = context.Request.Headers;
        Requests.Enqueue(new HttpRequestSeen(context.Request.Method, context.Request.Path + context.Request.QueryString,
            headers.Authorization.ToString(), headers.Accept.ToString(), headers.UserAgent.ToString(), headers["X-GitHub-Api-Version"].ToString()));
        if (Delay > TimeSpan.Zero)
        {
            try
            {
                await Task.Delay(Delay, context.RequestAborted);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
        context.Response.StatusCode = (int)Status;
        context.Response.ContentType = "application/json; charset=utf-8";
        await context.Response.WriteAsync(Body);
    }

    bool stopped;

    /// <summary>Stops listening; a second call does nothing (a test may stop the API early to find its port closed).</summary>
    public async ValueTask DisposeAsync()
    {
        if (stopped) return;
        stopped = true;
        await app.StopAsync();
        await app.DisposeAsync();
    }
}

internal sealed record Review(string Login, string State, string? Comment, params string[] Environments);

internal sealed record HttpRequestSeen(string Method, string PathAndQuery, string Authorization, string Accept, string UserAgent, string ApiVersion);
